"""The text-to-speech engine: Qt's QTextToSpeech by name (READER_TTS_ENGINE), or why there is none."""

from __future__ import annotations

import os

ENGINE_ENV = "READER_TTS_ENGINE"


def create_engine(parent=None) -> tuple[object | None, str]:
    """(engine, "") or (None, why there is none) — a missing module, no engine, or an engine in error."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:
        return None, f"Read aloud needs Qt's text-to-speech module ({error})."
    wanted = os.environ.get(ENGINE_ENV, "")
    engines = QTextToSpeech.availableEngines()
    if wanted and wanted not in engines:
        return None, f"The speech engine {wanted!r} is not installed (installed: {', '.join(engines) or 'none'})."
    if not engines:
        return None, "No speech engine is installed (on Linux: speech-dispatcher with espeak-ng)."
    engine = QTextToSpeech(wanted, parent) if wanted else QTextToSpeech(parent)
    if engine.state() == QTextToSpeech.State.Error:
        why = engine.errorString() or "the speech engine failed to start"
        engine.deleteLater()
        return None, f"Read aloud is unavailable: {why}."
    return engine, ""
