"""The library pane: the documents of every library folder, grouped by folder, and what was skipped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.documents.library import skipped_in
from reader.documents.names import display_name, path_from_key, path_key

PATH_ROLE = Qt.ItemDataRole.UserRole + 1  # path_key(path): Qt strings cannot hold undecodable bytes


class LibraryPane(QDockWidget):
    """Lists library documents; activating one asks the window to open it."""

    documentActivated = Signal(object)  # the path as a str (may hold surrogate escapes)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Library"), parent)
        self.setObjectName("libraryPane")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.filter_edit = QLineEdit(body, objectName="libraryFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter documents…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        layout.addWidget(self.filter_edit)
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("libraryList")
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Library documents"))
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)
        layout.addWidget(self.tree)
        self.skipped = QTreeWidget(body)
        self.skipped.setObjectName("librarySkipped")
        self.skipped.setHeaderHidden(True)
        self.skipped.setAccessibleName(self.tr("Skipped library entries"))
        self.skipped.setRootIsDecorated(False)
        self.skipped.setMaximumHeight(120)
        self.skipped.hide()
        layout.addWidget(self.skipped)
        self.setWidget(body)

    def set_library(
        self, folders: list[Path], documents: list[Path], skipped: list[tuple[Path, str]] | None = None
    ) -> None:
        """Show `documents` under their library folder, and the `skipped` entries (path, reason)
        greyed out below them (by default those the walk that found `documents` skipped)."""
        self.tree.clear()
        for folder in folders:
            folder_item = QTreeWidgetItem(self.tree, [display_name(folder.name or str(folder))])
            folder_item.setToolTip(0, display_name(folder))
            for path in documents:
                if path.is_relative_to(folder):
                    item = QTreeWidgetItem(folder_item, [display_name(path.relative_to(folder).with_suffix(""))])
                    item.setToolTip(0, display_name(path))
                    item.setData(0, PATH_ROLE, path_key(path))
            folder_item.setExpanded(True)
        self.set_skipped(skipped_in(folders, documents) if skipped is None else skipped)
        self._apply_filter(self.filter_edit.text())

    def set_skipped(self, skipped: list[tuple[Path, str]]) -> None:
        """List entries that are not documents (a pipe, a device, a symlink loop, an unreadable
        folder), greyed out, each with its reason as the tooltip; hidden when there are none."""
        self.skipped.clear()
        for path, reason in skipped:
            item = QTreeWidgetItem(self.skipped, [self.tr("%1 (skipped)").replace("%1", display_name(Path(path).name))])
            item.setToolTip(0, f"{display_name(path)}: {reason}")
            item.setData(0, PATH_ROLE, path_key(path))
            item.setDisabled(True)
        self.skipped.setVisible(bool(skipped))

    def skipped_entries(self) -> list[tuple[str, str]]:
        """(path, tooltip) of every skipped entry listed."""
        items = [self.skipped.topLevelItem(i) for i in range(self.skipped.topLevelItemCount())]
        return [(str(path_from_key(item.data(0, PATH_ROLE))), item.toolTip(0)) for item in items]

    def document_paths(self) -> list[str]:
        """Every listed document's path, in display order."""
        paths = []
        for top in range(self.tree.topLevelItemCount()):
            folder = self.tree.topLevelItem(top)
            paths += [str(path_from_key(folder.child(i).data(0, PATH_ROLE))) for i in range(folder.childCount())]
        return paths

    def mark_current(self, path: Path | None) -> None:
        """Select the open document's row, if listed."""
        for top in range(self.tree.topLevelItemCount()):
            folder = self.tree.topLevelItem(top)
            for i in range(folder.childCount()):
                item = folder.child(i)
                if path is not None and item.data(0, PATH_ROLE) == path_key(path):
                    self.tree.setCurrentItem(item)
                    return

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for top in range(self.tree.topLevelItemCount()):
            folder = self.tree.topLevelItem(top)
            for i in range(folder.childCount()):
                item = folder.child(i)
                item.setHidden(bool(needle) and needle not in item.text(0).lower())

    def _activate(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, PATH_ROLE)
        if key:
            self.documentActivated.emit(str(path_from_key(key)))
