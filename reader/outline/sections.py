"""Which section holds an offset: the last heading at or before it, and the headings enclosing it."""

from __future__ import annotations

from bisect import bisect_right
from typing import Protocol, Sequence

SEPARATOR = " › "  # between the titles of a section path


class HeadingLike(Protocol):
    level: int
    title: str
    offset: int


def section_index(offsets: Sequence[int], offset: int) -> int:
    """The index of the section holding `offset`: the last of the sorted heading `offsets` at or before
    it (-1 before the first heading)."""
    return bisect_right(offsets, offset) - 1


def section_at(headings: Sequence[HeadingLike], offset: int) -> HeadingLike | None:
    """The heading (of a flat list in document order) whose section holds `offset`; None before the first."""
    index = bisect_right(headings, offset, key=_offset) - 1
    return headings[index] if index >= 0 else None


def section_path(headings: Sequence[HeadingLike], offset: int) -> list[HeadingLike]:
    """The headings enclosing `offset`, outermost first: the section holding it and its ancestors
    (each the last heading before the next one in with a lower level)."""
    index = bisect_right(headings, offset, key=_offset) - 1
    path: list[HeadingLike] = []
    while index >= 0:
        heading = headings[index]
        if not path or heading.level < path[-1].level:
            path.append(heading)
        index -= 1
    return path[::-1]


def section_title_path(headings: Sequence[HeadingLike], offset: int) -> str:
    """`section_path` as titles joined by SEPARATOR ('' before the first heading)."""
    return SEPARATOR.join(heading.title for heading in section_path(headings, offset))


def section_paths(headings: Sequence[HeadingLike]) -> list[str]:
    """The title path (SEPARATOR-joined) of every heading's section, in one pass."""
    paths: list[str] = []
    stack: list[HeadingLike] = []
    for heading in headings:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        stack.append(heading)
        paths.append(SEPARATOR.join(h.title for h in stack))
    return paths


def _offset(heading: HeadingLike) -> int:
    return heading.offset
