"""Align a rendered view's text to its Markdown source, character by character. Pure Python, no Qt."""

from __future__ import annotations

from reader.text import fold
from reader.text.offsets import SourceMap

WINDOW = 600
_LAYOUT_CHARS = frozenset("\u2029\u2028\ufdd0\ufdd1\ufffc\u00a0\t\n\r ")


def align(view_text: str, source: str) -> SourceMap:
    """Map each view character to the source character it shows (greedy, within a bounded window).

    Characters the renderer made up (layout marks, spaces, decoded entities) map to the next
    unmatched source offset, so the map stays non-decreasing.
    """
    folded_source = fold(source)
    folded_view = fold(view_text)
    source_of_view: list[int] = []
    cursor = 0
    limit = len(source)
    for char, original in zip(folded_view, view_text, strict=True):
        if original in _LAYOUT_CHARS or original.isspace():
            source_of_view.append(cursor)
            continue
        found = folded_source.find(char, cursor, min(limit, cursor + WINDOW))
        if found < 0:
            source_of_view.append(cursor)
            continue
        source_of_view.append(found)
        cursor = found + 1
    return SourceMap(source_of_view, limit)
