"""Go ▸ Go to Position: a small dialog that takes a percentage ("40%") or a line number ("120")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from reader.ui.shell.navigation import parse_position


class GoToPositionDialog(QDialog):
    """Asks where to go in `text`; says positionChosen(offset) and closes on a valid entry."""

    positionChosen = Signal(int)

    def __init__(self, text: str, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goToPositionDialog")
        self._text, self._lines = text, lines
        layout = QVBoxLayout(self)
        self.prompt = QLabel(self, objectName="goToPositionPrompt", wordWrap=True)
        layout.addWidget(self.prompt)
        self.edit = QLineEdit(self, objectName="goToPositionEdit")
        self.edit.textChanged.connect(lambda _text: self.error.clear())
        layout.addWidget(self.edit)
        self.error = QLabel(self, objectName="goToPositionError")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.go)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Go to Position"))
        self.prompt.setText(self.tr("Type a percentage (such as 40%) or a line number (1 to %1).")
                            .replace("%1", f"{self._lines:,}"))
        self.edit.setPlaceholderText(self.tr("40% or 120"))
        self.edit.setAccessibleName(self.tr("Position"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def go(self) -> None:
        offset = parse_position(self.edit.text(), self._text)
        if offset is None:
            self.error.setText(self.tr("Type a percentage up to 100% or a line number."))
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.positionChosen.emit(offset)
        self.accept()
