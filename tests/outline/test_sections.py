"""reader.outline.sections: the section holding an offset, and the headings enclosing it."""

from __future__ import annotations

import random

from reader.outline import Heading, extract_outline
from reader.outline.sections import (
    SEPARATOR,
    section_at,
    section_index,
    section_path,
    section_paths,
    section_title_path,
)

TEXT = "intro\n# One\ntext\n## One.a\ntext\n### deep\n## One.b\n# Two\nend\n"


def _headings() -> list[Heading]:
    return extract_outline(TEXT, "markdown")


def test_the_section_holding_an_offset_is_the_last_heading_at_or_before_it() -> None:
    headings = _headings()
    assert [h.title for h in headings] == ["One", "One.a", "deep", "One.b", "Two"]
    one_a = headings[1]
    assert section_at(headings, 0) is None and section_path(headings, 0) == []
    assert section_at(headings, one_a.offset - 1) is headings[0]
    assert section_at(headings, one_a.offset) is one_a
    assert section_index([h.offset for h in headings], one_a.offset) == 1
    assert section_index([h.offset for h in headings], 0) == -1
    assert section_title_path(headings, len(TEXT)) == "Two"
    assert section_title_path(headings, headings[2].offset + 2) == f"One{SEPARATOR}One.a{SEPARATOR}deep"
    assert section_title_path(headings, headings[3].offset) == "One › One.b"


def _stack_path(headings: list[Heading], offset: int) -> list[Heading]:
    """The enclosing headings as the stack walk the bookmarks used to compute them."""
    stack: list[Heading] = []
    for heading in headings:
        if heading.offset > offset:
            break
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        stack.append(heading)
    return stack


def test_the_paths_agree_with_a_stack_walk_on_random_outlines() -> None:
    chance = random.Random(10)
    for _ in range(200):
        offsets = sorted(chance.sample(range(1000), chance.randint(0, 30)))
        headings = [Heading(chance.randint(1, 4), f"h{i}", offset, 1, i) for i, offset in enumerate(offsets)]
        every = section_paths(headings)
        for offset in [0, 999, *offsets, *(o + 1 for o in offsets), *(o - 1 for o in offsets)]:
            expected = _stack_path(headings, offset)
            assert section_path(headings, offset) == expected
            assert section_title_path(headings, offset) == SEPARATOR.join(h.title for h in expected)
        assert every == [section_title_path(headings, h.offset) for h in headings]
