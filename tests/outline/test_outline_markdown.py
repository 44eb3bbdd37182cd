"""CommonMark heading rules on small hand-written Markdown documents."""
from __future__ import annotations

import pytest

from reader.outline import document_title, extract_outline


def outline(text: str) -> list[tuple[int, str]]:
    return [(h.level, h.title) for h in extract_outline(text, "markdown")]


def test_atx_levels_indent_and_closing_hashes() -> None:
    text = "# One\n## Two ##\n   ### Three ###   \n#### Four#\n##### Five \\#\n###### Six\n####### Seven\n"
    assert outline(text) == [(1, "One"), (2, "Two"), (3, "Three"), (4, "Four#"), (5, "Five #"),
                             (6, "Six")]


def test_atx_offset_points_at_the_hash() -> None:
    text = "intro\n\n   ## Title ##\n"
    heading = extract_outline(text, "markdown")[0]
    assert text[heading.offset:heading.offset + heading.length] == "## Title ##"
    assert heading.line == 3


def test_hashtag_without_space_and_four_space_indent_are_not_headings() -> None:
    assert outline("#tag is not a heading\n\n    # indented code\n") == []


@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
def test_nothing_inside_fences(fence: str) -> None:
    text = f"# Real\n\n{fence}sh\n# comment\nTitle\n===\n{fence}\n\n## After\n"
    assert outline(text) == [(1, "Real"), (2, "After")]


def test_fence_closes_only_with_same_char_and_enough_length() -> None:
    text = "````\n```\n# still code\n~~~~\n# still code\n````\n# Out\n"
    assert outline(text) == [(1, "Out")]


def test_html_comment_and_html_blocks_hide_headings() -> None:
    text = ("<!--\n# hidden\n-->\n<div>\n# hidden in div\n</div>\n\n<pre>\n# hidden\n\n# hidden\n</pre>\n"
            "# Shown\n")
    assert outline(text) == [(1, "Shown")]


def test_yaml_front_matter_is_skipped_and_gives_the_title() -> None:
    text = "---\ntitle: \"My Notes\"\n# not a heading\n---\n# First\n"
    assert outline(text) == [(1, "First")]
    assert document_title(text, "markdown") == "My Notes"


def test_setext_headings_and_thematic_breaks() -> None:
    text = "Title\n=====\n\nSub title\nsecond line\n---\n\nparagraph\n\n---\n\n- item\n---\n***\n"
    found = extract_outline(text, "markdown")
    assert [(h.level, h.title) for h in found] == [(1, "Title"), (2, "Sub title second line")]
    sub = found[1]
    assert text[sub.offset:sub.offset + sub.length] == "Sub title\nsecond line"
    assert sub.line == 4


def test_inline_markup_is_stripped() -> None:
    text = ("# *Em* and **strong** and `co*de*` \\*lit\\*\n"
            "## [Link](http://x.y) ![img](a.png) <b>bold</b> &amp; snake_case_name\n")
    assert outline(text) == [(1, "Em and strong and co*de* *lit*"),
                             (2, "Link img bold & snake_case_name")]


def test_document_title_prefers_first_h1() -> None:
    assert document_title("intro line\n\n## Two\n\n# The Title\n", "markdown") == "The Title"
    assert document_title("Just a note\n\nbody\n", "markdown") == "Just a note"
