"""The outline pane: the heading tree, a filter, expand controls and the current section."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.outline.corrections import Correction, load_corrections
from reader.ui.outline.corrections import OutlineCorrectionsMixin
from reader.ui.outline.model import LENGTH_ROLE, OFFSET_ROLE, TITLE_ROLE, OutlineFilter, OutlineModel

class OutlineTree(QTreeView):
    """The heading tree; Enter activates like a click."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class OutlinePane(OutlineCorrectionsMixin, QDockWidget):
    """Shows a document's outline; activating an entry asks to jump to (offset, length)."""

    headingActivated = Signal(int, int)
    outlineChanged = Signal()  # after a correction: the window re-syncs its breadcrumb
    message = Signal(str, int)  # for the status bar: text, milliseconds

    def __init__(self, session=None, parent: QWidget | None = None) -> None:
        """`session` (a ReadingSession): the document to follow, its text cursor and its bookmarks' counts."""
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
        self._badge_timer = QTimer(self, singleShot=True, interval=0)
        self._badge_timer.timeout.connect(self.refresh_badges)
        self.session = session
        self.setWidget(self._build())
        self._build_actions()
        self.tree.selectionModel().currentChanged.connect(self._update_actions)
        if session is not None:
            session.documentChanged.connect(self.set_document)
            session.bookmarksChanged.connect(self._badge_timer.start)

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
        self.refresh_badges()
        self._update_actions()

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
