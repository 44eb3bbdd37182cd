"""Focus mode (F11, Esc leaves): only the text column, full screen; the outline comes as an overlay on
Ctrl+1 or when the mouse rests at the left edge. Leaving puts every pane, bar and the window back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QMargins, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFrame,
    QMainWindow,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.outline.model import LENGTH_ROLE, OFFSET_ROLE

EDGE_WIDTH = 8  # the strip at the left edge that brings the outline
COLUMN_CHARS = 44  # the text column's width in focus mode, in full-width characters of the reading font
OVERLAY_WIDTH = 380  # at most; never more than 45% of the text area
MIN_OVERLAY_WIDTH = 240  # a margin this wide holds the overlay without covering the text


@dataclass
class _Saved:
    """What focus mode changed, to put back."""

    state: QByteArray
    window_state: Qt.WindowState
    menu_bar: bool
    status_bar: bool
    margins: QMargins
    palette: QPalette


class _Edge(QWidget):
    """An invisible strip at the left edge: the mouse entering it asks for the outline."""

    entered = Signal()

    def enterEvent(self, event) -> None:
        self.entered.emit()
        super().enterEvent(event)


class OutlineOverlay(QFrame):
    """The outline over the text's left side: the outline pane's own (filtered) model in a second tree."""

    headingActivated = Signal(int, int)

    def __init__(self, model, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("focusOutline")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.hide_on_leave = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeView(self, objectName="focusOutlineTree", headerHidden=True, uniformRowHeights=True)
        self.tree.setModel(model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.clicked.connect(self._activate)
        self.tree.activated.connect(self._activate)
        layout.addWidget(self.tree)

    def _activate(self, index: QModelIndex) -> None:
        offset = index.data(OFFSET_ROLE)
        if offset is not None:
            self.hide()
            self.headingActivated.emit(offset, index.data(LENGTH_ROLE) or 0)

    def leaveEvent(self, event) -> None:
        if self.hide_on_leave:
            self.hide()
        super().leaveEvent(event)


class FocusMode(QObject):
    """Enters and leaves focus mode for `window`; `action` (F11) toggles it."""

    toggled = Signal(bool)

    def __init__(self, window: QMainWindow, area: QWidget, outline_model, make_action,
                 current: Callable[[], QModelIndex] = QModelIndex) -> None:
        """`area`: the text column (the central widget); `outline_model`: what the overlay lists;
        `current()`: the index (in outline_model) of the section the reader is in."""
        super().__init__(window)
        self.window, self.area = window, area
        self._current = current
        self._saved: _Saved | None = None
        self.action: QAction = make_action(QT_TRANSLATE_NOOP("MainWindow", "Focus &Mode"), self.toggle, "F11",
                                          "focusModeAction")
        self.action.setCheckable(True)
        self.overlay = OutlineOverlay(outline_model, area)
        self.overlay.hide()
        self.edge = _Edge(area, objectName="focusEdge")
        self.edge.entered.connect(lambda: self.show_overlay(hover=True))
        self.edge.hide()

    @property
    def active(self) -> bool:
        return self._saved is not None

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        """Hide the panes, the menu and status bars and the toolbars; go full screen."""
        if self.active:
            return
        window = self.window
        self._saved = _Saved(window.saveState(), window.windowState(), window.menuBar().isVisible(),
                             window.statusBar().isVisible(), self.area.layout().contentsMargins(),
                             QPalette(self.area.palette()))
        self._paint_page()
        for widget in (*window.findChildren(QToolBar), *window.findChildren(QDockWidget)):
            if widget.parentWidget() is window:
                widget.hide()
        window.menuBar().hide()
        window.statusBar().hide()
        window.showFullScreen()
        self.place()
        self.edge.show()
        self.edge.raise_()
        self.action.setChecked(True)
        self.toggled.emit(True)

    def leave(self) -> None:
        """Put the window as it was before enter()."""
        saved = self._saved
        if saved is None:
            return
        self._saved = None
        self.overlay.hide()
        self.edge.hide()
        window = self.window
        self.area.layout().setContentsMargins(saved.margins)
        self.area.setAutoFillBackground(False)
        self.area.setPalette(saved.palette)
        window.setWindowState(saved.window_state)
        window.menuBar().setVisible(saved.menu_bar)
        window.statusBar().setVisible(saved.status_bar)
        window.restoreState(saved.state)
        self.action.setChecked(False)
        self.toggled.emit(False)

    def _paint_page(self) -> None:
        """The margins beside the column take the page's colour (the text view's base)."""
        view = self.area.findChild(QWidget, "textView")
        if view is None:
            return
        palette = QPalette(self.area.palette())
        palette.setColor(QPalette.ColorRole.Window, view.palette().color(QPalette.ColorRole.Base))
        self.area.setPalette(palette)
        self.area.setAutoFillBackground(True)

    def show_overlay(self, hover: bool = False) -> None:
        """Show the outline over the text (hover: until the mouse leaves it), at the current section."""
        if not self.active or self.overlay.isVisible():
            return
        self.place()
        self.overlay.hide_on_leave = hover
        self.overlay.show()
        self.overlay.raise_()
        tree = self.overlay.tree
        tree.expandToDepth(0)  # the chapters' sections, as the outline pane shows them
        current = self._current()
        if current.isValid():
            tree.setCurrentIndex(current)  # the reader's section, its parents expanded
            tree.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)
        tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def toggle_overlay(self) -> None:
        if self.overlay.isVisible():
            self.overlay.hide()
        else:
            self.show_overlay()

    def escape(self) -> bool:
        """Esc: close the overlay, else leave focus mode; False when not in focus mode."""
        if not self.active:
            return False
        if self.overlay.isVisible():
            self.overlay.hide()
        else:
            self.leave()
        return True

    def place(self) -> None:
        """Fit the edge strip and the overlay to the text area's current size, and centre a text column of
        about COLUMN_CHARS characters in it."""
        height = self.area.height()
        if self.active:
            view = self.area.findChild(QWidget, "textView")
            column = view.fontMetrics().horizontalAdvance("中") * COLUMN_CHARS if view is not None else 0
            side = max(0, (self.window.width() - column) // 2) if column else 0  # the area spans the window
            self.area.layout().setContentsMargins(side, 0, side, 0)
        self.edge.setGeometry(0, 0, EDGE_WIDTH, height)
        side = self.area.layout().contentsMargins().left() if self.active else 0
        width = side if side >= MIN_OVERLAY_WIDTH else min(OVERLAY_WIDTH, int(self.area.width() * 0.45))
        self.overlay.setGeometry(0, 0, width, height)  # in the margin when it is wide enough

