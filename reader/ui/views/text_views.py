"""The text views: a lazy plain-text view and a rendered Markdown view, with one offset interface."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QByteArray, QEvent, QPoint, QRectF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QImage,
    QPainter,
    QPalette,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextBrowser, QTextEdit, QWidget

from reader.documents import Document
from reader.documents.render import render_markdown
from reader.text.alignment import align
from reader.text.offsets import SourceMap, Utf16Map
from reader.text.script import ScriptMap, ScriptText
from reader.ui.views.glyphs import GlyphWarmer
from reader.ui.views.markdown_style import ReadingStyle, markdown_css, shape_html
from reader.ui.views.plain_layout import HeadingFormatter, ReadingLayout, build_document
from reader.ui.views.scrollbar import MarkedScrollBar
from reader.ui.views.spans import ScrollMarks, SortedSpans

RESOURCE_LIMIT_BYTES = 32 * 1024 * 1024  # an image larger than this in a note is not shown


HIGHLIGHT_STYLES = ("highlight", "underline", "wavy", "strike", "box")  # how a layer marks its spans
BOX_PEN_WIDTH = 1.5
DARK_PAGE_LIGHTER = 140  # percent: a line or a box on a dark page is drawn this much lighter


class _Highlights:
    """One key's marked spans, sorted, with what finds those near an offset window quickly. A `box`
    layer has no character format: the view draws its rectangles over the text."""

    def __init__(self, ranges: list[tuple[int, int]] | SortedSpans, color: QColor, style: str) -> None:
        ordered = ranges if isinstance(ranges, SortedSpans) else SortedSpans.of(ranges)  # sorted on a worker?
        self.spans, self.starts, self.longest = ordered.spans, ordered.starts, ordered.longest
        self.color, self.style = QColor(color), style
        self.format = _style_format(self.color, style)
        self.dark_color = QColor(color) if style == "highlight" else QColor(color).lighter(DARK_PAGE_LIGHTER)
        self.dark_format = _style_format(self.dark_color, style)

    def look(self, dark: bool) -> tuple[QColor, QTextCharFormat]:
        """The colour and format to draw with on a dark page or a light one (lines and boxes lighter on dark)."""
        return (self.dark_color, self.dark_format) if dark else (self.color, self.format)

    def window(self, first: int, last: int) -> tuple[int, int]:
        """Indexes [low, high) of the spans that may overlap [first, last]."""
        return bisect_left(self.starts, first - self.longest), bisect_right(self.starts, last)


def _tint_format(color: QColor) -> QTextCharFormat:
    char_format = QTextCharFormat()
    background = QColor(color)
    char_format.setBackground(background)
    if background.alpha() == 255:  # an opaque tint: keep the text readable on it in any theme
        char_format.setForeground(QColor("#000000" if background.lightnessF() > 0.5 else "#ffffff"))
    return char_format


def _style_format(color: QColor, style: str) -> QTextCharFormat:
    """The character format a layer of `style` lays over its spans (`box`: none, it is painted)."""
    if style == "highlight":
        return _tint_format(color)
    char_format = QTextCharFormat()
    if style in ("underline", "wavy"):
        wave = style == "wavy"
        char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline if wave
                                      else QTextCharFormat.UnderlineStyle.SingleUnderline)
        char_format.setUnderlineColor(color)
    elif style == "strike":
        char_format.setFontStrikeOut(True)
        char_format.setForeground(color)  # the line is drawn with the text's pen: the colour shows in both
    return char_format


class OffsetViewMixin:
    """Source-offset operations shared by both views. The text shown may be the source in another Chinese
    script (reader.text.script): source offsets go through its ScriptMap to offsets in the shown text, which
    subclasses map to Qt positions (`_shown_to_qt`, `_shown_from_qt`). Span ends map with `end=True`, so a
    span inside a phrase that changed length shows as the whole converted phrase."""

    shown_document: Document | None  # the Document shown (Qt's own document() is the QTextDocument)

    def _init_view(self) -> None:
        self.shown_document = None
        self._script: ScriptMap | None = None  # None: the text is shown as written
        self.script = "as-written"
        self._highlights: dict[str, _Highlights] = {}
        self._shown_highlights: tuple = ()
        self._boxes: list[tuple[int, int, QColor]] = []  # Qt ranges of the box-styled spans near the visible text
        self._highlights_held = False
        self._menu_providers: list[Callable[[QMenu, int], None]] = []
        self.setReadOnly(True)
        self.setVerticalScrollBar(MarkedScrollBar(self))
        self.verticalScrollBar().valueChanged.connect(self._emit_position)
        self.verticalScrollBar().valueChanged.connect(self._show_highlights)

    def _shown_to_qt(self, shown: int) -> int:
        raise NotImplementedError

    def _shown_from_qt(self, position: int) -> int:
        raise NotImplementedError

    def _set_script(self, script: ScriptText | None) -> None:
        self._script = script.map if script is not None and script.map.blocks else None
        self.script = script.script if script is not None else "as-written"

    def to_qt(self, offset: int) -> int:
        """The Qt position of source `offset` (a span's start)."""
        return self._shown_to_qt(self._script.to_view(offset) if self._script else offset)

    def to_qt_end(self, offset: int) -> int:
        """The Qt position of source `offset` as a span's end (past the whole of a changed phrase)."""
        return self._shown_to_qt(self._script.to_view(offset, end=True) if self._script else offset)

    def from_qt(self, position: int) -> int:
        """The source offset of Qt `position` (a span's start)."""
        shown = self._shown_from_qt(position)
        return self._script.to_source(shown) if self._script else shown

    def from_qt_end(self, position: int) -> int:
        """The source offset of Qt `position` as a span's end (past the whole of a changed phrase)."""
        shown = self._shown_from_qt(position)
        return self._script.to_source(shown, end=True) if self._script else shown

    def qt_range(self, offset: int, length: int) -> tuple[int, int]:
        """The Qt positions [start, end) that show the source span [offset, offset + length)."""
        start = self.to_qt(offset)
        return start, max(start, self.to_qt_end(offset + max(0, length)))

    def select_range(self, offset: int, length: int) -> None:
        """Scroll the source span [offset, offset + length) into view and select it."""
        with self.highlights_batch():
            self._select_range(offset, length)

    @contextmanager
    def highlights_batch(self):
        """Highlights set and scroll steps inside update the extra selections once, at the end."""
        outer = self._highlights_held
        self._highlights_held = True
        try:
            yield
        finally:
            self._highlights_held = outer
            if not outer:
                self._show_highlights(force=True)

    def _select_range(self, offset: int, length: int) -> None:
        start, end = self.qt_range(offset, length)
        cursor = self.textCursor()
        cursor.setPosition(end)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self._place_at_reading_line(cursor)

    def reading_line_y(self) -> int:
        """The height, in the viewport, at which jumps place their target and sections are read."""
        return self.viewport().height() // 4

    def _place_at_reading_line(self, cursor: QTextCursor) -> None:
        start = QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())
        self._scroll_cursor_to(start, self.reading_line_y())

    def _scroll_cursor_to(self, cursor: QTextCursor, y: int) -> None:
        """Scroll until `cursor`'s line is at height `y`; lazy layout can move lines, so re-check."""
        bar = self.verticalScrollBar()
        for _ in range(4):
            delta = self._scroll_units(self.cursorRect(cursor).top() - y)
            if delta == 0 or (
                not bar.minimum() <= bar.value() + delta <= bar.maximum()
                and bar.value() in (bar.minimum(), bar.maximum())
            ):
                return
            bar.setValue(bar.value() + delta)

    def _scroll_units(self, pixels: int) -> int:
        return pixels

    def restore_selection(self, offset: int, length: int) -> None:
        """Select the source span again, leaving the view where it is."""
        bar = self.verticalScrollBar().value()
        start, end = self.qt_range(offset, length)
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(bar)

    def show_offset(self, offset: int) -> None:
        """Scroll so that source `offset` is at the top of the view, selecting nothing."""
        with self.highlights_batch():
            cursor = self.textCursor()
            cursor.setPosition(self.to_qt(offset))
            self.setTextCursor(cursor)
            self._scroll_cursor_to(cursor, 0)

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as a source span (offset, length), or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.from_qt(cursor.selectionStart())
        end = self.from_qt_end(cursor.selectionEnd())
        return start, max(0, end - start)

    def selected_text(self) -> str:
        """The selected text as the view shows it (paragraph separators as newlines)."""
        return self.textCursor().selectedText().replace("\u2029", "\n").replace("\u2028", "\n")

    def cursor_offset(self) -> int:
        return self.from_qt(self.textCursor().position())

    def top_offset(self) -> int:
        """The source offset shown at the top-left of the viewport."""
        return self.from_qt(self.cursorForPosition(QPoint(2, 2)).position())

    def reading_offset(self) -> int:
        """The source offset on the reading line: what the current section is judged by.

        The reading line sits a quarter down the view; over the last page of scrolling it slides
        to the bottom, so that sections on the final screen become current too.
        """
        height = self.viewport().height()
        line = self.fontMetrics().lineSpacing()
        y = self.reading_line_y() + line // 2
        bar = self.verticalScrollBar()
        if bar.maximum() > 0 and bar.pageStep() > 0:
            into_last_page = (bar.value() - (bar.maximum() - bar.pageStep())) / bar.pageStep()
            y += int(max(0.0, min(1.0, into_last_page)) * max(0, height - line - y))
        point = QPoint(self.viewport().width() - 4, y)
        return self.from_qt(self.cursorForPosition(point).position())

    def set_highlights(self, key: str, ranges: list[tuple[int, int]], color: QColor,
                       style: str = "highlight") -> None:
        """Mark source spans under `key` (replacing that key's previous spans) in `color`, drawn as
        `style`: a tint (highlight), an underline, a wavy underline, a strike-through or a box.

        Only the spans near the visible text become Qt extra selections (again on every scroll):
        100,000 bookmarks cost a few selections, not 100,000 cursors repainted on every frame."""
        if ranges:
            self._highlights[key] = _Highlights(ranges, color, style if style in HIGHLIGHT_STYLES else "highlight")
        else:
            self._highlights.pop(key, None)
        self._show_highlights(force=True)  # at once, unless inside highlights_batch()

    def highlight_count(self, key: str) -> int:
        """How many spans are tinted under `key` (shown or not)."""
        group = self._highlights.get(key)
        return len(group.spans) if group is not None else 0

    def highlight_style(self, key: str) -> str | None:
        """How the spans under `key` are drawn (None if there are none)."""
        group = self._highlights.get(key)
        return group.style if group is not None else None

    def _keep_or_clear_highlights(self, document: Document) -> None:
        """Before showing `document`: a new one starts with no highlights; the same one (shown in another
        script) keeps its layers, which hold source spans, to be drawn again on the new text."""
        if document is self.shown_document:
            self._shown_highlights, self._boxes = (), []
            self.setExtraSelections([])
        else:
            self._clear_highlights()

    def _clear_highlights(self) -> None:
        self._highlights.clear()
        self._shown_highlights = ()
        self._boxes = []
        self.setExtraSelections([])

    def _show_highlights(self, *_args, force: bool = False) -> None:
        """Make the spans in and just around the visible text Qt's extra selections."""
        if self._highlights_held:
            return
        first, last = self._visible_span()
        wanted = tuple((key, *group.window(first, last)) for key, group in self._highlights.items())
        if wanted == self._shown_highlights and not force:
            return
        self._shown_highlights = wanted
        selections, boxes = [], []
        dark = self.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5
        for key, low, high in wanted:
            group = self._highlights[key]
            color, char_format = group.look(dark)
            if group.style == "box":
                boxes += [(*self.qt_range(o, n), color) for o, n in group.spans[low:high] if n]
                continue
            for offset, length in group.spans[low:high]:
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.document_view())
                start, end = self.qt_range(offset, length)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = char_format
                selections.append(selection)
        if boxes or self._boxes:
            self._boxes = boxes
            self.viewport().update()
        self.setExtraSelections(selections)

    def paintEvent(self, event) -> None:
        """The text, then a rectangle around each line of every box-styled span in view."""
        super().paintEvent(event)
        if not self._boxes:
            return
        first = self.cursorForPosition(QPoint(0, 0)).position()
        last = self.cursorForPosition(QPoint(self.viewport().width(), self.viewport().height())).position()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for start, end, color in self._boxes:
            if end < first or start > last:
                continue
            painter.setPen(QPen(color, BOX_PEN_WIDTH))
            for rect in self._line_rects(max(start, first), min(end, last + 1)):
                painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 2, 2)
        painter.end()

    def _line_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles of Qt range [start, end), one per laid-out line it touches."""
        document, rects = self.document_view(), []
        block = document.findBlock(start)
        while block.isValid() and block.position() < end:
            layout = block.layout()
            if layout is not None and layout.lineCount():
                origin = QTextCursor(block)
                head = self.cursorRect(origin)
                top_line = layout.lineAt(0)
                x0, y0 = head.left() - top_line.cursorToX(0)[0], head.top() - top_line.y()
                for index in range(layout.lineCount()):
                    line = layout.lineAt(index)
                    a = max(start - block.position(), line.textStart())
                    b = min(end - block.position(), line.textStart() + line.textLength())
                    if a < b:
                        left, right = line.cursorToX(a)[0], line.cursorToX(b)[0]
                        rects.append(QRectF(x0 + left, y0 + line.y(), right - left, line.height()))
            block = block.next()
        return rects

    def _visible_span(self) -> tuple[int, int]:
        """Source offsets of the visible text, and a tenth of a screen either side."""
        if self.shown_document is None:
            return 0, 0
        viewport = self.viewport()
        top = self.from_qt(self.cursorForPosition(QPoint(0, 0)).position())
        bottom = self.from_qt(self.cursorForPosition(QPoint(viewport.width(), viewport.height())).position())
        margin = (bottom - top) // 10  # few: Qt's setExtraSelections costs per span replaced (on a jump: all)
        return max(0, top - margin), bottom + margin

    def changeEvent(self, event) -> None:
        """A new page colour (a theme) redraws the highlight layers for it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._highlights:
            self._show_highlights(force=True)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._highlights:
            self._show_highlights()

    def set_scrollbar_marks(self, key: str, offsets: list[int] | ScrollMarks, color: QColor) -> None:
        """Ticks on the scrollbar at these source offsets (or ScrollMarks worked out for the document shown)."""
        if isinstance(offsets, ScrollMarks):
            self.verticalScrollBar().set_marks(key, offsets, color)
            return
        total = max(1, len(self.shown_document.text) if self.shown_document else 1)
        self.verticalScrollBar().set_marks(key, [o / total for o in offsets], color)

    def document_view(self):
        return super().document()

    def add_context_menu_provider(self, provider: Callable[[QMenu, int], None]) -> None:
        """Call `provider(menu, offset)` to add entries to the context menu, for the text at `offset`."""
        self._menu_providers.append(provider)

    def offset_at(self, pos: QPoint) -> int:
        """The source offset a context menu at viewport `pos` is about: the selection's start, else the point's."""
        selected = self.selected_range()
        return selected[0] if selected else self.from_qt(self.cursorForPosition(pos).position())

    def context_menu(self, pos: QPoint) -> QMenu:
        """The standard context menu at viewport `pos`, with every provider's entries."""
        offset = self.offset_at(pos)
        menu = self.createStandardContextMenu(pos)
        for provider in self._menu_providers:
            provider(menu, offset)
        return menu

    def event(self, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            self.sizeOrFontChanged.emit()  # before the view handles it: a text column is fitted first
        return super().event(event)

    def mousePressEvent(self, event) -> None:
        """The mouse's back and forward buttons ask for a step in the history (historyStepRequested)."""
        button = event.button()
        if button in (Qt.MouseButton.BackButton, Qt.MouseButton.ForwardButton):
            self.historyStepRequested.emit(-1 if button == Qt.MouseButton.BackButton else 1)
            event.accept()
            return
        super().mousePressEvent(event)

    def wheelEvent(self, event) -> None:
        """Ctrl+wheel asks for a zoom step (zoomRequested) instead of scrolling."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoomRequested.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def contextMenuEvent(self, event) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _emit_position(self) -> None:
        if self.shown_document is not None:
            self.positionChanged.emit(self.reading_offset())


class PlainView(OffsetViewMixin, QPlainTextEdit):
    """Plain text, laid out lazily, so a 20 MB document opens and jumps at once."""

    positionChanged = Signal(int)
    historyStepRequested = Signal(int)  # -1: back, 1: forward (the mouse's side buttons)
    zoomRequested = Signal(int)  # +1 larger, -1 smaller (Ctrl+wheel)
    sizeOrFontChanged = Signal()  # resized, shown, or its font changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_view()
        self._map = Utf16Map("")
        self._adopted: QTextDocument | None = None  # the document shown, if we gave it (not Qt's first)
        self.line_spacing = 1.0  # the height of a line, in lines
        self.page_margin = 4.0  # pixels between the text and the edges of its column
        self._headings: list[tuple[int, int, int]] = []  # (offset, length, level) of the headings shown
        self._formatter: HeadingFormatter | None = None
        self.glyph_warmer = GlyphWarmer(self)  # the first jumps into a large text come faster
        self.setObjectName("textView")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)

    def show_document(self, document: Document, html: str | None = None, prepared: QTextDocument | None = None,
                      utf16: Utf16Map | None = None, script: ScriptText | None = None) -> None:
        """Show `document`'s text, or `script`'s conversion of it, from `prepared` (a QTextDocument a worker
        filled with plain_layout's block_pieces) when given. `html` is for the rendered view and ignored
        here. Showing the same document again (in another script) keeps its highlight layers."""
        shown = script.text if script is not None else document.text
        self._keep_or_clear_highlights(document)
        self.shown_document = document
        self._set_script(script)
        self._map = utf16 or Utf16Map(shown)
        self._headings, self._formatter = [], None
        if prepared is None:
            prepared = build_document(shown, self.font(), self.page_margin)
        prepared.setDocumentLayout(ReadingLayout(prepared, self.line_spacing))
        if prepared.defaultFont() != self.font():
            prepared.setDefaultFont(self.font())
        if prepared.documentMargin() != self.page_margin:
            prepared.setDocumentMargin(self.page_margin)
        previous = self._adopted  # Qt deletes the view's own first document itself; we delete ours
        self.setDocument(prepared)
        prepared.setParent(self)
        self._adopted = prepared
        if previous is not None:
            previous.deleteLater()
        self.verticalScrollBar().setValue(0)  # as setPlainText does: a new document starts at its top
        self.horizontalScrollBar().setValue(0)
        self.glyph_warmer.start(shown, self.font())

    def resizeEvent(self, event) -> None:
        """A new width re-wraps the text: the text at the top stays there (a block holds many lines)."""
        if event.oldSize().width() != event.size().width() and self.shown_document is not None:
            with self._keeping_top():
                super().resizeEvent(event)
        else:
            super().resizeEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange and self.shown_document is not None:
            with self._keeping_top():
                super().changeEvent(event)
        else:
            super().changeEvent(event)

    def _layout(self) -> ReadingLayout | None:
        layout = self.document_view().documentLayout()
        return layout if isinstance(layout, ReadingLayout) else None

    def set_line_spacing(self, spacing: float) -> None:
        """Lines `spacing` lines apart (Qt's plain layout ignores block formats' line height)."""
        self.line_spacing = spacing
        layout = self._layout()
        if layout is not None:
            layout.set_spacing(spacing)

    def set_page_margin(self, pixels: float) -> None:
        """Keep the text `pixels` from the edges of its column."""
        self.page_margin = pixels
        if self.shown_document is not None and self.document_view().documentMargin() != pixels:
            with self._keeping_top():
                self.document_view().setDocumentMargin(pixels)

    def set_headings(self, headings: list[tuple[int, int, int]]) -> None:
        """Show these source spans (offset, length, level) as headings: bolder, larger, with room above.
        Formats only: the text, and so every offset, stays as it is. Large outlines are formatted a
        slice per turn of the event loop."""
        if headings == self._headings or self.shown_document is None:
            return
        document = self.document_view()
        spans = [(*self.qt_range(offset, length), level) for offset, length, level in headings]
        with self._keeping_top():
            if self._headings:
                HeadingFormatter(document, []).clear()
            layout = self._layout()
            if layout is not None:
                layout.set_heading_starts([start for start, _, _ in spans])
        self._headings = list(headings)
        self._formatter = HeadingFormatter(document, spans)
        self._format_headings(self._formatter)

    def heading_spans(self) -> list[tuple[int, int, int]]:
        return list(self._headings)

    def _format_headings(self, formatter: HeadingFormatter) -> None:
        if formatter is not self._formatter:
            return
        with self._keeping_top():
            more = formatter.step()
        if more:
            QTimer.singleShot(0, self, lambda: self._format_headings(formatter))

    @contextmanager
    def _keeping_top(self):
        """The text at the top of the view stays there (larger headings re-wrap the lines of their block),
        and the selection stays as it is."""
        if self.verticalScrollBar().value() == 0:  # at the start: nothing above to keep
            yield
            return
        top = self.top_offset()
        try:
            yield
        finally:
            if self.top_offset() != top:
                cursor = QTextCursor(self.document_view())
                cursor.setPosition(self.to_qt(top))
                self._scroll_cursor_to(cursor, 0)

    def _shown_to_qt(self, shown: int) -> int:
        return self._map.to_qt(shown)

    def _shown_from_qt(self, position: int) -> int:
        return self._map.from_qt(position)

    def _scroll_cursor_to(self, cursor: QTextCursor, y: int) -> None:
        """Put `cursor`'s line at the top, then move it down to `y`. Blocks hold many lines, and one Qt has
        not laid out yet counts as a single scrollbar step, so the blocks involved are laid out first."""
        block = cursor.block()
        if block.isValid():
            self.blockBoundingRect(block)  # lays it out: its lines become steps
            above, height = block.previous(), 0.0
            while above.isValid() and height < y:
                height += self.blockBoundingRect(above).height()
                above = above.previous()
            line = block.layout().lineForTextPosition(cursor.position() - block.position())
            self.verticalScrollBar().setValue(block.firstLineNumber() + max(0, line.lineNumber()))
        super()._scroll_cursor_to(cursor, y)

    def _scroll_units(self, pixels: int) -> int:
        """Pixels to scrollbar steps: one step is one laid-out line (taller with line spacing)."""
        block = self.firstVisibleBlock()
        lines = block.layout().lineCount() if block.isValid() and block.layout() else 0
        line = self.blockBoundingRect(block).height() / lines if lines else self.fontMetrics().lineSpacing()
        return round(pixels / max(1.0, line))


class RichView(OffsetViewMixin, QTextBrowser):
    """Markdown rendered to HTML; source offsets map to view positions through an alignment."""

    positionChanged = Signal(int)
    historyStepRequested = Signal(int)  # -1: back, 1: forward (the mouse's side buttons)
    zoomRequested = Signal(int)  # +1 larger, -1 smaller (Ctrl+wheel)
    sizeOrFontChanged = Signal()  # resized, shown, or its font changed
    documentLinkActivated = Signal(str)
    readerLinkActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_view()
        self._map = SourceMap([], 0)
        self._qt = Utf16Map("")
        self._html = ""
        self._stale = False  # the document was laid out in an older style
        self.reading_style = ReadingStyle()
        self.setObjectName("textView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow_link)
        self.document_view().setDefaultStyleSheet(markdown_css(self.reading_style))

    def show_document(self, document: Document, html: str | None = None, script: ScriptText | None = None) -> None:
        """Show `document` rendered (from `html` when a worker already rendered it); with `script`, `html`
        is in that script and is aligned with the converted source. Showing the same document again (in
        another script) keeps its highlight layers."""
        self._keep_or_clear_highlights(document)
        self.shown_document = document
        self._set_script(script)
        self._html = shape_html(html if html is not None else render_markdown(document.text))
        self._stale = False
        self._set_html()
        raw = self.document_view().toRawText()
        self._qt = Utf16Map(raw)
        self._map = align(raw, script.text if script is not None else document.text)

    def set_reading_style(self, **changes) -> None:
        """Restyle the view (ReadingStyle fields: theme, line_spacing, font_family, margin), live.

        An open document is laid out again at the same reading position, with its selection and
        highlights. Without a `line_spacing`, the spacing the document has now (the preferences set
        it on every block) is kept."""
        applied = _line_spacing(self.document_view())
        if applied is not None and applied != self.reading_style.line_spacing:
            self.reading_style = replace(self.reading_style, line_spacing=applied)
            self.document_view().setDefaultStyleSheet(markdown_css(self.reading_style))
        style = replace(self.reading_style, **changes)
        if style == self.reading_style:
            return
        self.reading_style = style
        self.document_view().setDefaultStyleSheet(markdown_css(style))
        if self.shown_document is None:
            self._set_margin()
        elif not self.isVisible():
            self._stale = True  # a hidden view (the other document kind is shown) is restyled when shown
        else:
            self._restyle()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale and self.shown_document is not None:
            self._restyle()

    def _restyle(self) -> None:
        """Lay the document out again in the current style, at the same place, with the same selection."""
        self._stale = False
        top, selected = self.top_offset(), self.selected_range()
        with self.highlights_batch():
            self._set_html()
            self.show_offset(top)
            if selected is not None:
                self.restore_selection(*selected)

    def _set_html(self) -> None:
        self.setHtml(self._html)
        self._set_margin()
        self.horizontalScrollBar().setValue(0)

    def _set_margin(self) -> None:
        if self.document_view().documentMargin() != self.reading_style.margin:
            self.document_view().setDocumentMargin(self.reading_style.margin)

    def _shown_to_qt(self, shown: int) -> int:
        return self._qt.to_qt(self._map.to_view(shown))

    def _shown_from_qt(self, position: int) -> int:
        return self._map.to_source(self._qt.from_qt(position))

    def qt_range(self, offset: int, length: int) -> tuple[int, int]:
        first, last = self._script.view_range(offset, length) if self._script else (offset, offset + max(0, length))
        start, end = self._map.view_range(first, last - first)
        return self._qt.to_qt(start), self._qt.to_qt(end)

    def selected_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._qt.from_qt(cursor.selectionStart())
        end = self._qt.from_qt(cursor.selectionEnd())
        offset, length = self._map.source_range(start, end)
        return self._script.source_range(offset, offset + length) if self._script else (offset, length)

    def loadResource(self, kind: int, url: QUrl):
        """Files inside the document's folder, read by us; anything else is an empty resource.

        Never None, a null value or the base implementation: Qt would then load the URL itself
        (against the working folder, outside the folder, through symlinks). An image we refuse or
        cannot decode is the refused-image icon, since a null image makes Qt open the file by name."""
        target = self._sandboxed(url)
        data = _read_capped(target) if target is not None else b""
        if kind == QTextDocument.ResourceType.ImageResource:
            image = QImage.fromData(data) if data else QImage()
            return refused_image() if image.isNull() else image
        return QByteArray(data)  # b"" gives an empty, non-null QByteArray

    def _sandboxed(self, url: QUrl) -> Path | None:
        """The regular file `url` names inside the document's folder (symlinks resolved), else None."""
        if self.shown_document is None or url.scheme() not in ("", "file") or url.host():
            return None
        folder = self.shown_document.path.parent.resolve()
        local = url.toLocalFile() if url.scheme() == "file" else url.path(QUrl.ComponentFormattingOption.FullyDecoded)
        if not local:
            return None
        try:
            target = (folder / local).resolve()
            return target if target.is_relative_to(folder) and target.is_file() else None
        except (OSError, RuntimeError, ValueError):  # a symlink loop, an unencodable name
            return None

    def _follow_link(self, url: QUrl) -> None:
        """Links open only when clicked: anchors scroll, local documents open, web links go to the browser."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())
        elif url.scheme() in ("", "file") and url.path():
            self.documentLinkActivated.emit(url.path())
        elif url.scheme() == "reader":  # a link back into the reader (an exported note): it lands on its passage
            self.readerLinkActivated.emit(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


def _line_spacing(document: QTextDocument) -> float | None:
    """The proportional line height the document's first block has (as a multiple), if any."""
    block_format = document.firstBlock().blockFormat()
    if block_format.lineHeightType() != QTextBlockFormat.LineHeightTypes.ProportionalHeight.value:
        return None
    return block_format.lineHeight() / 100 if block_format.lineHeight() > 0 else None


def _read_capped(path: Path) -> bytes:
    """The file's bytes, or b"" if it cannot be read or is larger than RESOURCE_LIMIT_BYTES."""
    try:
        with path.open("rb") as source:
            data = source.read(RESOURCE_LIMIT_BYTES + 1)
    except OSError:
        return b""
    return data if len(data) <= RESOURCE_LIMIT_BYTES else b""


def refused_image() -> QImage:
    """What an image the sandbox refused shows: Qt's small "missing image" icon."""
    image = QImage(":/qt-project.org/styles/commonstyle/images/file-16.png")
    if image.isNull():
        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.fill(0)
    return image
