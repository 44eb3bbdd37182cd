"""The Bookmarks menu: add, export (Markdown, JSON, CSV) and import (JSON), over the same core as the CLI."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from reader.bookmarks import BookmarkError, export, import_json, list_bookmarks
from reader.bookmarks.importing import read_import_file
from reader.documents.names import display_name

FORMATS = {"md": "Markdown (*.md)", "json": "JSON (*.json)", "csv": "CSV (*.csv)"}


def export_bookmarks(path: Path, fmt: str) -> int:
    """Write every bookmark to `path` in `fmt`; returns how many were written."""
    bookmarks = list_bookmarks()
    Path(path).write_text(export(bookmarks, fmt), encoding="utf-8", newline="")
    return len(bookmarks)


def import_report(window: QMainWindow, path: Path) -> tuple[bool, str]:
    """Merge a JSON export into the store (all or nothing) and refresh the pane.
    Returns (imported?, the report for the user: "N imported, M rejected: …")."""
    name = display_name(Path(path).name)
    try:
        result = import_json(read_import_file(path))
    except (OSError, BookmarkError, sqlite3.Error) as error:
        return False, window.tr("Could not import %s: %s") % (name, error)
    pane = getattr(window, "bookmarks_pane", None)
    if pane is not None:
        pane.refresh()
    return True, window.tr("Imported %s: %d imported, 0 rejected (%d added, %d updated, %d unchanged).") % (
        name, result.imported, result.added, result.updated, result.unchanged)


def import_bookmarks(window: QMainWindow, path: Path) -> str:
    """Merge a JSON export into the store, refresh the pane, and return a message for the user."""
    return import_report(window, path)[1]


def install(window: QMainWindow, pane) -> None:
    """Add the Bookmarks menu to `window`'s menu bar, before Library."""
    menu = window.menuBar().addMenu(window.tr("&Bookmarks"))
    menu.setObjectName("bookmarksMenu")
    library = getattr(window, "library_menu", None)
    if library is not None:
        window.menuBar().insertMenu(library.menuAction(), menu)
    menu.addAction(pane.bookmark_action)
    menu.addSeparator()
    export_action = menu.addAction(window.tr("&Export Bookmarks…"), lambda: _ask_export(window))
    export_action.setObjectName("exportBookmarksAction")
    export_action.setShortcut("Ctrl+Shift+E")
    import_action = menu.addAction(window.tr("&Import Bookmarks…"), lambda: _ask_import(window))
    import_action.setObjectName("importBookmarksAction")
    import_action.setShortcut("Ctrl+Shift+I")
    window.bookmarks_menu = menu


def _ask_export(window: QMainWindow) -> None:
    path, chosen = QFileDialog.getSaveFileName(
        window, window.tr("Export bookmarks"), "bookmarks.md", ";;".join(FORMATS.values()))
    if not path:
        return
    fmt = next((key for key, label in FORMATS.items() if label == chosen), Path(path).suffix.lstrip(".") or "md")
    try:
        count = export_bookmarks(Path(path), fmt if fmt in FORMATS else "md")
    except (OSError, BookmarkError, sqlite3.Error) as error:
        QMessageBox.warning(window, window.tr("Export bookmarks"), display_name(str(error)))
        return
    window.statusBar().showMessage(window.tr("Exported %d bookmarks to %s.") % (count, path), 10000)


def _ask_import(window: QMainWindow) -> None:
    """Ask for a file and import it: the report goes to the status bar, a refusal to a message box."""
    path, _ = QFileDialog.getOpenFileName(window, window.tr("Import bookmarks"), "", FORMATS["json"])
    if not path:
        return
    imported, message = import_report(window, Path(path))
    window.statusBar().showMessage(message, 15000)
    if not imported:
        QMessageBox.warning(window, window.tr("Import bookmarks"), message)
