"""The Bookmarks menu: add, export (Markdown, JSON, CSV) and import (JSON), over the same core as the CLI."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from reader.bookmarks import BookmarkError, export, import_json, list_bookmarks
from reader.bookmarks.importing import read_import_file
from reader.documents.names import display_name

FORMATS = {"md": "Markdown (*.md)", "json": "JSON (*.json)", "csv": "CSV (*.csv)"}


def export_bookmarks(path: Path, fmt: str) -> int:
    """Write every bookmark to `path` in `fmt`; returns how many were written."""
    bookmarks = list_bookmarks()
    Path(path).write_text(export(bookmarks, fmt), encoding="utf-8", newline="")
    return len(bookmarks)


def import_report(pane, path: Path) -> tuple[bool, str]:
    """Merge a JSON export into the store (all or nothing) and refresh the bookmarks `pane`.
    Returns (imported?, the report for the user: "N imported, M rejected: …")."""
    name = display_name(Path(path).name)
    try:
        result = import_json(read_import_file(path))
    except (OSError, BookmarkError, sqlite3.Error) as error:
        return False, QCoreApplication.translate("BookmarksMenu", "Could not import %s: %s") % (name, error)
    pane.refresh()
    return True, QCoreApplication.translate(
        "BookmarksMenu", "Imported %s: %d imported, 0 rejected (%d added, %d updated, %d unchanged).") % (
        name, result.imported, result.added, result.updated, result.unchanged)


def import_bookmarks(pane, path: Path) -> str:
    """Merge a JSON export into the store, refresh the pane, and return a message for the user."""
    return import_report(pane, path)[1]


class BookmarksMenu(QMenu):
    """Bookmark Selection (the pane's action), Export… and Import…; reports go out through `message`."""

    message = Signal(str, int)  # text, milliseconds

    def __init__(self, pane, parent: QWidget) -> None:
        """`pane`: the bookmarks pane (its Ctrl+D action, refreshed after an import); `parent`: the menu bar."""
        super().__init__(parent)
        self.setObjectName("bookmarksMenu")
        self.pane = pane
        self._dialogs_parent = parent.window()
        self.addAction(pane.bookmark_action)
        self.addSeparator()
        self.export_action = self.addAction("", self._ask_export)
        self.export_action.setObjectName("exportBookmarksAction")
        self.export_action.setShortcut("Ctrl+Shift+E")
        self.import_action = self.addAction("", self._ask_import)
        self.import_action.setObjectName("importBookmarksAction")
        self.import_action.setShortcut("Ctrl+Shift+I")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The menu's title and entries in the current UI language (the pane names its own action)."""
        self.setTitle(QCoreApplication.translate("BookmarksMenu", "&Bookmarks"))
        self.export_action.setText(QCoreApplication.translate("BookmarksMenu", "&Export Bookmarks…"))
        self.import_action.setText(QCoreApplication.translate("BookmarksMenu", "&Import Bookmarks…"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _ask_export(self) -> None:
        title = QCoreApplication.translate("BookmarksMenu", "Export bookmarks")
        path, chosen = QFileDialog.getSaveFileName(
            self._dialogs_parent, title, "bookmarks.md", ";;".join(FORMATS.values())
        )
        if not path:
            return
        fmt = next((key for key, label in FORMATS.items() if label == chosen), Path(path).suffix.lstrip(".") or "md")
        try:
            count = export_bookmarks(Path(path), fmt if fmt in FORMATS else "md")
        except (OSError, BookmarkError, sqlite3.Error) as error:
            QMessageBox.warning(self._dialogs_parent, title, display_name(str(error)))
            return
        exported = QCoreApplication.translate("BookmarksMenu", "Exported %d bookmarks to %s.")
        self.message.emit(exported % (count, path), 10000)

    def _ask_import(self) -> None:
        """Ask for a file and import it: the report goes to the status bar, a refusal to a message box."""
        title = QCoreApplication.translate("BookmarksMenu", "Import bookmarks")
        path, _ = QFileDialog.getOpenFileName(self._dialogs_parent, title, "", FORMATS["json"])
        if not path:
            return
        imported, message = import_report(self.pane, Path(path))
        self.message.emit(message, 15000)
        if not imported:
            QMessageBox.warning(self._dialogs_parent, title, message)
