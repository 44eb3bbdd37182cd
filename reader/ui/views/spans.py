"""Marked spans sorted for a highlight layer, and scrollbar ticks, worked out off the UI thread."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

TICK_STEPS = 4096  # scrollbar marks are painted at this resolution along the groove
RUN = 8192  # items sorted in one call: sorting 100,000 in one holds the GIL (and the UI thread) ~40 ms


@dataclass(frozen=True)
class SortedSpans:
    """(offset, length) spans sorted, their starts, and the longest length: what a text view's highlight layer
    looks up the spans near the visible text in. Built on a worker, 100,000 spans cost the UI thread nothing."""

    spans: list[tuple[int, int]]
    starts: list[int]
    longest: int

    @classmethod
    def of(cls, ranges: list[tuple[int, int]]) -> SortedSpans:
        spans = sorted_in_runs(ranges)
        return cls(spans, [offset for offset, _ in spans], max((length for _, length in spans), default=0))

    def __len__(self) -> int:
        return len(self.spans)


@dataclass(frozen=True)
class ScrollMarks:
    """Scrollbar marks at fractions of a document, sorted, and the distinct ticks they paint as."""

    fractions: list[float]
    ticks: list[int]

    @classmethod
    def of(cls, offsets: list[int], total: int) -> ScrollMarks:
        """Marks at these source offsets of a text `total` characters long."""
        total = max(1, total)
        fractions = [offset / total for offset in sorted_in_runs(offsets)]
        return cls(fractions, ticks_of(fractions))


def sorted_in_runs(items: list) -> list:
    """`sorted(items)`, RUN items at a time and merged, so that a worker never holds the GIL long."""
    if len(items) <= RUN:
        return sorted(items)
    return list(heapq.merge(*(sorted(items[start : start + RUN]) for start in range(0, len(items), RUN))))


def ticks_of(fractions: list[float]) -> list[int]:
    """The distinct ticks, in TICK_STEPS of the groove, of marks at `fractions` (100,000 marks: <= 4096 ticks)."""
    return sorted({int(fraction * TICK_STEPS) for fraction in fractions})
