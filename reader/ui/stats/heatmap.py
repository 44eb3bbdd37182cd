"""A calendar heatmap of the last 52 weeks of reading, drawn with QPainter in the palette's colours."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

WEEKS = 52
CELL, GAP = 12, 3
LEVEL_MINUTES = (0, 1, 15, 30, 60)  # a day's minutes from which each shade (0 = none) starts
LEFT, TOP = 30, 18
LEGEND = 20  # the "Less … More" key under the grid


def level(seconds: float) -> int:
    """The shade (0–4) of a day with `seconds` of reading."""
    minutes = seconds / 60
    return max(index for index, start in enumerate(LEVEL_MINUTES) if minutes >= start) if seconds > 0 else 0


class ReadingHeatmap(QWidget):
    """Columns are weeks (oldest left), rows are weekdays (Monday on top); darker is more reading."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingHeatmap")
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.setMouseTracking(True)
        self.today = date.today()
        self.seconds: dict[date, float] = {}
        self.characters: dict[date, int] = {}

    def set_days(self, days: list[dict], today: date | None = None) -> None:
        """`days` as `StatsStore.days` gives them ({"date", "seconds", "characters"})."""
        self.today = today or date.today()
        self.seconds = {date.fromisoformat(d["date"]): float(d["seconds"]) for d in days}
        self.characters = {date.fromisoformat(d["date"]): int(d["characters"]) for d in days}
        self.update()

    def first_day(self) -> date:
        """The Monday of the oldest week shown."""
        monday = self.today - timedelta(days=self.today.weekday())
        return monday - timedelta(weeks=WEEKS - 1)

    def cells(self) -> list[tuple[date, int]]:
        """Every day shown, oldest first, with its shade (what a reader sees, for tests)."""
        first, result = self.first_day(), []
        for index in range((self.today - first).days + 1):
            day = first + timedelta(days=index)
            result.append((day, level(self.seconds.get(day, 0.0))))
        return result

    def cell_rect(self, day: date) -> QRect:
        offset = (day - self.first_day()).days
        week, weekday = divmod(offset, 7)
        return QRect(LEFT + week * (CELL + GAP), TOP + weekday * (CELL + GAP), CELL, CELL)

    def day_at(self, point: QPoint) -> date | None:
        for day, _ in self.cells():
            if self.cell_rect(day).contains(point):
                return day
        return None

    def sizeHint(self) -> QSize:
        return QSize(LEFT + WEEKS * (CELL + GAP) + GAP, TOP + 7 * (CELL + GAP) + GAP + LEGEND)

    minimumSizeHint = sizeHint

    def shade(self, shade: int) -> QColor:
        """The colour of shade 0–4: the base colour blended towards the highlight colour."""
        base, accent = self.palette().color(QPalette.Base), self.palette().color(QPalette.Highlight)
        if shade == 0:
            mid = self.palette().color(QPalette.Mid)
            return _blend(base, mid, 0.35)
        return _blend(base, accent, 0.25 + 0.75 * shade / 4)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(Qt.NoPen)
        for day, shade in self.cells():
            painter.setBrush(self.shade(shade))
            painter.drawRoundedRect(self.cell_rect(day), 2, 2)
        painter.setPen(self.palette().color(QPalette.WindowText))
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        for weekday in (0, 2, 4):
            rect = QRect(0, TOP + weekday * (CELL + GAP) - 2, LEFT - 4, CELL + 4)
            name = QLocale().dayName(weekday + 1, QLocale().FormatType.ShortFormat)
            painter.drawText(rect, Qt.AlignRight | Qt.AlignVCenter, name)
        self._paint_months(painter)
        self._paint_legend(painter)

    def _paint_legend(self, painter: QPainter) -> None:
        """Less ■■■■■ More, under the grid's right end."""
        metrics = painter.fontMetrics()
        less, more = self.tr("Less"), self.tr("More")
        y = TOP + 7 * (CELL + GAP) + 4
        right = LEFT + WEEKS * (CELL + GAP)
        x = right - metrics.horizontalAdvance(more) - 5 * (CELL + GAP) - 4
        painter.drawText(QRect(x - metrics.horizontalAdvance(less) - 4, y - 2, metrics.horizontalAdvance(less),
                               CELL + 4), Qt.AlignRight | Qt.AlignVCenter, less)
        painter.setPen(Qt.NoPen)
        for shade in range(5):
            painter.setBrush(self.shade(shade))
            painter.drawRoundedRect(QRect(x + shade * (CELL + GAP), y, CELL, CELL), 2, 2)
        painter.setPen(self.palette().color(QPalette.WindowText))
        painter.drawText(QRect(x + 5 * (CELL + GAP) + 2, y - 2, metrics.horizontalAdvance(more) + 4, CELL + 4),
                         Qt.AlignLeft | Qt.AlignVCenter, more)

    def _paint_months(self, painter: QPainter) -> None:
        first, shown = self.first_day(), None
        for week in range(WEEKS):
            monday = first + timedelta(weeks=week)
            if monday.month != shown and monday.day <= 7:
                shown = monday.month
                name = QLocale().monthName(monday.month, QLocale().FormatType.ShortFormat)
                painter.drawText(QRect(LEFT + week * (CELL + GAP), 0, 4 * (CELL + GAP), TOP - 3),
                                 Qt.AlignLeft | Qt.AlignBottom, name)

    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            self._tooltip(event)
            return True
        return super().event(event)

    def _tooltip(self, event: QHelpEvent) -> None:
        day = self.day_at(event.pos())
        if day is None:
            QToolTip.hideText()
            return
        minutes = round(self.seconds.get(day, 0.0) / 60)
        shown = QLocale().toString(QDate(day.year, day.month, day.day), QLocale().FormatType.ShortFormat)
        text = self.tr("%1: %n min read", "", minutes).replace("%1", shown)
        QToolTip.showText(event.globalPos(), text, self)


def _blend(one: QColor, two: QColor, share: float) -> QColor:
    return QColor(*(round(a + (b - a) * share) for a, b in zip(one.getRgb()[:3], two.getRgb()[:3], strict=True)))
