"""Finding a line again after edits: by its stripped text, its non-blank neighbours and the offset it had.

The line is the matching line nearest the old offset, preferring one whose neighbours still match; failing
an exact match, a very similar line nearby.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher

from reader.text.lines import split_lines

CONTEXT_CHARS = 40
FUZZY_RATIO = 0.8
FUZZY_WINDOW = 50_000


@dataclass(frozen=True)
class Anchor:
    """A line found by its stripped text, its non-blank neighbours and the offset it had."""

    text: str
    offset: int
    before: str = ""
    after: str = ""


class Lines:
    """The lines of a text with their start offsets, and a lookup of lines by stripped text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = split_lines(text)
        self.starts: list[int] = []
        total = 0
        for line in self.lines:
            self.starts.append(total)
            total += len(line) + 1
        self._by_text: dict[str, list[int]] | None = None

    def index_at(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, max(0, offset)) - 1)

    def stripped_start(self, index: int) -> int:
        line = self.lines[index]
        return self.starts[index] + len(line) - len(line.lstrip())

    def neighbour(self, index: int, step: int) -> str:
        index += step
        while 0 <= index < len(self.lines):
            if self.lines[index].strip():
                return self.lines[index].strip()[:CONTEXT_CHARS]
            index += step
        return ""

    def with_text(self, text: str) -> list[int]:
        if self._by_text is None:
            self._by_text = {}
            for index, line in enumerate(self.lines):
                self._by_text.setdefault(line.strip(), []).append(index)
        return self._by_text.get(text, [])


def anchor_at(text: str | Lines, offset: int) -> Anchor | None:
    """The anchor of the line holding `offset`; None if that line is blank."""
    lines = text if isinstance(text, Lines) else Lines(text)
    index = lines.index_at(offset)
    stripped = lines.lines[index].strip()
    if not stripped:
        return None
    return Anchor(stripped, lines.stripped_start(index), lines.neighbour(index, -1), lines.neighbour(index, 1))


def find_line(lines: Lines, anchor: Anchor) -> int | None:
    """The index of the line `anchor` names in `lines`, or None."""
    exact = lines.with_text(anchor.text)
    if exact:
        return min(exact, key=lambda i: (_mismatches(lines, i, anchor), abs(lines.starts[i] - anchor.offset)))
    return _fuzzy_line(lines, anchor)


def _mismatches(lines: Lines, index: int, anchor: Anchor) -> int:
    return (lines.neighbour(index, -1) != anchor.before) + (lines.neighbour(index, 1) != anchor.after)


def _fuzzy_line(lines: Lines, anchor: Anchor) -> int | None:
    first = lines.index_at(anchor.offset - FUZZY_WINDOW)
    last = lines.index_at(anchor.offset + FUZZY_WINDOW)
    best: tuple[tuple[int, float, int], int] | None = None
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(anchor.text)
    for index in range(first, last + 1):
        candidate = lines.lines[index].strip()
        if not candidate or abs(len(candidate) - len(anchor.text)) > len(anchor.text) // 3 + 2:
            continue
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() < FUZZY_RATIO or matcher.quick_ratio() < FUZZY_RATIO:
            continue
        ratio = matcher.ratio()
        if ratio >= FUZZY_RATIO:
            score = (_mismatches(lines, index, anchor), -ratio, abs(lines.starts[index] - anchor.offset))
            if best is None or score < best[0]:
                best = (score, index)
    return best[1] if best else None
