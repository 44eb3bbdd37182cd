"""Find in document (Ctrl+F): from the reading position forward, every match highlighted, "12 / 1377"."""

from __future__ import annotations

import bisect
import itertools

from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolBar, QToolButton, QWidget

from reader.documents.history import Place
from reader.search import Message, QueryError
from reader.ui.search.controller import emit_safely
from reader.ui.search.finder import TextFinder
from reader.ui.search.messages import translate
from reader.ui.views.plain import plain_label

HIGHLIGHT = QColor("#ffe680")
DEBOUNCE_MS = 180  # typing pauses this long before the document is searched
LARGE_CHARS = 200_000  # documents this long are searched on a worker (the nearest hit is shown at once)
_ids = itertools.count(1)


class _Relay(QObject):
    found = Signal(int, object, object)  # query id, spans, Message (a malformed query) or None


class _FindTask(QRunnable):
    """Every match of one query in a large document; skipped if a newer query came first."""

    def __init__(self, finder: TextFinder, query: str, query_id: int, relay: _Relay, latest) -> None:
        super().__init__()
        self.finder, self.query, self.query_id, self.relay, self.latest = finder, query, query_id, relay, latest

    def run(self) -> None:
        if self.latest() != self.query_id:
            return  # superseded before it started
        try:
            spans, problem = self.finder.find(self.query), None
        except QueryError as error:
            spans, problem = [], error.message
        emit_safely(self.relay.found, self.query_id, spans, problem)


class FindBar(QWidget):
    """A line edit, a match counter, a wrap note and previous/next/close buttons.

    A find session runs from opening the bar to closing it: its first jump goes through the session
    (so Back returns to where the reader was before the find), the later ones follow in place."""

    def __init__(self, session, toolbar: QToolBar) -> None:
        """`session`: the document to search and the view to highlight; `toolbar`: the bar holding this one
        (hidden while the find bar is closed)."""
        super().__init__(toolbar)
        self.setObjectName("findBar")
        self.session = session
        self.toolbar = toolbar
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.showing_error = False  # the counter shows why the query is malformed
        self.pending = False  # a worker is counting the matches
        self.anchor: int | None = None  # the reading offset when the find session began
        self.jumped = False  # this find session's first jump (recorded in the history) happened
        self._problem: Message | None = None
        self._wrapped = ""  # "start" or "end": the last step wrapped around
        self._finder: TextFinder | None = None
        self._start: int | None = None  # where the search under way selects from (None: it selects nothing)
        self.query_id = 0
        self._build()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.found.connect(self._found, Qt.ConnectionType.QueuedConnection)
        self.debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self.refresh)
        session.documentChanged.connect(lambda _doc: self._document_changed())
        self.retranslate_ui()

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.edit = QLineEdit(self, objectName="findText", clearButtonEnabled=True)
        self.count = plain_label(QLabel(self, objectName="findCount"))
        self.note = plain_label(QLabel(self, objectName="findNote"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.note)
        self.buttons: dict[str, QToolButton] = {}
        for name, text, slot in (
            ("findPrevious", "↑", lambda: self.step(False)),
            ("findNext", "↓", lambda: self.step(True)),
            ("findClose", "✕", self.close_bar),
        ):
            button = self.buttons[name] = QToolButton(self, objectName=name, text=text, autoRaise=True)
            button.clicked.connect(slot)
            layout.addWidget(button)
        self.edit.textChanged.connect(self._typed)
        self.edit.returnPressed.connect(self._enter)
        self.previous_shortcut = QShortcut(QKeySequence("Shift+Return"), self.edit, activated=lambda: self.step(False))
        self.previous_shortcut.setObjectName("findPreviousShortcut")
        self.close_shortcut = QShortcut(QKeySequence("Escape"), self, activated=self.close_bar,
                                        context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.close_shortcut.setObjectName("findCloseShortcut")

    def retranslate_ui(self) -> None:
        self.edit.setPlaceholderText(self.tr("Find in document"))
        self.previous_shortcut.setWhatsThis(self.tr("Previous match"))  # the name the shortcuts dialog lists
        self.close_shortcut.setWhatsThis(self.tr("Close the find bar"))
        self.buttons["findPrevious"].setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.buttons["findNext"].setToolTip(self.tr("Next match (Enter)"))
        self.buttons["findClose"].setToolTip(self.tr("Close the find bar (Esc)"))
        self._show_count()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- searching --------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        if text.strip():
            self.debounce.start()
        else:
            self.refresh()  # emptied: clear at once

    def _enter(self) -> None:
        if self.debounce.isActive():
            self.refresh()  # typed and pressed Enter at once: search now (the nearest hit)
        else:
            self.step(True)

    def _finder_for(self, document) -> TextFinder:
        if self._finder is None or self._finder.text is not document.text:
            self._finder = TextFinder(document.text)
        return self._finder

    def refresh(self, select: bool = True) -> None:
        """Search the current document for the query; highlight every match and (with `select`) select
        the nearest one at or after the reading position (or the current match)."""
        self.debounce.stop()
        document = self.session.document
        query = self.edit.text().strip()
        self._start = self._origin() if select else None
        self.query_id = next(_ids)
        self.matches, self.current, self.pending, self._problem, self._wrapped = [], -1, False, None, ""
        if document is None or not query or self.toolbar.isHidden():
            self._highlight()
            self._show_count()
            return
        finder = self._finder_for(document)
        try:
            if len(document.text) < LARGE_CHARS:
                self._found(self.query_id, finder.find(query), None)
                return
            near = finder.find_near(query, self._start) if self._start is not None else None
        except QueryError as error:
            self._found(self.query_id, [], error.message)
            return
        self.pending = True
        if near is not None:
            self.matches = [near]
            self._go(0)
        self._show_count()
        query_id = self.query_id
        self.pool.start(_FindTask(finder, query, query_id, self._relay, lambda: self.query_id))

    def _origin(self) -> int:
        """Where the next search starts: the current match (typing on), else the top of the page being
        read when the find session began."""
        if 0 <= self.current < len(self.matches):
            return self.matches[self.current][0]
        if self.anchor is None:
            self.anchor = self.session.view.top_offset() if self.session.document is not None else 0
        return self.anchor

    def _found(self, query_id: int, spans: list, problem: Message | None) -> None:
        """Every match of the current query (from the UI thread or the worker); stale ones dropped."""
        if query_id != self.query_id:
            return
        shown = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        self.matches, self.pending, self._problem = spans, False, problem
        self._highlight()
        place = bisect.bisect_left(spans, shown) if shown is not None else len(spans)
        if place < len(spans) and spans[place] == shown:
            self.current = place  # the hit shown at once, now with its number
        elif spans and self._start is not None:
            self._go_from(self._start)
        self._show_count()

    def _highlight(self) -> None:
        if self.session.document is not None:
            self.session.view.set_highlights("find", self.matches, HIGHLIGHT)

    def _go_from(self, offset: int) -> None:
        """Select the first match at or after `offset`, wrapping to the first one."""
        index = bisect.bisect_left(self.matches, (offset, 0))
        self._go(index % len(self.matches), "start" if index == len(self.matches) and index else "")

    def step(self, forward: bool = True) -> None:
        """Select the next (or previous) match, wrapping at the end (or the start) and saying so."""
        if self.debounce.isActive():
            self.refresh()
            return
        if not self.matches or self.pending:
            return
        if self.current < 0:
            origin = self._origin()
            index = bisect.bisect_left(self.matches, (origin, 0)) - (0 if forward else 1)
        else:
            index = self.current + (1 if forward else -1)
        wrapped = "start" if index >= len(self.matches) else "end" if index < 0 else ""
        self._go(index % len(self.matches), wrapped)

    def _go(self, index: int, wrapped: str = "") -> None:
        """Show and select match `index`: the find session's first jump is recorded in the history."""
        self.current, self._wrapped = index, wrapped
        offset, length = self.matches[index]
        session = self.session
        if not self.jumped:
            self.jumped = True
            session.jump_to(offset, length)  # Back returns to where the reader was before the find
        else:
            session.view.select_range(offset, length)
            session.history.update_current(Place(session.document.path, offset, length))
        self._show_count()

    def _show_count(self) -> None:
        self.showing_error = self._problem is not None
        query = self.edit.text().strip()
        if self._problem is not None:
            text = translate(self._problem)
        elif self.pending:
            text = self.tr("Counting matches…")
        elif not query or self.session.document is None:
            text = ""
        elif not self.matches:
            text = self.tr("No matches")
        elif self.current < 0:
            text = self.tr("%n matches", "", len(self.matches))
        else:
            text = f"{self.current + 1} / {len(self.matches)}"
        self.count.setText(text)
        notes = {"start": self.tr("Wrapped to the start"), "end": self.tr("Wrapped to the end")}
        self.note.setText(notes.get(self._wrapped, ""))

    def _document_changed(self) -> None:
        """Another document: its matches, highlighted; nothing selected until Enter or F3."""
        self.anchor, self.jumped = None, False
        self.current = -1
        self.refresh(select=False)

    # -- opening and closing ----------------------------------------------------------------
    def open_bar(self) -> None:
        """Show the bar (a new find session unless it is open) and search from the reading position."""
        starting = self.toolbar.isHidden()
        self.toolbar.show()
        self.edit.setFocus()
        self.edit.selectAll()
        if starting:
            self.anchor, self.jumped, self.current = None, False, -1
            self.refresh()

    def close_bar(self) -> None:
        self.debounce.stop()
        self.query_id = next(_ids)  # a count under way is dropped
        self.toolbar.hide()
        if self.session.document is not None:
            self.session.view.set_highlights("find", [], HIGHLIGHT)
        self.session.view.setFocus()
