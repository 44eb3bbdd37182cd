"""The bookmarks pane: list, filter, jump, edit, delete with undo, re-attach; Ctrl+D bookmarks the selection."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader.bookmarks import (
    COLORS,
    Bookmark,
    BookmarkError,
    add_bookmark,
    list_bookmarks,
    open_store,
    reattach_bookmark,
    remove_bookmark,
    restore_bookmark,
    take_notices,
    update_bookmark,
)
from reader.bookmarks.service import path_key
from reader.documents import Document
from reader.documents.names import display_name
from reader.ui.bookmarks.editor import BookmarkEditor, swatch, tint
from reader.ui.views.plain import plain_message_box, plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole
ORPHAN_COLOR = QColor("#9a9a9a")
SYNC_LIMIT = 2000  # more bookmarks than this are read from the store on a worker thread


class _StoreCommand(QUndoCommand):
    """An undoable change to the store: `do` on redo, `undo` on undo, then the pane refreshes."""

    def __init__(self, text: str, do: Callable[[], None], undo: Callable[[], None],
                 refresh: Callable[[], None]) -> None:
        super().__init__(text)
        self._do, self._undo, self._refresh = do, undo, refresh

    def redo(self) -> None:
        self._do()
        self._refresh()

    def undo(self) -> None:
        self._undo()
        self._refresh()


def _label(bookmark: Bookmark, all_documents: bool) -> str:
    quote = " ".join(bookmark.quote.split()) or "(position)"
    quote = quote if len(quote) <= 80 else quote[:79] + "…"
    parts = [f"“{quote}”"]
    if bookmark.note:
        parts.append(f"— {' '.join(bookmark.note.split())}")
    if all_documents:
        parts.append(f"[{display_name(Path(bookmark.path).name)}]")
    if bookmark.status == "orphaned":
        parts.insert(0, "⚠ orphaned:")
    return " ".join(parts)


def _order_key(order: str):
    if order == "date":
        return lambda b: (b.created, b.id)
    return lambda b: (b.path, b.offset, b.created)


@dataclass
class _Listing:
    """What one refresh read from the store, sorted, with the open document's tints worked out."""

    bookmarks: list[Bookmark]
    document_key: str | None  # the open document's store path, None if none is open
    tints: dict[str, list[tuple[int, int]]]  # colour: spans of the open document's placed bookmarks ("" all)
    offsets: list[int]  # every bookmark of the open document, sorted (outline badges count these)
    marks: list[int]  # offsets of its placed bookmarks (scrollbar ticks)


def _read(document: Document | None, all_documents: bool, order: str) -> _Listing:
    """Read, re-anchor and sort the bookmarks to list (raises BookmarkError); safe on a worker."""
    if all_documents:
        current = list_bookmarks(document) if document is not None else []
        key = path_key(document.path) if document is not None else None
        bookmarks = current + [b for b in list_bookmarks(reanchor_all=False) if b.path != key]
    else:
        bookmarks = list_bookmarks(document) if document is not None else []
    key = path_key(document.path) if document is not None else None
    bookmarks.sort(key=_order_key(order), reverse=order == "date")
    mine = [b for b in bookmarks if b.path == key] if all_documents else bookmarks
    tints: dict[str, list[tuple[int, int]]] = {}
    marks = []
    for bookmark in mine:
        if bookmark.status != "orphaned":
            marks.append(bookmark.offset)
            if bookmark.length > 0:
                tints.setdefault("", []).append((bookmark.offset, bookmark.length))
                if bookmark.color != "yellow":
                    tints.setdefault(bookmark.color, []).append((bookmark.offset, bookmark.length))
    return _Listing(bookmarks, key, tints, sorted(b.offset for b in mine), marks)


def _count(document: Document | None, all_documents: bool) -> int:
    """How many bookmarks a refresh would list (one COUNT query)."""
    if document is None and not all_documents:
        return 0
    with open_store() as store:
        return store.count(None if all_documents else path_key(document.path))


@contextmanager
def _without_collections():
    """Read a large listing without Python's cyclic GC, then freeze what is alive.

    Each of the hundreds of thousands of objects a large listing makes counts towards a full
    collection, which holds the GIL, and so the UI thread, for 30-70 ms each time (three times while
    100,000 bookmarks are read). Bookmarks hold no cycles, so frozen they are still freed by reference
    counting when the pane lets them go; they are just never scanned again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


class _ReadSignals(QObject):
    done = Signal(int, object)  # token, _Listing
    failed = Signal(int, str)


class _ReadTask(QRunnable):
    def __init__(self, token: int, document: Document | None, all_documents: bool, order: str,
                 signals: _ReadSignals) -> None:
        super().__init__()
        self.token, self.document, self.all_documents, self.order = token, document, all_documents, order
        self.signals = signals

    def run(self) -> None:
        try:
            with _without_collections():
                listing = _read(self.document, self.all_documents, self.order)
        except BookmarkError as error:
            self._tell(self.signals.failed, str(error))
        except Exception as error:  # noqa: BLE001 - said in the status bar, never a crash
            self._tell(self.signals.failed, f"Could not read the bookmarks: {error}")
        else:
            self._tell(self.signals.done, listing)

    def _tell(self, signal, value) -> None:
        try:
            signal.emit(self.token, value)
        except RuntimeError:
            pass  # the pane was closed while we read: nobody is waiting


class BookmarkListModel(QAbstractListModel):
    """The listed bookmarks, sorted and filtered here; a row's text, icon and tooltip are made only
    when Qt asks for that row, so 100,000 bookmarks cost a list, not 100,000 items."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bookmarks: list[Bookmark] = []
        self._haystacks: list[str] | None = None  # casefolded quote and note, made on the first filter
        self._rows: list[int] | None = None  # indexes of the bookmarks the filter keeps; None: all
        self._needle = ""
        self._count = 0
        self.all_documents = False
        self._icons: dict[str, object] = {}

    def set_bookmarks(self, bookmarks: list[Bookmark], all_documents: bool) -> None:
        self.beginResetModel()
        self._bookmarks, self.all_documents, self._haystacks = bookmarks, all_documents, None
        self._rows = self._kept()
        self._count = len(bookmarks) if self._rows is None else len(self._rows)
        self.endResetModel()

    def set_order(self, order: str) -> None:
        self.set_bookmarks(sorted(self._bookmarks, key=_order_key(order), reverse=order == "date"), self.all_documents)

    def set_needle(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self.beginResetModel()
            self._needle = needle
            self._rows = self._kept()
            self._count = len(self._bookmarks) if self._rows is None else len(self._rows)
            self.endResetModel()

    def _kept(self) -> list[int] | None:
        if not self._needle:
            return None
        if self._haystacks is None:
            self._haystacks = [f"{b.quote}\n{b.note}".casefold() for b in self._bookmarks]
        needle = self._needle
        return [row for row, haystack in enumerate(self._haystacks) if needle in haystack]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count  # Qt asks once per row it lays out: keep it cheap

    def bookmark(self, row: int) -> Bookmark | None:
        if not 0 <= row < self.rowCount():
            return None
        return self._bookmarks[row if self._rows is None else self._rows[row]]

    def row_of(self, bookmark_id: str) -> int:
        """The row showing this bookmark, or -1."""
        for row in range(self.rowCount()):
            if self.bookmark(row).id == bookmark_id:
                return row
        return -1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        bookmark = self.bookmark(index.row()) if index.isValid() else None
        if bookmark is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _label(bookmark, self.all_documents)
        if role == ID_ROLE:
            return bookmark.id
        if role == Qt.ItemDataRole.DecorationRole:
            if bookmark.color not in self._icons:
                self._icons[bookmark.color] = swatch(bookmark.color)
            return self._icons[bookmark.color]
        if role == Qt.ItemDataRole.ToolTipRole:
            where = f"{display_name(bookmark.path)} @ {bookmark.offset}"
            return plain_tooltip(f"{bookmark.heading_path}\n{where}")
        if bookmark.status == "orphaned" and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if bookmark.status == "orphaned" and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ORPHAN_COLOR)
        return None


class BookmarkList(QListView):
    """The list of bookmarks (uniform rows, so Qt never measures 100,000 of them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksList")
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)  # lay rows out 500 at a time between events
        self.setBatchSize(500)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def count(self) -> int:
        """Rows shown (after filtering)."""
        return self.model().rowCount() if self.model() is not None else 0


class BookmarksPane(QDockWidget):
    """Bookmarks of the session's document (or all), sortable and filterable, with undo. Jumps go through
    the session; what the user should know goes out through `message`."""

    message = Signal(str, int)  # text, milliseconds to show it

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Bookmarks"), parent)
        self.setObjectName("bookmarksPane")
        self.session = session
        self.bookmarks: list[Bookmark] = []
        self.listing: _Listing | None = None
        self.editor: BookmarkEditor | None = None
        self.undo_stack = QUndoStack(self)
        self._token = 0  # the newest refresh; older worker results are dropped
        self._signals = _ReadSignals(self)
        self._signals.done.connect(self._on_read)
        self._signals.failed.connect(self._on_failed)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._build()
        session.documentChanged.connect(lambda _doc: self.refresh())

    # --- construction ---------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.all_documents = QCheckBox(self.tr("All documents"), body, objectName="bookmarksAllDocuments")
        self.all_documents.toggled.connect(lambda _on: self.refresh())
        self.sort_box = QComboBox(body, objectName="bookmarksSort")
        self.sort_box.addItem(self.tr("By position"), "position")
        self.sort_box.addItem(self.tr("Newest first"), "date")
        self.sort_box.currentIndexChanged.connect(lambda _i: self._sort())
        row.addWidget(self.all_documents)
        row.addWidget(self.sort_box)
        layout.addLayout(row)
        self.filter_edit = QLineEdit(body, objectName="bookmarksFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by passage or note"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        layout.addWidget(self.filter_edit)
        self.model = BookmarkListModel(self)
        self.list = BookmarkList(body)
        self.list.setModel(self.model)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.activated.connect(self._activate)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._list_menu)
        layout.addWidget(self.list)
        self.setWidget(body)
        self._build_actions()

    def _build_actions(self) -> None:
        self.edit_action = self._action(self.tr("Edit Note and Colour…"), self.edit_selected, "editBookmarkAction")
        self.delete_action = self._action(self.tr("Delete Bookmark"), self.delete_selected, "deleteBookmarkAction")
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.list.addAction(self.delete_action)
        self.reattach_action = self._action(
            self.tr("Re-attach to Selection"), self.reattach_selected, "reattachBookmarkAction"
        )
        owner = self.parent() or self  # the window's own actions, as the shortcuts dialog lists them
        self.undo_action = self.undo_stack.createUndoAction(owner, self.tr("Undo Bookmark Change"))
        self.undo_action.setObjectName("bookmarksUndoAction")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(owner, self.tr("Redo Bookmark Change"))
        self.redo_action.setObjectName("bookmarksRedoAction")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.bookmark_action = QAction(self.tr("&Bookmark Selection"), owner)
        self.bookmark_action.setObjectName("bookmarkSelectionAction")
        self.bookmark_action.setShortcut(QKeySequence("Ctrl+D"))
        self.bookmark_action.triggered.connect(lambda _checked=False: self.bookmark_selection())

    def window_actions(self) -> list[QAction]:
        """The actions whose shortcuts work anywhere in the window (undo, redo, Ctrl+D)."""
        return [self.undo_action, self.redo_action, self.bookmark_action]

    def _action(self, text: str, slot: Callable[[], object], name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # --- listing --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload from the store (re-anchoring the current document's bookmarks) and re-tint.

        Up to SYNC_LIMIT bookmarks are read at once; more on a worker, the list filled when done."""
        self._token += 1
        document, every = self.session.document, self.all_documents.isChecked()
        order = self.sort_box.currentData()
        if self.listing is not None and self.listing.document_key != (path_key(document.path) if document else None):
            self._show(_Listing([], None, {}, [], []))  # another document: never list the last one's
        try:
            if _count(document, every) > SYNC_LIMIT:
                self.pool.start(_ReadTask(self._token, document, every, order, self._signals))
                return
            listing = _read(document, every, order)
        except BookmarkError as error:
            self._on_failed(self._token, str(error))
            return
        self._on_read(self._token, listing)

    def _on_read(self, token: int, listing: _Listing) -> None:
        if token == self._token:
            self._show_notices()
            self._show(listing)

    def _on_failed(self, token: int, message: str) -> None:
        if token == self._token:
            self._show(_Listing([], None, {}, [], []))
            self._tell(message)

    def _show(self, listing: _Listing) -> None:
        selected = self.selected_id()
        self.listing, self.bookmarks = listing, listing.bookmarks
        self.model.set_bookmarks(listing.bookmarks, self.all_documents.isChecked())
        if selected is not None:
            self.select_id(selected)
        self._tint()
        self.session.set_bookmark_offsets(listing.document_key, listing.offsets)

    def _sort(self) -> None:
        selected = self.selected_id()
        self.model.set_order(self.sort_box.currentData())
        if selected is not None:
            self.select_id(selected)

    def _apply_filter(self, text: str) -> None:
        self.model.set_needle(text)

    def visible_ids(self) -> list[str]:
        """Ids of the rows shown (after filtering), top to bottom."""
        return [self.model.bookmark(row).id for row in range(self.model.rowCount())]

    def _tint(self) -> None:
        view, document, listing = self.session.view, self.session.document, self.listing
        if document is None or view.shown_document is not document:
            return
        mine = listing is not None and listing.document_key == path_key(document.path)
        tints = listing.tints if mine else {}
        with view.highlights_batch():
            view.set_highlights("bookmarks", tints.get("", []), tint("yellow"))  # every one, under its colour's
            for color in COLORS:
                if color != "yellow":
                    view.set_highlights(f"bookmarks-{color}", tints.get(color, []), tint(color))
        view.set_scrollbar_marks("bookmarks", listing.marks if mine else [], QColor("#d4a000"))

    # --- actions --------------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        index = self.list.currentIndex()
        bookmark = self.model.bookmark(index.row()) if index.isValid() else None
        return bookmark.id if bookmark is not None else None

    def selected(self) -> Bookmark | None:
        wanted = self.selected_id()
        return next((b for b in self.bookmarks if b.id == wanted), None)

    def select_id(self, bookmark_id: str) -> None:
        row = self.model.row_of(bookmark_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def _activate(self, index: QModelIndex) -> None:
        bookmark = self.model.bookmark(index.row()) if index.isValid() else None
        if bookmark is not None:
            self.jump(bookmark)

    def jump(self, bookmark: Bookmark) -> bool | None:
        """Open the bookmark's document and select its passage (orphans: just open); as ReadingSession.open."""
        if bookmark.status == "orphaned":
            return self.session.open(bookmark.path)
        return self.session.open(bookmark.path, select=(bookmark.offset, bookmark.length))

    def bookmark_selection(self) -> Bookmark | None:
        """Ctrl+D: bookmark the selection (or the current position) and open the editor."""
        document, view = self.session.document, self.session.view
        if document is None:
            return None
        span = view.selected_range() or (view.top_offset(), 0)
        try:
            bookmark = add_bookmark(document, *span)
        except BookmarkError as error:
            self._tell(str(error))
            return None
        self._push(self.tr("Add Bookmark"), lambda: restore_bookmark(bookmark),
                   lambda: remove_bookmark(bookmark.id))
        self.select_id(bookmark.id)
        self.open_editor(bookmark)
        return bookmark

    def open_editor(self, bookmark: Bookmark) -> BookmarkEditor:
        """Show the (non-modal) editor for `bookmark`; its OK applies an undoable edit."""
        if self.editor is not None:
            self.editor.close()
        self.editor = BookmarkEditor(bookmark, self.window())
        self.editor.saved.connect(self._save_edit)
        self.editor.destroyed.connect(lambda _obj=None: setattr(self, "editor", None))
        self.editor.show()
        return self.editor

    def edit_selected(self) -> None:
        bookmark = self.selected()
        if bookmark is not None:
            self.open_editor(bookmark)

    def _save_edit(self, bookmark_id: str, note: str, color: str) -> None:
        old = next((b for b in self.bookmarks if b.id == bookmark_id), None)
        if old is None or (old.note, old.color) == (note, color):
            return
        self._push(self.tr("Edit Bookmark"), lambda: update_bookmark(bookmark_id, note, color),
                   lambda: restore_bookmark(old))

    def delete_selected(self) -> None:
        bookmark = self.selected()
        if bookmark is not None:
            self._push(self.tr("Delete Bookmark"), lambda: remove_bookmark(bookmark.id),
                       lambda: restore_bookmark(bookmark))

    def reattach_selected(self) -> None:
        """Anchor the selected bookmark to the text view's current selection."""
        bookmark, document = self.selected(), self.session.document
        span = self.session.view.selected_range() if document is not None else None
        if bookmark is None or span is None:
            self._tell(self.tr("Select a passage in the text first, then re-attach."))
            return
        self._push(self.tr("Re-attach Bookmark"),
                   lambda: reattach_bookmark(bookmark.id, document, *span),
                   lambda: restore_bookmark(bookmark))

    def _push(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        def guarded(step: Callable[[], object]) -> Callable[[], None]:
            def run() -> None:
                try:
                    step()
                except BookmarkError as error:
                    self._tell(str(error))
            return run

        self.undo_stack.push(_StoreCommand(text, guarded(do), guarded(undo), self.refresh))

    def _list_menu(self, point) -> None:
        menu = QMenu(self.list)
        bookmark = self.selected()
        for action in (self.edit_action, self.delete_action):
            action.setEnabled(bookmark is not None)
            menu.addAction(action)
        if bookmark is not None and bookmark.status == "orphaned":
            menu.addAction(self.reattach_action)
        menu.addSeparator()
        menu.addAction(self.undo_action)
        menu.exec(self.list.viewport().mapToGlobal(point))
        menu.deleteLater()

    def _tell(self, message: str) -> None:
        self.message.emit(message, 10000)

    def _show_notices(self) -> None:
        for notice in take_notices():
            self._tell(notice)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Bookmarks"), notice, parent=self.window())
            box.setObjectName("bookmarksNotice")
            plain_message_box(box)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
