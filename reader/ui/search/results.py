"""The search results: a lazy model (documents > sections > hits) and the delegate that draws its rows."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.documents.names import display_name, path_key
from reader.outline.sections import SEPARATOR
from reader.search import SearchResponse

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # (path_key(path), offset, length) on hit rows
PARTS_ROLE = Qt.ItemDataRole.UserRole + 2  # (before, match, after) on hit rows
TITLE_ROLE = Qt.ItemDataRole.UserRole + 3  # the title of a document or section row
COUNT_ROLE = Qt.ItemDataRole.UserRole + 4  # its hits
TEXT_MARGIN = 3  # pixels between a row's text and its edges
COUNT_GAP = 12  # pixels between a title and its count
_ROOT = QModelIndex()
_DOC = 0  # the internal id of document rows; sections: 1 + document row; hits: 1 + documents + section number


@dataclass
class _Section:
    doc: int  # the document's row
    row: int  # the section's row under it
    label: str
    hits: list[int]  # indexes into the document's hits
    first: int = 0  # the number of its first hit among every listed hit
    number: int = 0  # its place among every section


@dataclass
class _Doc:
    result: object  # DocumentResult
    title: str
    key: str
    sections: list[_Section] = field(default_factory=list)


class ResultsModel(QAbstractItemModel):
    """Documents > sections > hits of one response. Rows are made when the view asks for them, so listing
    30,000 hits costs their grouping, not 30,000 snippets. Documents and sections carry their titles and hit
    counts (TITLE_ROLE, COUNT_ROLE); hits their snippet in parts (PARTS_ROLE) and where they are (HIT_ROLE)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._docs: list[_Doc] = []
        self._sections: list[_Section] = []  # every section, in display order
        self._firsts: list[int] = []  # their first hits' numbers

    def clear(self) -> None:
        self.set_results(None)

    def set_results(self, response: SearchResponse | None) -> None:
        self.beginResetModel()
        self._docs, self._sections = [], []
        for result in response.results if response is not None else []:
            doc = _Doc(result, display_name(result.title), path_key(result.path))
            groups: dict[str, _Section] = {}
            for number, section in enumerate(_sections_of(result.hits)):
                group = groups.get(section)
                if group is None:
                    label = self._section_label(section, result.title)
                    group = groups[section] = _Section(len(self._docs), len(groups), label, [])
                    doc.sections.append(group)
                group.hits.append(number)
            self._docs.append(doc)
            self._sections.extend(doc.sections)
        total = 0
        for number, section in enumerate(self._sections):
            section.first, section.number, total = total, number, total + len(section.hits)
        self._firsts = [section.first for section in self._sections]
        self.endResetModel()

    def _section_label(self, section: str, title: str) -> str:
        """The section's heading path without the document's title (its row is right above)."""
        if section == title:
            return self.tr("(under the title)")
        if section.startswith(title + SEPARATOR):
            section = section[len(title + SEPARATOR):]
        return section or self.tr("(before the first heading)")

    # -- the tree ---------------------------------------------------------------------------
    def index(self, row: int, column: int = 0, parent=_ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _DOC) if row < len(self._docs) else QModelIndex()
        kind = parent.internalId()
        if kind == _DOC:
            sections = self._docs[parent.row()].sections
            return self.createIndex(row, 0, 1 + parent.row()) if row < len(sections) else QModelIndex()
        section = self._section(parent)
        if section is None or row >= len(section.hits):
            return QModelIndex()
        return self.createIndex(row, 0, 1 + len(self._docs) + section.number)

    def _section(self, index: QModelIndex) -> _Section | None:
        """The section a section row stands for."""
        kind = index.internalId()
        if 0 < kind <= len(self._docs):
            return self._docs[kind - 1].sections[index.row()]
        return None

    def parent(self, index=None):  # the model's parent(index); without an index, QObject's parent
        if index is None:
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        kind = index.internalId()
        if kind == _DOC:
            return QModelIndex()
        if kind <= len(self._docs):
            return self.createIndex(kind - 1, 0, _DOC)
        section = self._sections[kind - 1 - len(self._docs)]
        return self.createIndex(section.row, 0, 1 + section.doc)

    def rowCount(self, parent=_ROOT) -> int:
        if not parent.isValid():
            return len(self._docs)
        kind = parent.internalId()
        if kind == _DOC:
            return len(self._docs[parent.row()].sections)
        section = self._section(parent)
        return len(section.hits) if section is not None else 0

    def columnCount(self, parent=_ROOT) -> int:
        return 1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        kind = index.internalId()
        if kind == _DOC:
            doc = self._docs[index.row()]
            return _counted_data(role, doc.title, len(doc.result.hits), display_name(doc.result.path))
        if kind <= len(self._docs):
            section = self._section(index)
            return _counted_data(role, section.label, len(section.hits), section.label)
        section = self._sections[kind - 1 - len(self._docs)]
        doc = self._docs[section.doc]
        hit = doc.result.hits[section.hits[index.row()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return hit.snippet
        if role == HIT_ROLE:
            return (doc.key, hit.offset, hit.length)
        if role == PARTS_ROLE:
            return (hit.before, hit.match, hit.after)
        return None

    # -- hits in display order --------------------------------------------------------------
    def hit_count(self) -> int:
        """How many hits are listed."""
        return sum(len(section.hits) for section in self._sections)

    def hit_number(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """The place (from 0) of hit row `index` among every listed hit; -1 for another row."""
        kind = index.internalId() if index.isValid() else _DOC
        if kind <= len(self._docs):
            return -1
        return self._sections[kind - 1 - len(self._docs)].first + index.row()

    def hit_at(self, number: int) -> QModelIndex:
        """The row of the listed hit number `number` (from 0)."""
        place = bisect.bisect_right(self._firsts, number) - 1  # sections are never empty
        section = self._sections[place]
        return self.createIndex(number - section.first, 0, 1 + len(self._docs) + place)

    def hit_indexes(self) -> list[QModelIndex]:
        """Every hit row, in display order."""
        return [self.hit_at(number) for number in range(self.hit_count())]

    def section_indexes(self) -> list[QModelIndex]:
        """Every document row, each followed by its section rows (the rows to expand)."""
        out: list[QModelIndex] = []
        for row, doc in enumerate(self._docs):
            out.append(self.createIndex(row, 0, _DOC))
            out.extend(self.createIndex(section.row, 0, 1 + row) for section in doc.sections)
        return out


def _sections_of(hits) -> list[str]:
    """The section of every hit, without making the hits (their snippets) when the list can say."""
    spans, section_at = getattr(hits, "spans", None), getattr(hits, "section_at", None)
    if spans is not None and section_at is not None:
        return [section_at(offset) for offset, _length in spans]
    return [hit.section for hit in hits]


def _counted_data(role: int, title: str, count: int, tooltip: str):
    if role == Qt.ItemDataRole.DisplayRole:
        return f"{title} ({count})"  # what accessibility and a copy see; the delegate draws the parts
    if role == TITLE_ROLE:
        return title
    if role == COUNT_ROLE:
        return count
    if role == Qt.ItemDataRole.ToolTipRole:
        return tooltip
    return None


class ResultDelegate(QStyledItemDelegate):
    """One line per row. A hit keeps its match in view at any width: the left context is elided at its
    start ("…"), the right one at its end. A document or section elides its title, never its count."""

    def _fonts(self, font: QFont) -> tuple[QFont, QFont]:
        bold = QFont(font)
        bold.setBold(True)
        return font, bold

    def elided_parts(self, font: QFont, width: int, parts: tuple[str, str, str]) -> tuple[str, str, str]:
        """(before, match, after) as shown in `width` pixels: the match whole if it fits, as much context
        before it as leaves room for the context after (at most a third of the row when space is short)."""
        before, match, after = parts
        plain, bold = (QFontMetrics(f) for f in self._fonts(font))
        match_width = bold.horizontalAdvance(match)
        if match_width >= width:
            return "", bold.elidedText(match, Qt.TextElideMode.ElideRight, width), ""
        room = width - match_width
        budget = min(plain.horizontalAdvance(before), max(room - plain.horizontalAdvance(after), room // 3))
        shown_before = plain.elidedText(before, Qt.TextElideMode.ElideLeft, budget) if budget > 0 else ""
        if shown_before == "…" and before != "…":
            shown_before = ""  # an ellipsis alone says nothing
        room -= plain.horizontalAdvance(shown_before)
        return shown_before, match, plain.elidedText(after, Qt.TextElideMode.ElideRight, max(0, room))

    def text_rect(self, option: QStyleOptionViewItem, index: QModelIndex) -> QRect:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        style = options.widget.style() if options.widget else QApplication.style()
        return style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, options, options.widget)

    def shown_text(self, option: QStyleOptionViewItem, index: QModelIndex) -> str:
        """The row's text as painted at `option.rect` (for tests and accessibility)."""
        width = self.text_rect(option, index).width() - 2 * TEXT_MARGIN
        parts = index.data(PARTS_ROLE)
        if parts:
            return "".join(self.elided_parts(option.font, width, parts))
        title, count = index.data(TITLE_ROLE), index.data(COUNT_ROLE)
        if title is None:
            return index.data() or ""
        count_text, metrics = f"{count}", QFontMetrics(option.font)
        room = width - metrics.horizontalAdvance(count_text) - COUNT_GAP
        return f"{metrics.elidedText(title, Qt.TextElideMode.ElideRight, max(0, room))} {count_text}"

    def paint(self, painter, option, index) -> None:
        parts, title = index.data(PARTS_ROLE), index.data(TITLE_ROLE)
        if parts is None and title is None:
            return super().paint(painter, option, index)
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        rect = self.text_rect(option, index).adjusted(TEXT_MARGIN, 0, -TEXT_MARGIN, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(option.palette.color(role))
        if parts is not None:
            self._paint_hit(painter, rect, option.font, parts)
        else:
            self._paint_counted(painter, rect, option, title, index.data(COUNT_ROLE), selected)
        painter.restore()

    def _paint_hit(self, painter, rect: QRect, font: QFont, parts: tuple[str, str, str]) -> None:
        x = rect.left()
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        plain, bold = self._fonts(font)
        for text, face in zip(self.elided_parts(font, rect.width(), parts), (plain, bold, plain), strict=True):
            if not text:
                continue
            painter.setFont(face)
            width = QFontMetrics(face).horizontalAdvance(text)
            painter.drawText(QRect(x, rect.top(), width + 1, rect.height()), flags, text)
            x += width

    def _paint_counted(self, painter, rect: QRect, option, title: str, count: int, selected: bool) -> None:
        metrics = QFontMetrics(option.font)
        count_text = f"{count}"
        count_width = metrics.horizontalAdvance(count_text)
        room = max(0, rect.width() - count_width - COUNT_GAP)
        painter.setFont(option.font)
        painter.drawText(QRect(rect.left(), rect.top(), room, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight, room))
        if not selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(QRect(rect.right() - count_width, rect.top(), count_width + 1, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, count_text)

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        bold = QFontMetrics(self._fonts(option.font)[1])
        return QSize(min(hint.width(), 120), max(hint.height(), bold.height() + 4))


