"""The bookmarks pane: list, filter, jump, edit, delete with undo, re-attach; Ctrl+D bookmarks the selection."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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
    reattach_bookmark,
    remove_bookmark,
    restore_bookmark,
    take_notices,
    update_bookmark,
)
from reader.bookmarks.service import path_key
from reader.ui.bookmark_editor import BookmarkEditor, swatch, tint

ID_ROLE = Qt.ItemDataRole.UserRole
ORPHAN_COLOR = QColor("#9a9a9a")


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
        parts.append(f"[{Path(bookmark.path).name}]")
    if bookmark.status == "orphaned":
        parts.insert(0, "⚠ orphaned:")
    return " ".join(parts)


class BookmarksPane(QDockWidget):
    """Bookmarks of the current document (or all), sortable and filterable, with undo."""

    def __init__(self, window) -> None:
        super().__init__(window.tr("Bookmarks"), window)
        self.setObjectName("bookmarksPane")
        self.window_ = window
        self.bookmarks: list[Bookmark] = []
        self.editor: BookmarkEditor | None = None
        self.undo_stack = QUndoStack(self)
        self._build()
        window.documentChanged.connect(lambda _doc: self.refresh())

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
        self.sort_box.currentIndexChanged.connect(lambda _i: self._fill())
        row.addWidget(self.all_documents)
        row.addWidget(self.sort_box)
        layout.addLayout(row)
        self.filter_edit = QLineEdit(body, objectName="bookmarksFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by passage or note"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        layout.addWidget(self.filter_edit)
        self.list = QListWidget(body, objectName="bookmarksList")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.itemActivated.connect(self._activate)
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
        self.reattach_action = self._action(self.tr("Re-attach to Selection"), self.reattach_selected, "reattachBookmarkAction")
        self.undo_action = self.undo_stack.createUndoAction(self.window_, self.tr("Undo Bookmark Change"))
        self.undo_action.setObjectName("bookmarksUndoAction")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self.window_, self.tr("Redo Bookmark Change"))
        self.redo_action.setObjectName("bookmarksRedoAction")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.window_.addAction(self.undo_action)
        self.window_.addAction(self.redo_action)

    def _action(self, text: str, slot: Callable[[], object], name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # --- listing --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload from the store (re-anchoring the current document's bookmarks) and re-tint."""
        document = self.window_.current_document
        try:
            if self.all_documents.isChecked():
                current = list_bookmarks(document) if document is not None else []
                others = [b for b in list_bookmarks(reanchor_all=False)
                          if document is None or b.path != path_key(document.path)]
                self.bookmarks = current + others
            else:
                self.bookmarks = list_bookmarks(document) if document is not None else []
        except BookmarkError as error:
            self.bookmarks = []
            self._tell(str(error))
        self._show_notices()
        self._fill()
        self._tint()

    def _sorted(self) -> list[Bookmark]:
        if self.sort_box.currentData() == "date":
            return sorted(self.bookmarks, key=lambda b: (b.created, b.id), reverse=True)
        return sorted(self.bookmarks, key=lambda b: (b.path, b.offset, b.created))

    def _fill(self) -> None:
        selected = self.selected_id()
        self.list.clear()
        for bookmark in self._sorted():
            item = QListWidgetItem(swatch(bookmark.color), _label(bookmark, self.all_documents.isChecked()))
            item.setData(ID_ROLE, bookmark.id)
            item.setToolTip(f"{bookmark.heading_path}\n{bookmark.path} @ {bookmark.offset}")
            if bookmark.status == "orphaned":
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(QBrush(ORPHAN_COLOR))
            self.list.addItem(item)
            if bookmark.id == selected:
                self.list.setCurrentItem(item)
        self._apply_filter(self.filter_edit.text())

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        by_id = {b.id: b for b in self.bookmarks}
        for row in range(self.list.count()):
            item = self.list.item(row)
            bookmark = by_id[item.data(ID_ROLE)]
            haystack = f"{bookmark.quote}\n{bookmark.note}".casefold()
            item.setHidden(bool(needle) and needle not in haystack)

    def visible_ids(self) -> list[str]:
        """Ids of the rows shown (after filtering), top to bottom."""
        return [self.list.item(r).data(ID_ROLE) for r in range(self.list.count())
                if not self.list.item(r).isHidden()]

    def _tint(self) -> None:
        view, document = self.window_.text_view, self.window_.current_document
        if document is None or getattr(view, "document", None) is not document:
            return
        mine = [b for b in self.bookmarks if b.path == path_key(document.path)]
        placed = [b for b in mine if b.status != "orphaned" and b.length > 0]
        view.set_highlights("bookmarks", [(b.offset, b.length) for b in placed], tint("yellow"))
        for color in COLORS:
            if color != "yellow":
                spans = [(b.offset, b.length) for b in placed if b.color == color]
                view.set_highlights(f"bookmarks-{color}", spans, tint(color))
        if hasattr(view, "set_scrollbar_marks"):
            view.set_scrollbar_marks("bookmarks", [b.offset for b in mine if b.status != "orphaned"],
                                     QColor("#d4a000"))

    # --- actions --------------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def selected(self) -> Bookmark | None:
        wanted = self.selected_id()
        return next((b for b in self.bookmarks if b.id == wanted), None)

    def select_id(self, bookmark_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == bookmark_id:
                self.list.setCurrentRow(row)

    def _activate(self, item: QListWidgetItem) -> None:
        bookmark = next((b for b in self.bookmarks if b.id == item.data(ID_ROLE)), None)
        if bookmark is not None:
            self.jump(bookmark)

    def jump(self, bookmark: Bookmark) -> bool:
        """Open the bookmark's document and select its passage (orphans: just open)."""
        if bookmark.status == "orphaned":
            return self.window_.open_document(bookmark.path)
        return self.window_.open_document(bookmark.path, select=(bookmark.offset, bookmark.length))

    def bookmark_selection(self) -> Bookmark | None:
        """Ctrl+D: bookmark the selection (or the current position) and open the editor."""
        document, view = self.window_.current_document, self.window_.text_view
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
        self.editor = BookmarkEditor(bookmark, self.window_)
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
        bookmark, document = self.selected(), self.window_.current_document
        span = self.window_.text_view.selected_range() if document is not None else None
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
        self.window_.statusBar().showMessage(message, 10000)

    def _show_notices(self) -> None:
        for notice in take_notices():
            self._tell(notice)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Bookmarks"), notice, parent=self.window_)
            box.setObjectName("bookmarksNotice")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()


class _ContextMenuHook(QObject):
    """Adds "Bookmark Selection" to the text views' standard context menus."""

    def __init__(self, pane: BookmarksPane, action: QAction) -> None:
        super().__init__(pane)
        self.action = action
        self.views = {}

    def watch(self, view) -> None:
        self.views[view.viewport()] = view
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        view = self.views.get(watched)
        if view is None or event.type() != QEvent.Type.ContextMenu:
            return False
        menu = view.createStandardContextMenu(event.pos())
        menu.addSeparator()
        menu.addAction(self.action)
        menu.exec(event.globalPos())
        menu.deleteLater()
        return True


def install(window) -> BookmarksPane:
    """Create the pane, add it to `window`, and wire Ctrl+D and the text views' context menu."""
    pane = BookmarksPane(window)
    window.add_pane(pane, Qt.DockWidgetArea.RightDockWidgetArea)
    action = QAction(window.tr("&Bookmark Selection"), window)
    action.setObjectName("bookmarkSelectionAction")
    action.setShortcut(QKeySequence("Ctrl+D"))
    action.triggered.connect(lambda _checked=False: pane.bookmark_selection())
    window.addAction(action)
    pane.bookmark_action = action
    hook = _ContextMenuHook(pane, action)
    for view in (getattr(window, "plain_view", None), getattr(window, "rich_view", None)):
        if view is not None:
            hook.watch(view)
    pane.refresh()
    return pane
