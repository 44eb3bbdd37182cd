"""A vertical scrollbar that paints coloured ticks at given fractions of the document."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollBar, QWidget

TICK_STEPS = 4096  # marks are painted at this resolution along the groove


class MarkedScrollBar(QScrollBar):
    """Shows marks (e.g. bookmarks, search hits) as ticks along the groove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("markedScrollBar")
        self._marks: dict[str, tuple[list[float], QColor]] = {}
        self._ticks: dict[str, list[int]] = {}

    def set_marks(self, key: str, fractions: list[float], color: QColor) -> None:
        """Replace the marks under `key` (fractions in 0..1 of the document)."""
        if fractions:
            self._marks[key] = (sorted(fractions), QColor(color))
            self._ticks[key] = sorted({int(f * TICK_STEPS) for f in fractions})  # 100,000 marks paint as <= 4096 ticks
        else:
            self._ticks.pop(key, None)
            self._marks.pop(key, None)
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
            top = self.width()
            rows = {top + tick * height // TICK_STEPS for tick in self._ticks[key]}
            for y in rows:
                painter.drawLine(2, y, self.width() - 3, y)
        painter.end()
