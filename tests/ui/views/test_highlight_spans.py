"""Spans and scrollbar marks worked out off the UI thread are exactly what the view would have worked out."""

from __future__ import annotations

import random

import pytest

from reader.ui.views import spans as spans_module
from reader.ui.views.spans import TICK_STEPS, ScrollMarks, SortedSpans, sorted_in_runs


@pytest.mark.parametrize("count", [0, 1, 7, spans_module.RUN * 3 + 5])
def test_sorted_spans_are_sorted_as_tuples_with_starts_and_longest(count: int) -> None:
    rng = random.Random(count)
    ranges = [(rng.randrange(0, 5000), rng.randrange(0, 40)) for _ in range(count)]
    ranges += [(10, 3), (10, 3), (10, 1)][:count]  # ties and duplicates
    ordered = SortedSpans.of(ranges)
    assert ordered.spans == sorted(ranges)
    assert ordered.starts == [offset for offset, _ in sorted(ranges)]
    assert ordered.longest == max((length for _, length in ranges), default=0)
    assert len(ordered) == len(ranges)


def test_sorting_in_runs_is_sorting() -> None:
    rng = random.Random(5)
    items = [rng.randrange(100) for _ in range(spans_module.RUN * 2 + 17)]
    assert sorted_in_runs(items) == sorted(items)
    assert sorted_in_runs(list(reversed(range(20)))) == list(range(20))


def test_scroll_marks_are_the_fractions_and_ticks_the_scrollbar_paints(qtbot) -> None:
    from reader.ui.views.scrollbar import MarkedScrollBar

    offsets = [900, 0, 450, 451, 999]
    marks = ScrollMarks.of(offsets, 1000)
    assert marks.fractions == sorted(offset / 1000 for offset in offsets)
    assert marks.ticks == sorted({int(offset / 1000 * TICK_STEPS) for offset in offsets})
    bar = MarkedScrollBar()
    qtbot.addWidget(bar)
    bar.set_marks("ready", marks, "#d4a000")
    bar.set_marks("raw", [offset / 1000 for offset in offsets], "#d4a000")
    assert bar.marks("ready") == bar.marks("raw") == marks.fractions
    bar.set_marks("ready", ScrollMarks.of([], 1000), "#d4a000")
    assert bar.marks("ready") == []
