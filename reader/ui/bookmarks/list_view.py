"""The bookmarks list: a lazy model, a delegate drawing quote and note on two lines, and an empty state."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.bookmarks import Bookmark
from reader.documents.names import display_name
from reader.ui.bookmarks.styles import SWATCH_SIZE, paint_swatch
from reader.ui.views.plain import plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole
BOOKMARK_ROLE = Qt.ItemDataRole.UserRole + 1
ORPHAN_COLOR = QColor("#9a9a9a")
PADDING = 4


def _flat(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _label(bookmark: Bookmark, all_documents: bool) -> str:
    """The row as one line of text (what screen readers and the filter tests read)."""
    quote = _flat(bookmark.quote, 80) or "(position)"
    parts = [f"“{quote}”"]
    if bookmark.note:
        parts.append(f"— {' '.join(bookmark.note.split())}")
    if all_documents:
        parts.append(f"[{display_name(Path(bookmark.path).name)}]")
    if bookmark.status == "orphaned":
        parts.insert(0, "⚠ orphaned:")
    return " ".join(parts)


def local_time(stamp: str) -> str:
    """An ISO 8601 time as the reader's local "YYYY-MM-DD HH:MM" (the text itself if it is not one)."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def order_key(order: str):
    if order == "date":
        return lambda b: (b.created, b.id)
    return lambda b: (b.path, b.offset, b.created)


class BookmarkListModel(QAbstractListModel):
    """The listed bookmarks, sorted and filtered here; a row's text and tooltip are made only when Qt
    asks for that row, so 100,000 bookmarks cost a list, not 100,000 items."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bookmarks: list[Bookmark] = []
        self._haystacks: list[str] | None = None  # casefolded quote and note, made on the first filter
        self._rows: list[int] | None = None  # indexes of the bookmarks the filter keeps; None: all
        self._needle = ""
        self._count = 0
        self.all_documents = False

    def set_bookmarks(self, bookmarks: list[Bookmark], all_documents: bool) -> None:
        self.beginResetModel()
        self._bookmarks, self.all_documents, self._haystacks = bookmarks, all_documents, None
        self._rows = self._kept()
        self._count = len(bookmarks) if self._rows is None else len(self._rows)
        self.endResetModel()

    def set_order(self, order: str) -> None:
        self.set_bookmarks(sorted(self._bookmarks, key=order_key(order), reverse=order == "date"), self.all_documents)

    @property
    def needle(self) -> str:
        return self._needle

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

    def tooltip(self, bookmark: Bookmark) -> str:
        """The section the bookmark is in, when it was made, and its whole note."""
        lines = [self.tr("Section: %s") % (bookmark.heading_path or self.tr("(before the first heading)"))]
        if self.all_documents:
            lines.append(self.tr("Document: %s") % display_name(Path(bookmark.path).name))
        lines.append(self.tr("Added: %s") % local_time(bookmark.created))
        if bookmark.status == "orphaned":
            lines.append(self.tr("Its passage was not found in the current text."))
        if bookmark.note:
            lines += ["", bookmark.note]
        return plain_tooltip("\n".join(lines))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        bookmark = self.bookmark(index.row()) if index.isValid() else None
        if bookmark is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _label(bookmark, self.all_documents)
        if role == ID_ROLE:
            return bookmark.id
        if role == BOOKMARK_ROLE:
            return bookmark
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(bookmark)
        if bookmark.status == "orphaned" and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if bookmark.status == "orphaned" and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ORPHAN_COLOR)
        return None


class BookmarkDelegate(QStyledItemDelegate):
    """Draws a row as a swatch (colour and style), the quote on the first line and the note (or, with
    none, the section) on the second, each elided; every row is the same height."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(100, 2 * QFontMetrics(option.font).lineSpacing() + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        bookmark: Bookmark | None = index.data(BOOKMARK_ROLE)
        if bookmark is None:
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text, item.icon = "", QIcon()
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        metrics = QFontMetrics(option.font)
        line = metrics.lineSpacing()
        paint_swatch(painter, QRectF(rect.left(), rect.top() + (line - SWATCH_SIZE) / 2, SWATCH_SIZE, SWATCH_SIZE),
                     bookmark.color, bookmark.style)
        text_left = rect.left() + SWATCH_SIZE + 6
        width = max(0, rect.right() - text_left)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        first, second = self._lines(bookmark, index)
        painter.save()
        orphan = bookmark.status == "orphaned"
        font = QFont(option.font)
        font.setItalic(orphan)
        painter.setFont(font)
        painter.setPen(ORPHAN_COLOR if orphan and not selected else option.palette.color(group))
        painter.drawText(QRectF(text_left, rect.top(), width, line), Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(font).elidedText(first, Qt.TextElideMode.ElideRight, width))
        dim = option.palette.color(group)
        if not selected:
            dim = option.palette.color(QPalette.ColorRole.PlaceholderText) if not bookmark.note else dim
        painter.setFont(option.font)
        painter.setPen(dim)
        painter.drawText(QRectF(text_left, rect.top() + line, width, line), Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(second, Qt.TextElideMode.ElideRight, width))
        painter.restore()

    def _lines(self, bookmark: Bookmark, index: QModelIndex) -> tuple[str, str]:
        """The quote line and the note line (the section when there is no note)."""
        model = index.model()
        quote = _flat(bookmark.quote)
        first = f"“{quote}”" if quote else self.tr("(reading position)")
        if bookmark.status == "orphaned":
            first = self.tr("⚠ Orphaned: %s") % first
        second = _flat(bookmark.note) if bookmark.note else (bookmark.heading_path or "")
        if getattr(model, "all_documents", False):
            name = display_name(Path(bookmark.path).name)
            second = f"{second} · {name}" if second else name
        return first, second


class BookmarkList(QListView):
    """The list of bookmarks (uniform rows, so Qt never measures 100,000 of them); when empty it says
    what to do instead (`placeholder`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksList")
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)  # lay rows out 500 at a time between events
        self.setBatchSize(500)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegate(BookmarkDelegate(self))
        self.placeholder = ""

    def count(self) -> int:
        """Rows shown (after filtering)."""
        return self.model().rowCount() if self.model() is not None else 0

    def set_placeholder(self, text: str) -> None:
        self.placeholder = text
        self.viewport().update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.count() or not self.placeholder:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(12, 12, -12, -12)
        painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         self.placeholder)
        painter.end()
