"""The reading session: the open document, its outline, the text views, the place in it, and the history."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QFont

from reader.bookmarks.service import path_key
from reader.documents import Document
from reader.documents.history import History, Place
from reader.documents.overrides import remember_encoding, remembered_encoding
from reader.documents.script_choices import remember_script, remembered_script
from reader.outline.model import flatten
from reader.ui.shell.loader import Display, DocumentLoader, LoadedDocument, TextStyle
from reader.ui.shell.positions import ReadingPositions
from reader.ui.views.text_views import PlainView, RichView

SLICED_FROM_CHARS = 200_000  # a document this long is shown in several turns of the event loop
HEADINGS_AFTER_MS = 40  # a late outline's headings are set off in the text this long after the tree is filled


class ReadingSession(QObject):
    """What the reader is reading and where: opens documents (through the DocumentLoader), shows them in
    the plain or the rich view, jumps, remembers positions and the Back/Forward history. Widgets follow
    it through its signals; it knows no pane and no window."""

    loadingStarted = Signal(str)  # path, for a slow load
    loadFailed = Signal(str, str)  # path, message
    viewChanged = Signal(object)  # the view now showing the document (the other one is hidden)
    showingDocument = Signal(object)  # LoadedDocument: its text goes into a view now (status, title)
    outlineChanged = Signal(list)  # the nested outline of the document shown (late for large documents)
    documentShown = Signal(object)  # LoadedDocument: text and outline shown (recent files, notes)
    documentChanged = Signal(object)  # Document
    positionChanged = Signal(int)  # the offset the reader is at (after a jump, or a pause in scrolling)
    bookmarksChanged = Signal()  # the open document's bookmarks were added, edited or removed
    positionError = Signal(str)  # the reading position could not be stored or read
    scriptChanged = Signal(str)  # the Chinese script the document is shown in (reader.text.script.SCRIPTS)
    scriptError = Signal(str)  # the script choice could not be remembered

    def __init__(self, plain_view: PlainView, rich_view: RichView, line_spacing: Callable[[], float] = lambda: 1.0,
                 parent: QObject | None = None, default_script: Callable[[], str] = lambda: "as-written") -> None:
        """`default_script()`: the script a document with no choice of its own is shown in."""
        super().__init__(parent)
        self._default_script = default_script
        self.plain_view, self.rich_view = plain_view, rich_view
        self._view: PlainView | RichView = plain_view
        self._line_spacing = line_spacing
        self.loaded: LoadedDocument | None = None
        self.last_error: str | None = None
        self._showing = 0  # counts documents shown, so a superseded sliced show stops
        self._steps_left = 0  # steps of a sliced show still to come
        self._pinned: tuple[int, int] | None = None  # (scroll value, offset) of the last jump
        self._jumped: tuple[int, int] | None = None  # the span the last jump selected
        self._recording = True
        self.history = History()
        self._bookmarks: tuple[str | None, list[int]] = (None, [])  # (store key of a document, its bookmarks' offsets)
        self.loader = DocumentLoader(self)
        self.loader.loaded.connect(self._show_loaded)
        self.loader.outlined.connect(self._show_late_outline)
        self.loader.failed.connect(self._on_failed)
        self.loader.started.connect(self.loadingStarted)
        self.loader.converted.connect(self._show_display)
        self.positions = ReadingPositions(self.views, lambda: (self.document, self.view), self)
        self.positions.failed.connect(self.positionError)
        self._sync_timer = QTimer(self, singleShot=True, interval=60)
        self._sync_timer.timeout.connect(self.sync_position)
        for view in self.views:
            view.positionChanged.connect(lambda _offset: self._sync_timer.start())

    # --- what is open ---------------------------------------------------------------------------

    @property
    def views(self) -> tuple[PlainView, RichView]:
        return (self.plain_view, self.rich_view)

    @property
    def view(self) -> PlainView | RichView:
        """The view showing the current document."""
        return self._view

    @property
    def document(self) -> Document | None:
        return self.loaded.document if self.loaded else None

    @property
    def editor(self):
        """The open document's outline corrections editor (None while its outline is being worked out)."""
        return self.loaded.editor if self.loaded else None

    @property
    def outline(self) -> list:
        return (self.loaded.outline or []) if self.loaded else []

    def bookmark_offsets(self, document: Document) -> list[int] | None:
        """Sorted offsets of `document`'s bookmarks as last listed, or None if not listed for it yet."""
        key, offsets = self._bookmarks
        return offsets if key is not None and key == path_key(document.path) else None

    def set_bookmark_offsets(self, key: str | None, offsets: list[int]) -> None:
        """The bookmarks of the document stored under `key` were listed (or changed): say bookmarksChanged."""
        self._bookmarks = (key, offsets)
        self.bookmarksChanged.emit()

    def reading_offset(self) -> int:
        """The offset the reader is at: the last jump's while the view has not scrolled since, else the view's."""
        offset = self.view.reading_offset()
        if self._pinned is not None:
            if self._pinned[0] == self.view.verticalScrollBar().value():
                offset = self._pinned[1]
            else:
                self._pinned = None
        return offset

    # --- opening --------------------------------------------------------------------------------

    def open(self, path: str | Path, select: tuple[int, int] | None = None,
             encoding: str | None = None) -> bool | None:
        """Open `path` (or switch to it) and select the source span `select`: True when it is shown, False
        when it failed, None while it loads on the worker (documentChanged or loadFailed follows)."""
        path = Path(path).expanduser().absolute()
        current = self.document
        if current is not None and current.path == path and encoding is None:
            if select is not None:
                self.jump_to(*select)
            return True
        self.last_error = None
        if self._recording:
            self._remember_place()
        self.plain_view.set_line_spacing(self._line_spacing())
        self.loader.style = TextStyle(QFont(self.plain_view.font()), self.plain_view.page_margin)
        script = remembered_script(path) or self._default_script()
        if not self.loader.load(path, encoding or remembered_encoding(path), (select, self._recording), script):
            return None
        return self.last_error is None

    def reload_with_encoding(self, encoding: str | None) -> None:
        """Decode the current document again with `encoding` (None: detect), and remember the choice."""
        document = self.document
        if document is None:
            return
        remember_encoding(document.path, encoding)
        position = self.view.top_offset()
        self.loaded = None
        self.open(document.path, select=(position, 0), encoding=encoding)

    @property
    def script(self) -> str:
        """The Chinese script the open document is shown in."""
        return self.loaded.script_text.script if self.loaded and self.loaded.script_text else "as-written"

    def set_script(self, script: str) -> None:
        """Show the open document in `script` (converted on the worker; the reading position stays) and
        remember the choice for it."""
        document = self.document
        if document is None:
            return
        try:
            remember_script(document.path, script)
        except OSError as error:
            self.scriptError.emit(self.tr("Could not remember the script: %s") % error)
        if script != self.script:
            self.loader.style = TextStyle(QFont(self.plain_view.font()), self.plain_view.page_margin)
            self.loader.redisplay(self.loaded, script)

    def _show_display(self, shown: Display) -> None:
        """The open document prepared in another script: show it at the same place, with the same selection."""
        loaded, view = self.loaded, self.view
        if loaded is None or shown.document is not loaded.document or view.shown_document is not loaded.document:
            shown.discard()
            return
        top, selected = view.top_offset(), view.selected_range()
        pinned = self._pinned[1] if self._pinned is not None else None
        loaded.adopt(shown)
        with view.highlights_batch():
            if view is self.rich_view:
                view.show_document(loaded.document, loaded.shown_html, loaded.script_text)
            else:
                view.show_document(loaded.document, None, loaded.text_document, loaded.utf16, loaded.script_text)
                loaded.text_document = None  # the view owns it now
            view.show_offset(top)
            if selected is not None:
                view.restore_selection(*selected)
        self._pinned = (view.verticalScrollBar().value(), pinned) if pinned is not None else None
        # Each in a turn of its own, input and paint between: the outline's titles, then the headings.
        QTimer.singleShot(1, self, lambda: self.scriptChanged.emit(self.script))
        QTimer.singleShot(HEADINGS_AFTER_MS, self, self.show_headings)
        QTimer.singleShot(HEADINGS_AFTER_MS, self, self.sync_position)

    def _on_failed(self, path: str, message: str) -> None:
        self.last_error = message
        self.loadFailed.emit(path, message)

    def _show_loaded(self, loaded: LoadedDocument, request: tuple) -> None:
        """Show a loaded document. A large one is shown in slices, each a separate turn of the event
        loop, so no single step holds the UI thread long; a small one all at once."""
        self._showing += 1
        steps = [lambda: self._show_text(loaded), lambda: self.outlineChanged.emit(loaded.outline or []),
                 self.show_headings, lambda: self.documentShown.emit(loaded),
                 lambda: self.documentChanged.emit(loaded.document), lambda: self._show_place(request),
                 self.loader.text_shown]  # outline None: it comes later (_show_late_outline)
        if loaded.text_document is None or len(loaded.document.text) < SLICED_FROM_CHARS:
            self._steps_left = 0
            for step in steps:
                step()
        else:
            self._steps_left = len(steps)
            self._run_sliced(self._showing, steps)

    @property
    def settling(self) -> bool:
        """True while a large document is still being shown a step at a time (its text may already be)."""
        return self._steps_left > 0

    def _run_sliced(self, showing: int, steps: list) -> None:
        if showing != self._showing:
            return  # another document is being shown
        self._steps_left = len(steps) - 1
        steps[0]()
        if len(steps) > 1:
            QTimer.singleShot(1, self, lambda: self._run_sliced(showing, steps[1:]))  # input and paint go between

    def _show_text(self, loaded: LoadedDocument) -> None:
        document = loaded.document
        self.showingDocument.emit(loaded)
        self.positions.save(self.document, self.view)
        self.loaded = loaded
        self._pinned = self._jumped = None
        rich = loaded.html is not None
        active, inactive = (self.rich_view, self.plain_view) if rich else (self.plain_view, self.rich_view)
        inactive.setObjectName("textViewInactive")
        active.setObjectName("textView")
        if rich:
            active.show_document(document, loaded.shown_html or loaded.html, loaded.script_text)
        else:
            active.show_document(document, None, loaded.text_document, loaded.utf16, loaded.script_text)
            loaded.text_document = None  # the view owns it now
        self._view = active
        self.viewChanged.emit(active)
        self.scriptChanged.emit(self.script)

    def show_headings(self) -> None:
        """Set the outline's headings off in the plain text (bolder, larger, room above), e.g. after a correction."""
        if self.loaded is not None and self.view is self.plain_view:
            headings = self.editor.headings if self.editor is not None else flatten(self.outline)
            self.plain_view.set_headings([(h.offset, h.length, h.level) for h in headings])

    def _show_late_outline(self, outlined) -> None:
        """The outline (and corrections editor) of a large document, worked out after its text was shown."""
        if self.loaded is None or self.loaded.outline is not None:
            return
        self.loaded.outline, self.loaded.editor = outlined.outline, outlined.editor
        self.outlineChanged.emit(outlined.outline)
        QTimer.singleShot(0, self, self.sync_position)  # the next turn: the new tree is not filled and synced in one
        QTimer.singleShot(HEADINGS_AFTER_MS, self, self.show_headings)  # not in the turn that fills the tree

    def _show_place(self, request: tuple) -> None:
        select, recording = request
        was_recording, self._recording = self._recording, recording
        try:
            if select is None:
                restored = self.positions.restore(self.document, self.view)
                if recording:
                    self.history.visit(Place(self.document.path, restored))
                self.sync_position()
            else:
                self.jump_to(*select)
        finally:
            self._recording = was_recording

    # --- jumping and history --------------------------------------------------------------------

    def jump_to(self, offset: int, length: int = 0) -> None:
        """Show and select the source span [offset, offset + length) of the current document."""
        document = self.document
        if document is None:
            return
        if self._recording:
            self._remember_place()
            self.history.visit(Place(document.path, offset, length))
        self.view.select_range(offset, length)
        self._pinned = (self.view.verticalScrollBar().value(), offset)
        self._jumped = (offset, length)
        self.sync_position()

    def _remember_place(self) -> None:
        """Note where the reader is in the current place, so Back returns there."""
        document = self.document
        if document is None:
            return
        if self._pinned is not None and self._pinned[0] == self.view.verticalScrollBar().value():
            return  # still at the place the last jump showed
        if self._still_shows_jump():
            return  # the view re-wrapped (a pane opened beside it), but the jumped passage is still selected and shown
        self.history.update_current(Place(document.path, self.view.reading_offset()))

    def _still_shows_jump(self) -> bool:
        """Whether the last jump's passage is still the selection and on screen."""
        if self._jumped is None or self.view.selected_range() != self._jumped:
            return False
        viewport = self.view.viewport()
        bottom = self.view.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return self.view.top_offset() <= self._jumped[0] <= self.view.from_qt(bottom)

    def go_back(self) -> None:
        self._navigate(self.history.back)

    def go_forward(self) -> None:
        self._navigate(self.history.forward)

    def _navigate(self, step) -> None:
        self._remember_place()
        place = step()
        if place is None:
            return
        self._recording = False
        try:
            self.open(place.path, select=(place.offset, place.length))
        finally:
            self._recording = True

    def sync_position(self) -> None:
        """Say where the reader is (positionChanged), e.g. after the outline changed."""
        if self.document is not None:
            self.positionChanged.emit(self.reading_offset())

    def save_position(self) -> None:
        """Remember the reading position of the open document now (the window closes)."""
        self.positions.save(self.document, self.view)
