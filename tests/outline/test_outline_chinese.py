"""Chinese conventions on small hand-written documents: positives, ranks and traps."""
from __future__ import annotations

import pytest

from reader.outline import extract_outline, nest


def titles(text: str) -> list[str]:
    return [h.title for h in extract_outline(text)]


def outline(text: str) -> list[tuple[int, str]]:
    return [(h.level, h.title) for h in extract_outline(text)]


def test_gbt9704_hierarchy_half_and_full_width() -> None:
    text = ("讲话\n\n一、总体要求\n\n（一）指导思想\n\n1．坚持问题导向\n\n（1）聚焦重点\n\n①抓落实\n\n"
            "(二)基本原则\n\n1、统筹兼顾\n\n二、主要任务\n")
    assert outline(text) == [
        (1, "一、总体要求"), (2, "（一）指导思想"), (3, "1．坚持问题导向"), (4, "（1）聚焦重点"),
        (5, "①抓落实"), (2, "(二)基本原则"), (3, "1、统筹兼顾"), (1, "二、主要任务")]


def test_ranks_follow_the_order_styles_are_used() -> None:
    text = "(一)第一部分\n正文。\n1.要点\n正文。\n(二)第二部分\n正文。\n"
    assert outline(text) == [(1, "(一)第一部分"), (2, "1.要点"), (1, "(二)第二部分")]


def test_chapter_style_outranks_numbered_lists() -> None:
    text = "一、引言\n正文。\n第一章 总则\n正文。\n一、目的\n正文。\n第二章 分则\n"
    assert outline(text) == [(1, "一、引言"), (1, "第一章 总则"), (2, "一、目的"), (1, "第二章 分则")]


def test_chapter_units_and_arabic_chapter_numbers() -> None:
    text = "第一编 总论\n第1章 概述\n正文。\n第一节 背景\n正文。\n第二部分 附录\n"
    assert outline(text) == [(1, "第一编 总论"), (2, "第1章 概述"), (3, "第一节 背景"),
                             (1, "第二部分 附录")]


def test_chapter_title_on_next_line_is_joined() -> None:
    text = "第一章\n总则\n\n本法所称……。\n"
    found = extract_outline(text)
    assert [h.title for h in found] == ["第一章 总则"]
    assert text[found[0].offset:found[0].offset + found[0].length] == "第一章\n总则"


@pytest.mark.parametrize("comma", [",", "，", "、"])
def test_di_yi_comma_at_paragraph_start(comma: str) -> None:
    text = f"标题\n第一{comma}要提高认识。正文正文。\n第二{comma}要狠抓落实。正文。\n"
    assert titles(text) == [f"第一{comma}要提高认识", f"第二{comma}要狠抓落实"]


@pytest.mark.parametrize("colon", [":", "："])
def test_pian_articles_and_first_article_entry(colon: str) -> None:
    text = (f"甲文章标题 本文关键词:甲,乙\n一、甲要点\n正文。\n篇2{colon}乙文章标题\n一、乙要点\n正文。\n"
            f"篇3{colon}丙文章标题\n(一)丙要点\n")
    assert outline(text) == [(1, "甲文章标题"), (2, "一、甲要点"), (1, f"篇2{colon}乙文章标题"),
                             (2, "一、乙要点"), (1, f"篇3{colon}丙文章标题"), (2, "(一)丙要点")]


def test_run_in_heading_title_and_span() -> None:
    text = "(一)政策宣传不彻底。部分乡镇和村对易地扶贫搬迁的政策宣传不到位。\n(二)对象核查不精准！正文。\n"
    found = extract_outline(text)
    assert [h.title for h in found] == ["(一)政策宣传不彻底", "(二)对象核查不精准"]
    assert text[found[0].offset:found[0].offset + found[0].length] == "(一)政策宣传不彻底"


def test_long_run_in_title_is_cut_at_a_comma() -> None:
    head = "一、坚持以人民为中心的发展思想，不断增强人民群众获得感幸福感安全感，推动高质量发展取得新成效"
    found = extract_outline(head + "。正文正文正文。\n")
    assert found[0].title == "一、坚持以人民为中心的发展思想，不断增强人民群众获得感幸福感安全感"
    assert len(found[0].title) <= 40


def test_mid_paragraph_sequence_after_sentence_end() -> None:
    text = ("总体思路是这样的，要系统推进、重点突破。 (一)着力筑牢骨干队伍。一要保持稳定。二要配齐班子。"
            "正文。 (二)着力建强战斗堡垒。正文正文。 (三)着力用好帮扶力量。正文。\n")
    found = extract_outline(text)
    assert [h.title for h in found] == ["(一)着力筑牢骨干队伍", "(二)着力建强战斗堡垒", "(三)着力用好帮扶力量"]
    assert all(text[h.offset] == "(" for h in found)


def test_mid_paragraph_di_yi_with_space_separated_title() -> None:
    text = ("讲3点意见。 第一,要以更高的政治站位认清使命责任 去年以来成绩显著。"
            "正文正文。 第二,要以有力的政治担当推进重点任务 根据部署要求。\n")
    assert titles(text) == ["第一,要以更高的政治站位认清使命责任", "第二,要以有力的政治担当推进重点任务"]


def test_lonely_mid_paragraph_number_is_not_a_heading() -> None:
    text = "标题\n正文说明情况。 (二)这是一个孤立的编号。后面还有正文。\n"
    assert titles(text) == []


def test_yi_shi_er_shi_lists_are_not_headings() -> None:
    text = ("标题\n主要有以下考虑:一是党的建设。二是工作部署。三是作风建设。\n"
            "一是要抓重点。正文。\n二是要抓难点。正文。\n")
    assert titles(text) == []


@pytest.mark.parametrize("line", [
    "一、二线城市房价上涨较快，三四线城市库存压力较大。",
    "一、二、三等奖分别授予以下单位。",
    "第一书记要切实履行帮扶责任，扑下身子抓落实。",
    "第四回中既将薛家母子在荣府内寄居等事略已表明，此回则暂不能写矣。",
    "2019年以来，我们坚持稳中求进工作总基调。",
    "1.5亿元资金已经全部拨付到位，各地要加快使用。",
    "同志们:", "同志们：",
    "本文关键词:重点项目,全区,部署,动员,推进",
    "本文简介:2017年全区重大重点项目推进工作动员部署会讲话稿一、前期工作(一)政策宣传不彻底。部分",
    "上一篇:在市老记协二届四次代表会上的讲话",
    "下一篇:在考研动员大会上作动员讲话",
    "查看更多", "相关文章",
    "前言:本站为你精心整理了讲话范文,希望能为你的创作提供参考价值。",
    "1、" + "我们要坚持不懈抓好各项工作落实并且持续推进改革创新以及不断加强队伍建设" * 3,
])
def test_traps_are_not_headings(line: str) -> None:
    assert titles(f"标题\n\n{line}\n\n正文。\n") == []


def test_pinyin_glosses_dropped_from_titles_but_not_offsets() -> None:
    text = "一、學(xué)習(xí)實踐活動\n正文。\n（二）關（guān）於問題。正文。\n"
    found = extract_outline(text)
    assert [h.title for h in found] == ["一、學習實踐活動", "（二）關於問題"]
    assert text[found[0].offset:found[0].offset + found[0].length] == "一、學(xué)習(xí)實踐活動"


def test_nesting_copies_and_parents() -> None:
    flat = extract_outline("一、甲\n(一)乙\n1.丙\n二、丁\n")
    tree = nest(flat)
    assert [h.title for h in tree] == ["一、甲", "二、丁"]
    assert tree[0].children[0].children[0].title == "1.丙"
    assert all(not h.children for h in flat)


def test_chinese_contents_list_with_page_numbers_is_skipped() -> None:
    text = ("某某条例\n\n目  录\n第一章　总则……………1\n第二章　管理……………5\n第三章　附则……………9\n\n"
            "第一章　总则\n第一条　为了规范管理，制定本条例。\n第二章　管理\n正文。\n第三章　附则\n正文。\n")
    found = extract_outline(text)
    assert [(h.line, h.title) for h in found] == [(8, "第一章 总则"), (10, "第二章 管理"), (12, "第三章 附则")]
