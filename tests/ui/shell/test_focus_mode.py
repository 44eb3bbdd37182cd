"""Focus mode: F11 shows only the text (no panes, menu or status bar, full screen), the outline comes as an
overlay on Ctrl+1 or at the left edge, and Esc puts everything back as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QEnterEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QTreeView

CORPUS_FILES = sorted(Path(__file__).resolve().parents[3].joinpath("corpus").glob("*.txt"))


def _layout(window) -> dict:
    return {dock.objectName(): dock.isVisible() for dock in window.findChildren(QDockWidget)} | {
        "menu": window.menuBar().isVisible(), "status": window.statusBar().isVisible(),
        "full": window.isFullScreen()}


def test_f11_shows_only_the_text_and_esc_restores_the_layout(make_window, qtbot) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    window.findChild(QAction, "toggleSearchAction").trigger()  # a layout of the reader's own
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before = _layout(window)
    assert before["searchPane"] and before["menu"] and not before["full"]
    qtbot.keyClick(window.text_view, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert window.findChild(QAction, "focusModeAction").isChecked()
    assert not any(dock.isVisible() for dock in window.findChildren(QDockWidget))
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert window.text_view.isVisible()
    qtbot.keyClick(window.text_view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert _layout(window) == before
    assert not window.findChild(QAction, "focusModeAction").isChecked()


def test_the_outline_overlays_the_text_on_ctrl_1_and_at_the_left_edge(make_window, qtbot) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.findChild(QAction, "focusModeAction").trigger()
    overlay = window.findChild(QTreeView, "focusOutlineTree")
    assert not overlay.isVisible()
    qtbot.keyClick(window.text_view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(overlay.isVisible)
    assert not window.outline_pane.isVisible()  # an overlay, not the pane: the text keeps its width
    assert overlay.model().rowCount() == window.outline_pane.tree.model().rowCount() > 0
    last = overlay.model().index(overlay.model().rowCount() - 1, 0)
    overlay.scrollTo(last)
    qtbot.mouseClick(overlay.viewport(), Qt.MouseButton.LeftButton, pos=overlay.visualRect(last).center())
    qtbot.waitUntil(lambda: not overlay.isVisible())
    title = last.data()
    assert window.text_view.selected_text().strip() == title.strip()
    edge = window.findChild(type(window.focus_mode.edge), "focusEdge")
    position = QPoint(2, 50)
    QApplication.sendEvent(edge, QEnterEvent(position, edge.mapToGlobal(position), edge.mapToGlobal(position)))
    qtbot.waitUntil(overlay.isVisible)
    assert overlay.currentIndex().data() == title  # it opens at the reader's section
    qtbot.keyClick(overlay, Qt.Key.Key_Escape)  # the first Esc closes the overlay, the second leaves
    qtbot.waitUntil(lambda: not overlay.isVisible())
    assert window.isFullScreen()
    qtbot.keyClick(window.text_view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.outline_pane.isVisible()
