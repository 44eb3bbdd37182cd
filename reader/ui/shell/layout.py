"""Where the panes go: the outline with the library tabbed beside it on the left, search and bookmarks
tabbed on the right and closed until used; Ctrl+1…4 show or hide each; on small windows they give way
to the text (their widths are capped by the window's), and they get their room back as it grows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow

LAYOUT_VERSION = 2  # saveState's version: states saved before it (every pane open) are not restored
LEFT_WIDTH, RIGHT_WIDTH = 300, 340  # the panes' widths on a roomy window
LEFT_SHARE, RIGHT_SHARE = 0.26, 0.26  # the most of the window's width a side may take
MIN_PANE_WIDTH = 160
# (dock objectName, action objectName, menu text, shortcut): Ctrl+1…4
PANES = (
    ("outlinePane", "toggleOutlineAction", QT_TRANSLATE_NOOP("MainWindow", "&Outline"), "Ctrl+1"),
    ("libraryPane", "toggleLibraryAction", QT_TRANSLATE_NOOP("MainWindow", "&Library"), "Ctrl+2"),
    ("searchPane", "toggleSearchAction", QT_TRANSLATE_NOOP("MainWindow", "&Search"), "Ctrl+3"),
    ("bookmarksPane", "toggleBookmarksAction", QT_TRANSLATE_NOOP("MainWindow", "&Bookmarks"), "Ctrl+4"),
)


class PaneLayout(QObject):
    """Places the window's docks, keeps them from crowding the text, and offers a show/hide action each."""

    def __init__(self, window: QMainWindow, left: tuple[QDockWidget, QDockWidget],
                 right: tuple[QDockWidget, QDockWidget], make_action) -> None:
        """`left`: (outline, library); `right`: (search, bookmarks); `make_action(source, slot, keys, name)`
        makes a window action whose text is `source` translated (menus._action)."""
        super().__init__(window)
        self.window = window
        self.left, self.right = left, right
        self._squeezed: set[QDockWidget] = set()
        self.intercept: Callable[[QDockWidget], bool] = lambda _dock: False  # True: the toggle was handled
        docks = {dock.objectName(): dock for dock in (*left, *right)}
        self.actions: list[QAction] = []
        for dock_name, name, text, shortcut in PANES:
            dock = docks[dock_name]
            action = make_action(text, lambda _checked=False, d=dock: self.toggle(d), shortcut, name)
            action.setCheckable(True)
            dock.visibilityChanged.connect(lambda _visible, d=dock, a=action: a.setChecked(not d.isHidden()))
            self.actions.append(action)

    @property
    def docks(self) -> tuple[QDockWidget, ...]:
        return (*self.left, *self.right)

    def place(self) -> None:
        """The default layout: outline (front) and library tabbed on the left; search and bookmarks tabbed
        on the right, closed."""
        outline, library = self.left
        search, bookmarks = self.right
        for dock in self.left:
            self.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.window.tabifyDockWidget(outline, library)
        for dock in self.right:
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.window.tabifyDockWidget(search, bookmarks)
        for dock in self.docks:  # a pane's controls may ask for more; on a small window they give way
            dock.setMinimumWidth(MIN_PANE_WIDTH)
            if dock.widget() is not None:
                dock.widget().setMinimumWidth(MIN_PANE_WIDTH)
        outline.raise_()
        search.hide()
        bookmarks.hide()
        self.fit()

    def show_pane(self, dock: QDockWidget) -> None:
        """Open `dock` and bring its tab to the front."""
        dock.show()
        dock.raise_()
        self.fit()

    def toggle(self, dock: QDockWidget) -> None:
        """Ctrl+1…4: hide `dock` if the reader sees it, else open it in front of its tab group (unless
        `intercept` handles it: focus mode shows the outline as an overlay)."""
        if self.intercept(dock):
            return
        if dock.isVisible() and not dock.visibleRegion().isEmpty():  # open, and its tab in front
            dock.hide()
        else:
            self.show_pane(dock)

    def fit(self) -> None:
        """Cap each side's width by the window's, so the text keeps most of it, and give squeezed panes
        their width back (up to the cap) when the window grows."""
        width = self.window.width()
        both = any(not d.isHidden() for d in self.left) and any(not d.isHidden() for d in self.right)
        for side, share, wanted in ((self.left, LEFT_SHARE, LEFT_WIDTH), (self.right, RIGHT_SHARE, RIGHT_WIDTH)):
            cap = max(MIN_PANE_WIDTH, int(width * (share if both else share + 0.06)))
            for dock in side:
                dock.setMaximumWidth(cap)
            shown = [d for d in side if not d.isHidden() and not d.isFloating()]
            if not shown:
                continue
            if shown[0].width() >= cap:
                self._squeezed.update(side)
            elif self._squeezed & set(side) and shown[0].width() < min(wanted, cap):
                self.window.resizeDocks(shown[:1], [min(wanted, cap)], Qt.Orientation.Horizontal)

    def save(self) -> QByteArray:
        return self.window.saveState(LAYOUT_VERSION)

    def restore(self, state: QByteArray) -> bool:
        """Restore a layout saved by this version; an older one (every pane open) is ignored."""
        restored = self.window.restoreState(state, LAYOUT_VERSION)
        if restored:
            self.fit()
        return restored

