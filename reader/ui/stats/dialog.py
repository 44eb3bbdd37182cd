"""Reading ▸ Statistics…: today and this week, the 52-week heatmap, and a table of documents."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.documents.names import display_name
from reader.stats import StatsError, StatsStore, summary

from .heatmap import WEEKS, ReadingHeatmap


class StatisticsDialog(QDialog):
    """Shows what `store` holds; Clear statistics… empties it after asking."""

    cleared = Signal()
    openRequested = Signal(str)  # a document row was double-clicked

    def __init__(self, store: StatsStore, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsDialog")
        self.store, self.today = store, today
        self.report: dict = {}
        self.summary_label = QLabel(objectName="statisticsSummary")
        self.summary_label.setTextFormat(Qt.PlainText)
        self.summary_label.setWordWrap(True)
        self.heatmap = ReadingHeatmap(self)
        self.table = QTableWidget(0, 5, self, objectName="statisticsTable")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.cellDoubleClicked.connect(self._open_row)
        self.clear_button = QPushButton(objectName="clearStatisticsButton")
        self.clear_button.clicked.connect(self._ask_clear)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        self.buttons.addButton(self.clear_button, QDialogButtonBox.ResetRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary_label, self.heatmap, self.table, self.buttons):
            layout.addWidget(widget)
        self.resize(self.heatmap.sizeHint().width() + 40, 520)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Reading Statistics"))
        self.clear_button.setText(self.tr("Clear Statistics…"))
        self.table.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Time"), self.tr("Progress"),
                                              self.tr("Characters/min"), self.tr("Time left")])
        if self.report:
            self._show(self.report)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Read the store again and show it."""
        try:
            self.report = summary(self.store, WEEKS * 7, self.today)
        except StatsError as error:
            self.report = {}
            self.summary_label.setText(str(error))
            return
        self._show(self.report)

    def _show(self, report: dict) -> None:
        self.heatmap.set_days(report["days"], self.today)
        today, week, speed = report["today"], report["week"], report["chars_per_minute"]
        lines = [self.tr("Today: %1 · This week: %2").replace("%1", self._duration(today["seconds"]))
                 .replace("%2", self._duration(week["seconds"]))]
        lines.append(self.tr("Your pace: %n characters a minute", "", round(speed)) if speed
                     else self.tr("Your pace is measured after 10 minutes of reading."))
        if not report["documents"]:
            lines.append(self.tr("Nothing read yet: time counts while you scroll or move in a document."))
        self.summary_label.setText("\n".join(lines))
        self._fill_table(report["documents"])

    def _fill_table(self, documents: list[dict]) -> None:
        self.table.setRowCount(len(documents))
        for row, document in enumerate(documents):
            cpm, left = document["chars_per_minute"], document["minutes_left"]
            cells = [document["title"], self._duration(document["seconds"]), f"{document['progress']:.0%}",
                     f"{cpm:.0f}" if cpm else "—", self._duration(left * 60) if left is not None else "—"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(display_name(document["path"]))
                    item.setData(Qt.UserRole, document["path"])
                else:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(row, column, item)

    def _duration(self, seconds: float) -> str:
        minutes = int(round(seconds / 60))
        if minutes < 60:
            return self.tr("%n min", "", minutes)
        return self.tr("%1 h %2 min").replace("%1", str(minutes // 60)).replace("%2", str(minutes % 60))

    def _open_row(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.openRequested.emit(item.data(Qt.UserRole))

    def _ask_clear(self) -> None:
        answer = QMessageBox.question(self, self.tr("Clear Statistics"),
                                      self.tr("Forget all reading statistics? This cannot be undone."))
        if answer == QMessageBox.Yes:
            self.clear()

    def clear(self) -> None:
        """Empty the store and show it."""
        try:
            self.store.clear()
        except StatsError as error:
            QMessageBox.warning(self, self.tr("Clear Statistics"), str(error))
            return
        self.cleared.emit()
        self.refresh()
