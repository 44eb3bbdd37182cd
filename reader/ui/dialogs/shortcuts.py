"""Help ▸ Keyboard Shortcuts: every shortcut of the window, read from its actions and QShortcuts.

The list is built from the window's live QAction and QShortcut objects (menus, panes, find bar…),
so shortcuts that other parts of the reader add appear without anyone listing them here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Shortcuts filed under "Find" wherever they live (a menu, the window, the search pane), by objectName
FIND_NAMES = frozenset({"findAction", "findInLibraryAction", "searchLibraryShortcut", "nextHitShortcut",
                        "previousHitShortcut"})


@dataclass(frozen=True)
class ShortcutEntry:
    group: str  # the menu (or pane) it belongs to
    command: str
    keys: tuple[str, ...]  # native text, the first is the main one


def _clean(text: str) -> str:
    """A menu text without its mnemonic ("&Open…", "打开(&O)…" → "Open", "打开") and ellipsis."""
    text = re.sub(r"\s*\(&[^&)]\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "").strip()


def _typeable(sequence: QKeySequence) -> bool:
    """Whether a key sequence can be typed on an ordinary keyboard (not Open/Copy/Back media keys, F13+)."""
    for index in range(sequence.count()):
        key = sequence[index].key()
        if key >= Qt.Key.Key_Back or key == Qt.Key.Key_Help or Qt.Key.Key_F13 <= key <= Qt.Key.Key_F35:
            return False
    return True


def _menu_path(action: QAction) -> str:
    """The names of the menus that hold `action`, outermost first ("View ▸ Theme")."""
    for widget in action.associatedObjects():
        if isinstance(widget, QMenu):
            names = []
            menu = widget
            while isinstance(menu, QMenu):
                names.insert(0, _clean(menu.title()))
                parent_action = menu.menuAction()
                parents = [w for w in parent_action.associatedObjects() if isinstance(w, QMenu)]
                menu = parents[0] if parents else None
            return " ▸ ".join(n for n in names if n)
    return ""


def _owner_name(obj, window: QMainWindow, fallback: str) -> str:
    """A readable name for where an action without a menu lives: its dock pane's title, say."""
    widget = obj.parent()
    while widget is not None and widget is not window:
        title = widget.windowTitle() if isinstance(widget, QWidget) else ""
        if title:
            return _clean(title)
        widget = widget.parent()
    return fallback


def collect_shortcuts(window: QMainWindow) -> list[ShortcutEntry]:
    """Every enabled shortcut of the window's QActions and QShortcuts, in menu order."""
    entries: list[ShortcutEntry] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    other = QCoreApplication.translate("ShortcutsDialog", "Other")
    unnamed = QCoreApplication.translate("ShortcutsDialog", "(unnamed shortcut)")
    for action in window.findChildren(QAction):
        sequences = [s for s in action.shortcuts() if not s.isEmpty() and _typeable(s)]
        if not sequences or action.isSeparator():
            continue
        text = _clean(action.text()) or _clean(action.toolTip()) or action.objectName()
        group = (_find_group(window, action) or _menu_path(action) or _pane_of(window, action)
                 or _owner_name(action, window, other))
        entries.append(_entry(group, text, sequences, seen))
    for shortcut in window.findChildren(QShortcut):
        sequences = [s for s in shortcut.keys() if not s.isEmpty() and _typeable(s)]
        if not sequences or not shortcut.isEnabled():
            continue
        # QShortcuts have no text: their whatsThis (or objectName) names them
        text = _clean(shortcut.whatsThis()) or _clean(shortcut.objectName()) or unnamed
        group = _find_group(window, shortcut) or _owner_name(shortcut, window, other)
        entries.append(_entry(group, text, sequences, seen))
    menus = [_clean(a.text()) for a in window.menuBar().actions()]
    order = {name: i for i, name in enumerate(menus)}
    entries = [e for e in entries if e is not None]
    first: dict[str, int] = {}
    for index, entry in enumerate(entries):
        first.setdefault(entry.group, index)
    # menu bar order first (File, Edit, …), then the panes' own shortcuts, "Other" last; each group together
    return sorted(entries, key=lambda e: (order.get(e.group.split(" ▸ ")[0], len(order)), e.group == other,
                                          first[e.group]))


def _pane_of(window: QMainWindow, obj) -> str:
    """The title of the pane whose name `obj`'s starts with ("bookmarksUndoAction": Bookmarks), else ""."""
    for dock in window.findChildren(QDockWidget):
        prefix = dock.objectName().removesuffix("Pane")
        if prefix and obj.objectName().startswith(prefix):
            return _clean(dock.windowTitle())
    return ""


def _find_group(window: QMainWindow, obj) -> str:
    """ "Find" (the find bar's own title, so its shortcuts share the group) for the find shortcuts, else ""."""
    if obj.objectName() not in FIND_NAMES:
        return ""
    bar = window.findChild(QToolBar, "findToolBar")
    return _clean(bar.windowTitle()) if bar is not None else QCoreApplication.translate("ShortcutsDialog", "Find")


def _entry(group, text, sequences, seen) -> ShortcutEntry | None:
    keys = tuple(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)
    key = (text, keys)
    if key in seen:
        return None
    seen.add(key)
    return ShortcutEntry(group, text, keys)


class ShortcutsDialog(QDialog):
    """A filterable two-column list: command and keys, grouped by menu."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self._window = window
        self.resize(560, 620)
        layout = QVBoxLayout(self)
        self.filter_edit = QLineEdit(self, objectName="shortcutsFilter")
        self.filter_edit.setClearButtonEnabled(True)
        layout.addWidget(self.filter_edit)
        self.tree = QTreeWidget(self, objectName="shortcutsList")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.filter_edit.textChanged.connect(self._filter)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts, and the list read again from the window's (now retranslated) actions."""
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by command or key"))
        self.filter_edit.setAccessibleName(self.tr("Filter the shortcuts"))
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.entries = collect_shortcuts(self._window)
        self._fill()
        self._filter(self.filter_edit.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self.retranslate_ui)  # after the window's actions took their new texts
        super().changeEvent(event)

    def _fill(self) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in self.entries:
            parent = groups.get(entry.group)
            if parent is None:
                parent = groups[entry.group] = QTreeWidgetItem(self.tree, [entry.group])
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                parent.setFirstColumnSpanned(True)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item = QTreeWidgetItem(parent, ["    " + entry.command, ",  ".join(entry.keys)])
            item.setData(0, Qt.ItemDataRole.UserRole, entry)
        self.tree.expandAll()

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            visible = 0
            for j in range(group.childCount()):
                item = group.child(j)
                hit = not needle or needle in item.text(0).lower() or needle in item.text(1).lower()
                item.setHidden(not hit)
                visible += hit
            group.setHidden(visible == 0)

    def listed(self) -> list[tuple[str, str]]:
        """(command, shortcuts) rows as shown, for tests and screen readers."""
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                item = group.child(j)
                if not item.isHidden():
                    rows.append((item.text(0).strip(), item.text(1)))
        return rows


def show_shortcuts(window: QMainWindow) -> ShortcutsDialog:
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
