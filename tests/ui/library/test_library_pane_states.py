"""The library pane: its empty state takes a dropped folder, documents from elsewhere go under "Opened"
with the highlight following the open document, and rows have context menus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QLabel

from reader.documents.library import add_folder, added_folders, iter_documents, real_path
from reader.ui.library import pane as library_pane
from reader.ui.library.pane import LibraryPane


def _drop(widget, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)  # as the window's drop test does: offscreen Qt delivers drops only during a drag


def _actions(menu) -> dict[str, object]:
    return {a.objectName(): a for a in menu.actions() if a.objectName()}


def test_an_empty_library_says_to_drop_a_folder_and_takes_one(qtbot, library_folder) -> None:
    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.set_library([], [])
    empty = pane.findChild(QLabel, "libraryEmpty")
    assert empty.isVisible() and "Drop a folder" in empty.text() and not pane.tree.isVisible()
    folder = library_folder({"a.txt": "A\n"})
    with qtbot.waitSignal(pane.pathsDropped) as dropped:
        _drop(pane, [folder])
    assert dropped.args == [[folder]]
    pane.set_library([folder], iter_documents([folder]))
    assert not empty.isVisible() and pane.tree.isVisible()


def test_a_folder_dropped_on_the_library_pane_joins_the_library(make_window, qtbot, library_folder) -> None:
    window = make_window()
    folder = library_folder({"dropped.txt": "Dropped\n"})
    _drop(window.library_pane, [folder])
    assert str(folder / "dropped.txt") in window.library_pane.document_paths()
    qtbot.waitUntil(lambda: window.current_document is not None)
    assert window.current_document.path == folder / "dropped.txt"


def test_a_file_from_elsewhere_is_listed_under_opened_and_the_highlight_follows(
        make_window, open_and_wait, qtbot, tmp_path: Path, corpus: Path) -> None:
    window = make_window()
    pane = window.library_pane
    inside = sorted(corpus.glob("*.txt"))[0]
    open_and_wait(window, inside)
    assert pane.current_path() == str(inside)
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("Outside the library\n", encoding="utf-8")
    open_and_wait(window, outside)
    assert pane.opened_paths() == [outside]
    group = pane.tree.topLevelItem(pane.tree.topLevelItemCount() - 1)
    assert group.text(0) == "Opened" and group.child(0).text(0) == "elsewhere"
    assert pane.current_path() == str(outside)  # the highlight moved off the corpus document
    open_and_wait(window, inside)
    assert pane.current_path() == str(inside)
    window.refresh_library()
    assert pane.opened_paths() == [outside]  # still listed after the library is listed again


def test_context_menus_open_show_reindex_and_remove(make_window, qtbot, library_folder, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(library_pane.QDesktopServices, "openUrl", lambda url: shown.append(url.toLocalFile()) or True)
    folder = library_folder({"note.txt": "Note\n"})
    add_folder(folder)
    window = make_window()
    pane = window.library_pane
    folder_item = next(pane.tree.topLevelItem(i) for i in range(pane.tree.topLevelItemCount())
                       if pane.tree.topLevelItem(i).toolTip(0) == str(real_path(folder)))
    document_menu = pane.context_menu(folder_item.child(0))
    actions = _actions(document_menu)
    assert set(actions) == {"libraryOpenAction", "libraryShowAction"}
    actions["libraryOpenAction"].trigger()
    qtbot.waitUntil(lambda: window.current_document is not None)
    assert window.current_document.path == real_path(folder) / "note.txt"
    actions["libraryShowAction"].trigger()
    assert shown == [str(real_path(folder))]
    folder_actions = _actions(pane.context_menu(folder_item))
    assert set(folder_actions) == {"libraryShowAction", "libraryReindexAction", "libraryRemoveAction"}
    with qtbot.waitSignal(pane.reindexRequested):
        folder_actions["libraryReindexAction"].trigger()
    qtbot.waitUntil(lambda: not window.search_pane.controller.indexing, timeout=30000)
    corpus_actions = _actions(pane.context_menu(pane.tree.topLevelItem(0)))
    assert not corpus_actions["libraryRemoveAction"].isEnabled()  # the sample library stays
    folder_actions["libraryRemoveAction"].trigger()
    assert added_folders() == []
    assert str(real_path(folder) / "note.txt") not in pane.document_paths()
    assert folder.is_dir() and (folder / "note.txt").is_file()  # nothing is deleted on disk


@pytest.mark.parametrize("language", ["zh_CN"])
def test_the_pane_retranslates_live(qtbot, language) -> None:
    from reader.ui.settings.i18n import install_translator

    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.set_library([], [])
    pane.set_opened([Path("/tmp/x.txt")])
    app = QApplication.instance()
    try:
        install_translator(app, language)
        qtbot.waitUntil(lambda: pane.windowTitle() == "文库")  # LanguageChange is a posted event
        assert pane.tree.topLevelItem(0).text(0) == "已打开"
    finally:
        install_translator(app, "en")
    qtbot.waitUntil(lambda: pane.windowTitle() == "Library")
