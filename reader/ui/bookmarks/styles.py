"""How a bookmark looks: its colour's tint (highlight) and ink (lines and boxes), and a swatch of both."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

TINTS = {
    "yellow": "#fff0a0", "green": "#c6efc0", "blue": "#c4dcff", "pink": "#ffc8de",
    "purple": "#e2ccff", "orange": "#ffd9a8", "red": "#ffb4b4", "gray": "#dedede",
}
INKS = {  # mid tones: a line or a box in these shows on a light page and on a dark one
    "yellow": "#d9a400", "green": "#2e9e48", "blue": "#3b7be0", "pink": "#e0509a",
    "purple": "#9457e0", "orange": "#e67e10", "red": "#dc3c3c", "gray": "#8c8c8c",
}
SWATCH_SIZE = 14


def tint(color: str) -> QColor:
    """The highlight colour for a bookmark colour name."""
    return QColor(TINTS.get(color, TINTS["yellow"]))


def ink(color: str) -> QColor:
    """The line and box colour for a bookmark colour name."""
    return QColor(INKS.get(color, INKS["yellow"]))


def mark_color(color: str, style: str) -> QColor:
    """What a bookmark of `color` is drawn in when its style is `style`."""
    return tint(color) if style == "highlight" else ink(color)


def _draw_style(painter: QPainter, rect: QRectF, color: str, style: str) -> None:
    pen = QPen(ink(color), 1.6)
    painter.setPen(pen)
    middle, bottom = rect.center().y(), rect.bottom() - 1.5
    if style == "underline":
        painter.drawLine(QPointF(rect.left(), bottom), QPointF(rect.right(), bottom))
    elif style == "wavy":
        path, x, up = QPainterPath(QPointF(rect.left(), bottom)), rect.left(), True
        while x < rect.right():
            x += 2.5
            path.lineTo(QPointF(x, bottom - (2 if up else 0)))
            up = not up
        painter.drawPath(path)
    elif style == "strike":
        painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.right(), middle))
    elif style == "box":
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 2, 2)
    else:
        painter.fillRect(rect.adjusted(0, 1, 0, -1), tint(color))
        painter.setPen(QPen(ink(color), 1))
        painter.drawRect(rect.adjusted(0.5, 1.5, -0.5, -1.5))


def swatch(color: str, style: str = "highlight") -> QIcon:
    """A small square showing the colour as `style` draws it."""
    pixmap = QPixmap(SWATCH_SIZE, SWATCH_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _draw_style(painter, QRectF(0, 0, SWATCH_SIZE, SWATCH_SIZE), color, style)
    painter.end()
    return QIcon(pixmap)


def paint_swatch(painter: QPainter, rect: QRectF, color: str, style: str) -> None:
    """Draw the swatch of `color` and `style` into `rect` (the bookmarks list's delegate)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _draw_style(painter, rect, color, style)
    painter.restore()


def color_label(name: str) -> str:
    """A colour's name in the UI language."""
    labels = {
        "yellow": QCoreApplication.translate("BookmarkStyles", "Yellow"),
        "green": QCoreApplication.translate("BookmarkStyles", "Green"),
        "blue": QCoreApplication.translate("BookmarkStyles", "Blue"),
        "pink": QCoreApplication.translate("BookmarkStyles", "Pink"),
        "purple": QCoreApplication.translate("BookmarkStyles", "Purple"),
        "orange": QCoreApplication.translate("BookmarkStyles", "Orange"),
        "red": QCoreApplication.translate("BookmarkStyles", "Red"),
        "gray": QCoreApplication.translate("BookmarkStyles", "Gray"),
    }
    return labels.get(name, name)


def style_label(name: str) -> str:
    """A highlight style's name in the UI language."""
    labels = {
        "highlight": QCoreApplication.translate("BookmarkStyles", "Highlight"),
        "underline": QCoreApplication.translate("BookmarkStyles", "Underline"),
        "wavy": QCoreApplication.translate("BookmarkStyles", "Wavy underline"),
        "strike": QCoreApplication.translate("BookmarkStyles", "Strike-through"),
        "box": QCoreApplication.translate("BookmarkStyles", "Box"),
    }
    return labels.get(name, name)
