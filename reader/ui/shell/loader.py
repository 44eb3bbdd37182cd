"""Background work for the window: loading, outlining and laying out documents off the UI thread."""

from __future__ import annotations

import os
import stat
import threading
from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QFont, QTextDocument

from reader.documents import DocumentError
from reader.documents.loader import not_a_file_kind
from reader.documents.model import document_kind
from reader.documents.names import display_name
from reader.outline import loading
from reader.outline.loading import add_outline
from reader.text.offsets import Utf16Map
from reader.ui.views.plain_layout import build_document

# Files up to this size load on the UI thread (they take a few ms there); larger ones on the worker: a
# 1.7 MB novel loaded and outlined on the UI thread held it 0.47 s.
SYNC_LIMIT_BYTES = 256 * 1024
SYNC_LIMIT_MARKDOWN_BYTES = 256 * 1024
RENDER_LIMIT_BYTES = loading.RENDER_LIMIT_BYTES  # larger Markdown files are shown as plain text
SHOWN_WAIT_S = 2.0  # the longest the worker waits for the UI to show a text before outlining it
NESTED_TOO_DEEPLY = "nested"  # LoadedDocument.plain_reason: the Markdown could not be rendered


@dataclass(frozen=True)
class TextStyle:
    """How the plain view lays text out, so a worker can build its QTextDocument ready to show."""

    font: QFont
    margin: float = 4.0  # the page margin, in pixels (QTextDocument.documentMargin)


@dataclass
class LoadedDocument(loading.LoadedDocument):
    """The core's loaded document (text, outline, HTML, corrections editor) with what the plain view
    needs, computed off the UI thread."""

    utf16: Utf16Map | None = None  # offsets to Qt positions, for the plain view
    text_document: QTextDocument | None = None  # the plain view's document, built by the worker

    @property
    def plain_reason(self) -> str:
        """Why a Markdown document is shown as plain text (NESTED_TOO_DEEPLY), else ''."""
        return NESTED_TOO_DEEPLY if self.note == loading.NESTED_TOO_DEEPLY else ""

    def discard(self) -> None:
        """Free the prepared QTextDocument of a result nobody will show."""
        if self.text_document is not None:
            self.text_document.deleteLater()
            self.text_document = None


def load_with_outline(path: Path, encoding: str | None, style: TextStyle | None = None) -> LoadedDocument:
    """Load `path` and compute what the window shows (raises DocumentError)."""
    loaded = load_text(path, encoding, style)
    add_outline(loaded)
    return loaded


def load_text(path: Path, encoding: str | None, style: TextStyle | None = None) -> LoadedDocument:
    """Load `path` and prepare its text for the view, all but the outline (raises DocumentError)."""
    core = loading.load_text(path, encoding, RENDER_LIMIT_BYTES)
    loaded = LoadedDocument(**{f.name: getattr(core, f.name) for f in fields(core)})
    document = loaded.document
    document.content_hash  # noqa: B018 - cached here, so bookmarks and corrections need not hash on the UI thread
    if loaded.html is None:
        loaded.utf16 = Utf16Map(document.text)
        if style is not None:
            loaded.text_document = plain_document(document.text, style)
    return loaded


def outline_of(loaded: LoadedDocument) -> loading.LoadedDocument:
    """The corrected outline of `loaded`'s document (and its corrections editor), apart from `loaded`."""
    return add_outline(loading.LoadedDocument(loaded.document))


def plain_document(text: str, style: TextStyle) -> QTextDocument:
    """A QTextDocument holding `text` for the plain view (plain_layout.block_pieces), handed to the UI thread
    (no layout yet: the view sets its ReadingLayout there)."""
    document = build_document(text, style.font, style.margin)
    application = QCoreApplication.instance()
    if application is not None:
        document.moveToThread(application.thread())
    return document


def not_a_file(path: Path) -> str | None:
    """The message for a path that exists but is no regular file (a FIFO, a device…), else None."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # missing or unreadable: the loader says which, at once
    what = not_a_file_kind(mode)
    return None if what is None else f"{display_name(path)} is {what}, not a document file."


class _Signals(QObject):
    loaded = Signal(int, object)
    outlined = Signal(int, object)
    failed = Signal(int, str, str)


class _LoadTask(QRunnable):
    def __init__(self, request: int, path: Path, encoding: str | None, style: TextStyle | None,
                 signals: _Signals, text_first: bool = False) -> None:
        super().__init__()
        self.request, self.path, self.encoding, self.style, self.signals = request, path, encoding, style, signals
        self.text_first = text_first  # say `loaded` with the text, then `outlined`; else one `loaded`
        self.shown = threading.Event()  # set by the UI thread once it has shown the text

    def run(self) -> None:
        try:
            result = load_text(self.path, self.encoding, self.style)
            if self.text_first:
                self._tell(self.signals.loaded, result)
                # Outlining competes for the GIL; while the UI thread adopts and paints the text, each of
                # its Python callbacks would wait for it. So start once the window says the text is
                # shown (DocumentLoader.text_shown), or after a while regardless.
                self.shown.wait(SHOWN_WAIT_S)
                self._tell(self.signals.outlined, outline_of(result))
            else:
                add_outline(result)
                self._tell(self.signals.loaded, result)
        except DocumentError as error:
            self._tell(self.signals.failed, str(self.path), str(error))
        except Exception as error:  # noqa: BLE001 - reported to the user, never a crash
            self._tell(self.signals.failed, str(self.path), f"Unexpected error: {error}")

    def _tell(self, signal, *values) -> None:
        try:
            signal.emit(self.request, *values)
        except RuntimeError:  # the window closed while we worked: nobody is waiting
            if values and isinstance(values[0], LoadedDocument):
                values[0].discard()


class DocumentLoader(QObject):
    """Loads documents: small regular files at once, large ones on a worker (the text first, then the
    outline), anything that is not a regular file not at all (a FIFO or a device could block
    forever). Stale results are dropped."""

    loaded = Signal(object, object)  # LoadedDocument, the caller's request data (passed through)
    outlined = Signal(object)  # the outline (and editor) of the last LoadedDocument that came without one
    failed = Signal(str, str)  # path, message
    started = Signal(str)  # path, for a slow load

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request = 0
        self._pending_select: dict[int, object] = {}
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._on_loaded)
        self._signals.outlined.connect(self._on_outlined)
        self._signals.failed.connect(self._on_failed)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.style: TextStyle | None = None  # set by the window: how the plain view lays text out
        self._task: _LoadTask | None = None  # the last task started on the worker

    def load(self, path: Path, encoding: str | None, select=None) -> bool:
        """Start loading `path`; the newest request wins. True if it is done already (loaded or failed:
        a small file, or one refused at once), False if it goes on on the worker."""
        self._request += 1
        self._pending_select = {self._request: select}
        refused = not_a_file(path)
        if refused is not None:
            self._on_failed(self._request, str(path), refused)
            return True
        if self._small(path):
            _LoadTask(self._request, path, encoding, self.style, self._signals).run()
            return True
        self.started.emit(str(path))
        self._task = _LoadTask(self._request, path, encoding, self.style, self._signals, text_first=True)
        self.pool.start(self._task)
        return False

    @staticmethod
    def _small(path: Path) -> bool:
        limit = SYNC_LIMIT_MARKDOWN_BYTES if document_kind(path) == "markdown" else SYNC_LIMIT_BYTES
        try:
            info = os.stat(path)
        except OSError:
            return True  # the loader's message comes at once
        return stat.S_ISREG(info.st_mode) and info.st_size <= limit

    def _on_loaded(self, request: int, result: LoadedDocument) -> None:
        if request == self._request:
            self.loaded.emit(result, self._pending_select.pop(request, None))
        else:
            result.discard()
            self.text_shown()

    def text_shown(self) -> None:
        """The window has shown the text the worker handed over (or dropped it): outline it now."""
        if self._task is not None:
            self._task.shown.set()

    def _on_outlined(self, request: int, outlined: loading.LoadedDocument) -> None:
        if request == self._request:
            self.outlined.emit(outlined)

    def _on_failed(self, request: int, path: str, message: str) -> None:
        if request == self._request:
            self.failed.emit(path, message)

    def wait(self) -> None:
        self.pool.waitForDone()
