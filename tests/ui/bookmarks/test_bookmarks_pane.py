"""The bookmarks pane: Ctrl+D on a selection, the editor, jumping, filtering, undoing a delete, orphans."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDockWidget, QLineEdit, QPlainTextEdit

from reader.bookmarks import add_bookmark, list_bookmarks
from reader.ui.bookmarks import pane as bookmarks_pane

TEXT = (
    "# Journal\n\nMonday was grey and the trains were late again.\n\n"
    "## Tuesday\n\nThe market sold the first cherries of the year.\n\n"
    "## Wednesday\n\nRain all day; I read by the window until dusk.\n"
)


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "journal.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def window(make_window, doc: Path):
    window = make_window()
    assert window.open_document(doc)
    return window


def _pane(window) -> bookmarks_pane.BookmarksPane:
    return window.findChild(QDockWidget, "bookmarksPane")


def _span(passage: str) -> tuple[int, int]:
    return TEXT.index(passage), len(passage)


def test_ctrl_d_bookmarks_the_selection_and_the_editor_saves(window, qtbot) -> None:
    pane = _pane(window)
    window.jump_to(*_span("first cherries"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.text_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    editor = window.findChild(QDialog, "bookmarkEditor")
    assert editor is not None and editor.isVisible() and not editor.isModal()
    editor.findChild(QPlainTextEdit, "bookmarkNote").setPlainText("buy some")
    colors = editor.findChild(QComboBox, "bookmarkColor")
    colors.setCurrentIndex(colors.findData("green"))
    editor.accept()
    [stored] = list_bookmarks()
    assert (stored.offset, stored.length, stored.quote) == (*_span("first cherries"), "first cherries")
    assert (stored.note, stored.color) == ("buy some", "green")
    assert window.text_view.highlight_count("bookmarks") == 1
    assert pane.visible_ids() == [stored.id]


def test_without_a_selection_ctrl_d_bookmarks_the_position(window) -> None:
    pane = _pane(window)
    window.text_view.select_range(0, 0)
    mark = pane.bookmark_selection()
    assert mark is not None and mark.length == 0
    pane.editor.reject()


def test_activating_a_bookmark_selects_exactly_its_passage(window, qtbot, doc, tmp_path) -> None:
    mark = add_bookmark(doc, *_span("read by the window"))
    other = tmp_path / "other.txt"
    other.write_text("Something else entirely.\n", encoding="utf-8")
    pane = _pane(window)
    pane.all_documents.setChecked(True)
    assert window.open_document(other)
    assert pane.visible_ids() == [mark.id]
    pane.list.activated.emit(pane.model.index(0, 0))
    qtbot.waitUntil(lambda: window.current_document is not None
                    and window.current_document.path == doc.resolve())
    assert window.text_view.selected_range() == _span("read by the window")
    assert window.text_view.selected_text() == "read by the window"


def test_filter_matches_quote_or_note_as_you_type(window, qtbot, doc) -> None:
    a = add_bookmark(doc, *_span("trains were late"), note="commute")
    b = add_bookmark(doc, *_span("first cherries"), note="fruit")
    pane = _pane(window)
    pane.refresh()
    line = window.findChild(QLineEdit, "bookmarksFilter")
    qtbot.keyClicks(line, "cherr")
    assert pane.visible_ids() == [b.id]
    line.clear()
    qtbot.keyClicks(line, "COMMUTE")
    assert pane.visible_ids() == [a.id]
    line.clear()
    assert pane.visible_ids() == [a.id, b.id]
    pane.sort_box.setCurrentIndex(pane.sort_box.findData("date"))
    assert set(pane.visible_ids()) == {a.id, b.id}


def test_delete_is_undone_with_ctrl_z(window, qtbot, doc) -> None:
    mark = add_bookmark(doc, *_span("trains were late"), note="keep me")
    pane = _pane(window)
    pane.refresh()
    pane.list.setCurrentIndex(pane.model.index(0, 0))
    pane.delete_action.trigger()
    assert list_bookmarks() == [] and pane.visible_ids() == []
    assert window.text_view.highlight_count("bookmarks") == 0
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane.list.setFocus()
    qtbot.keyClick(pane.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [(b.id, b.note) for b in list_bookmarks()] == [(mark.id, "keep me")]
    assert pane.visible_ids() == [mark.id]
    assert window.text_view.highlight_count("bookmarks") == 1


def test_orphans_are_shown_apart_and_can_be_reattached(make_window, doc, qtbot) -> None:
    mark = add_bookmark(doc, *_span("Rain all day"), note="weather")
    changed = TEXT.replace("Rain all day; ", "")
    doc.write_text(changed, encoding="utf-8")
    window = make_window()
    pane = _pane(window)
    assert window.open_document(doc)
    row = pane.model.index(0, 0)
    assert "orphaned" in row.data(Qt.ItemDataRole.DisplayRole) and row.data(Qt.ItemDataRole.FontRole).italic()
    assert window.text_view.highlight_count("bookmarks") == 0
    pane.list.setCurrentIndex(pane.model.index(0, 0))
    window.text_view.select_range(changed.index("I read"), len("I read"))
    pane.reattach_action.trigger()
    [stored] = list_bookmarks(doc)
    assert (stored.id, stored.status, stored.quote, stored.note) == (mark.id, "ok", "I read", "weather")
    assert window.text_view.highlight_count("bookmarks") == 1
    pane.undo_stack.undo()
    assert list_bookmarks(doc)[0].status == "orphaned"
