"""The outline pane: the heading tree, a filter, expand controls, and the current section."""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
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

from reader.ui.outline_model import LENGTH_ROLE, OFFSET_ROLE, OutlineFilter, OutlineModel


class OutlineTree(QTreeView):
    """The heading tree; Enter activates like a click."""

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class OutlinePane(QDockWidget):
    """Shows a document's outline; activating an entry asks to jump to (offset, length)."""

    headingActivated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Outline"), parent)
        self.setObjectName("outlinePane")
        self.model = OutlineModel(self)
        self.proxy = OutlineFilter(self)
        self.proxy.setSourceModel(self.model)
        self._current_item = None
        self.setWidget(self._build())

    def _build(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.filter_edit = QLineEdit(body)
        self.filter_edit.setObjectName("outlineFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter headings…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        layout.addWidget(self.filter_edit)
        layout.addLayout(self._build_controls(body))
        self.tree = OutlineTree(body)
        self.tree.setObjectName("outlineTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.tr("Outline"))
        self.tree.clicked.connect(self._activate)
        self.tree.activated.connect(self._activate)
        layout.addWidget(self.tree)
        return body

    def _build_controls(self, body: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
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
        for widget in (expand, collapse, self.level_spin):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def set_outline(self, tree: list) -> None:
        """Show `tree` (nested headings), expanded to level 2."""
        self.model.set_outline(tree)
        self._current_item = None
        self._offsets = self.model.offsets()
        self.filter_edit.clear()
        self.expand_to_level(self.level_spin.value())

    def tree_expand_all(self) -> None:
        self.tree.expandAll()

    def tree_collapse_all(self) -> None:
        self.tree.collapseAll()

    def expand_to_level(self, level: int) -> None:
        """Show headings down to `level`, with deeper ones folded."""
        self.tree.collapseAll()
        if level > 1:
            self.tree.expandToDepth(level - 2)

    def _apply_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.tree.expandAll()

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.headingActivated.emit(int(index.data(OFFSET_ROLE)), int(index.data(LENGTH_ROLE)))

    def current_item(self):
        """The item of the section the reader is in, if any."""
        return self._current_item

    def heading_at(self, offset: int):
        """The item of the last heading at or before `offset`."""
        items = self.model.items_in_order()
        position = bisect_right(getattr(self, "_offsets", []), offset) - 1
        return items[position] if position >= 0 else None

    def sync_to_offset(self, offset: int) -> None:
        """Highlight the section holding `offset` and open its parents, without jumping."""
        item = self.heading_at(offset)
        if item is self._current_item:
            return
        self._current_item = item
        if item is None:
            self.tree.selectionModel().clearSelection()
            return
        index = self.proxy.mapFromSource(item.index())
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.tree.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def section_path(self, offset: int) -> list[tuple[str, int, int]]:
        """(title, offset, length) of the section holding `offset` and its ancestors, outermost first."""
        item = self.heading_at(offset)
        path = []
        while item is not None:
            path.append((item.data(Qt.ItemDataRole.UserRole + 4), item.data(OFFSET_ROLE), item.data(LENGTH_ROLE)))
            item = item.parent()
        return list(reversed(path))
