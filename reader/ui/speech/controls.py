"""Read Aloud menu and toolbar: play/pause, stop, previous/next sentence, speed and voice, with objectNames."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from .read_aloud import SPEEDS, ReadAloud


class ReadAloudControls(QObject):
    """The actions over a ReadAloud, a `menu` for the menu bar and a `toolbar` shown while reading aloud."""

    def __init__(self, aloud: ReadAloud, window: QWidget) -> None:
        super().__init__(window)
        self.aloud, self.window = aloud, window
        self.play = self._action("readAloudPlayAction", "Ctrl+Shift+Space", aloud.toggle)
        self.stop = self._action("readAloudStopAction", "Ctrl+Shift+Backspace", aloud.stop)
        self.previous = self._action("readAloudPreviousAction", "Ctrl+Shift+Left", aloud.previous_sentence)
        self.next = self._action("readAloudNextAction", "Ctrl+Shift+Right", aloud.next_sentence)
        self.menu = QMenu(window, objectName="readAloudMenu")
        self.speed_menu = QMenu(self.menu, objectName="readAloudSpeedMenu")
        self.voice_menu = QMenu(self.menu, objectName="readAloudVoiceMenu")
        self.speeds = QActionGroup(self)
        for speed in SPEEDS:
            action = QAction(f"{speed:g}×", self, checkable=True, objectName=f"readAloudSpeed{speed:g}Action")
            action.setChecked(speed == aloud.speed)
            action.triggered.connect(lambda _checked=False, s=speed: aloud.set_speed(s))
            self.speeds.addAction(action)
            self.speed_menu.addAction(action)
        self.voices = QActionGroup(self)
        self.automatic_voice = QAction(self, checkable=True, checked=True, objectName="readAloudAutomaticVoiceAction")
        self.automatic_voice.triggered.connect(lambda: aloud.set_voice(""))
        self.voice_menu.addAction(self.automatic_voice)
        self.voices.addAction(self.automatic_voice)
        self.voice_menu.addSeparator()
        self._voices_filled = False
        self.voice_menu.aboutToShow.connect(self._fill_voices)
        for action in (self.play, self.stop, self.previous, self.next):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addMenu(self.speed_menu)
        self.menu.addMenu(self.voice_menu)
        self.toolbar = QToolBar(window, objectName="readAloudToolbar")
        for action in (self.previous, self.play, self.stop, self.next):
            self.toolbar.addAction(action)
        self.toolbar.hide()
        aloud.stateChanged.connect(self._on_state)
        aloud.availabilityChanged.connect(self._on_availability)
        window.installEventFilter(self)
        self.retranslate_ui()
        self._on_availability(*aloud.availability())
        self._on_state(aloud.state)

    def _action(self, name: str, shortcut: str, slot) -> QAction:
        action = QAction(self.window, objectName=name)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _fill_voices(self) -> None:
        """The voice menu, filled when first opened: a submenu per language, its voices added when it opens."""
        if self._voices_filled:
            return
        self._voices_filled = True
        for language, names in self.aloud.voices_by_language().items():
            submenu = self.voice_menu.addMenu(language)
            submenu.aboutToShow.connect(lambda menu=submenu, names=names: self._fill_language(menu, names))

    def _fill_language(self, menu: QMenu, names: list[str]) -> None:
        if menu.actions():
            return
        for name in names:
            action = QAction(name, menu, checkable=True, checked=name == self.aloud.voice_name)
            action.triggered.connect(lambda _checked=False, n=name: self.aloud.set_voice(n))
            self.voices.addAction(action)
            menu.addAction(action)

    def retranslate_ui(self) -> None:
        self.menu.setTitle(self.tr("Read &Aloud"))
        self.speed_menu.setTitle(self.tr("&Speed"))
        self.voice_menu.setTitle(self.tr("&Voice"))
        self.automatic_voice.setText(self.tr("Automatic (the document's language)"))
        self.stop.setText(self.tr("S&top Reading"))
        self.previous.setText(self.tr("&Previous Sentence"))
        self.next.setText(self.tr("&Next Sentence"))
        self.toolbar.setWindowTitle(self.tr("Read Aloud"))
        self._on_state(self.aloud.state)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.LanguageChange:
            self.retranslate_ui()
        return False

    def _on_state(self, state: str) -> None:
        self.play.setText(self.tr("&Pause Reading") if state == "playing" else
                          self.tr("&Resume Reading") if state == "paused" else self.tr("&Read Aloud"))
        for action in (self.stop, self.previous, self.next):
            action.setEnabled(state != "stopped")
        self.toolbar.setVisible(state != "stopped")

    def _on_availability(self, available: bool, why: str) -> None:
        self.play.setEnabled(available)
        self.play.setToolTip("" if available else why)
        self.play.setStatusTip("" if available else why)
