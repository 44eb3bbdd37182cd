"""Document text in widgets stays text: plain-text labels and tooltips that show markup literally."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox


def plain_label(label: QLabel) -> QLabel:
    """Make `label` show its text literally (Qt's default guesses, and renders `<b>` or `<img>`)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: Qt renders tooltips that look like HTML."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def plain_message_box(box: QMessageBox) -> QMessageBox:
    """Make a message box show its text and informative text literally (they may name files)."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):
        if label.objectName() in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
            plain_label(label)
    return box
