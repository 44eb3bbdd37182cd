"""A small non-modal editor for a bookmark's note and colour."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from reader.bookmarks import COLORS, Bookmark
from reader.ui.views.plain import plain_label

TINTS = {
    "yellow": "#fff0a0", "green": "#c6efc0", "blue": "#c4dcff", "pink": "#ffc8de",
    "purple": "#e2ccff", "orange": "#ffd9a8", "red": "#ffb4b4", "gray": "#dedede",
}


def tint(color: str) -> QColor:
    """The highlight colour for a bookmark colour name."""
    return QColor(TINTS.get(color, TINTS["yellow"]))


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(tint(color))
    return QIcon(pixmap)


class BookmarkEditor(QDialog):
    """Edits one bookmark's note and colour; emits `saved(id, note, color)` on OK. Never blocks."""

    saved = Signal(str, str, str)

    def __init__(self, bookmark: Bookmark, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarkEditor")
        self.setWindowTitle(self.tr("Bookmark"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.bookmark_id = bookmark.id
        layout = QFormLayout(self)
        quote = " ".join(bookmark.quote.split()) or self.tr("(reading position)")
        label = plain_label(QLabel(self, objectName="bookmarkPassage"))
        label.setText(quote if len(quote) <= 120 else quote[:119] + "…")
        label.setWordWrap(True)
        layout.addRow(self.tr("Passage"), label)
        self.note_edit = QPlainTextEdit(bookmark.note, self, objectName="bookmarkNote")
        self.note_edit.setTabChangesFocus(True)
        layout.addRow(self.tr("Note"), self.note_edit)
        self.color_box = QComboBox(self, objectName="bookmarkColor")
        for name in COLORS:
            self.color_box.addItem(swatch(name), name, name)
        self.color_box.setCurrentIndex(max(0, self.color_box.findData(bookmark.color)))
        layout.addRow(self.tr("Colour"), self.color_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.note_edit.setFocus()

    def accept(self) -> None:
        self.saved.emit(self.bookmark_id, self.note_edit.toPlainText(), self.color_box.currentData())
        super().accept()
