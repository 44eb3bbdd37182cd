"""A Qt item model that adapts the outline's nested plain data, and a folding filter that keeps ancestors."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from reader.outline.sections import section_index
from reader.text import fold
from reader.text.script import convert_text
from reader.ui.views.plain import plain_tooltip

OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1
LENGTH_ROLE = Qt.ItemDataRole.UserRole + 2
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 3
TITLE_ROLE = Qt.ItemDataRole.UserRole + 4
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 5
LINE_ROLE = Qt.ItemDataRole.UserRole + 6
COLLAPSED_ROLE = Qt.ItemDataRole.UserRole + 7  # the heading is folded away by default (a regulation's articles)
SHOWN_TITLE_ROLE = Qt.ItemDataRole.UserRole + 8  # the title in the Chinese script the document is shown in
TITLES_PER_TURN = 300  # a new script re-titles this many headings per turn of the event loop
SLICED_FROM = 400  # headings: a longer outline may be built across event-loop turns (set_outline)
SLICE_S = 0.008  # building items this long, then the event loop runs


class OutlineModel(QStandardItemModel):
    """One item per heading; children nest as in the outline tree. The current section shows in bold.
    Titles show in the document's Chinese script (set_script); TITLE_ROLE keeps them as written."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[QStandardItem] = []
        self._offsets: list[int] = []
        self._counts: dict[int, int] = {}
        self._marked: QStandardItem | None = None
        self.script = "as-written"
        self._shown: dict[str, str] = {}  # title as written -> as shown, while building
        self._retitling = 0  # counts re-titling passes, so a newer outline or script stops an older one
        self._pending: list[tuple[QStandardItem, str, str]] = []  # (item, title, as shown) left to re-title
        self._filling = 0  # the number of the latest fill: a later set_outline drops an unfinished one

    def set_outline(self, tree: list, later: Callable[[], None] | None = None) -> bool:
        """Replace the model's rows with `tree` (nested headings with .children); badges are kept. True when
        done at once; with `later`, an outline of more than SLICED_FROM headings is built across event-loop
        turns instead (the UI thread never stalls on it), put in complete, and `later` is called then (the
        model is empty until then)."""
        self._filling += 1
        self._retitling += 1
        self._pending = []
        self._clear()
        self._shown = dict(zip(*self._converted(_titles(tree)), strict=True))
        fill = _Fill(tree)
        if later is not None and _count(tree) > SLICED_FROM:
            self._fill_in_slices(self._filling, fill, later)
            return False
        self._build_some(fill, None)
        self._adopt(fill)
        return True

    def _fill_in_slices(self, filling: int, fill: _Fill, later: Callable[[], None]) -> None:
        """Build for SLICE_S a turn; then, each in a turn of its own, put the items in and call `later`."""
        if filling != self._filling:
            return  # another outline came meanwhile
        if fill.pending:
            self._build_some(fill, time.perf_counter() + SLICE_S)
        elif fill.items is not self._items:
            self._adopt(fill)
        else:
            later()
            return
        QTimer.singleShot(0, self, lambda: self._fill_in_slices(filling, fill, later))

    def _build_some(self, fill: _Fill, deadline: float | None) -> bool:
        """Build the items of `fill`'s next top-level headings until `deadline` (None: all); True when done."""
        shown, self._items = self._items, fill.items  # _build collects the items it makes in self._items
        try:
            while fill.pending and (deadline is None or time.perf_counter() < deadline):
                fill.rows += self._build([fill.pending.pop()])
        finally:
            self._items = shown
        return not fill.pending

    def _clear(self) -> None:
        self.setRowCount(0)  # not clear(): with the tree expanded, that takes ~1 s for 2,760 headings
        self._items, self._offsets, self._marked = [], [], None

    def _adopt(self, fill: _Fill) -> None:
        if fill.rows:
            self.invisibleRootItem().appendRows(fill.rows)  # one insertion: the view updates once, not per heading
        self._items = fill.items
        self._offsets = [item.data(OFFSET_ROLE) for item in self._items]
        if self._counts:  # the new items show their bare titles
            self.set_badges(self._counts)

    def set_script(self, script: str) -> None:
        """Show the titles in `script` (reader.text.script.SCRIPTS)."""
        if script != self.script:
            self.script = script
            self._show_titles()

    def _converted(self, titles: list[str]) -> tuple[list[str], list[str]]:
        """`titles` and the same in the model's script, in one conversion."""
        if self.script == "as-written":
            return titles, titles
        shown = convert_text("\n".join(titles), self.script).split("\n")
        return titles, shown if len(shown) == len(titles) else [convert_text(t, self.script) for t in titles]

    def retitling(self) -> bool:
        """Whether a new script's titles are still being set (a slice per turn of the event loop)."""
        return bool(self._pending)

    def _show_titles(self) -> None:
        """Every item's shown title, tooltip and filter key in the model's script, TITLES_PER_TURN items a
        turn with the model's signals held; then the views and the filter hear of it once per parent, not
        four times per heading (1,000 headings at once held the UI thread ~50 ms)."""
        titles, shown = self._converted([item.data(TITLE_ROLE) for item in self._items])
        self._retitling += 1
        self._pending = list(zip(self._items, titles, shown, strict=True))
        self._retitle_slice(self._retitling)

    def _retitle_slice(self, pass_number: int) -> None:
        if pass_number != self._retitling:
            return
        work, self._pending = self._pending[:TITLES_PER_TURN], self._pending[TITLES_PER_TURN:]
        blocked = self.blockSignals(True)
        try:
            for item, title, converted in work:
                _show_title(item, title, converted)
                count = self._counts.get(item.data(OFFSET_ROLE), 0)
                if count:
                    item.setText(f"{converted}  ({count})")
        finally:
            self.blockSignals(blocked)
        if self._pending:
            QTimer.singleShot(0, self, lambda: self._retitle_slice(pass_number))
        else:
            self._announce(self.invisibleRootItem())

    def _announce(self, parent: QStandardItem) -> None:
        """Say dataChanged for the children of `parent`, and theirs."""
        rows = parent.rowCount()
        if not rows:
            return
        self.dataChanged.emit(parent.child(0).index(), parent.child(rows - 1).index())
        for row in range(rows):
            self._announce(parent.child(row))

    def _build(self, headings: list) -> list[QStandardItem]:
        """Items for `headings` with their children attached (not yet in the model), in document order."""
        rows = []
        for heading in headings:
            item = QStandardItem(heading.title)
            item.setEditable(False)
            _show_title(item, heading.title, self._shown.get(heading.title, heading.title), heading.line)
            for role, value in (
                (OFFSET_ROLE, heading.offset), (LENGTH_ROLE, heading.length), (LEVEL_ROLE, heading.level),
                (TITLE_ROLE, heading.title), (LINE_ROLE, heading.line),
                (COLLAPSED_ROLE, bool(getattr(heading, "collapsed", False))),
            ):
                item.setData(value, role)
            self._items.append(item)
            children = self._build(heading.children)
            if children:
                item.appendRows(children)
            rows.append(item)
        return rows

    def items_in_order(self) -> list[QStandardItem]:
        """Every heading item in document order."""
        return list(self._items)

    def offsets(self) -> list[int]:
        return list(self._offsets)

    def item_at(self, offset: int) -> QStandardItem | None:
        """The item of the last heading at or before `offset` (the section holding it)."""
        position = section_index(self._offsets, offset)
        return self._items[position] if position >= 0 else None

    def item_starting_at(self, offset: int) -> QStandardItem | None:
        item = self.item_at(offset)
        return item if item is not None and item.data(OFFSET_ROLE) == offset else None

    def mark(self, item: QStandardItem | None) -> None:
        """Show `item` (the current section) in bold, and the previous one no longer."""
        if self._marked is not None:
            self._marked.setData(None, Qt.ItemDataRole.FontRole)
        self._marked = item
        if item is not None:
            font = QFont()
            font.setBold(True)
            item.setData(font, Qt.ItemDataRole.FontRole)

    def set_badges(self, counts: dict[int, int]) -> None:
        """Show a count (e.g. bookmarks) after each heading, keyed by the heading's offset."""
        self._counts = dict(counts)
        for item in self._items:
            title = item.data(SHOWN_TITLE_ROLE) or item.data(TITLE_ROLE)
            count = counts.get(item.data(OFFSET_ROLE), 0)
            text = f"{title}  ({count})" if count else title
            if item.text() != text:
                item.setText(text)


def _titles(headings: list) -> list[str]:
    """Every title in the nested `headings`, in document order."""
    titles = []
    for heading in headings:
        titles.append(heading.title)
        titles += _titles(heading.children)
    return titles


def _show_title(item: QStandardItem, title: str, shown: str, line: int | None = None) -> None:
    """Give `item` its title as shown, a tooltip, and a filter key that matches the title in either script."""
    line = item.data(LINE_ROLE) if line is None else line
    item.setData(shown, SHOWN_TITLE_ROLE)
    item.setText(shown)
    item.setToolTip(plain_tooltip(f"{shown}\n(line {line})"))
    item.setData(fold(title) if shown == title else f"{fold(title)}\x00{fold(shown)}", FOLDED_ROLE)


class _Fill:
    """An outline's items being built: the top-level headings still to do, and what is built."""

    def __init__(self, tree: list) -> None:
        self.pending = list(reversed(tree))  # popped from the end: document order
        self.rows: list[QStandardItem] = []  # the top-level items, their children attached
        self.items: list[QStandardItem] = []  # every item, in document order


def _count(tree: list) -> int:
    return sum(1 + _count(heading.children) for heading in tree)


class OutlineFilter(QSortFilterProxyModel):
    """Keeps headings whose title contains the filter text (ignoring case, width and 繁/简), with ancestors."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setRecursiveFilteringEnabled(True)

    def set_needle(self, text: str) -> None:
        needle = fold(text.strip())
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange()

    def needle(self) -> str:
        return self._needle

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if not self._needle:
            return True  # no lookup per row: a long outline goes in faster
        return self._needle in (self.sourceModel().index(row, 0, parent).data(FOLDED_ROLE) or "")

    def matches(self, index: QModelIndex) -> bool:
        """Whether the proxy row `index` matches itself (rather than being kept as an ancestor)."""
        return bool(self._needle) and self._needle in (index.data(FOLDED_ROLE) or "")

    def source_item(self, index: QModelIndex) -> QStandardItem | None:
        source = self.mapToSource(index)
        model = self.sourceModel()
        return model.itemFromIndex(source) if source.isValid() else None
