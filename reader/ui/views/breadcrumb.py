"""The breadcrumb above the text: the current section's path, each crumb a jump."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from reader.ui.views.plain import plain_label, plain_tooltip

ANCESTOR_CHARS = 18
CURRENT_CHARS = 48


class Breadcrumb(QWidget):
    """Shows 'Chapter › Section › Subsection'; clicking a crumb asks to jump there.

    Its height never changes (an empty path keeps the row), so the text below does not move as the
    reader crosses from the preamble into the first section; and it never widens the window.
    """

    crumbActivated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breadcrumb")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 1, 6, 1)
        self._layout.setSpacing(0)
        self._path: list[tuple[str, int, int]] = []
        self._layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        probe = QToolButton()
        self.setFixedHeight(probe.sizeHint().height() + 2)
        probe.deleteLater()

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
                self._layout.addWidget(plain_label(QLabel("›", self, objectName="breadcrumbSeparator")))
            self._layout.addWidget(self._crumb(title, offset, length, position == len(path) - 1))
        self._layout.addStretch(1)

    def _crumb(self, title: str, offset: int, length: int, current: bool) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("breadcrumbItem")
        button.setAutoRaise(True)
        limit = CURRENT_CHARS if current else ANCESTOR_CHARS
        shown = title if len(title) <= limit else title[: limit - 1] + "…"
        button.setText(shown.replace("&", "&&"))
        button.setToolTip(plain_tooltip(title))
        if current:
            font = button.font()
            font.setBold(True)
            button.setFont(font)
        button.clicked.connect(lambda: self.crumbActivated.emit(offset, length))
        return button

    def titles(self) -> list[str]:
        return [title for title, _, _ in self._path]
