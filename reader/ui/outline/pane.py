"""The outline pane: the heading tree, a filter, expand controls, the current section, and the reader's corrections."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.bookmarks import BookmarkError, bookmarks_for, store_path
from reader.outline.corrections import BLANK_LINE, Correction, CorrectionEditor, Edit
from reader.ui.outline.labels import convention_label
from reader.ui.outline.model import (
    COLLAPSED_ROLE,
    LENGTH_ROLE,
    LEVEL_ROLE,
    OFFSET_ROLE,
    TITLE_ROLE,
    OutlineFilter,
    OutlineModel,
)

MARK_LEVELS = range(1, 7)
LONG_DOCUMENT_CHARS = 5_000  # a plain text this long with no heading found gets the rule editor offered


class OutlineTree(QTreeView):
    """The heading tree; Enter activates like a click."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class OutlinePane(QDockWidget):
    """Shows a document's outline; activating an entry asks to jump to (offset, length). Its corrections
    (mark a line as a heading, remove, promote, demote, reset) go through the loaded document's CorrectionEditor."""

    headingActivated = Signal(int, int)
    outlineChanged = Signal()  # after a correction: the window re-syncs its breadcrumb
    outlineFilled = Signal()  # a long outline set is in (it fills over a few event-loop turns)
    message = Signal(str, int)  # for the status bar: text, milliseconds

    def __init__(self, session=None, parent: QWidget | None = None) -> None:
        """`session` (a ReadingSession): the document to follow, its text cursor and its bookmarks' counts."""
        super().__init__(parent)
        self._rules_dialog = None
        self.setObjectName("outlinePane")
        self.model = OutlineModel(self)
        self.proxy = OutlineFilter(self)
        self.proxy.setSourceModel(self.model)
        self._outline: list = []  # the nested headings shown, corrections included
        self._document = None
        self._bookmark_offsets: list[int] = []
        self._current_item = None
        self._synced_offset: int | None = None
        self._expanded_before_filter: set[int] | None = None
        self._badge_timer = QTimer(self, singleShot=True, interval=0)
        self._badge_timer.timeout.connect(self.refresh_badges)
        self.session = session
        self.setWidget(self._build())
        self._build_actions()
        self.retranslate_ui()
        self.tree.selectionModel().currentChanged.connect(self._update_actions)
        if session is not None:
            session.outlineChanged.connect(self.set_outline)
            session.documentChanged.connect(self.set_document)
            session.bookmarksChanged.connect(self._badge_timer.start)
            self.outlineFilled.connect(session.sync_position)  # the section and breadcrumb of the filled outline

    # --- construction -------------------------------------------------------------------------

    def _build(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.source_label = QLabel(body, objectName="outlineSource")
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.source_label)
        self.filter_edit = QLineEdit(body, objectName="outlineFilter")
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
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_tree_menu)
        self.tree.clicked.connect(self._activate)
        self.tree.activated.connect(self._activate)
        layout.addWidget(self.tree)
        layout.addWidget(self._build_no_headings(body))
        return body

    def _build_no_headings(self, body: QWidget) -> QWidget:
        """What shows instead of an empty tree on a long plain text where no heading was found."""
        self.no_headings = QWidget(body, objectName="outlineNoHeadings")
        layout = QVBoxLayout(self.no_headings)
        layout.setContentsMargins(8, 8, 8, 8)
        self.no_headings_label = QLabel(self.no_headings, wordWrap=True)
        self.rules_button = QPushButton(self.no_headings, objectName="outlineRulesButton")
        self.rules_button.clicked.connect(self.open_rules_editor)
        layout.addWidget(self.no_headings_label)
        layout.addWidget(self.rules_button)
        layout.addStretch(1)
        self.no_headings.hide()
        return self.no_headings

    def _build_controls(self, body: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(2)
        self.expand_button = expand = QToolButton(body, objectName="outlineExpandAll")
        expand.clicked.connect(self.tree_expand_all)
        self.collapse_button = collapse = QToolButton(body, objectName="outlineCollapseAll")
        collapse.clicked.connect(self.tree_collapse_all)
        self.level_spin = QSpinBox(body, objectName="outlineLevel")
        self.level_spin.setRange(1, 9)
        self.level_spin.setValue(2)
        self.level_spin.valueChanged.connect(self.expand_to_level)
        self.level_spin.editingFinished.connect(lambda: self.expand_to_level(self.level_spin.value()))
        self.edit_button = QToolButton(body, objectName="outlineEdit")
        self.edit_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.edit_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        for widget in (expand, collapse, self.level_spin):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.edit_button)
        return row

    def retranslate_ui(self) -> None:
        """Every text of the pane in the UI language (again on a language change)."""
        self.setWindowTitle(self.tr("Outline"))
        self.tree.setAccessibleName(self.tr("Outline"))
        self.filter_edit.setPlaceholderText(self.tr("Filter headings…"))
        self.expand_button.setText(self.tr("Expand all"))
        self.collapse_button.setText(self.tr("Collapse all"))
        self.level_spin.setPrefix(self.tr("Level "))
        self.level_spin.setToolTip(self.tr("Expand to this level"))
        self.edit_button.setToolTip(self.tr("Correct the outline"))
        self.edit_button.setText(self.tr("Edit") + " ▾")
        self.promote_action.setText(self.tr("Promote"))
        self.demote_action.setText(self.tr("Demote"))
        self.remove_action.setText(self.tr("Remove from outline"))
        self.reset_action.setText(self.tr("Forget my corrections"))
        self.rules_action.setText(self.tr("Chapter Rules…"))
        self._edit_mark_menu.setTitle(self.tr("Mark line as heading"))
        for level, action in zip(MARK_LEVELS, self._edit_mark_menu.actions(), strict=True):
            action.setText(self.tr("Level %d") % level)
        self.no_headings_label.setText(self.tr(
            "No headings were found in this document. Chapter rules can find them: a pattern for each kind of "
            "heading line."))
        self.rules_button.setText(self.tr("Write Chapter Rules…"))
        self._show_source()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- showing an outline ---------------------------------------------------------------------

    def set_outline(self, tree: list) -> None:
        """Show `tree` (nested headings), expanded to the level control's level. A long outline fills in over a
        few event-loop turns (outlineFilled says when it is in); a short one at once."""
        self._outline = tree
        self._forget_current()
        self._expanded_before_filter = None
        self.filter_edit.clear()
        if self.model.set_outline(tree, later=self._filled_later):
            self._show_filled()

    def _filled_later(self) -> None:
        self._show_filled()
        self._badge_timer.start()  # counted while the model was empty: again, in a turn of its own
        QTimer.singleShot(0, self, self.outlineFilled.emit)  # then the reading position's section and breadcrumb

    def _show_filled(self) -> None:
        """The model holds the new outline: expand it and say where it came from."""
        self.expand_to_level(self.level_spin.value())
        self._show_source()
        note = getattr(self.session.loaded, "outline_note", None) if self.session and self.session.loaded else None
        if note:
            self._tell(self.tr("Chapter rules not used (automatic detection instead): %s") % note)

    def outline_source(self):
        """What produced the outline shown (reader.outline.loading.OutlineSource), or None."""
        editor = self._editor()
        return getattr(editor, "source", None) if editor is not None else None

    def _show_source(self) -> None:
        """Say which convention or rule set produced the outline; offer the rule editor instead of nothing."""
        source = self.outline_source() if self._document is not None else None
        if source is None:
            self.source_label.hide()
            self.no_headings.hide()
            self.tree.show()
            return
        if source.kind == "rules":
            text = self.tr("Outline: rule set “%s”") % convention_label(source.name)
        else:
            text = self.tr("Outline: %s") % convention_label(source.name)
        self.source_label.setText(text)
        self.source_label.show()
        document = self._document
        offer = (not self._outline and source.kind == "convention" and document.kind == "text"
                 and len(document.text) >= LONG_DOCUMENT_CHARS)
        self.no_headings.setVisible(offer)
        self.tree.setVisible(not offer)

    def open_rules_editor(self):
        """Open (or raise) the chapter rules editor on the open document."""
        from reader.ui.outline.rules_dialog import RulesDialog

        if self._rules_dialog is None:
            self._rules_dialog = RulesDialog(self.session, parent=self.window())
            self._rules_dialog.jumpRequested.connect(self.headingActivated)
            self._rules_dialog.outlineChosen.connect(self.adopt_outline)
        else:
            self._rules_dialog.load_choice()
        if self._rules_dialog.isVisible():
            self._rules_dialog.raise_()
            self._rules_dialog.activateWindow()
        self._rules_dialog.show()
        return self._rules_dialog

    def adopt_outline(self, headings: list, source) -> None:
        """Show `headings` (flat, found by `source`) as the open document's outline, with its corrections."""
        session = self.session
        loaded = session.loaded if session is not None else None
        if loaded is None:
            return
        editor = CorrectionEditor(loaded.document, headings)
        editor.source = source
        loaded.editor, loaded.outline, loaded.source, loaded.outline_note = editor, editor.nested(), source, None
        session.outlineChanged.emit(loaded.outline)
        self.outlineChanged.emit()

    def set_document(self, document) -> None:
        """The document the outline belongs to: its corrections and its bookmarks' counts."""
        self._document = document
        self.refresh_badges()
        self._update_actions()
        self._show_source()

    def outline(self) -> list:
        """The nested outline shown, corrections included."""
        return self._outline

    def tree_expand_all(self) -> None:
        self.tree.expandAll()

    def tree_collapse_all(self) -> None:
        self.tree.collapseAll()

    def expand_to_level(self, level: int) -> None:
        """Show headings down to `level`, with deeper ones folded (and entries collapsed by default hidden)."""
        self.tree.collapseAll()
        if level > 1:
            self.tree.expandToDepth(level - 2)
        self._fold_collapsed()

    def _fold_collapsed(self) -> None:
        """Fold the entries whose children are all collapsed by default (a regulation's articles)."""
        for item in self.model.items_in_order():
            if item.hasChildren() and all(item.child(row).data(COLLAPSED_ROLE) for row in range(item.rowCount())):
                index = self.proxy.mapFromSource(item.index())
                if index.isValid():
                    self.tree.collapse(index)

    def refresh_badges(self) -> None:
        """Count the document's bookmarks per section (again whenever the session's bookmarksChanged)."""
        document = self._document
        if document is None:
            offsets = []
        elif self.session is not None:
            offsets = self.session.bookmark_offsets(document)  # what the bookmarks pane read: the store is read once
            if offsets is None:
                return  # not read yet: bookmarksChanged brings us here again
        else:
            offsets = sorted(_bookmark_offsets(document))
        self._bookmark_offsets = offsets
        self.model.set_badges(_counts_by_section(self.model.offsets(), offsets))

    # --- corrections ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.promote_action = self._tree_action(
            self.tr("Promote"), "Ctrl+Shift+Left", lambda: self.shift_current(-1), "outlinePromote"
        )
        self.demote_action = self._tree_action(
            self.tr("Demote"), "Ctrl+Shift+Right", lambda: self.shift_current(+1), "outlineDemote"
        )
        self.remove_action = self._tree_action(
            self.tr("Remove from outline"), QKeySequence.StandardKey.Delete, self.remove_current, "outlineRemove"
        )
        self.reset_action = QAction(self.tr("Forget my corrections"), self, objectName="outlineReset")
        self.reset_action.triggered.connect(self.reset_corrections)
        self.rules_action = QAction(self, objectName="outlineChapterRules")
        self.rules_action.triggered.connect(self.open_rules_editor)
        menu = QMenu(self.edit_button)
        self._edit_mark_menu = self._mark_menu(menu, lambda: self._cursor_offset())
        menu.addMenu(self._edit_mark_menu)
        for action in (self.promote_action, self.demote_action, self.remove_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.reset_action)
        menu.addAction(self.rules_action)
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

    def _editor(self) -> CorrectionEditor | None:
        """The open document's corrections editor (None: no document, or no session to ask)."""
        if self._document is None or self.session is None:
            return None
        return self.session.editor

    def mark_heading(self, offset: int | None, level: int) -> bool:
        """Make the line holding `offset` a heading at `level`; False if there is no such line."""
        editor = self._editor()
        if editor is None or offset is None:
            return False
        edit = editor.mark(offset, level)
        if edit.refused == BLANK_LINE:
            self._tell(self.tr("A blank line cannot be a heading."))
            return False
        self._show_edit(edit)
        return True

    def remove_current(self) -> None:
        """Remove the tree's current entry from the outline."""
        item, editor = self._tree_item(), self._editor()
        if item is not None and editor is not None:
            self._show_edit(editor.remove(int(item.data(OFFSET_ROLE))))

    def shift_current(self, delta: int) -> None:
        """Promote (-1) or demote (+1) the tree's current entry with its subentries."""
        item, editor = self._tree_item(), self._editor()
        if item is not None and editor is not None and 1 <= int(item.data(LEVEL_ROLE)) + delta <= 9:
            self._show_edit(editor.shift(int(item.data(OFFSET_ROLE)), delta))

    def reset_corrections(self) -> None:
        """Forget this document's corrections and show the outline the engine finds."""
        editor = self._editor()
        if editor is not None:
            self._show_edit(editor.reset())

    def corrections(self) -> list[Correction]:
        editor = self._editor()
        return editor.corrections if editor is not None else []

    def _show_edit(self, edit: Edit) -> None:
        if edit.save_error is not None:
            self._tell(self.tr("Could not save the outline corrections: %s") % edit.save_error)
        if edit.changed:
            self._refresh(self._editor().nested(), edit.select)

    def _refresh(self, tree: list, select: int | None) -> None:
        """Show the corrected `tree` keeping what is open, the filter, the scroll position and the cursor."""
        expanded = self._expanded_offsets()
        current = self.tree.currentIndex()
        select = select if select is not None or not current.isValid() else int(current.data(OFFSET_ROLE))
        scroll = self.tree.verticalScrollBar().value()
        self._outline = tree
        self.model.set_outline(tree)
        self._forget_current()
        self._restore_expanded(expanded)
        if self.proxy.needle():
            self.tree.expandAll()
        self._reveal(self.model.item_starting_at(select) if select is not None else None, reading=False)
        self.tree.verticalScrollBar().setValue(scroll)
        self.refresh_badges()
        self._update_actions()
        self.outlineChanged.emit()

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
        self.reset_action.setEnabled(bool(self.corrections()))
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

    def _reveal(self, item, reading: bool = True) -> None:
        """Expand to `item` and make it the tree's current entry. `reading`: it is the section being read
        (scrolled to, and followed); else the user's place in the tree (a corrected entry), left unsynced
        so the reading line's section does not take the tree's cursor while it has focus."""
        index = self.proxy.mapFromSource(item.index()) if item is not None else QModelIndex()
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        if reading:
            self._synced_offset = item.data(OFFSET_ROLE)
        self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if reading:
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


def _counts_by_section(headings: list[int], offsets: list[int]) -> dict[int, int]:
    """How many of the sorted `offsets` fall in each heading's section (to the next heading), by heading offset."""
    counts: dict[int, int] = {}
    for index, start in enumerate(headings):
        end = headings[index + 1] if index + 1 < len(headings) else None
        count = (bisect_left(offsets, end) if end is not None else len(offsets)) - bisect_left(offsets, start)
        if count:
            counts[start] = count
    return counts


def _bookmark_offsets(document) -> list[int]:
    """Offsets of the document's bookmarks (none if the bookmark store is absent or unreadable)."""
    if not store_path().exists():
        return []
    try:
        return [mark.offset for mark in bookmarks_for(document.path)]
    except (BookmarkError, OSError):
        return []
