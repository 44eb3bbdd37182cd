"""Maps between Python str offsets and Qt positions (UTF-16 code units). Pure Python, no Qt."""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_SLICE = 1 << 20


class Utf16Map:
    """Converts offsets in a str to positions in a QTextDocument holding the same text, and back."""

    def __init__(self, text: str) -> None:
        # Searched a slice at a time: one pass over a 60 MB text holds the GIL ~40 ms (a worker would stall the UI)
        self._astral = [match.start() for start in range(0, len(text), _SLICE)
                        for match in _ASTRAL.finditer(text, start, start + _SLICE)]
        self._length = len(text)

    def to_qt(self, offset: int) -> int:
        """The Qt position of str offset `offset`."""
        offset = max(0, min(offset, self._length))
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """The str offset of Qt position `position` (inside a surrogate pair, the pair's char)."""
        low, high = 0, len(self._astral)
        while low < high:
            middle = (low + high) // 2
            if self._astral[middle] + middle < position:
                low = middle + 1
            else:
                high = middle
        offset = position - low
        if low and self._astral[low - 1] + low > position:
            offset -= 1
        return max(0, min(offset, self._length))


class SourceMap:
    """Maps source offsets to view positions for a rendered view whose characters came from the source."""

    def __init__(self, source_of_view: list[int], source_length: int) -> None:
        self._source_of_view = source_of_view
        self._source_length = source_length

    def to_view(self, offset: int) -> int:
        """The first view position whose source offset is at or after `offset`."""
        return bisect_left(self._source_of_view, offset)

    def to_source(self, position: int) -> int:
        """The source offset of view position `position`."""
        if position >= len(self._source_of_view):
            return self._source_length
        return self._source_of_view[max(0, position)]

    def view_range(self, offset: int, length: int) -> tuple[int, int]:
        """The view span [start, end) that shows source span [offset, offset + length)."""
        start = self.to_view(offset)
        end = self.to_view(offset + max(0, length))
        if length > 0 and end <= start:
            end = min(start + 1, len(self._source_of_view))
        return start, end

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """The source span covered by view span [start, end)."""
        if end <= start:
            offset = self.to_source(start)
            return offset, 0
        first = self.to_source(start)
        last = self.to_source(end - 1)
        return first, max(0, last + 1 - first)
