"""The library pane: the documents of every library folder, grouped by folder."""

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

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class LibraryPane(QDockWidget):
    """Lists library documents; activating one asks the window to open it."""

    documentActivated = Signal(str)

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
        self.setWidget(body)

    def set_library(self, folders: list[Path], documents: list[Path]) -> None:
        """Show `documents` under their library folder."""
        self.tree.clear()
        for folder in folders:
            folder_item = QTreeWidgetItem(self.tree, [folder.name or str(folder)])
            folder_item.setToolTip(0, str(folder))
            for path in documents:
                if path.is_relative_to(folder):
                    item = QTreeWidgetItem(folder_item, [str(path.relative_to(folder).with_suffix(""))])
                    item.setToolTip(0, str(path))
                    item.setData(0, PATH_ROLE, str(path))
            folder_item.setExpanded(True)
        self._apply_filter(self.filter_edit.text())

    def document_paths(self) -> list[str]:
        """Every listed document's path, in display order."""
        paths = []
        for top in range(self.tree.topLevelItemCount()):
            folder = self.tree.topLevelItem(top)
            paths += [folder.child(i).data(0, PATH_ROLE) for i in range(folder.childCount())]
        return paths

    def mark_current(self, path: Path | None) -> None:
        """Select the open document's row, if listed."""
        for top in range(self.tree.topLevelItemCount()):
            folder = self.tree.topLevelItem(top)
            for i in range(folder.childCount()):
                item = folder.child(i)
                if path is not None and item.data(0, PATH_ROLE) == str(path):
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
        path = item.data(0, PATH_ROLE)
        if path:
            self.documentActivated.emit(path)
