"""The bookmarks list as a reader sees it: quote and note on two lines, tooltips, the context menu, the empty state."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QDialog, QDockWidget, QMenu, QPlainTextEdit

from reader.bookmarks import add_bookmark, get_bookmark, list_bookmarks

TEXT = (
    "# Journal\n\nMonday was grey and the trains were late again.\n\n"
    "## Tuesday\n\nThe market sold the first cherries of the year.\n"
)
LONG_NOTE = "Cherries from the south, early this year; " * 6 + "THE END OF THE NOTE"


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "journal.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def window(make_window, doc: Path):
    return make_window([str(doc)])


def _pane(window):
    return window.findChild(QDockWidget, "bookmarksPane")


def _span(passage: str) -> tuple[int, int]:
    return TEXT.index(passage), len(passage)


def _ink(image: QImage) -> int:
    """How many pixels differ from the top-left one (the background)."""
    background = image.pixel(0, 0)
    return sum(image.pixel(x, y) != background for x in range(image.width()) for y in range(image.height()))


def test_a_note_is_drawn_on_its_own_second_line(window, doc: Path, qtbot) -> None:
    pane = _pane(window)
    add_bookmark(doc, *_span("first cherries"), note=LONG_NOTE)
    pane.refresh()
    pane.show()
    pane.list.resize(320, 300)
    qtbot.wait(20)
    line = pane.list.fontMetrics().lineSpacing()
    rect = pane.list.visualRect(pane.model.index(0, 0))
    assert rect.height() >= 2 * line
    second_line = rect.adjusted(0, rect.height() // 2, 0, 0)
    with_note = pane.list.viewport().grab(second_line).toImage()
    assert _ink(with_note) > 20, "the note's line shows text"
    [mark] = list_bookmarks()
    pane._save_edit(mark.id, "", mark.color, mark.style)
    pane.list.viewport().repaint()
    without_note = pane.list.viewport().grab(second_line).toImage()
    assert with_note != without_note


def test_the_tooltip_shows_section_date_and_the_whole_note(window, doc: Path) -> None:
    pane = _pane(window)
    mark = add_bookmark(doc, *_span("first cherries"), note=LONG_NOTE)
    pane.refresh()
    tip = pane.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Journal › Tuesday" in tip and "THE END OF THE NOTE" in tip
    assert mark.created[:10] in tip and " @ " not in tip and str(doc) not in tip


def test_the_context_menu_groups_edit_colour_style_delete_then_undo(window, doc: Path) -> None:
    pane = _pane(window)
    add_bookmark(doc, *_span("first cherries"))
    pane.refresh()
    pane.list.setCurrentIndex(pane.model.index(0, 0))
    menu = pane.list_menu()
    texts = [action.text().replace("&", "") if not action.isSeparator() else "|" for action in menu.actions()]
    assert texts == ["Edit Bookmark…", "Change Colour", "Change Style", "Copy Link", "Delete", "|", "Undo", "Redo"]
    colours = menu.findChild(QMenu, "bookmarkColorMenu")
    assert [a.text() for a in colours.actions()][:3] == ["Yellow", "Green", "Blue"]
    assert colours.actions()[0].isChecked()
    next(a for a in colours.actions() if a.objectName() == "bookmarkColorMenu_green").trigger()
    menu.deleteLater()
    [mark] = list_bookmarks()
    assert mark.color == "green"
    assert pane.undo_action.text().replace("&", "") == "Undo Change Colour"
    styles = pane.list_menu().findChild(QMenu, "bookmarkStyleMenu")
    next(a for a in styles.actions() if a.objectName() == "bookmarkStyleMenu_wavy").trigger()
    assert get_bookmark(mark.id).style == "wavy" and window.text_view.highlight_count("bookmarks-wavy-green") == 1
    pane.undo_action.trigger()
    assert get_bookmark(mark.id).style == "highlight"


def test_the_editor_chooses_the_style(window, doc: Path) -> None:
    pane = _pane(window)
    window.jump_to(*_span("trains were late"))
    pane.bookmark_selection()
    editor = window.findChild(QDialog, "bookmarkEditor")
    styles = editor.findChild(QComboBox, "bookmarkStyle")
    assert [styles.itemText(i) for i in range(styles.count())] == [
        "Highlight", "Underline", "Wavy underline", "Strike-through", "Box"]
    styles.setCurrentIndex(styles.findData("box"))
    editor.findChild(QPlainTextEdit, "bookmarkNote").setPlainText("late")
    editor.accept()
    [mark] = list_bookmarks()
    assert (mark.style, mark.note) == ("box", "late")
    assert window.text_view.highlight_style("bookmarks-box-yellow") == "box"


def test_the_empty_pane_says_how_to_bookmark(window, doc: Path, qtbot) -> None:
    pane = _pane(window)
    pane.show()
    assert pane.list.count() == 0
    assert "Select a passage and press Ctrl+D" in pane.list.placeholder
    qtbot.wait(20)
    assert _ink(pane.list.viewport().grab().toImage()) > 50, "the hint is drawn"
    add_bookmark(doc, *_span("first cherries"))
    pane.refresh()
    pane.filter_edit.setText("no such words")
    assert pane.list.count() == 0 and pane.list.placeholder == "No bookmark matches the filter."
