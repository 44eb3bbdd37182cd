"""Reading positions for the session: restored on open, saved on leave, close and pause in scrolling."""

from __future__ import annotations

import sqlite3
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from reader.bookmarks import BookmarkError, load_position, save_position
from reader.documents import Document


class ReadingPositions(QObject):
    """Remembers where the reader was in each document; store failures become status messages."""

    failed = Signal(str)  # the message for the status bar

    def __init__(self, views, current: Callable[[], tuple], parent: QObject | None = None) -> None:
        """`views`: the text views to follow; `current()`: (the open document or None, the view showing it)."""
        super().__init__(parent)
        self._current = current
        self._timer = QTimer(self, singleShot=True, interval=1500)
        self._timer.timeout.connect(self._save_current)
        for view in views:
            view.positionChanged.connect(lambda _offset: self._timer.start())

    def restore(self, document: Document, view) -> int:
        """Scroll `view` to the remembered position of `document`; returns it (0 if none)."""
        try:
            offset = load_position(document.path)
        except (BookmarkError, sqlite3.Error) as error:
            self._tell(error)
            return 0
        if offset is None or not 0 < offset <= len(document.text):
            return 0
        view.show_offset(offset)
        return offset

    def save(self, document: Document | None, view) -> None:
        """Remember where `view` shows `document`."""
        if document is None or view.shown_document is not document:
            return
        try:
            save_position(document.path, document.content_hash, view.top_offset())
        except (BookmarkError, sqlite3.Error) as error:
            self._tell(error)

    def _save_current(self) -> None:
        self.save(*self._current())

    def _tell(self, error: Exception) -> None:
        self.failed.emit(self.tr("Could not remember the reading position: %s") % error)
