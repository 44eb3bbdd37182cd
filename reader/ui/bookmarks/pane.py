"""The bookmarks pane: list, filter, jump, edit, delete with undo, re-attach; Ctrl+D bookmarks the selection."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QModelIndex, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader.bookmarks import (
    COLORS,
    STYLES,
    Bookmark,
    BookmarkError,
    add_bookmark,
    reattach_bookmark,
    remove_bookmark,
    restore_bookmark,
    take_notices,
    update_bookmark,
)
from reader.bookmarks.links import make_link
from reader.bookmarks.service import path_key
from reader.ui.bookmarks.editor import BookmarkEditor
from reader.ui.bookmarks.list_view import BookmarkList, BookmarkListModel
from reader.ui.bookmarks.reading import Listing, ReadSignals, ReadTask, count_listed, no_listing, read_listing
from reader.ui.bookmarks.styles import color_label, mark_color, style_label, swatch
from reader.ui.views.plain import plain_message_box
from reader.ui.views.selection_toolbar import SelectionToolbar

SYNC_LIMIT = 2000  # more bookmarks than this are read from the store on a worker thread
MARK_COLOR = QColor("#d4a000")


def layer_key(style: str, color: str) -> str:
    """The text views' highlight layer of bookmarks drawn in `style` and `color`."""
    if style == "highlight":
        return "bookmarks" if color == "yellow" else f"bookmarks-{color}"
    return f"bookmarks-{style}-{color}"


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


class BookmarksPane(QDockWidget):
    """Bookmarks of the session's document (or all), sortable and filterable, with undo. Jumps go through
    the session; what the user should know goes out through `message`, a selection's "search the
    library" through `searchRequested`. It puts a SelectionToolbar over each of the session's views."""

    message = Signal(str, int)  # text, milliseconds to show it
    searchRequested = Signal(str)  # search the library for this text (the selection toolbar's button)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksPane")
        self.session = session
        self.bookmarks: list[Bookmark] = []
        self.listing: Listing | None = None
        self.editor: BookmarkEditor | None = None
        self.undo_stack = QUndoStack(self)
        self._token = 0  # the newest refresh; older worker results are dropped
        self._signals = ReadSignals(self)
        self._signals.done.connect(self._on_read)
        self._signals.failed.connect(self._on_failed)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._build()
        self.toolbars = [self._toolbar(view) for view in session.views]
        self.retranslate_ui()
        session.documentChanged.connect(lambda _doc: self.refresh())

    # --- construction ---------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.all_documents = QCheckBox(body, objectName="bookmarksAllDocuments")
        self.all_documents.toggled.connect(lambda _on: self.refresh())
        self.sort_box = QComboBox(body, objectName="bookmarksSort")
        self.sort_box.addItem("", "position")
        self.sort_box.addItem("", "date")
        self.sort_box.currentIndexChanged.connect(lambda _i: self._sort())
        row.addWidget(self.all_documents)
        row.addWidget(self.sort_box)
        layout.addLayout(row)
        self.filter_edit = QLineEdit(body, objectName="bookmarksFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        layout.addWidget(self.filter_edit)
        self.model = BookmarkListModel(self)
        self.list = BookmarkList(body)
        self.list.setModel(self.model)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.activated.connect(self._activate)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._list_menu)
        layout.addWidget(self.list)
        self.setWidget(body)
        self._build_actions()

    def _build_actions(self) -> None:
        self.edit_action = self._action(self.edit_selected, "editBookmarkAction")
        self.delete_action = self._action(self.delete_selected, "deleteBookmarkAction")
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.list.addAction(self.delete_action)
        self.reattach_action = self._action(self.reattach_selected, "reattachBookmarkAction")
        self.copy_link_action = self._action(self.copy_link, "copyBookmarkLinkAction")
        owner = self.parent() or self  # the window's own actions, as the shortcuts dialog lists them
        self.undo_action = self.undo_stack.createUndoAction(owner)
        self.undo_action.setObjectName("bookmarksUndoAction")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(owner)
        self.redo_action.setObjectName("bookmarksRedoAction")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.undo_stack.undoTextChanged.connect(lambda _text: self._name_undo())
        self.undo_stack.redoTextChanged.connect(lambda _text: self._name_undo())
        self.bookmark_action = QAction(owner)
        self.bookmark_action.setObjectName("bookmarkSelectionAction")
        self.bookmark_action.setShortcut(QKeySequence("Ctrl+D"))
        self.bookmark_action.triggered.connect(lambda _checked=False: self.bookmark_selection())

    def _toolbar(self, view) -> SelectionToolbar:
        bar = SelectionToolbar(view, [(name, swatch(name)) for name in COLORS],
                               lambda name: self.tr("Highlight in %s") % color_label(name))
        bar.colorChosen.connect(lambda color: self.bookmark_selection(color=color, edit=False))
        bar.noteRequested.connect(lambda: self.bookmark_selection())
        bar.searchRequested.connect(self.searchRequested)
        return bar

    def retranslate_ui(self) -> None:
        """Every string the pane shows, in the current UI language (again on a language change)."""
        self.setWindowTitle(self.tr("Bookmarks"))
        self.all_documents.setText(self.tr("All documents"))
        self.sort_box.setItemText(0, self.tr("By position"))
        self.sort_box.setItemText(1, self.tr("Newest first"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by passage or note"))
        self.edit_action.setText(self.tr("&Edit Bookmark…"))
        self.delete_action.setText(self.tr("&Delete"))
        self.reattach_action.setText(self.tr("Re-attach to Selection"))
        self.copy_link_action.setText(self.tr("Copy &Link"))
        self.copy_link_action.setToolTip(self.tr("A reader:// link to this passage, for your notes: it opens here"))
        self.bookmark_action.setText(self.tr("&Bookmark Selection"))
        self._name_undo()
        self._show_placeholder()
        for bar in self.toolbars:
            bar.retranslate_ui()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _name_undo(self) -> None:
        """"Undo Edit Bookmark", "Redo Delete" (Qt's own prefix would run the words together)."""
        try:
            undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
            self.undo_action.setText(self.tr("&Undo %s") % undo if undo else self.tr("&Undo"))
            self.redo_action.setText(self.tr("&Redo %s") % redo if redo else self.tr("&Redo"))
        except RuntimeError:
            pass  # the stack clears itself as the pane and the window are deleted

    def _show_placeholder(self) -> None:
        """What the empty list says: how to add a bookmark, or that the filter kept none."""
        keys = self.bookmark_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if self.model.needle:
            text = self.tr("No bookmark matches the filter.")
        elif self.session.document is None and not self.all_documents.isChecked():
            text = self.tr("Open a document, select a passage and press %s to bookmark it.") % keys
        else:
            text = self.tr("No bookmarks yet. Select a passage and press %s, or pick a colour on the "
                           "toolbar that appears over the selection.") % keys
        self.list.set_placeholder(text)

    def window_actions(self) -> list[QAction]:
        """The actions whose shortcuts work anywhere in the window (undo, redo, Ctrl+D)."""
        return [self.undo_action, self.redo_action, self.bookmark_action]

    def _action(self, slot: Callable[[], object], name: str) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # --- listing --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload from the store (re-anchoring the current document's bookmarks) and re-mark the text.

        Up to SYNC_LIMIT bookmarks are read at once; more on a worker, the list filled when done."""
        self._token += 1
        document, every = self.session.document, self.all_documents.isChecked()
        order = self.sort_box.currentData()
        if self.listing is not None and self.listing.document_key != (path_key(document.path) if document else None):
            self._show(no_listing())  # another document: never list the last one's
        try:
            if count_listed(document, every) > SYNC_LIMIT:
                self.pool.start(ReadTask(self._token, document, every, order, self._signals))
                return
            listing = read_listing(document, every, order)
        except BookmarkError as error:
            self._on_failed(self._token, str(error))
            return
        self._on_read(self._token, listing)

    def _on_read(self, token: int, listing: Listing) -> None:
        if token == self._token:
            self._show_notices()
            self._show(listing)

    def _on_failed(self, token: int, message: str) -> None:
        if token == self._token:
            self._show(no_listing())
            self._tell(message)

    def _show(self, listing: Listing) -> None:
        selected = self.selected_id()
        self.listing, self.bookmarks = listing, listing.bookmarks
        self.model.set_bookmarks(listing.bookmarks, self.all_documents.isChecked())
        if selected is not None:
            self.select_id(selected)
        self._show_placeholder()
        self._mark_text()
        self.session.set_bookmark_offsets(listing.document_key, listing.offsets)

    def _sort(self) -> None:
        selected = self.selected_id()
        self.model.set_order(self.sort_box.currentData())
        if selected is not None:
            self.select_id(selected)

    def _apply_filter(self, text: str) -> None:
        self.model.set_needle(text)
        self._show_placeholder()

    def visible_ids(self) -> list[str]:
        """Ids of the rows shown (after filtering), top to bottom."""
        return [self.model.bookmark(row).id for row in range(self.model.rowCount())]

    def _mark_text(self) -> None:
        """One highlight layer per (style, colour) of the open document's bookmarks in its view."""
        view, document, listing = self.session.view, self.session.document, self.listing
        if document is None or view.shown_document is not document:
            return
        mine = listing is not None and listing.document_key == path_key(document.path)
        tints = listing.tints if mine else {}
        with view.highlights_batch():
            for style in STYLES:
                for color in COLORS:
                    spans = tints.get((style, color), [])  # SortedSpans: sorted on the worker
                    if spans or view.highlight_count(layer_key(style, color)):
                        view.set_highlights(layer_key(style, color), spans, mark_color(color, style), style)
        view.set_scrollbar_marks("bookmarks", listing.marks if mine else [], MARK_COLOR)

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

    def bookmark_selection(self, color: str = "yellow", edit: bool = True) -> Bookmark | None:
        """Ctrl+D: bookmark the selection (or the current position) in `color`; with `edit`, open the editor."""
        document, view = self.session.document, self.session.view
        if document is None:
            return None
        span = view.selected_range() or (view.top_offset(), 0)
        try:
            bookmark = add_bookmark(document, *span, color=color)
        except BookmarkError as error:
            self._tell(str(error))
            return None
        self._push(self.tr("Add Bookmark"), lambda: restore_bookmark(bookmark),
                   lambda: remove_bookmark(bookmark.id))
        self.select_id(bookmark.id)
        if edit:
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

    def _save_edit(self, bookmark_id: str, note: str, color: str, style: str = "highlight") -> None:
        old = next((b for b in self.bookmarks if b.id == bookmark_id), None)
        if old is None or (old.note, old.color, old.style) == (note, color, style):
            return
        self._push(self.tr("Edit Bookmark"), lambda: update_bookmark(bookmark_id, note, color, style),
                   lambda: restore_bookmark(old))

    def change_selected(self, color: str | None = None, style: str | None = None) -> None:
        """Give the selected bookmark another colour or style (undoable)."""
        old = self.selected()
        if old is None or (color or old.color, style or old.style) == (old.color, old.style):
            return
        text = self.tr("Change Colour") if color else self.tr("Change Style")
        self._push(text, lambda: update_bookmark(old.id, color=color, style=style), lambda: restore_bookmark(old))

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

    def copy_link(self) -> str | None:
        """Put the selected bookmark's reader:// link on the clipboard (and return it)."""
        bookmark = self.selected()
        if bookmark is None:
            return None
        link = make_link(bookmark)
        QGuiApplication.clipboard().setText(link)
        self.message.emit(self.tr("Link copied: paste it in your notes to come back here."), 5000)
        return link

    def list_menu(self) -> QMenu:
        """The list's context menu: Edit Bookmark…, Change Colour ▸, Change Style ▸, Delete, (Re-attach),
        then Undo/Redo."""
        menu = QMenu(self.list, objectName="bookmarksContextMenu")
        bookmark = self.selected()
        menu.addAction(self.edit_action)
        self._choice_menu(menu, self.tr("Change &Colour"), "bookmarkColorMenu", COLORS, bookmark, "color")
        self._choice_menu(menu, self.tr("Change &Style"), "bookmarkStyleMenu", STYLES, bookmark, "style")
        menu.addAction(self.copy_link_action)
        menu.addAction(self.delete_action)
        for action in (self.edit_action, self.copy_link_action, self.delete_action):
            action.setEnabled(bookmark is not None)
        if bookmark is not None and bookmark.status == "orphaned":
            menu.addAction(self.reattach_action)
        menu.addSeparator()
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        return menu

    def _choice_menu(self, menu: QMenu, title: str, name: str, choices: tuple[str, ...],
                     bookmark: Bookmark | None, field: str) -> None:
        sub = menu.addMenu(title)
        sub.setObjectName(name)
        sub.setEnabled(bookmark is not None)
        group = QActionGroup(sub)
        for choice in choices:
            color, style = (choice, bookmark.style if bookmark else "highlight") if field == "color" else (
                bookmark.color if bookmark else "yellow", choice)
            label = color_label(choice) if field == "color" else style_label(choice)
            action = sub.addAction(swatch(color, style), label)
            action.setObjectName(f"{name}_{choice}")
            action.setCheckable(True)
            action.setChecked(bookmark is not None and getattr(bookmark, field) == choice)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, value=choice: self.change_selected(**{field: value}))

    def _list_menu(self, point) -> None:
        menu = self.list_menu()
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
