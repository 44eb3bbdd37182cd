"""The Read Aloud actions: named, disabled with the reason when no voice fits, a toolbar while reading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolBar

from reader.ui.speech.controls import ReadAloudControls
from reader.ui.speech.engine import create_engine
from reader.ui.speech.read_aloud import ReadAloud

pytest.importorskip("PySide6.QtTextToSpeech", reason="PySide6-Addons (QtTextToSpeech) is not installed")


@pytest.fixture
def controls(qtbot, make_session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("READER_TTS_ENGINE", "mock")
    path = tmp_path / "doc.txt"
    path.write_text("北京是中国的首都。上海是一座城市。\n", encoding="utf-8")
    window = QMainWindow()
    qtbot.addWidget(window)
    session = make_session()
    aloud = ReadAloud(session, window)
    made = ReadAloudControls(aloud, window)
    window.addToolBar(made.toolbar)
    with qtbot.waitSignal(session.documentShown, timeout=10_000):
        session.open(path)
    session.view.show()  # the reading position is where the shown view is
    qtbot.waitExposed(session.view)
    return window, aloud, made


def test_actions_are_named_and_disabled_with_the_reason(controls) -> None:
    window, aloud, _made = controls
    play = window.findChild(QAction, "readAloudPlayAction")
    stop = window.findChild(QAction, "readAloudStopAction")
    assert play is not None and stop is not None
    assert not play.isEnabled() and "No voice for Chinese" in play.toolTip()
    aloud.set_voice("Bob")
    assert play.isEnabled() and "No voice" not in play.toolTip()


def test_the_toolbar_shows_while_reading_and_the_play_action_pauses(qtbot, controls) -> None:
    window, aloud, made = controls
    aloud.set_voice("Bob")
    toolbar = window.findChild(QToolBar, "readAloudToolbar")
    window.show()
    assert not toolbar.isVisible()
    with qtbot.waitSignal(aloud.sentenceStarted, timeout=10_000):
        made.play.trigger()
    assert toolbar.isVisible() and made.play.text() == "&Pause Reading" and made.stop.isEnabled()
    made.play.trigger()
    assert aloud.state == "paused" and made.play.text() == "&Resume Reading"
    made.stop.trigger()
    assert aloud.state == "stopped" and not toolbar.isVisible()


@pytest.mark.skipif(shutil.which("speech-dispatcher") is None, reason="speech-dispatcher is not installed")
def test_the_real_engine_starts_or_says_why(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_TTS_ENGINE", "speechd")
    engine, why = create_engine()
    assert (engine is not None and why == "") or (engine is None and why.startswith("Read aloud is unavailable"))
    if engine is not None:
        engine.deleteLater()


def test_the_voice_menu_groups_voices_by_language_when_first_opened(controls) -> None:
    _window, aloud, made = controls
    assert [a.objectName() for a in made.voice_menu.actions() if a.objectName()] == ["readAloudAutomaticVoiceAction"]
    made.voice_menu.aboutToShow.emit()  # the reader opens Read Aloud ▸ Voice
    groups = {a.text(): a.menu() for a in made.voice_menu.actions() if a.menu() is not None}
    assert "English" in groups and "Bob" not in groups
    english = groups["English"]
    english.aboutToShow.emit()
    bob = next(a for a in english.actions() if a.text() == "Bob")
    bob.trigger()
    assert aloud.voice_name == "Bob" and made.play.isEnabled()
