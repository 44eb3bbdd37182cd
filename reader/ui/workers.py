"""Background work for the window: loading and outlining documents off the UI thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.documents import Document, DocumentError, load_document
from reader.documents.model import document_kind
from reader.documents.render import render_markdown
from reader.outline import extract_outline, nest
from reader.outline.corrections import apply_document_corrections

SYNC_LIMIT_BYTES = 4 * 1024 * 1024
SYNC_LIMIT_MARKDOWN_BYTES = 256 * 1024
RENDER_LIMIT_BYTES = 2 * 1024 * 1024  # larger Markdown files are shown as plain text


@dataclass
class LoadedDocument:
    """A document with its outline, ready to show."""

    document: Document
    outline: list = field(default_factory=list)
    html: str | None = None  # rendered Markdown, when the document is shown rendered


def load_with_outline(path: Path, encoding: str | None) -> LoadedDocument:
    """Load `path` and compute its nested outline (raises DocumentError)."""
    document = load_document(path, encoding=encoding)
    headings = apply_document_corrections(extract_outline(document.text, document.kind), document)
    rendered = document.kind == "markdown" and document.size_bytes <= RENDER_LIMIT_BYTES
    html = render_markdown(document.text) if rendered else None
    return LoadedDocument(document, nest(headings), html)


class _Signals(QObject):
    loaded = Signal(int, object)
    failed = Signal(int, str, str)


class _LoadTask(QRunnable):
    def __init__(self, request: int, path: Path, encoding: str | None, signals: _Signals) -> None:
        super().__init__()
        self.request, self.path, self.encoding, self.signals = request, path, encoding, signals

    def run(self) -> None:
        try:
            result = load_with_outline(self.path, self.encoding)
        except DocumentError as error:
            self.signals.failed.emit(self.request, str(self.path), str(error))
        except Exception as error:  # noqa: BLE001 - reported to the user, never a crash
            self.signals.failed.emit(self.request, str(self.path), f"Unexpected error: {error}")
        else:
            self.signals.loaded.emit(self.request, result)


class DocumentLoader(QObject):
    """Loads documents; small ones at once, large ones on a worker. Stale results are dropped."""

    loaded = Signal(object, object)  # LoadedDocument, the caller's request data (passed through)
    failed = Signal(str, str)  # path, message
    started = Signal(str)  # path, for a slow load

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request = 0
        self._pending_select: dict[int, object] = {}
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._on_loaded)
        self._signals.failed.connect(self._on_failed)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def load(self, path: Path, encoding: str | None, select=None) -> None:
        """Start loading `path`; the newest request wins."""
        self._request += 1
        self._pending_select = {self._request: select}
        if self._small(path):
            task = _LoadTask(self._request, path, encoding, self._signals)
            task.run()
            return
        self.started.emit(str(path))
        self.pool.start(_LoadTask(self._request, path, encoding, self._signals))

    @staticmethod
    def _small(path: Path) -> bool:
        limit = SYNC_LIMIT_MARKDOWN_BYTES if document_kind(path) == "markdown" else SYNC_LIMIT_BYTES
        try:
            return path.stat().st_size <= limit
        except OSError:
            return True

    def _on_loaded(self, request: int, result: LoadedDocument) -> None:
        if request == self._request:
            self.loaded.emit(result, self._pending_select.pop(request, None))

    def _on_failed(self, request: int, path: str, message: str) -> None:
        if request == self._request:
            self.failed.emit(path, message)

    def wait(self) -> None:
        self.pool.waitForDone()
