"""A vertical scrollbar that paints coloured ticks at given fractions of the document."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollBar, QWidget

from reader.ui.views.spans import TICK_STEPS, ScrollMarks, ticks_of


class MarkedScrollBar(QScrollBar):
    """Shows marks (e.g. bookmarks, search hits) as ticks along the groove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("markedScrollBar")
        self._marks: dict[str, tuple[list[float], QColor]] = {}
        self._ticks: dict[str, list[int]] = {}
        self._painted: dict[str, tuple[tuple[int, int], list[int]]] = {}  # key: (top, height), the rows painted

    def set_marks(self, key: str, fractions: list[float] | ScrollMarks, color: QColor) -> None:
        """Replace the marks under `key` (fractions in 0..1 of the document, or ScrollMarks worked out already)."""
        if isinstance(fractions, ScrollMarks):
            marks = fractions
        else:
            ordered = sorted(fractions)
            marks = ScrollMarks(ordered, ticks_of(ordered))
        if marks.fractions:
            self._marks[key] = (marks.fractions, QColor(color))
            self._ticks[key] = marks.ticks
        else:
            self._ticks.pop(key, None)
            self._marks.pop(key, None)
        self._painted.pop(key, None)
        self.update()

    def marks(self, key: str) -> list[float]:
        return list(self._marks.get(key, ([], None))[0])

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._marks:
            return
        painter = QPainter(self)
        height = max(1, self.height() - 2 * self.width())
        for key, (_fractions, color) in self._marks.items():
            painter.setPen(color)
            for y in self._rows(key, self.width(), height):
                painter.drawLine(2, y, self.width() - 3, y)
        painter.end()

    def _rows(self, key: str, top: int, height: int) -> list[int]:
        """The pixel rows of `key`'s ticks in a groove from `top`, `height` high (kept until either changes)."""
        painted = self._painted.get(key)
        if painted is None or painted[0] != (top, height):
            rows = sorted({top + tick * height // TICK_STEPS for tick in self._ticks[key]})
            painted = self._painted[key] = ((top, height), rows)
        return painted[1]
