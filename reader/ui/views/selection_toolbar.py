"""A small toolbar floating over a text view's selection: colour buttons, note, copy, search the library."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeySequence, QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton

GAP = 6  # pixels between the selection and the toolbar


class SelectionToolbar(QFrame):
    """Shown near the selection after the mouse (or Shift+keys) selects text in `view`; hidden by a
    click elsewhere, Esc, a scroll, or the selection going away. It never takes the keyboard focus.

    `colors` are (name, icon) pairs; `describe(name)` says what a colour button does, in the UI language."""

    colorChosen = Signal(str)  # bookmark the selection in this colour
    noteRequested = Signal()  # bookmark the selection and edit its note
    searchRequested = Signal(str)  # search the library for this text
    copied = Signal()

    def __init__(self, view, colors: list[tuple[str, QIcon]], describe: Callable[[str], str]) -> None:
        super().__init__(view.viewport())
        self.setObjectName("selectionToolbar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#selectionToolbar { background: palette(window); border: 1px solid palette(mid);"
                           " border-radius: 5px; }")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view, self._describe = view, describe
        layout = QHBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(1)
        self.color_buttons: dict[str, QToolButton] = {}
        for name, icon in colors:
            button = self._button(f"selectionColor_{name}", lambda _c=False, n=name: self._choose(n))
            button.setIcon(icon)
            self.color_buttons[name] = button
        self.note_button = self._button("selectionNoteButton", self._note)
        self.copy_button = self._button("selectionCopyButton", self._copy)
        self.search_button = self._button("selectionSearchButton", self._search)
        self._pending = QTimer(self, singleShot=True, interval=0, timeout=self.show_for_selection)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self.hide())
        view.horizontalScrollBar().valueChanged.connect(lambda _v: self.hide())
        view.selectionChanged.connect(self._selection_changed)
        self.hide()
        self.retranslate_ui()

    def _button(self, name: str, slot: Callable) -> QToolButton:
        button = QToolButton(self, objectName=name, autoRaise=True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        self.layout().addWidget(button)
        return button

    def retranslate_ui(self) -> None:
        for name, button in self.color_buttons.items():
            button.setToolTip(self._describe(name))
        for button, text in ((self.note_button, self.tr("Note")), (self.copy_button, self.tr("Copy")),
                             (self.search_button, self.tr("Search Library"))):
            button.setText(text)
        self.note_button.setToolTip(self.tr("Bookmark the selection and write a note"))
        self.copy_button.setToolTip(self.tr("Copy the selection"))
        self.search_button.setToolTip(self.tr("Search the library for the selection"))
        self.adjustSize()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- showing and hiding ---------------------------------------------------------------------

    def show_for_selection(self) -> bool:
        """Show the toolbar above the selection (below it at the top of the view); False if none."""
        cursor = self.view.textCursor()
        if not cursor.hasSelection() or self.view.shown_document is None:
            self.hide()
            return False
        self.adjustSize()
        start = QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())
        end = QTextCursor(cursor)
        end.setPosition(cursor.selectionEnd())
        top, bottom = self.view.cursorRect(start), self.view.cursorRect(end)
        y = top.top() - self.height() - GAP
        if y < 0:
            y = bottom.bottom() + GAP
        area = self.parentWidget().rect()
        x = max(0, min(top.left(), area.width() - self.width()))
        self.move(QPoint(x, max(0, min(y, area.height() - self.height()))))
        self.show()
        self.raise_()
        return True

    def _selection_changed(self) -> None:
        if not self.view.textCursor().hasSelection():
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and watched is self.view.viewport():
            self.hide()
        elif kind == QEvent.Type.MouseButtonRelease and watched is self.view.viewport():
            if event.button() == Qt.MouseButton.LeftButton:
                self._pending.start()
        elif kind == QEvent.Type.ShortcutOverride and watched is self.view:
            if event.key() == Qt.Key.Key_Escape and self.isVisible():
                event.accept()  # Esc closes the toolbar first, before any window shortcut (focus mode)
        elif kind == QEvent.Type.KeyPress and watched is self.view:
            if event.key() == Qt.Key.Key_Escape and self.isVisible():
                self.hide()
                return True
            if not event.matches(QKeySequence.StandardKey.Copy):
                self.hide()
        elif kind == QEvent.Type.KeyRelease and watched is self.view:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or event.key() == Qt.Key.Key_Shift:
                self._pending.start()
        elif kind in (QEvent.Type.Resize, QEvent.Type.Wheel, QEvent.Type.FocusOut):
            self.hide()
        return False

    # --- the buttons ----------------------------------------------------------------------------

    def _choose(self, color: str) -> None:
        """Bookmark in `color`, then drop the selection so the new mark shows at once."""
        self.hide()
        self.colorChosen.emit(color)
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)

    def _note(self) -> None:
        self.hide()
        self.noteRequested.emit()

    def _copy(self) -> None:
        self.view.copy()
        self.hide()
        self.copied.emit()

    def _search(self) -> None:
        text = " ".join(self.view.selected_text().split())
        self.hide()
        if text:
            self.searchRequested.emit(text)

