"""Background work for the window: loading, outlining and laying out documents off the UI thread."""

from __future__ import annotations

import os
import stat
import threading
from dataclasses import dataclass, fields, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThread, QThreadPool, Signal
from PySide6.QtGui import QFont, QTextDocument

from reader.documents import DocumentError
from reader.documents.loader import not_a_file_kind
from reader.documents.model import document_kind
from reader.documents.names import display_name
from reader.outline import loading
from reader.outline.loading import add_outline
from reader.text.offsets import Utf16Map
from reader.text.script import ScriptText, convert_markup, display
from reader.ui.views.plain_layout import build_document

# Files up to this size load on the UI thread (they take a few ms there); larger ones on the worker: a
# 1.7 MB novel loaded and outlined on the UI thread held it 0.47 s.
SYNC_LIMIT_BYTES = 256 * 1024
SYNC_LIMIT_MARKDOWN_BYTES = 256 * 1024
# Shown in another Chinese script, files load on the UI thread only up to this size: OpenCC and the phrase
# alignment take ~1.5 ms per 1,000 characters (an 18,900-character speech: 29 ms in Taiwan phrases).
SYNC_LIMIT_SCRIPT_BYTES = 24 * 1024
RENDER_LIMIT_BYTES = loading.RENDER_LIMIT_BYTES  # larger Markdown files are shown as plain text
SHOWN_WAIT_S = 2.0  # the longest the worker waits for the UI to show a text before outlining it
NESTED_TOO_DEEPLY = "nested"  # LoadedDocument.plain_reason: the Markdown could not be rendered


@dataclass(frozen=True)
class TextStyle:
    """How the plain view lays text out, so a worker can build its QTextDocument ready to show."""

    font: QFont
    margin: float = 4.0  # the page margin, in pixels (QTextDocument.documentMargin)
    # An empty QTextDocument made on the UI thread for the worker to fill: a document the worker made itself
    # would have to be moved to the UI thread from there (moveToThread), which deadlocked now and then.
    document: QTextDocument | None = None

    def for_one_task(self) -> TextStyle:
        """This style with a fresh empty document of the UI thread's (call it on the UI thread)."""
        document = QTextDocument()
        document.setUndoRedoEnabled(False)
        document.rootFrame()  # its QObject children are made here, on their parent's thread, not by the worker
        return replace(self, document=document)


@dataclass
class LoadedDocument(loading.LoadedDocument):
    """The core's loaded document (text, outline, HTML, corrections editor) with what the plain view
    needs, computed off the UI thread."""

    utf16: Utf16Map | None = None  # offsets to Qt positions, for the plain view
    text_document: QTextDocument | None = None  # the plain view's document, built by the worker
    script_text: ScriptText | None = None  # the text as displayed (Chinese script) and its map to the source
    shown_html: str | None = None  # the rendered HTML as displayed (html converted to the script)

    def adopt(self, shown: Display) -> None:
        """Take the display `shown` (a script's text, map, HTML or QTextDocument) as this document's."""
        self.discard()
        self.script_text, self.shown_html = shown.script_text, shown.html
        self.utf16, self.text_document = shown.utf16, shown.text_document

    @property
    def plain_reason(self) -> str:
        """Why a Markdown document is shown as plain text (NESTED_TOO_DEEPLY), else ''."""
        return NESTED_TOO_DEEPLY if self.note == loading.NESTED_TOO_DEEPLY else ""

    def discard(self) -> None:
        """Free the prepared QTextDocument of a result nobody will show."""
        if self.text_document is not None:
            self.text_document.deleteLater()
            self.text_document = None


@dataclass
class Display:
    """A document's text as a view shows it in a script: the converted text and its map to the source, and
    the converted HTML (rendered view) or the UTF-16 map and QTextDocument (plain view)."""

    document: object  # the Document displayed
    script_text: ScriptText
    html: str | None = None
    utf16: Utf16Map | None = None
    text_document: QTextDocument | None = None

    def discard(self) -> None:
        if self.text_document is not None:
            self.text_document.deleteLater()
            self.text_document = None


def load_with_outline(path: Path, encoding: str | None, style: TextStyle | None = None,
                      script: str = "as-written") -> LoadedDocument:
    """Load `path` and compute what the window shows (raises DocumentError)."""
    loaded = load_text(path, encoding, style, script)
    add_outline(loaded)
    return loaded


def load_text(path: Path, encoding: str | None, style: TextStyle | None = None,
              script: str = "as-written") -> LoadedDocument:
    """Load `path` and prepare its text for the view in `script`, all but the outline (raises DocumentError)."""
    core = loading.load_text(path, encoding, RENDER_LIMIT_BYTES)
    loaded = LoadedDocument(**{f.name: getattr(core, f.name) for f in fields(core)})
    loaded.document.content_hash  # noqa: B018 - cached here, so bookmarks and corrections need not hash on the UI thread
    loaded.adopt(prepare_display(loaded.document, loaded.html, script, style))
    return loaded


def prepare_display(document, html: str | None, script: str, style: TextStyle | None) -> Display:
    """`document` as the view shows it in `script` (off the UI thread: OpenCC converts in chunks): the
    converted HTML of a rendered document (`html`), else the plain view's UTF-16 map and QTextDocument."""
    shown = display(document.text, script)
    if html is not None:
        return Display(document, shown, html=convert_markup(html, script))
    text_document = plain_document(shown.text, style) if style is not None else None
    return Display(document, shown, utf16=Utf16Map(shown.text), text_document=text_document)


def outline_of(loaded: LoadedDocument) -> loading.LoadedDocument:
    """The corrected outline of `loaded`'s document (and its corrections editor), apart from `loaded`."""
    return add_outline(loading.LoadedDocument(loaded.document))


def plain_document(text: str, style: TextStyle) -> QTextDocument:
    """A QTextDocument holding `text` for the plain view (plain_layout.block_pieces), handed to the UI thread
    (no layout yet: the view sets its ReadingLayout there)."""
    if style.document is not None:  # made on the UI thread: filled here, nothing to move
        return build_document(text, style.font, style.margin, into=style.document)
    document = build_document(text, style.font, style.margin)
    application = QCoreApplication.instance()
    if application is not None and QThread.currentThread() is not application.thread():
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
    converted = Signal(int, object)


class _DisplayTask(QRunnable):
    """Prepares a loaded document's display in another script (DocumentLoader.redisplay)."""

    def __init__(self, request: int, loaded: LoadedDocument, script: str, style: TextStyle | None,
                 signals: _Signals) -> None:
        super().__init__()
        self.request, self.loaded, self.script, self.style, self.signals = request, loaded, script, style, signals

    def run(self) -> None:
        try:
            shown = prepare_display(self.loaded.document, self.loaded.html, self.script, self.style)
        except Exception as error:  # noqa: BLE001 - reported to the user, never a crash
            self._tell(self.signals.failed, str(self.loaded.document.path), f"Cannot convert the text: {error}")
            return
        if not self._tell(self.signals.converted, shown):
            shown.discard()

    def _tell(self, signal, *values) -> bool:
        try:
            signal.emit(self.request, *values)
        except RuntimeError:  # the window closed while we worked
            return False
        return True


class _LoadTask(QRunnable):
    def __init__(self, request: int, path: Path, encoding: str | None, style: TextStyle | None,
                 signals: _Signals, text_first: bool = False, script: str = "as-written") -> None:
        super().__init__()
        self.request, self.path, self.encoding, self.style, self.signals = request, path, encoding, style, signals
        self.script = script
        self.text_first = text_first  # say `loaded` with the text, then `outlined`; else one `loaded`
        self.shown = threading.Event()  # set by the UI thread once it has shown the text

    def run(self) -> None:
        try:
            result = load_text(self.path, self.encoding, self.style, self.script)
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
    converted = Signal(object)  # Display: the open document in another script (redisplay)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request = 0
        self._display_request = 0  # redisplays in another script; a load supersedes them too
        self._pending_select: dict[int, object] = {}
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._on_loaded)
        self._signals.outlined.connect(self._on_outlined)
        self._signals.failed.connect(self._on_failed)
        self._signals.converted.connect(self._on_converted)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.style: TextStyle | None = None  # set by the window: how the plain view lays text out
        self._task: _LoadTask | None = None  # the last task started on the worker

    def load(self, path: Path, encoding: str | None, select=None, script: str = "as-written") -> bool:
        """Start loading `path`, to show in `script`; the newest request wins. True if it is done already
        (loaded or failed: a small file, or one refused at once), False if it goes on on the worker."""
        self._request += 1
        self._display_request += 1
        self._pending_select = {self._request: select}
        refused = not_a_file(path)
        if refused is not None:
            self._on_failed(self._request, str(path), refused)
            return True
        if self._small(path, script):
            _LoadTask(self._request, path, encoding, self.style, self._signals, script=script).run()  # here
            return True
        self.started.emit(str(path))
        self._task = _LoadTask(self._request, path, encoding, self._task_style(), self._signals, text_first=True,
                               script=script)
        self.pool.start(self._task)
        return False

    def redisplay(self, loaded: LoadedDocument, script: str) -> None:
        """Prepare `loaded`'s display in `script` on the worker; `converted` follows (unless superseded)."""
        self._display_request += 1
        self.pool.start(_DisplayTask(self._display_request, loaded, script, self._task_style(), self._signals))

    def _task_style(self) -> TextStyle | None:
        """The style for a worker task, with an empty document of this (the UI) thread's for it to fill."""
        return self.style.for_one_task() if self.style is not None else None

    @staticmethod
    def _small(path: Path, script: str = "as-written") -> bool:
        limit = SYNC_LIMIT_MARKDOWN_BYTES if document_kind(path) == "markdown" else SYNC_LIMIT_BYTES
        if script != "as-written":
            limit = min(limit, SYNC_LIMIT_SCRIPT_BYTES)
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

    def _on_converted(self, request: int, shown: Display) -> None:
        if request == self._display_request:
            self.converted.emit(shown)
        else:
            shown.discard()

    def _on_outlined(self, request: int, outlined: loading.LoadedDocument) -> None:
        if request == self._request:
            self.outlined.emit(outlined)

    def _on_failed(self, request: int, path: str, message: str) -> None:
        if request == self._request:
            self.failed.emit(path, message)

    def wait(self) -> None:
        self.pool.waitForDone()
