"""The breadcrumb above the text: the current section's path, each crumb a jump."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget


class Breadcrumb(QWidget):
    """Shows 'Chapter › Section › Subsection'; clicking a crumb asks to jump there."""

    crumbActivated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breadcrumb")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 2, 6, 2)
        self._layout.setSpacing(2)
        self._path: list[tuple[str, int, int]] = []
        self._layout.addStretch(1)

    def set_path(self, path: list[tuple[str, int, int]]) -> None:
        """Show `path`: (title, offset, length) from the outermost section inwards."""
        if path == self._path:
            return
        self._path = list(path)
        while self._layout.count():
            widget = self._layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for position, (title, offset, length) in enumerate(path):
            if position:
                self._layout.addWidget(QLabel("›", self))
            self._layout.addWidget(self._crumb(title, offset, length))
        self._layout.addStretch(1)

    def _crumb(self, title: str, offset: int, length: int) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("breadcrumbItem")
        button.setAutoRaise(True)
        button.setText(title if len(title) <= 24 else title[:23] + "…")
        button.setToolTip(title)
        button.clicked.connect(lambda: self.crumbActivated.emit(offset, length))
        return button

    def titles(self) -> list[str]:
        return [title for title, _, _ in self._path]
