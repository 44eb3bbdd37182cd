"""The breadcrumb above the text: the current section's path, each crumb a jump."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QHBoxLayout, QLabel, QSizePolicy, QStyle, QToolButton, QWidget

from reader.text.script import convert_text
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
        self.script = "as-written"  # the Chinese script the titles are shown in
        self._layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        probe = QToolButton()
        self.setFixedHeight(probe.sizeHint().height() + 2)
        probe.deleteLater()

    def set_script(self, script: str) -> None:
        """Show the titles in `script` (reader.text.script.SCRIPTS)."""
        if script != self.script:
            self.script = script
            path, self._path = self._path, []
            self.set_path(path)

    def set_path(self, path: list[tuple[str, int, int]]) -> None:
        """Show `path`: (title as written, offset, length) from the outermost section inwards."""
        if path == self._path:
            return
        self._path = list(path)
        while self._layout.count():
            widget = self._layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # at once: the deferred delete waits for the event loop (not run by processEvents)
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
        title = convert_text(title, self.script)
        shown = title if len(title) <= limit else title[: limit - 1] + "…"
        button.setText(shown.replace("&", "&&"))
        button.setToolTip(plain_tooltip(title))
        if current:
            font = button.font()
            font.setBold(True)
            button.setFont(font)
        button.clicked.connect(lambda: self.crumbActivated.emit(offset, length))
        return button

    def align_to(self, view: QAbstractScrollArea) -> None:
        """Start the crumbs' text where `view`'s text starts (its frame, column margins and page margin)."""
        window = self.window()
        text_left = view.viewport().x() + view.document_view().documentMargin()
        left = view.mapTo(window, QPoint(int(text_left), 0)).x() - self.mapTo(window, QPoint(0, 0)).x()
        padding = self.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin) // 2 + 1  # a crumb's text inset
        left = max(0, left - padding)
        if self._layout.contentsMargins().left() != left:
            self._layout.setContentsMargins(left, 1, 6, 1)

    def text_left(self) -> int:
        """Where the first crumb's text starts, in the breadcrumb (for tests)."""
        return self._layout.contentsMargins().left()

    def titles(self) -> list[str]:
        """The titles as shown (in the breadcrumb's script)."""
        return [convert_text(title, self.script) for title, _, _ in self._path]
