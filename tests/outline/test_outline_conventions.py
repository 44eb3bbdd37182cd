"""Issue 11 conventions on small hand-written documents: novels, regulations, English reports, Markdown; traps."""
from __future__ import annotations

import pytest

from reader.outline import extract_outline, nest
from reader.outline.chinese import cn_number
from reader.outline.conventions import CONVENTIONS, extract_with_convention


def outline(text: str, kind: str = "text") -> list[tuple[int, str]]:
    return [(h.level, h.title) for h in extract_outline(text, kind)]


def span(text: str, kind: str = "text") -> list[str]:
    return [text[h.offset:h.offset + h.length] for h in extract_outline(text, kind)]


NOVEL_BODY = "他走了很远的路。\n"


@pytest.mark.parametrize(("line", "value"), [
    ("第两百一十章 归来", 210), ("第二〇九章 旧事", 209), ("第壹佰贰拾章 再会", 120), ("第1024章 千里", 1024),
    ("第１０２４章 全角", 1024), ("第一百零五章 夜行", 105), ("第一千零一章 终局", 1001), ("第十章", 10),
])
def test_chapter_numerals_of_every_kind(line: str, value: int) -> None:
    text = f"书名\n\n{line}\n{NOVEL_BODY}"
    found = extract_outline(text)
    assert [h.title for h in found] == [line]
    assert span(text) == [line]
    assert cn_number(line[1:line.index("章")]) == value


@pytest.mark.parametrize("line", ["楔子", "序章", "引子", "番外一 师父的旧事", "番外篇 渡口", "尾声", "后记", "终章",
                                  "完本感言", "序章：雪夜", "番外3 山门"])
def test_novel_headings_without_a_number(line: str) -> None:
    text = f"书名\n\n{line}\n{NOVEL_BODY}第一章 开始\n{NOVEL_BODY}"
    assert [title for _, title in outline(text)] == [line, "第一章 开始"]


def test_volumes_over_chapters_and_where_the_extras_nest() -> None:
    text = (f"楔子\n{NOVEL_BODY}第一卷 山雨\n第一章 下山\n{NOVEL_BODY}第二章 夜雨\n{NOVEL_BODY}"
            f"第二卷 江湖\n第三章 来客\n{NOVEL_BODY}尾声\n{NOVEL_BODY}后记\n{NOVEL_BODY}完本感言\n{NOVEL_BODY}"
            f"番外一 旧事\n{NOVEL_BODY}")
    assert outline(text) == [(1, "楔子"), (1, "第一卷 山雨"), (2, "第一章 下山"), (2, "第二章 夜雨"),
                             (1, "第二卷 江湖"), (2, "第三章 来客"), (2, "尾声"), (1, "后记"), (1, "完本感言"),
                             (1, "番外一 旧事")]
    assert extract_with_convention(text)[1] == "chinese-novel"


@pytest.mark.parametrize("line", [
    "第一次见面的时候，师父只问了他一句话。", "第二天早上，他的眉毛上结满了霜。", "第一封信是写给母亲的。",
    "第十一章里写到的那个戴斗笠的人，此刻就坐在他对面。", "第十一章里写到的那个人", "第一卷书他翻了三遍",
    "后记里会提到的那场大火", "尾声渐近的时候，说书人总爱拍一下醒木。", "楔子是木匠的说法。", "番外的故事还没写完……",
    "序章写得太长了！", "第三章说的就是这件事……",
])
def test_body_lines_that_start_like_headings_are_not_headings(line: str) -> None:
    text = f"书名\n\n第一章 开始\n{NOVEL_BODY}{line}\n{NOVEL_BODY}第二章 继续\n{NOVEL_BODY}"
    assert [title for _, title in outline(text)] == ["第一章 开始", "第二章 继续"]


@pytest.mark.parametrize("gap", ["", "\n"])
def test_a_contents_block_at_the_top_is_not_the_outline(gap: str) -> None:
    contents = gap.join(["楔子\n", "第一卷 山雨\n", "第一章 下山\n", "第二章 夜雨\n", "后记\n"])
    text = (f"雁回山\n\n目录\n{contents}\n楔子\n{NOVEL_BODY}第一卷 山雨\n第一章 下山\n{NOVEL_BODY}"
            f"第二章 夜雨\n{NOVEL_BODY}后记\n{NOVEL_BODY}")
    found = extract_outline(text)
    body = text.index("\n楔子\n", text.index("后记")) + 1
    assert [h.title for h in found] == ["楔子", "第一卷 山雨", "第一章 下山", "第二章 夜雨", "后记"]
    assert found[0].offset == body and all(h.offset >= body for h in found)


REGULATION = ("某某条例\n\n第一章　总　　则\n\n第一条　为了规范管理，制定本条例。\n\n第二条　本条例适用于本市。\n\n"
              "第二章　管理\n\n第一节　一般规定\n\n第三条　管理单位应当履行下列职责：\n"
              "（一）登记造册；\n（二）定期检查；\n1. 每月一次；\n"
              "第三条规定的职责，由主管部门监督。\n\n第二节　检查\n\n第四条　检查结果应当公开。\n\n"
              "第三章　附　　则\n\n第五条　本条例自公布之日起施行。\n")


def test_regulation_chapters_sections_and_collapsed_articles() -> None:
    found = extract_outline(REGULATION)
    assert [(h.level, h.title, h.collapsed) for h in found] == [
        (1, "第一章 总则", False), (2, "第一条 为了规范管理，制定本条例", True), (2, "第二条 本条例适用于本市", True),
        (1, "第二章 管理", False), (2, "第一节 一般规定", False), (3, "第三条 管理单位应当履行下列职责", True),
        (2, "第二节 检查", False), (3, "第四条 检查结果应当公开", True),
        (1, "第三章 附则", False), (2, "第五条 本条例自公布之日起施行", True)]
    assert span(REGULATION)[1] == "第一条　为了规范管理，制定本条例"
    assert extract_with_convention(REGULATION)[1] == "regulation"


def test_enumerations_inside_articles_are_not_headings() -> None:
    titles = [title for _, title in outline(REGULATION)]
    assert not any(title.startswith(("（一）", "（二）", "1.")) for title in titles)
    assert not any("规定的职责" in title for title in titles)


def test_an_article_entry_is_its_first_clause_when_the_sentence_is_long() -> None:
    text = ("第一条　为了规范社区图书室的设立和管理，保障居民的阅读权利，"
            "根据有关法律、法规，结合本市实际，制定本办法。\n第二条　本办法适用于本市。\n")
    found = extract_outline(text)
    assert found[0].title == "第一条 为了规范社区图书室的设立和管理，保障居民的阅读权利，根据有关法律、法规"
    assert [h.level for h in found] == [1, 1] and all(h.collapsed for h in found)


def test_a_lone_article_number_is_not_a_regulation() -> None:
    text = "第一章　总则\n第一条　为了规范管理，制定本条例。\n第二章　管理\n正文。\n第五条　另有规定。\n"
    assert outline(text) == [(1, "第一章 总则"), (1, "第二章 管理")]


def test_an_excerpt_of_a_regulation_is_one_from_its_consecutive_articles() -> None:
    text = "（节选）\n第十条　应当公开。\n（一）名单；\n第十一条　应当备案。\n"
    assert outline(text) == [(1, "第十条 应当公开"), (1, "第十一条 应当备案")]


REPORT = ("A REVIEW\n\nI. INTRODUCTION\n\nText.\n\nI. M. Pei said that a building should honour its users.\n\n"
          "II. METHOD\n\nA. Data Collection\n\nText.\n\nA. J. Ayer argued the opposite.\n\n1. Attendance records\n\n"
          "Text.\n\n2. Reading tests\n\nText.\n\nB. Analysis\n\nText.\n\nIII. RECOMMENDATIONS\n\nWe recommend:\n"
          "1. Extend the evening sessions\n2. Train more tutors\n3. Publish the figures\n\nThree questions remain:\n\n"
          "1. Whether the gains last\n\n2. Whether smaller groups help\n\nIV. DISCUSSION\n\nText.\n\n"
          "APPENDIX A. Survey Instrument\n\nText.\n\nAPPENDIX B\nAttendance Tables\n\nText.\n")


def test_roman_over_lettered_over_numbered_sections_and_appendices() -> None:
    assert outline(REPORT) == [
        (1, "I. INTRODUCTION"), (1, "II. METHOD"), (2, "A. Data Collection"), (3, "1. Attendance records"),
        (3, "2. Reading tests"), (2, "B. Analysis"), (1, "III. RECOMMENDATIONS"), (1, "IV. DISCUSSION"),
        (1, "APPENDIX A. Survey Instrument"), (1, "APPENDIX B Attendance Tables")]
    assert span(REPORT)[-1] == "APPENDIX B\nAttendance Tables"
    assert extract_with_convention(REPORT)[1] == "english-report"


@pytest.mark.parametrize("line", ["I. M. Pei said that the pyramid would stand.", "I. M. Pei", "A. J. Ayer",
                                  "A. J. Ayer wrote Language, Truth and Logic.", "U.S. Steel", "C. S. Lewis"])
def test_initials_are_not_sections(line: str) -> None:
    assert outline(f"I. INTRODUCTION\n\n{line}\n\nII. METHOD\n") == [(1, "I. INTRODUCTION"), (1, "II. METHOD")]


def test_i_after_h_is_a_letter_and_vi_is_always_roman() -> None:
    letters = "\n\nText.\n\n".join(f"{chr(64 + n)}. Part {n}" for n in range(1, 10))
    text = f"I. INTRODUCTION\n\n{letters}\n\nII. METHOD\n\nVI. LATER\n"
    found = extract_outline(text)
    assert [h.level for h in found] == [1] + [2] * 9 + [1, 1]
    assert found[9].title == "I. Part 9" and found[9].style == "en:letter"
    assert found[-1].style == "en:roman"


def test_the_convention_of_each_kind_of_document() -> None:
    assert extract_with_convention("# T\n", "markdown")[1] == "markdown"
    assert extract_with_convention("讲话\n一、总体要求\n正文。\n二、主要任务\n")[1] == "chinese-report"
    assert extract_with_convention("CHAPTER I.\nStart\nText.\n")[1] == "english-book"
    assert extract_with_convention("第一回 甄士隐\n正文。\n")[1] == "chinese-novel"
    assert extract_with_convention("just prose, no headings.\n")[1] == "none"
    assert set(CONVENTIONS) >= {"markdown", "chinese-report", "chinese-novel", "regulation", "english-book",
                                "english-report", "none"}


def test_markdown_headings_inside_block_quotes() -> None:
    text = "# Top\n\n> ## Quoted\n>\n> text\n>\n> > ### Deeper\n\n> Setext in a quote\n> ---\n"
    assert outline(text, "markdown") == [(1, "Top"), (2, "Quoted"), (3, "Deeper"), (2, "Setext in a quote")]
    assert span(text, "markdown") == ["# Top", "## Quoted", "### Deeper", "Setext in a quote"]


def test_block_quote_traps() -> None:
    text = "> a quoted paragraph\nlazily continued\n---\n\n> ```\n> # code in a quote\n> ```\n\n> text\n===\n"
    assert outline(text, "markdown") == []


def test_attribute_lists_are_not_part_of_the_title() -> None:
    text = "# Title {#id}\n\n## Two {.class key=\"a b\"} ##\n\nSetext {#s}\n===\n\n### Braces {not attributes}\n"
    assert outline(text, "markdown") == [(1, "Title"), (2, "Two"), (1, "Setext"), (3, "Braces {not attributes}")]
    assert span(text, "markdown")[0] == "# Title {#id}"


def test_setext_heading_thematic_break_and_front_matter() -> None:
    text = "---\ntitle: Notes\n---\n\nA paragraph\nthat wraps\n---\n\nprose\n\n---\n\nmore prose\n"
    found = extract_outline(text, "markdown")
    assert [(h.level, h.title, h.line) for h in found] == [(2, "A paragraph that wraps", 5)]
    assert text[found[0].offset:found[0].offset + found[0].length] == "A paragraph\nthat wraps"


def test_nesting_follows_first_use_in_a_report() -> None:
    tree = nest(extract_outline(REPORT))
    assert [h.title for h in tree[1].children] == ["A. Data Collection", "B. Analysis"]
    assert [h.title for h in tree[1].children[0].children] == ["1. Attendance records", "2. Reading tests"]


def test_a_thematic_break_at_the_top_is_not_front_matter() -> None:
    text = "---\n\n# Title\n\nText.\n\n---\n\n## Next\n"
    assert outline(text, "markdown") == [(1, "Title"), (2, "Next")]
    assert outline("---\nlayout: post\n---\n# Title\n", "markdown") == [(1, "Title")]


def test_a_quoted_paragraph_with_a_lazy_line_still_takes_a_quoted_underline() -> None:
    text = "> para\nlazy line\n> ===\n\n> para\nlazy ===\n===\n"
    found = extract_outline(text, "markdown")
    assert [(h.level, h.title, h.line) for h in found] == [(1, "para lazy line", 1)]
