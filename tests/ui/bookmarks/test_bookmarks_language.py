"""Switching the UI language reaches the bookmarks pane, its menu, the editor and the selection toolbar at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFrame, QLabel, QToolButton

from reader.bookmarks import add_bookmark
from reader.ui.settings import i18n

TEXT = "Morning\n\nThe river was high after the storm.\n"


@pytest.fixture(autouse=True)
def english_after(qapp):
    yield
    i18n.install_translator(QApplication.instance(), "en")


def test_the_pane_menu_editor_and_toolbar_follow_a_live_switch(make_window, tmp_path: Path) -> None:
    if i18n.qm_path("zh_CN") is None:
        pytest.skip("the Chinese catalogue is not compiled (make translations)")
    path = tmp_path / "river.txt"
    path.write_text(TEXT, encoding="utf-8")
    add_bookmark(path, TEXT.index("river"), 5, note="high water")
    window = make_window([str(path)])
    pane = window.bookmarks_pane
    window.jump_to(TEXT.index("storm"), 5)
    pane.bookmark_selection()
    editor = window.findChild(QDialog, "bookmarkEditor")
    assert pane.windowTitle() == "Bookmarks"
    i18n.install_translator(QApplication.instance(), "zh_CN")
    QCoreApplication.processEvents()
    assert pane.windowTitle() == "书签"
    assert pane.all_documents.text() == "所有文档"
    assert pane.filter_edit.placeholderText() == "按段落或备注筛选"
    assert window.bookmarks_menu.title() == "书签(&B)"
    assert pane.undo_action.text().startswith("撤销“")
    assert "标注" in window.text_view.findChild(QFrame, "selectionToolbar").findChild(
        QToolButton, "selectionColor_green").toolTip()
    assert [label.text() for label in editor.findChildren(QLabel) if label.buddy() is not None][1:] == [
        "备注(&N)", "颜色(&C)", "样式(&S)"]
    assert "章节：" in pane.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    editor.reject()
