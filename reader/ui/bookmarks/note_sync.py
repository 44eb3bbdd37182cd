"""Preferences ▸ Notes folder: the open document's note is rewritten there whenever its bookmarks change."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from reader.bookmarks import BookmarkError
from reader.bookmarks.notes import write_per_document
from reader.bookmarks.service import bookmarks_for, path_key

log = logging.getLogger(__name__)
DEBOUNCE_MS = 400  # several changes in a row (an import, an undo) write the note once


class _Relay(QObject):
    written = Signal(object)  # list of Paths
    failed = Signal(str)


class _Write(QRunnable):
    def __init__(self, folder: Path, path: str, relay: _Relay) -> None:
        super().__init__()
        self.folder, self.path, self.relay = folder, path, relay

    def run(self) -> None:
        try:
            written = write_per_document(self.folder, bookmarks_for(self.path), paths={self.path})
        except (OSError, BookmarkError) as error:
            self._emit(self.relay.failed, f"The notes folder {self.folder} could not be written: {error}")
            return
        self._emit(self.relay.written, written)

    @staticmethod
    def _emit(signal, value) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the window is gone
            pass


class NoteSync(QObject):
    """Keeps `folder()`'s note of the shown document current (off the UI thread); no folder: does nothing."""

    written = Signal(object)  # the note files written
    problem = Signal(str)

    def __init__(self, session, folder: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.folder = session, folder
        self._relay = _Relay(self)
        self._relay.written.connect(self.written)
        self._relay.failed.connect(self.problem)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, objectName="noteSyncTimer")
        self._timer.timeout.connect(self.write_now)
        session.bookmarksChanged.connect(self._timer.start)

    def write_now(self) -> None:
        """Write the shown document's note now (on a worker)."""
        folder, document = self.folder(), self.session.document
        if not folder or document is None:
            return
        QThreadPool.globalInstance().start(_Write(Path(folder), path_key(document.path), self._relay))
