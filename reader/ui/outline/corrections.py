"""Outline corrections in the pane: mark a line as a heading, remove, promote and demote entries."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from reader.outline import extract_outline, flatten, nest
from reader.outline.corrections import (
    Correction,
    anchor_at,
    apply_corrections,
    record,
    save_corrections,
)
from reader.ui.outline.model import LEVEL_ROLE, OFFSET_ROLE

MARK_LEVELS = range(1, 7)


class OutlineCorrectionsMixin:
    """The corrections half of OutlinePane: its actions, menus and the correction store."""

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
            # the corrected entry is the user's place in the tree, not the section being read: left
            # unsynced, the reading line's section does not take the tree's cursor while it has focus
            self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _tree_item(self):
        index = self.tree.currentIndex()
        return self.proxy.source_item(index) if index.isValid() and self._document is not None else None

    def _cursor_offset(self) -> int | None:
        session = self.session
        if session is None or session.document is None:
            return None
        view = session.view
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
        self.message.emit(message, 8000)

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
        self.extend_text_menu(menu, view.offset_at(pos))
        return menu

    def extend_text_menu(self, menu: QMenu, offset: int) -> None:
        """A text view's context menu provider: 'Mark line as heading' for the line holding `offset`."""
        menu.addSeparator()
        menu.addMenu(self._mark_menu(menu, lambda: offset))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            return self._filter_key(event)
        return super().eventFilter(watched, event)

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
