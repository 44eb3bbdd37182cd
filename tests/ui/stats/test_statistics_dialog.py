"""The Statistics dialog and the recorder: reading time reaches the store, the heatmap and the table."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QTableWidget

from reader.stats import Reading, StatsStore
from reader.ui.stats.dialog import StatisticsDialog
from reader.ui.stats.heatmap import ReadingHeatmap
from reader.ui.stats.recorder import ReadingRecorder

TODAY = date(2026, 11, 30)


def _dialog(qtbot) -> StatisticsDialog:
    dialog = StatisticsDialog(StatsStore(), today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def test_heatmap_shades_the_days_read_and_table_lists_documents(qtbot) -> None:
    StatsStore().record([
        Reading("/books/a.txt", TODAY, "a.txt", 10_000, 90 * 60.0, 27_000, 3, 5000),
        Reading("/books/b.txt", TODAY - timedelta(days=3), "b.txt", 4000, 5 * 60.0, 1500, 1, 4000),
    ])
    dialog = _dialog(qtbot)
    heatmap = dialog.findChild(ReadingHeatmap, "readingHeatmap")
    cells = dict(heatmap.cells())
    assert len(cells) >= 51 * 7 and max(cells) == TODAY
    assert cells[TODAY] == 4 and cells[TODAY - timedelta(days=3)] == 1 and cells[TODAY - timedelta(days=1)] == 0
    table = dialog.findChild(QTableWidget, "statisticsTable")
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert rows == [["a.txt", "1 h 30 min", "50%"], ["b.txt", "5 min", "100%"]]
    summary = dialog.findChild(QLabel, "statisticsSummary").text()
    assert "Today: 1 h 30 min" in summary and "300 characters a minute" in summary


def test_heatmap_draws_read_days_darker_than_unread_ones(qtbot) -> None:
    StatsStore().record([Reading("/a.txt", TODAY, "a.txt", 100, 3600.0, 100, 1, 0)])
    dialog = _dialog(qtbot)
    dialog.show()
    heatmap = dialog.heatmap
    image = heatmap.grab().toImage()
    read, unread = heatmap.cell_rect(TODAY).center(), heatmap.cell_rect(TODAY - timedelta(days=1)).center()
    assert image.pixelColor(read) == heatmap.shade(4)
    assert image.pixelColor(unread) == heatmap.shade(0)
    assert image.pixelColor(read) != image.pixelColor(unread)


def test_empty_statistics_say_how_time_is_counted_and_clear_empties(qtbot) -> None:
    dialog = _dialog(qtbot)
    assert "Nothing read yet" in dialog.summary_label.text()
    StatsStore().record([Reading("/a.txt", TODAY, "a.txt", 100, 60.0, 10, 1, 0)])
    dialog.refresh()
    assert dialog.table.rowCount() == 1
    with qtbot.waitSignal(dialog.cleared):
        dialog.clear()
    assert dialog.table.rowCount() == 0 and StatsStore().documents() == []


class _Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 21, 0).timestamp()

    def __call__(self) -> float:
        return self.now


def test_recorder_counts_moves_in_the_shown_document_but_not_idle_time(qtbot, make_session, notes_doc: Path) -> None:
    session = make_session()
    clock = _Clock()
    recorder = ReadingRecorder(session, StatsStore(), clock=clock)
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationActive)
    with qtbot.waitSignal(session.documentShown, timeout=10_000):
        session.open(notes_doc)
    start = session.reading_offset()
    for step in range(5):  # a minute a page
        clock.now += 60
        session.positionChanged.emit(100 * (step + 1))
    clock.now += 3600  # then an hour away
    with qtbot.waitSignal(recorder.recorded):
        recorder.flush(wait=True)
    (document,) = StatsStore().documents()
    assert document["path"] == str(notes_doc)
    # opening places the reader (the first move), five minutes of pages, then two minutes before idle
    assert document["seconds"] == 5 * 60 + 120
    assert document["characters"] == 500 - start and document["furthest"] == 500


def test_recorder_disabled_stores_nothing(qtbot, make_session, notes_doc: Path) -> None:
    session = make_session()
    clock = _Clock()
    recorder = ReadingRecorder(session, StatsStore(), enabled=False, clock=clock)
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationActive)
    with qtbot.waitSignal(session.documentShown, timeout=10_000):
        session.open(notes_doc)
    for step in range(3):
        clock.now += 60
        session.positionChanged.emit(100 * step)
    recorder.flush(wait=True)
    assert StatsStore().documents() == []
