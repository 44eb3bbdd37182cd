"""A small non-modal editor for a bookmark's note, colour and highlight style."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from reader.bookmarks import COLORS, STYLES, Bookmark
from reader.ui.bookmarks.styles import TINTS, color_label, style_label, swatch, tint
from reader.ui.views.plain import plain_label

__all__ = ["TINTS", "BookmarkEditor", "swatch", "tint"]


class BookmarkEditor(QDialog):
    """Edits one bookmark's note, colour and style; emits `saved(id, note, color, style)` on OK. Never blocks."""

    saved = Signal(str, str, str, str)

    def __init__(self, bookmark: Bookmark, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarkEditor")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.bookmark_id = bookmark.id
        self._quote = " ".join(bookmark.quote.split())
        layout = QFormLayout(self)
        self.passage = plain_label(QLabel(self, objectName="bookmarkPassage"))
        self.passage.setWordWrap(True)
        self.note_edit = QPlainTextEdit(bookmark.note, self, objectName="bookmarkNote")
        self.note_edit.setTabChangesFocus(True)
        self.color_box = QComboBox(self, objectName="bookmarkColor")
        for name in COLORS:
            self.color_box.addItem(swatch(name), name, name)
        self.color_box.setCurrentIndex(max(0, self.color_box.findData(bookmark.color)))
        self.style_box = QComboBox(self, objectName="bookmarkStyle")
        for name in STYLES:
            self.style_box.addItem(name, name)
        self.style_box.setCurrentIndex(max(0, self.style_box.findData(bookmark.style)))
        self.color_box.currentIndexChanged.connect(lambda _i: self._paint_styles())
        self.labels = [QLabel(self) for _ in range(4)]
        for label, field in zip(self.labels, (self.passage, self.note_edit, self.color_box, self.style_box),
                                strict=True):
            label.setBuddy(field)
            layout.addRow(label, field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.retranslate_ui()
        self.note_edit.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Bookmark"))
        quote = self._quote or self.tr("(reading position)")
        self.passage.setText(quote if len(quote) <= 120 else quote[:119] + "…")
        for label, text in zip(self.labels, (self.tr("Passage"), self.tr("&Note"), self.tr("&Colour"),
                                             self.tr("&Style")), strict=True):
            label.setText(text)
        for index, name in enumerate(COLORS):
            self.color_box.setItemText(index, color_label(name))
        for index, name in enumerate(STYLES):
            self.style_box.setItemText(index, style_label(name))
        self._paint_styles()

    def _paint_styles(self) -> None:
        """Each style's swatch in the chosen colour."""
        color = self.color_box.currentData()
        for index, name in enumerate(STYLES):
            self.style_box.setItemIcon(index, swatch(color, name))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def accept(self) -> None:
        self.saved.emit(self.bookmark_id, self.note_edit.toPlainText(), self.color_box.currentData(),
                        self.style_box.currentData())
        super().accept()
