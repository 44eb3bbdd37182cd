"""Markdown lists nest as CommonMark nests them, although Python-Markdown wants 4-space indents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.documents.lists import indent_lists
from reader.documents.render import render_markdown


def _flat(html: str) -> str:
    """The HTML with its line breaks removed, so that nesting reads in one line."""
    return html.replace("\n", "")


@pytest.mark.parametrize("source", [
    "1. 第一\n2. 第二\n   - 嵌套一\n   - 嵌套二\n3. 第三\n",  # 3 spaces: the numbered item's content column
    "1. 第一\n2. 第二\n    - 嵌套一\n    - 嵌套二\n3. 第三\n",  # 4 spaces, as Python-Markdown always wanted
    "1. 第一\n2. 第二\n   * 嵌套一\n   * 嵌套二\n3. 第三\n",
    "1. 第一\n2. 第二\n\t- 嵌套一\n\t- 嵌套二\n3. 第三\n",  # a tab
])
def test_a_list_under_a_numbered_item_nests_inside_that_item(source: str) -> None:
    html = _flat(render_markdown(source))
    assert "<li>第二<ul><li>嵌套一</li><li>嵌套二</li></ul></li>" in html
    assert "<li>第三</li>" in html and html.count("<ol") == 1
    assert "第二 - 嵌套" not in html and "第二\n- 嵌套" not in render_markdown(source)


def test_two_space_bullets_nest_three_levels_deep() -> None:
    html = _flat(render_markdown("- a\n  - b\n    - c\n- d\n"))
    assert html == "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>"


def test_too_little_indentation_is_a_new_list_not_a_nested_one() -> None:
    """Two spaces under "3. " are short of its content column: CommonMark starts a bullet list after it."""
    html = _flat(render_markdown("1. 第一\n2. 第二\n3. 第三\n  - 两格\n"))
    assert "<li>第三</li></ol><ul><li>两格</li></ul>" in html


def test_a_list_may_interrupt_a_paragraph_but_a_number_other_than_one_may_not() -> None:
    assert _flat(render_markdown("段落\n- 甲\n- 乙\n")) == "<p>段落</p><ul><li>甲</li><li>乙</li></ul>"
    assert "<ol" not in render_markdown("我出生于\n1987. 那年\n")


def test_item_paragraphs_and_fenced_code_stay_inside_the_item() -> None:
    source = "1. 安装\n\n   说明段落\n\n   ```sh\n   pip install reader\n     --user\n   ```\n2. 运行\n"
    html = _flat(render_markdown(source))
    assert "<li><p>安装</p><p>说明段落</p><pre><code>pip install reader  --user</code></pre></li>" in html
    assert "<li><p>运行</p></li></ol>" in html and html.count("<ol") == 1


def test_lazy_continuation_lines_and_top_level_code_keep_their_meaning() -> None:
    html = _flat(render_markdown("- 第一行\n接着写\n- 第二项\n\n```\n  缩进的代码\n```\n\n    - 缩进代码块\n"))
    assert "<ul><li>第一行接着写</li><li>第二项</li></ul>" in html
    assert "<pre><code>  缩进的代码</code></pre>" in html and "<pre><code>- 缩进代码块</code></pre>" in html


def test_a_rule_after_a_list_item_stays_a_rule() -> None:
    html = _flat(render_markdown("- 项目\n---\n"))
    assert "<li>项目</li>" in html and "<hr" in html and "<h2" not in html


def _visible(text: str) -> str:
    """The characters that show: no whitespace, no code fences."""
    text = re.sub(r"^[ \t]*(```|~~~).*$", "", text, flags=re.MULTILINE)
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize("name", ["art-of-command-line.en.md", "art-of-command-line.zh.md"])
def test_only_indentation_changes_so_the_view_still_aligns_with_the_source(testdata: Path, name: str) -> None:
    source = (testdata / name).read_text(encoding="utf-8")
    indented = indent_lists(source)
    assert _visible(indented) == _visible(source)


def test_the_english_guide_nests_its_finding_documentation_list(testdata: Path) -> None:
    source = (testdata / "art-of-command-line.en.md").read_text(encoding="utf-8")
    assert "\n- Finding documentation:\n  - Know how to read" in source  # nested with 2 spaces
    html = _flat(render_markdown(source))
    assert re.search(r"<p>Finding documentation:</p><ul><li>Know how to read official documentation", html)


def test_front_matter_shows_as_properties_and_a_tag_at_a_line_start_stays_text() -> None:
    from reader.documents.render import render_markdown

    html = render_markdown('---\ntitle: "红楼"\ntags: [reader]\n---\n\n# 红楼\n\n#reader/green tag line\n\n'
                           '```\n#not a tag\n```\n')
    assert html.startswith('<table class="properties"><tr><th>title</th><td>红楼</td></tr>')
    assert "<h1>红楼</h1>" in html and "<p>#reader/green tag line</p>" in html
    assert "#not a tag" in html and html.count("<h1>") == 1
