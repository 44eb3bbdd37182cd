"""The toolbar over a selection: colour buttons bookmark, note opens the editor, copy, search; it never takes focus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QFrame, QLineEdit, QToolButton

from reader.bookmarks import list_bookmarks

TEXT = "Intro.\n\nThe heron stood in the shallows for an hour.\n\n" + "More lines.\n\n" * 80
WORD = "shallows"


@pytest.fixture(params=[".txt", ".md"])
def window(request, make_window, tmp_path: Path, qtbot):
    path = tmp_path / f"heron{request.param}"
    path.write_text(TEXT, encoding="utf-8")
    window = make_window([str(path)])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.text_view.setFocus()
    return window


def _toolbar(window) -> QFrame:
    return window.text_view.findChild(QFrame, "selectionToolbar")


def _word_point(view) -> QPoint:
    cursor = QTextCursor(view.document_view())
    cursor.setPosition(view.to_qt(TEXT.index(WORD) + 2))
    return view.cursorRect(cursor).center()


def _select_word(window, qtbot) -> QFrame:
    """Double-click a word, as a reader selects one."""
    view = window.text_view
    view.show_offset(0)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_word_point(view))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=_word_point(view))
    bar = _toolbar(window)
    qtbot.waitUntil(bar.isVisible)
    assert view.selected_text() == WORD
    return bar


def test_selecting_shows_the_toolbar_near_the_selection_without_taking_focus(window, qtbot) -> None:
    bar = _select_word(window, qtbot)
    view = window.text_view
    word = _word_point(view)
    assert abs(bar.geometry().center().y() - word.y()) < 4 * view.fontMetrics().lineSpacing()
    assert not bar.geometry().contains(word), "the toolbar does not cover the selection"
    assert QApplication.focusWidget() is view
    names = {button.objectName() for button in bar.findChildren(QToolButton)}
    assert {"selectionColor_yellow", "selectionColor_green", "selectionNoteButton", "selectionCopyButton",
            "selectionSearchButton"} <= names
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not bar.isVisible() and view.selected_text() == WORD


def test_a_colour_button_bookmarks_the_selection_in_that_colour(window, qtbot) -> None:
    bar = _select_word(window, qtbot)
    qtbot.mouseClick(bar.findChild(QToolButton, "selectionColor_green"), Qt.MouseButton.LeftButton)
    [mark] = list_bookmarks()
    assert (mark.quote, mark.color, mark.style) == (WORD, "green", "highlight")
    assert window.findChild(QDialog, "bookmarkEditor") is None, "one click, no dialog"
    assert not bar.isVisible() and QApplication.focusWidget() is window.text_view
    assert window.text_view.highlight_count("bookmarks-green") == 1
    assert window.text_view.selected_range() is None, "the selection gives way to the new mark"


def test_note_bookmarks_and_opens_the_editor(window, qtbot) -> None:
    bar = _select_word(window, qtbot)
    qtbot.mouseClick(bar.findChild(QToolButton, "selectionNoteButton"), Qt.MouseButton.LeftButton)
    editor = window.findChild(QDialog, "bookmarkEditor")
    assert editor is not None and editor.isVisible()
    assert [mark.quote for mark in list_bookmarks()] == [WORD]
    editor.reject()


def test_copy_and_search_the_library(window, qtbot) -> None:
    bar = _select_word(window, qtbot)
    qtbot.mouseClick(bar.findChild(QToolButton, "selectionCopyButton"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == WORD
    bar = _select_word(window, qtbot)
    qtbot.mouseClick(bar.findChild(QToolButton, "selectionSearchButton"), Qt.MouseButton.LeftButton)
    assert window.findChild(QLineEdit, "searchBox").text() == WORD
    assert window.search_pane.isVisible()


def test_a_click_elsewhere_or_a_scroll_hides_it(window, qtbot) -> None:
    bar = _select_word(window, qtbot)
    view = window.text_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not bar.isVisible()
    bar = _select_word(window, qtbot)
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 3)
    assert not bar.isVisible()


def test_a_jump_selects_without_showing_it(window, qtbot) -> None:
    window.jump_to(TEXT.index(WORD), len(WORD))
    qtbot.wait(20)
    assert not _toolbar(window).isVisible()


def test_esc_closes_the_toolbar_before_any_window_shortcut(window, qtbot) -> None:
    escaped: list[bool] = []
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
    shortcut.activated.connect(lambda: escaped.append(True))
    bar = _select_word(window, qtbot)
    qtbot.keyClick(window.text_view, Qt.Key.Key_Escape)
    assert not bar.isVisible() and escaped == []
    qtbot.keyClick(window.text_view, Qt.Key.Key_Escape)
    assert escaped == [True], "with the toolbar gone, Esc is the window's again"
