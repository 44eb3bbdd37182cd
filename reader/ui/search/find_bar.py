"""Find in document (Ctrl+F): highlights every match with search folding, shows "3 / 17"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolBar, QToolButton, QWidget

from reader.search import QueryError, find_in_text
from reader.ui.search.messages import translate
from reader.ui.views.plain import plain_label

HIGHLIGHT = QColor("#ffe680")


class FindBar(QWidget):
    """A line edit, a match counter and previous/next/close buttons."""

    def __init__(self, session, toolbar: QToolBar) -> None:
        """`session`: the document to search and the view to highlight; `toolbar`: the bar holding this one
        (hidden while the find bar is closed)."""
        super().__init__(toolbar)
        self.setObjectName("findBar")
        self.session = session
        self.toolbar = toolbar
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.showing_error = False  # the counter shows why the query is malformed
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.edit = QLineEdit(self, objectName="findText", clearButtonEnabled=True)
        self.edit.setPlaceholderText(self.tr("Find in document"))
        self.count = plain_label(QLabel(self, objectName="findCount"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        for name, text, slot in (
            ("findPrevious", "↑", lambda: self.step(False)),
            ("findNext", "↓", lambda: self.step(True)),
            ("findClose", "✕", self.close_bar),
        ):
            button = QToolButton(self, objectName=name, text=text, autoRaise=True)
            button.clicked.connect(slot)
            layout.addWidget(button)
        self.edit.textChanged.connect(self.refresh)
        self.edit.returnPressed.connect(lambda: self.step(True))
        previous = QShortcut(QKeySequence("Shift+Return"), self.edit, activated=lambda: self.step(False))
        previous.setObjectName("findPreviousShortcut")
        previous.setWhatsThis(self.tr("Previous match"))  # the name the shortcuts dialog lists
        close = QShortcut(QKeySequence("Escape"), self, activated=self.close_bar,
                          context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.setObjectName("findCloseShortcut")
        close.setWhatsThis(self.tr("Close the find bar"))
        session.documentChanged.connect(lambda _doc: self.refresh())

    def refresh(self) -> None:
        """Recompute the matches in the current document and highlight them all."""
        document = self.session.document
        query = self.edit.text().strip()
        self.matches, self.current = [], -1
        if document is not None and query and not self.toolbar.isHidden():
            self.showing_error = False  # searched afresh: an earlier query's error no longer holds
            try:
                self.matches = find_in_text(document.text, query)
            except QueryError as error:
                self._show_count(translate(error.message), error=True)
        if document is not None:
            self.session.view.set_highlights("find", self.matches, HIGHLIGHT)
        if self.matches:
            self.step(True)
        elif query and not self.showing_error:
            self._show_count(self.tr("No matches"))
        elif not query:
            self._show_count("")

    def _show_count(self, text: str, error: bool = False) -> None:
        self.count.setText(text)
        self.showing_error = error

    def step(self, forward: bool = True) -> None:
        """Select the next (or previous) match after the current one."""
        if not self.matches:
            return
        self.current = (self.current + (1 if forward else -1)) % len(self.matches)
        offset, length = self.matches[self.current]
        self.session.view.select_range(offset, length)
        self._show_count(f"{self.current + 1} / {len(self.matches)}")

    def open_bar(self) -> None:
        self.toolbar.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.toolbar.hide()
        if self.session.document is not None:
            self.session.view.set_highlights("find", [], HIGHLIGHT)
        self.session.view.setFocus()
