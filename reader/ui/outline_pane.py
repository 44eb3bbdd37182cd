"""The outline pane: the heading tree, a filter, expand controls, the current section, and corrections."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSpinBox,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.outline import extract_outline, flatten, nest
from reader.outline.corrections import (
    Correction,
    anchor_at,
    apply_corrections,
    load_corrections,
    record,
    save_corrections,
)
from reader.ui.outline_model import LENGTH_ROLE, LEVEL_ROLE, OFFSET_ROLE, TITLE_ROLE, OutlineFilter, OutlineModel

MARK_LEVELS = range(1, 7)


class OutlineTree(QTreeView):
    """The heading tree; Enter activates like a click."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class OutlinePane(QDockWidget):
    """Shows a document's outline; activating an entry asks to jump to (offset, length)."""

    headingActivated = Signal(int, int)
    outlineChanged = Signal()  # after a correction: the window re-syncs its breadcrumb

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Outline"), parent)
        self.setObjectName("outlinePane")
        self.model = OutlineModel(self)
        self.proxy = OutlineFilter(self)
        self.proxy.setSourceModel(self.model)
        self._tree: list = []
        self._document = None
        self._corrections: list[Correction] = []
        self._bookmark_offsets: list[int] = []
        self._current_item = None
        self._synced_offset: int | None = None
        self._expanded_before_filter: set[int] | None = None
        self._viewports: dict[QObject, QWidget] = {}
        self._menu_hook: tuple[QWidget, int] | None = None
        self._badge_timer = QTimer(self, singleShot=True, interval=0)
        self._badge_timer.timeout.connect(self.refresh_badges)
        self._watched_bookmarks: QObject | None = None
        self._view_source = lambda: None
        self.setWidget(self._build())
        self._build_actions()
        self.tree.selectionModel().currentChanged.connect(self._update_actions)

    # --- construction -------------------------------------------------------------------------

    def _build(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.filter_edit = QLineEdit(body, objectName="outlineFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter headings…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.filter_edit.installEventFilter(self)
        layout.addWidget(self.filter_edit)
        layout.addLayout(self._build_controls(body))
        self.tree = OutlineTree(body)
        self.tree.setObjectName("outlineTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.tr("Outline"))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_tree_menu)
        self.tree.clicked.connect(self._activate)
        self.tree.activated.connect(self._activate)
        layout.addWidget(self.tree)
        return body

    def _build_controls(self, body: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(2)
        expand = QToolButton(body, text=self.tr("Expand all"), objectName="outlineExpandAll")
        expand.clicked.connect(self.tree_expand_all)
        collapse = QToolButton(body, text=self.tr("Collapse all"), objectName="outlineCollapseAll")
        collapse.clicked.connect(self.tree_collapse_all)
        self.level_spin = QSpinBox(body, objectName="outlineLevel")
        self.level_spin.setRange(1, 9)
        self.level_spin.setValue(2)
        self.level_spin.setPrefix(self.tr("Level "))
        self.level_spin.setToolTip(self.tr("Expand to this level"))
        self.level_spin.valueChanged.connect(self.expand_to_level)
        self.level_spin.editingFinished.connect(lambda: self.expand_to_level(self.level_spin.value()))
        self.edit_button = QToolButton(body, text=self.tr("Edit"), objectName="outlineEdit")
        self.edit_button.setToolTip(self.tr("Correct the outline"))
        self.edit_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.edit_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.edit_button.setText(self.tr("Edit") + " ▾")
        for widget in (expand, collapse, self.level_spin):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.edit_button)
        return row

    def _build_actions(self) -> None:
        self.promote_action = self._tree_action(self.tr("Promote"), "Ctrl+Shift+Left", lambda: self.shift_current(-1), "outlinePromote")
        self.demote_action = self._tree_action(self.tr("Demote"), "Ctrl+Shift+Right", lambda: self.shift_current(+1), "outlineDemote")
        self.remove_action = self._tree_action(self.tr("Remove from outline"), QKeySequence.StandardKey.Delete, self.remove_current, "outlineRemove")
        self.reset_action = QAction(self.tr("Forget my corrections"), self, objectName="outlineReset")
        self.reset_action.triggered.connect(self.reset_corrections)
        menu = QMenu(self.edit_button)
        menu.addMenu(self._mark_menu(menu, lambda: self._cursor_offset()))
        for action in (self.promote_action, self.demote_action, self.remove_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.reset_action)
        menu.aboutToShow.connect(self._update_actions)
        self.edit_button.setMenu(menu)
        self._update_actions()

    def _tree_action(self, text: str, shortcut, slot, name: str) -> QAction:
        action = QAction(text, self.tree, objectName=name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.tree.addAction(action)
        return action

    def _mark_menu(self, parent: QMenu, offset_of) -> QMenu:
        menu = QMenu(self.tr("Mark line as heading"), parent)
        menu.setObjectName("outlineMarkMenu")
        for level in MARK_LEVELS:
            action = menu.addAction(self.tr("Level %d") % level)
            action.setObjectName(f"outlineMarkLevel{level}")
            action.triggered.connect(lambda _=False, lv=level: self.mark_heading(offset_of(), lv))
        menu.setEnabled(self._document is not None)
        return menu

    def bind(self, window) -> None:
        """Follow `window`'s documents, read its text cursor, and add corrections to its views' menus."""
        self._view_source = lambda: window.text_view if window.current_document is not None else None
        self._window = window
        window.documentChanged.connect(self.set_document)
        for view in (window.plain_view, window.rich_view):
            self._viewports[view.viewport()] = view
            view.viewport().installEventFilter(self)

    # --- showing an outline ---------------------------------------------------------------------

    def set_outline(self, tree: list) -> None:
        """Show `tree` (nested headings), expanded to the level control's level."""
        self._tree = tree
        self.model.set_outline(tree)
        self._forget_current()
        self._expanded_before_filter = None
        self.filter_edit.clear()
        self.expand_to_level(self.level_spin.value())

    def set_document(self, document) -> None:
        """The document the outline belongs to: its corrections and its bookmarks' counts."""
        self._document = document
        try:
            self._corrections = load_corrections(document.path, lambda: document.content_hash)
        except OSError:
            self._corrections = []
        self._watch_bookmarks()
        for viewport in self._viewports:
            viewport.installEventFilter(self)  # again: in front of filters other panes installed since
        self.refresh_badges()
        self._update_actions()

    def _watch_bookmarks(self) -> None:
        """Recount badges whenever the bookmarks pane's list (objectName bookmarksList) changes."""
        window = getattr(self, "_window", None)
        found = window.findChild(QAbstractItemView, "bookmarksList") if window is not None else None
        if found is None or found.model() is self._watched_bookmarks:
            return
        self._watched_bookmarks = model = found.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(self._badge_timer.start)

    def outline(self) -> list:
        """The nested outline shown, corrections included."""
        return self._tree

    def tree_expand_all(self) -> None:
        self.tree.expandAll()

    def tree_collapse_all(self) -> None:
        self.tree.collapseAll()

    def expand_to_level(self, level: int) -> None:
        """Show headings down to `level`, with deeper ones folded."""
        self.tree.collapseAll()
        if level > 1:
            self.tree.expandToDepth(level - 2)

    def refresh_badges(self) -> None:
        """Count the document's bookmarks per section (a hook for the bookmarks pane to call on change)."""
        self._bookmark_offsets = _bookmark_offsets(self._document) if self._document is not None else []
        counts: dict[int, int] = {}
        for offset in self._bookmark_offsets:
            item = self.model.item_at(offset)
            if item is not None:
                counts[item.data(OFFSET_ROLE)] = counts.get(item.data(OFFSET_ROLE), 0) + 1
        self.model.set_badges(counts)

    # --- the filter -------------------------------------------------------------------------------

    def _apply_filter(self, text: str) -> None:
        filtering = bool(text.strip())
        if filtering and self._expanded_before_filter is None:
            self._expanded_before_filter = self._expanded_offsets()
        self.proxy.set_needle(text)
        if filtering:
            self.tree.expandAll()
        elif self._expanded_before_filter is not None:
            self._restore_expanded(self._expanded_before_filter)
            self._expanded_before_filter = None
            self._reveal(self._current_item)

    def first_match(self) -> QModelIndex:
        """The first entry (in document order) that the filter text matches itself."""
        pending = [self.proxy.index(row, 0) for row in reversed(range(self.proxy.rowCount()))]
        while pending:
            index = pending.pop()
            if self.proxy.matches(index):
                return index
            pending.extend(self.proxy.index(row, 0, index) for row in reversed(range(self.proxy.rowCount(index))))
        return QModelIndex()

    def _filter_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Down:
            match = self.first_match() if self.proxy.needle() else self.proxy.index(0, 0)
            if match.isValid():
                self.tree.setCurrentIndex(match)
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            match = self.first_match()
            if match.isValid():
                self.tree.setCurrentIndex(match)
                self._activate(match)
            return True
        if key == Qt.Key.Key_Escape and self.filter_edit.text():
            self.filter_edit.clear()
            return True
        return False

    # --- jumping and following the reader ---------------------------------------------------------

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self._synced_offset = int(index.data(OFFSET_ROLE))
            self.headingActivated.emit(int(index.data(OFFSET_ROLE)), int(index.data(LENGTH_ROLE)))

    def current_item(self):
        """The item of the section the reader is in, if any."""
        return self._current_item

    def heading_at(self, offset: int):
        """The item of the last heading at or before `offset`."""
        return self.model.item_at(offset)

    def sync_to_offset(self, offset: int) -> None:
        """Mark the section holding `offset` and, unless the user is browsing the tree, select it."""
        item = self.heading_at(offset)
        if item is self._current_item:
            return
        self._current_item = item
        self.model.mark(item)
        if item is None:
            if not self._browsing():
                self.tree.selectionModel().clearSelection()
            return
        if not self._browsing():
            self._reveal(item)

    def _browsing(self) -> bool:
        """The user is filtering, or has moved the tree's cursor away from the section we showed."""
        if self.proxy.needle():
            return True
        current = self.tree.currentIndex()
        moved = current.isValid() and current.data(OFFSET_ROLE) != self._synced_offset
        return self.tree.hasFocus() and moved

    def _reveal(self, item) -> None:
        if item is None:
            return
        index = self.proxy.mapFromSource(item.index())
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self._synced_offset = item.data(OFFSET_ROLE)
        self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.tree.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _forget_current(self) -> None:
        self._current_item = None
        self._synced_offset = None

    def section_path(self, offset: int) -> list[tuple[str, int, int]]:
        """(title, offset, length) of the section holding `offset` and its ancestors, outermost first."""
        item = self.heading_at(offset)
        path = []
        while item is not None:
            path.append((item.data(TITLE_ROLE), item.data(OFFSET_ROLE), item.data(LENGTH_ROLE)))
            item = item.parent()
        return list(reversed(path))

    # --- corrections ------------------------------------------------------------------------------

    def mark_heading(self, offset: int | None, level: int) -> bool:
        """Make the line holding `offset` a heading at `level`; False if there is no such line."""
        if self._document is None or offset is None:
            return False
        anchor = anchor_at(self._document.text, offset)
        if anchor is None:
            self._tell(self.tr("A blank line cannot be a heading."))
            return False
        self._correct(Correction("add", anchor, level), select=anchor.offset)
        return True

    def remove_current(self) -> None:
        """Remove the tree's current entry from the outline."""
        item = self._tree_item()
        if item is not None:
            self._correct(Correction("remove", anchor_at(self._document.text, item.data(OFFSET_ROLE))), select=None)

    def shift_current(self, delta: int) -> None:
        """Promote (-1) or demote (+1) the tree's current entry with its subentries."""
        item = self._tree_item()
        if item is None:
            return
        level = int(item.data(LEVEL_ROLE))
        if not 1 <= level + delta <= 9:
            return
        offset = int(item.data(OFFSET_ROLE))
        self._correct(Correction("shift", anchor_at(self._document.text, offset), delta), select=offset)

    def reset_corrections(self) -> None:
        """Forget this document's corrections and show the outline the engine finds."""
        document = self._document
        if document is None:
            return
        self._corrections = []
        self._save()
        self._refresh(nest(extract_outline(document.text, document.kind)), select=None)

    def corrections(self) -> list[Correction]:
        return list(self._corrections)

    def _correct(self, correction: Correction, select: int | None) -> None:
        document = self._document
        self._corrections = record(self._corrections, correction)
        self._save()
        flat = apply_corrections(flatten(self._tree), document.text, [correction], document.kind)
        self._refresh(nest(flat), select)

    def _save(self) -> None:
        document = self._document
        try:
            save_corrections(document.path, document.content_hash, self._corrections)
        except OSError as error:
            self._tell(self.tr("Could not save the outline corrections: %s") % error)

    def _refresh(self, tree: list, select: int | None) -> None:
        """Show the corrected `tree` keeping what is open, the filter, the scroll position and the cursor."""
        expanded = self._expanded_offsets()
        current = self.tree.currentIndex()
        select = select if select is not None or not current.isValid() else int(current.data(OFFSET_ROLE))
        scroll = self.tree.verticalScrollBar().value()
        self._tree = tree
        self.model.set_outline(tree)
        self._forget_current()
        self._restore_expanded(expanded)
        if self.proxy.needle():
            self.tree.expandAll()
        self._select_offset(select)
        self.tree.verticalScrollBar().setValue(scroll)
        self.refresh_badges()
        self._update_actions()
        self.outlineChanged.emit()

    def _select_offset(self, offset: int | None) -> None:
        item = self.model.item_starting_at(offset) if offset is not None else None
        index = self.proxy.mapFromSource(item.index()) if item is not None else QModelIndex()
        if index.isValid():
            parent = index.parent()
            while parent.isValid():
                self.tree.expand(parent)
                parent = parent.parent()
            self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self._synced_offset = offset

    def _tree_item(self):
        index = self.tree.currentIndex()
        return self.proxy.source_item(index) if index.isValid() and self._document is not None else None

    def _cursor_offset(self) -> int | None:
        view = self._view_source()
        if view is None:
            return None
        selected = view.selected_range()
        return selected[0] if selected else view.cursor_offset()

    def _update_actions(self, *_) -> None:
        has_item = self._tree_item() is not None
        for action in (self.promote_action, self.demote_action, self.remove_action):
            action.setEnabled(has_item)
        self.reset_action.setEnabled(bool(self._corrections))
        for menu in self.edit_button.menu().findChildren(QMenu, "outlineMarkMenu"):
            menu.setEnabled(self._document is not None)

    def _tell(self, message: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 8000)

    # --- menus ------------------------------------------------------------------------------------

    def tree_menu(self) -> QMenu:
        """The tree's context menu for its current entry."""
        self._update_actions()
        menu = QMenu(self.tree)
        for action in (self.promote_action, self.demote_action, self.remove_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addMenu(self._mark_menu(menu, self._cursor_offset))
        menu.addAction(self.reset_action)
        return menu

    def _show_tree_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        menu = self.tree_menu()
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def text_menu(self, view, pos: QPoint) -> QMenu:
        """A standard text-view context menu at `pos`, with 'Mark line as heading' for the line there."""
        menu = view.createStandardContextMenu()
        self._extend_text_menu(menu, self._offset_at(view, pos))
        return menu

    def _extend_text_menu(self, menu: QMenu, offset: int) -> None:
        menu.addSeparator()
        menu.addMenu(self._mark_menu(menu, lambda: offset))

    @staticmethod
    def _offset_at(view, pos: QPoint) -> int:
        selected = view.selected_range()
        return selected[0] if selected else view.from_qt(view.cursorForPosition(pos).position())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            return self._filter_key(event)
        if event.type() == QEvent.Type.ContextMenu and watched in self._viewports:
            self._arm_menu_hook(self._viewports[watched], event.pos())
        elif event.type() == QEvent.Type.ChildPolished and self._menu_hook is not None and watched is self._menu_hook[0]:
            child = event.child()  # polished: fully built, so it is seen as the QMenu it is
            if isinstance(child, QMenu):
                offset = self._menu_hook[1]
                self._disarm_menu_hook()
                self._extend_text_menu(child, offset)
        return super().eventFilter(watched, event)

    def _arm_menu_hook(self, view, pos: QPoint) -> None:
        """Add our entries to whatever context menu the view (or another pane's hook) builds next."""
        self._disarm_menu_hook()
        self._menu_hook = (view, self._offset_at(view, pos))
        view.installEventFilter(self)
        QTimer.singleShot(0, self._disarm_menu_hook)

    def _disarm_menu_hook(self) -> None:
        if self._menu_hook is not None:
            self._menu_hook[0].removeEventFilter(self)
            self._menu_hook = None

    # --- expansion state --------------------------------------------------------------------------

    def _expanded_offsets(self) -> set[int]:
        expanded = set()
        for item in self.model.items_in_order():
            index = self.proxy.mapFromSource(item.index())
            if index.isValid() and self.tree.isExpanded(index):
                expanded.add(item.data(OFFSET_ROLE))
        return expanded

    def _restore_expanded(self, offsets: set[int]) -> None:
        for item in self.model.items_in_order():
            index = self.proxy.mapFromSource(item.index())
            if index.isValid():
                self.tree.setExpanded(index, item.data(OFFSET_ROLE) in offsets)


def _bookmark_offsets(document) -> list[int]:
    """Offsets of the document's bookmarks (none if the bookmark store is absent or unreadable)."""
    try:
        from reader.bookmarks import BookmarkError, bookmarks_for, store_path
    except ImportError:
        return []
    if not store_path().exists():
        return []
    try:
        return [mark.offset for mark in bookmarks_for(document.path)]
    except (BookmarkError, OSError):
        return []
