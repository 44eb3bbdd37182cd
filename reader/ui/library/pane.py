"""The library pane: the documents of every library folder, grouped by folder, the documents opened from
elsewhere (under "Opened"), what was skipped, and what to do when it is empty (drop a folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.documents.library import skipped_in
from reader.documents.names import display_name, path_from_key, path_key

PATH_ROLE = Qt.ItemDataRole.UserRole + 1  # path_key(path): Qt strings cannot hold undecodable bytes
FOLDER_ROLE = Qt.ItemDataRole.UserRole + 2  # on folder rows: path_key(folder)
REMOVABLE_ROLE = Qt.ItemDataRole.UserRole + 3  # on folder rows: the user added it (so may remove it)
OPENED_ROLE = Qt.ItemDataRole.UserRole + 4  # on the "Opened" group's row


class LibraryPane(QDockWidget):
    """Lists library documents; activating one asks the window to open it. Talks outward through signals:
    documentActivated, pathsDropped (a folder or files dropped on the pane), removeFolderRequested and
    reindexRequested (a folder's context menu)."""

    documentActivated = Signal(object)  # the path as a str (may hold surrogate escapes)
    pathsDropped = Signal(list)  # [Path]: folders to add to the library, files to open
    removeFolderRequested = Signal(object)  # Path of a folder the user added
    reindexRequested = Signal(object)  # Path of a library folder

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.setAcceptDrops(True)
        self._opened_item: QTreeWidgetItem | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.filter_edit = QLineEdit(body, objectName="libraryFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        layout.addWidget(self.filter_edit)
        self.empty_label = QLabel(body, objectName="libraryEmpty", wordWrap=True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.hide()
        layout.addWidget(self.empty_label)
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("libraryList")
        self.tree.setHeaderHidden(True)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_menu)
        layout.addWidget(self.tree)
        self.skipped = QTreeWidget(body)
        self.skipped.setObjectName("librarySkipped")
        self.skipped.setHeaderHidden(True)
        self.skipped.setRootIsDecorated(False)
        self.skipped.setMaximumHeight(120)
        self.skipped.hide()
        layout.addWidget(self.skipped)
        self.setWidget(body)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Every text of the pane in the UI language (also on a live language switch)."""
        self.setWindowTitle(self.tr("Library"))
        self.filter_edit.setPlaceholderText(self.tr("Filter documents…"))
        self.tree.setAccessibleName(self.tr("Library documents"))
        self.skipped.setAccessibleName(self.tr("Skipped library entries"))
        self.empty_label.setText(self.tr("Your library is empty.\n\nDrop a folder of .txt or .md files here, "
                                         "or choose Library ▸ Add Folder…"))
        if self._opened_item is not None:
            self._opened_item.setText(0, self.tr("Opened"))
            self._opened_item.setToolTip(0, self.tr("Documents opened from outside the library"))
        for i in range(self.skipped.topLevelItemCount()):
            item = self.skipped.topLevelItem(i)
            name = display_name(path_from_key(item.data(0, PATH_ROLE)).name)
            item.setText(0, self.tr("%1 (skipped)").replace("%1", name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- what is listed -------------------------------------------------------------------------

    def set_library(self, folders: list[Path], documents: list[Path], skipped: list[tuple[Path, str]] | None = None,
                    removable: list[Path] | None = None) -> None:
        """Show `documents` under their library folder, and the `skipped` entries (path, reason)
        greyed out below them (by default those the walk that found `documents` skipped). `removable`:
        the folders the user added (their menu offers Remove from Library)."""
        opened = self.opened_paths()
        self.tree.clear()
        self._opened_item = None
        for folder in folders:
            folder_item = QTreeWidgetItem(self.tree, [display_name(folder.name or str(folder))])
            folder_item.setToolTip(0, display_name(folder))
            folder_item.setData(0, FOLDER_ROLE, path_key(folder))
            folder_item.setData(0, REMOVABLE_ROLE, folder in (removable or []))
            for path in documents:
                if path.is_relative_to(folder):
                    self._document_item(folder_item, path, path.relative_to(folder).with_suffix(""))
            folder_item.setExpanded(True)
        self.set_skipped(skipped_in(folders, documents) if skipped is None else skipped)
        self.set_opened(opened)
        self._show_empty_state(bool(documents))
        self._apply_filter(self.filter_edit.text())

    def set_opened(self, paths: list[Path]) -> None:
        """List `paths` (documents from outside the library) under "Opened", last; no group when none."""
        if self._opened_item is not None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(self._opened_item))
            self._opened_item = None
        if paths:
            self._opened_item = QTreeWidgetItem(self.tree)
            self._opened_item.setData(0, OPENED_ROLE, True)
            for path in paths:
                self._document_item(self._opened_item, path, Path(path.name).with_suffix(""))
            self._opened_item.setExpanded(True)
            self.retranslate_ui()
        self._show_empty_state(bool(self.document_paths()))

    def _document_item(self, parent: QTreeWidgetItem, path: Path, shown: Path) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [display_name(shown)])
        item.setToolTip(0, display_name(path))
        item.setData(0, PATH_ROLE, path_key(path))
        return item

    def _show_empty_state(self, has_documents: bool) -> None:
        self.empty_label.setVisible(not has_documents)
        self.tree.setVisible(has_documents)
        self.filter_edit.setEnabled(has_documents)

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

    def _document_items(self, opened: bool = True) -> list[QTreeWidgetItem]:
        items = []
        for top in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(top)
            if opened or group is not self._opened_item:
                items += [group.child(i) for i in range(group.childCount())]
        return items

    def document_paths(self) -> list[str]:
        """Every listed library document's path, in display order (not the "Opened" group's)."""
        return [str(path_from_key(item.data(0, PATH_ROLE))) for item in self._document_items(opened=False)]

    def opened_paths(self) -> list[Path]:
        """The documents listed under "Opened"."""
        group = self._opened_item
        if group is None:
            return []
        return [path_from_key(group.child(i).data(0, PATH_ROLE)) for i in range(group.childCount())]

    def mark_current(self, path: Path | None) -> None:
        """Select the open document's row (in its folder or under "Opened"); nothing when it is not listed."""
        key = path_key(path) if path is not None else None
        for item in self._document_items():
            if key is not None and item.data(0, PATH_ROLE) == key:
                self.tree.setCurrentItem(item)
                return
        self.tree.clearSelection()
        self.tree.setCurrentIndex(QModelIndex())

    def current_path(self) -> str | None:
        """The highlighted document's path, if any."""
        item = self.tree.currentItem()
        key = item.data(0, PATH_ROLE) if item is not None and item.isSelected() else None
        return str(path_from_key(key)) if key else None

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for item in self._document_items():
            item.setHidden(bool(needle) and needle not in item.text(0).lower())

    def _activate(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, PATH_ROLE)
        if key:
            self.documentActivated.emit(str(path_from_key(key)))

    # --- context menu ---------------------------------------------------------------------------

    def context_menu(self, item: QTreeWidgetItem) -> QMenu:
        """The menu of a document row (Open, Show in File Manager) or a folder row (Show in File Manager,
        Re-index, Remove from Library)."""
        menu = QMenu(self.tree)
        menu.setObjectName("libraryMenu")
        document, folder = item.data(0, PATH_ROLE), item.data(0, FOLDER_ROLE)
        if document:
            path = path_from_key(document)
            self._menu_action(menu, self.tr("&Open"), "libraryOpenAction", lambda: self._activate(item))
            self._menu_action(menu, self.tr("Show in &File Manager"), "libraryShowAction",
                              lambda: show_in_file_manager(path.parent))
        elif folder:
            path = path_from_key(folder)
            self._menu_action(menu, self.tr("Show in &File Manager"), "libraryShowAction",
                              lambda: show_in_file_manager(path))
            self._menu_action(menu, self.tr("Re-&index"), "libraryReindexAction",
                              lambda: self.reindexRequested.emit(path))
            remove = self._menu_action(menu, self.tr("&Remove from Library"), "libraryRemoveAction",
                                       lambda: self.removeFolderRequested.emit(path))
            remove.setEnabled(bool(item.data(0, REMOVABLE_ROLE)))
            if not remove.isEnabled():
                remove.setToolTip(self.tr("The sample library that comes with the reader cannot be removed."))
        return menu

    def _menu_action(self, menu: QMenu, text: str, name: str, slot):
        action = menu.addAction(text, slot)
        action.setObjectName(name)
        return action

    def _show_menu(self, point: QPoint) -> None:
        item = self.tree.itemAt(point)
        if item is None:
            return
        menu = self.context_menu(item)
        if menu.actions():
            menu.exec(self.tree.viewport().mapToGlobal(point))
        menu.deleteLater()

    # --- drops ----------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if _local_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event)
        if paths:
            event.acceptProposedAction()
            self.pathsDropped.emit(paths)


def _local_paths(event) -> list[Path]:
    mime = event.mimeData()
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


def show_in_file_manager(folder: Path) -> bool:
    """Open `folder` in the desktop's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
