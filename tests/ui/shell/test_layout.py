"""Room for the text: the default layout, the text's share of the window, Ctrl+1…4, Ctrl+Shift+F, and a
new bookmark opening the bookmarks pane; a layout saved by an older version does not come back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit

from reader.bookmarks import add_bookmark
from reader.ui.settings.settings import open_settings

CORPUS_FILES = sorted(Path(__file__).resolve().parents[3].joinpath("corpus").glob("*.txt"))
PANES = {"outlinePane": Qt.Key.Key_1, "libraryPane": Qt.Key.Key_2, "searchPane": Qt.Key.Key_3,
         "bookmarksPane": Qt.Key.Key_4}


def _seen(dock) -> bool:
    """Open and in front of its tab group: what the reader sees."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def _pane(window, name: str):
    return getattr(window, {"outlinePane": "outline_pane", "libraryPane": "library_pane",
                            "searchPane": "search_pane", "bookmarksPane": "bookmarks_pane"}[name])


def _active(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.mark.parametrize(("size", "share"), [((1400, 900), 0.55), ((1000, 700), 0.50)])
def test_the_text_gets_most_of_the_window_by_default(make_window, qtbot, size, share) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    qtbot.waitUntil(lambda: window.text_view.width() >= share * window.width())
    assert window.text_view.objectName() == "textView"
    assert _seen(window.outline_pane)  # the outline in front on the left, the library a tab beside it
    assert window.library_pane.isVisible() and not _seen(window.library_pane)
    assert window.tabifiedDockWidgets(window.outline_pane) == [window.library_pane]
    assert not window.search_pane.isVisible() and not window.bookmarks_pane.isVisible()


def test_panes_give_way_on_a_small_window_and_get_their_room_back(make_window, qtbot) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    window.resize(1400, 900)
    window.findChild(QAction, "toggleSearchAction").trigger()  # both sides open
    qtbot.waitUntil(lambda: _seen(window.search_pane))
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.text_view.width() >= 0.40 * window.width())
    squeezed = window.outline_pane.width()
    assert squeezed <= 0.26 * 1000
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: window.outline_pane.width() > squeezed)


def test_ctrl_1_to_4_show_and_hide_each_pane(make_window, qtbot) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    window.resize(1400, 900)
    _active(window, qtbot)
    for name, key in PANES.items():
        dock = _pane(window, name)
        before = _seen(dock)
        qtbot.keyClick(window.text_view, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda d=dock, b=before: _seen(d) != b)
        qtbot.keyClick(window.text_view, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda d=dock, b=before: _seen(d) == b)
    names = {a.objectName() for a in window.menus.panes.actions()}
    assert names == {"toggleOutlineAction", "toggleLibraryAction", "toggleSearchAction", "toggleBookmarksAction"}


def test_ctrl_shift_f_opens_the_search_pane_and_focuses_its_box(make_window, qtbot) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    _active(window, qtbot)
    assert not window.search_pane.isVisible()
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.text_view, Qt.Key.Key_F, control_shift)
    qtbot.waitUntil(lambda: _seen(window.search_pane))
    box = window.search_pane.findChild(QLineEdit, "searchBox")
    qtbot.waitUntil(box.hasFocus)
    assert window.findChild(QAction, "findInLibraryAction") in window.edit_menu.actions()


def test_a_new_bookmark_opens_the_bookmarks_pane(make_window, qtbot) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    qtbot.wait(300)  # the pane lists the document's bookmarks (none) first
    assert not window.bookmarks_pane.isVisible()
    window.jump_to(10, 5)
    window.bookmarks_pane.bookmark_action.trigger()
    qtbot.waitUntil(lambda: _seen(window.bookmarks_pane))
    editor = window.bookmarks_pane.editor
    if editor is not None:
        editor.close()


def test_opening_a_document_that_has_bookmarks_leaves_the_pane_closed(make_window, open_and_wait, qtbot,
                                                                     tmp_path) -> None:
    marked = tmp_path / "marked.txt"
    marked.write_text("第一章 开始\n" + "正文一句。" * 200, encoding="utf-8")
    for offset in (0, 20, 40):
        add_bookmark(marked, offset, 4)
    window = make_window([str(CORPUS_FILES[0])])
    open_and_wait(window, marked)
    qtbot.waitUntil(lambda: window.bookmarks_pane.model.rowCount() == 3)
    qtbot.wait(200)
    assert not window.bookmarks_pane.isVisible()
    window.jump_to(60, 4)
    window.bookmarks_pane.bookmark_action.trigger()  # one more, added by the reader: now it opens
    qtbot.waitUntil(lambda: _seen(window.bookmarks_pane))
    if window.bookmarks_pane.editor is not None:
        window.bookmarks_pane.editor.close()


def test_a_layout_from_before_this_version_is_not_restored(make_window, qtbot) -> None:
    window = make_window()
    for dock in (window.search_pane, window.bookmarks_pane):
        dock.show()
    old = window.saveState()  # version 0: what earlier readers saved, every pane open
    window.close()
    settings = open_settings()
    settings.setValue("window/state", old)
    settings.sync()
    again = make_window()
    assert not again.search_pane.isVisible() and not again.bookmarks_pane.isVisible()
    again.library_pane.hide()
    again.close()
    third = make_window()
    assert not third.library_pane.isVisible()  # a layout saved by this version is
    assert isinstance(open_settings().value("window/state"), QByteArray)
