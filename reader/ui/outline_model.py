"""A Qt item model that adapts the outline's nested plain data, and a filter that keeps ancestors."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1
LENGTH_ROLE = Qt.ItemDataRole.UserRole + 2
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 3
TITLE_ROLE = Qt.ItemDataRole.UserRole + 4


class OutlineModel(QStandardItemModel):
    """One item per heading; children nest as in the outline tree."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[QStandardItem] = []
        self._counts: dict[int, int] = {}

    def set_outline(self, tree: list) -> None:
        """Replace the model's rows with `tree` (nested headings with .children)."""
        self.clear()
        self._items = []
        self._append(self.invisibleRootItem(), tree)

    def _append(self, parent: QStandardItem, headings: list) -> None:
        for heading in headings:
            item = QStandardItem(heading.title)
            item.setEditable(False)
            item.setToolTip(f"{heading.title}\n(line {heading.line})")
            item.setData(heading.offset, OFFSET_ROLE)
            item.setData(heading.length, LENGTH_ROLE)
            item.setData(heading.level, LEVEL_ROLE)
            item.setData(heading.title, TITLE_ROLE)
            parent.appendRow(item)
            self._items.append(item)
            self._append(item, heading.children)

    def items_in_order(self) -> list[QStandardItem]:
        """Every heading item in document order."""
        return list(self._items)

    def offsets(self) -> list[int]:
        return [item.data(OFFSET_ROLE) for item in self._items]

    def set_badges(self, counts: dict[int, int]) -> None:
        """Show a count (e.g. bookmarks) after each heading, keyed by the heading's offset."""
        for item in self._items:
            title = item.data(TITLE_ROLE)
            count = counts.get(item.data(OFFSET_ROLE), 0)
            item.setText(f"{title}  ({count})" if count else title)


class OutlineFilter(QSortFilterProxyModel):
    """Keeps headings whose title contains the filter text, with their ancestors and descendants."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(TITLE_ROLE)

    def source_item(self, index: QModelIndex) -> QStandardItem | None:
        source = self.mapToSource(index)
        model = self.sourceModel()
        return model.itemFromIndex(source) if source.isValid() else None
