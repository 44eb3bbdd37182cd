"""The plain view's document and layout: few large blocks (fast to show), line spacing, headings set off."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QPlainTextDocumentLayout

BLOCK_CHARS = 2000  # a block ends at the first newline this many characters after it starts
HEAD_CHARS, HEAD_BLOCK_CHARS = 20_000, 400  # smaller blocks at the top: showing a text lays out its first
# blocks at once (Qt shapes a whole block), ~6,000 characters and 25 ms on the UI thread with 2,000-character ones
HEAD_FROM_CHARS = 4_000_000  # only in texts this long: the scroll bar counts an unlaid block as one line, so
# extra blocks at the top of a shorter text would move its middle up the bar
LINE_BREAK = "\u2028"  # a line break inside a block: one UTF-16 unit, like "\n", so positions are unchanged
HEADING_SPACE = 0.9  # extra room above a heading line, in its line heights
HEADING_SIZE = {1: 2, 2: 1}  # FontSizeAdjustment by level: +2 is 1.44x, +1 is 1.2x; deeper levels: bold only
FORMAT_SLICE = 150  # headings formatted per call of HeadingFormatter.step()


def block_pieces(text: str, size: int = 256 * 1024):
    """`text` as the plain view's QTextDocument holds it, in pieces of about `size` characters (whole blocks)
    to insert one by one: the same characters, except that only the first newline after every BLOCK_CHARS
    characters stays a paragraph break; the others become U+2028 (Qt maps it back to "\n" on copy).

    Qt's plain layout costs the UI thread a pass over every block when a document is set or the view
    resized (60 MB novel: 143,000 blocks, ~150 ms); with blocks of ~2000 characters it is ~10 ms."""
    group: list[str] = []
    grouped = start = 0
    head = HEAD_CHARS if len(text) >= HEAD_FROM_CHARS else 0
    while start < len(text):
        end = text.find("\n", start + (HEAD_BLOCK_CHARS if start < head else BLOCK_CHARS))
        end = len(text) if end < 0 else end + 1
        group.append(text[start:end].replace("\n", LINE_BREAK, text.count("\n", start, end - 1)))
        grouped += end - start
        start = end
        if grouped >= size or start >= len(text):
            yield "".join(group)
            group, grouped = [], 0


class ReadingLayout(QPlainTextDocumentLayout):
    """Qt's lazy plain-text layout, with the line spacing and the room above headings that it ignores
    (it reads no block format): each block's lines are moved apart once, when Qt has laid it out."""

    def __init__(self, document: QTextDocument, spacing: float = 1.0) -> None:
        super().__init__(document)
        self.spacing = spacing
        self._heading_starts: list[int] = []  # Qt positions of heading lines, sorted

    def set_spacing(self, spacing: float) -> None:
        if spacing != self.spacing:
            self.spacing = spacing
            self._relayout()

    def set_heading_starts(self, positions: list[int]) -> None:
        """Put HEADING_SPACE above the lines holding these Qt positions."""
        positions = sorted(positions)
        if positions != self._heading_starts:
            self._heading_starts = positions
            self._relayout()

    def _relayout(self) -> None:
        document = self.document()
        document.markContentsDirty(0, document.characterCount())

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        # Qt calls this very often (thousands of times a jump when 100,000 bookmarks tint the page): kept lean.
        rect = super().blockBoundingRect(block)  # lays the block out if it is not
        if self.spacing == 1.0 and not self._heading_starts:
            return rect
        layout = block.layout() if block.isValid() and block.isVisible() else None
        count = layout.lineCount() if layout is not None else 0
        if not count:
            return rect
        if layout.lineAt(0).y() == 0:  # just laid out by Qt: lines touch
            self._space_lines(block, layout, count)
        last = layout.lineAt(count - 1)
        height = last.y() + last.height() * (1 + (self.spacing - 1.0) / 2)
        if not block.next().isValid():
            height += self.document().documentMargin()
        rect.setHeight(height)
        return rect

    def _heading_lines(self, block: QTextBlock, layout) -> set[int]:
        starts = self._heading_starts
        first, end = block.position(), block.position() + block.length()
        low = bisect_left(starts, first)
        high = bisect_left(starts, end, low)
        lines = {layout.lineForTextPosition(starts[i] - first).lineNumber() for i in range(low, high)}
        return lines if block.previous().isValid() else lines - {0}

    def _space_lines(self, block: QTextBlock, layout, count: int) -> None:
        """Move the lines apart: half the extra spacing above and below each, HEADING_SPACE above headings."""
        extra = self.spacing - 1.0
        heads = self._heading_lines(block, layout) if self._heading_starts else set()
        y = 0.0
        for number in range(count):
            line = layout.lineAt(number)
            height = line.height()
            if number in heads:
                y += HEADING_SPACE * height
            y += extra * height / 2
            line.setPosition(QPointF(line.x(), max(y, 1e-3)))  # never 0 again: marks the block as spaced
            y += height * (1 + extra / 2)


def heading_format(level: int) -> QTextCharFormat:
    """Bold, and larger for the two top levels (relative to the view's font, so zoom keeps it)."""
    char_format = QTextCharFormat()
    char_format.setFontWeight(QFont.Weight.Bold)
    char_format.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_SIZE.get(level, 0))
    return char_format


class HeadingFormatter:
    """Formats heading spans of a QTextDocument a slice at a time (2,760 headings at once held the UI
    thread too long); formats only, never the text."""

    def __init__(self, document: QTextDocument, spans: list[tuple[int, int, int]]) -> None:
        """`spans`: (Qt start, Qt end, level)."""
        self.document = document
        self.pending = list(reversed(spans))

    def clear(self) -> None:
        """Undo every heading format (one pass over the document)."""
        cursor = QTextCursor(self.document)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())

    def step(self) -> bool:
        """Format the next FORMAT_SLICE headings; True while some are left."""
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        for _ in range(min(FORMAT_SLICE, len(self.pending))):
            start, end, level = self.pending.pop()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(heading_format(level))
        cursor.endEditBlock()
        return bool(self.pending)


def build_document(text: str, font: QFont, margin: float, into: QTextDocument | None = None) -> QTextDocument:
    """A QTextDocument for the plain view (`into`, an empty one, or a new one) holding `text` as block_pieces
    lays it out, a piece at a time (one setPlainText of a 20 MB text would hold the GIL, and so the UI thread,
    ~90 ms); no layout yet."""
    document = into if into is not None else QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDefaultFont(font)
    document.setDocumentMargin(margin)
    cursor = QTextCursor(document)
    for piece in block_pieces(text):
        cursor.insertText(piece)
    return document
