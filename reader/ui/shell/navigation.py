"""Go menu arithmetic: the next or previous section of the same level, and a position typed as % or a line."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*[%％]\s*$")
LINE = re.compile(r"^\s*(\d+)\s*$")


def sibling_heading(headings: Sequence[tuple[int, int]], offset: int, step: int) -> int | None:
    """The index in `headings` ((level, offset) in document order) of the next (step 1) or previous (-1)
    heading of the same level as the section holding `offset`; None when there is none. Before the first
    heading, "next" is the first heading."""
    offsets = [heading_offset for _level, heading_offset in headings]
    current = bisect_right(offsets, offset) - 1
    if current < 0:
        return 0 if step > 0 and headings else None
    level = headings[current][0]
    index = current + step
    while 0 <= index < len(headings):
        if headings[index][0] == level:
            return index
        index += step
    return None


def parse_position(entry: str, text: str) -> int | None:
    """The offset `entry` names in `text`: "40%" (of the text), or a line number ("120"); None if it
    names nothing (not a number, 0, or a percentage over 100). A line past the end is the last line."""
    match = PERCENT.match(entry)
    if match:
        share = float(match.group(1).replace(",", "."))
        return None if share > 100 else min(len(text), round(len(text) * share / 100))
    match = LINE.match(entry)
    if not match or int(match.group(1)) < 1:
        return None
    offset = 0
    for _ in range(int(match.group(1)) - 1):
        found = text.find("\n", offset)
        if found < 0:
            break
        offset = found + 1
    return offset
