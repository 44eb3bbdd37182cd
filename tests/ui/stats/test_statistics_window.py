"""The window's reading aids: Reading Statistics, the Read Aloud menu, and a bookmark's link copied."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QMenu

from reader.bookmarks import add_bookmark
from reader.bookmarks.links import parse_target, resolve
from reader.stats import ReadingTracker, StatsStore


def test_statistics_action_shows_what_was_read_in_this_window(qtbot, make_window, notes_doc: Path) -> None:
    window = make_window([str(notes_doc)])
    clock = [1_800_000_000.0]
    window.statistics.clock = lambda: clock[0]
    window.statistics.tracker = ReadingTracker(clock[0])  # a fake clock from here on
    window.statistics.tracker.set_active(clock[0], True)
    window.statistics.tracker.show(clock[0], str(notes_doc), notes_doc.name, len(window.current_document.text))
    for step in range(3):
        clock[0] += 60
        window.session.positionChanged.emit(10 * (step + 1))
    window.findChild(QAction, "statisticsAction").trigger()
    dialog = window.findChild(QDialog, "statisticsDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "notes.md"
    (document,) = StatsStore().documents()
    assert document["seconds"] == 120.0  # the first move started the clock; stored on opening the dialog


def test_read_aloud_menu_sits_in_the_menu_bar_with_its_actions(make_window, notes_doc: Path) -> None:
    window = make_window([str(notes_doc)])
    menu = window.findChild(QMenu, "readAloudMenu")
    assert menu is not None and menu.menuAction() in window.menuBar().actions()
    names = {action.objectName() for action in menu.actions()}
    assert {"readAloudPlayAction", "readAloudStopAction", "readAloudNextAction", "readAloudPreviousAction"} <= names


def test_copy_link_puts_a_link_that_lands_on_the_passage(qtbot, make_window, notes_doc: Path) -> None:
    window = make_window([str(notes_doc)])
    text = window.current_document.text
    start = text.index("first passage")
    add_bookmark(window.current_document, start, len("first passage"))
    pane = window.bookmarks_pane
    pane.refresh()
    qtbot.waitUntil(lambda: pane.list.model().rowCount() == 1, timeout=10_000)
    pane.list.setCurrentIndex(pane.list.model().index(0, 0))
    menu = pane.list_menu()
    assert "copyBookmarkLinkAction" in [action.objectName() for action in menu.actions()]
    link = pane.copy_link()
    assert QGuiApplication.clipboard().text() == link
    where = resolve(parse_target(link))
    assert (where.offset, where.length, where.status) == (start, len("first passage"), "ok")
