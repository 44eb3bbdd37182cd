"""Reads the shown document aloud, sentence by sentence, highlighting the sentence and word being spoken."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

from PySide6.QtCore import QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QColor

from reader.outline.title import is_boilerplate
from reader.text.sentences import Sentence, sentences

from .engine import create_engine

SENTENCE_LAYER, WORD_LAYER = "readAloud", "readAloudWord"
SENTENCE_COLOR, WORD_COLOR = QColor(120, 170, 255, 90), QColor(70, 130, 255, 150)
HEADING_PAUSE_MS = 450
USER_SCROLL_GRACE_S = 4.0  # after the reader scrolls away, the view is left alone this long
SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LETTERS = re.compile(r"[^\W\d_]")  # what str.isalpha() calls a letter, found in C
LANGUAGE_SAMPLE = 8000  # characters from the start that decide a document's language


def rate_for(speed: float) -> float:
    """Qt's rate (-1 slowest, 0 normal, 1 fastest) for a speed factor 0.5×–3×."""
    speed = max(SPEEDS[0], min(SPEEDS[-1], speed))
    return (speed - 1.0) * 2.0 if speed < 1.0 else (speed - 1.0) / 2.0


def language_of(text: str) -> QLocale.Language:
    """Chinese when CJK characters are at least a fifth of the letters in a sample, else English."""
    sample = text[:LANGUAGE_SAMPLE]
    letters = len(_LETTERS.findall(sample))
    cjk = len(_CJK.findall(sample))
    return QLocale.Language.Chinese if letters and cjk * 5 >= letters else QLocale.Language.English


class ReadAloud(QObject):
    """Owns the engine; `play()` starts at the selection or the reading position, `toggle()` pauses and resumes.
    Signals report what a toolbar shows; `sentenceStarted` gives each spoken sentence's source span."""

    availabilityChanged = Signal(bool, str)  # can read aloud, why not
    stateChanged = Signal(str)  # "stopped", "playing", "paused"
    sentenceStarted = Signal(int, int)  # source offset, length
    wordStarted = Signal(int, int)
    finished = Signal()  # the end of the document was reached

    def __init__(self, session, parent: QObject | None = None, clock=time.monotonic) -> None:
        super().__init__(parent)
        self.session, self.clock = session, clock
        self.engine, self.problem = create_engine(self)
        self.state = "stopped"
        self.speed = 1.0
        self.voice_name = ""  # "" = chosen from the document's language
        self.current: Sentence | None = None
        self.spoken: list[Sentence] = []  # said so far (for Previous Sentence)
        self._upcoming: Iterator[Sentence] | None = None
        self._scrolled_by_user_at = -1e9
        self._own_scroll = False
        self._voice_list: list | None = None
        self._by_language: dict = {}  # language -> its first (locale, voice), or None
        self._advancing = False  # an engine stop we asked for (next/previous): its Ready is not the sentence's end
        self._pause = QTimer(self, singleShot=True, interval=HEADING_PAUSE_MS, objectName="readAloudPause")
        self._pause.timeout.connect(self._speak_next)
        if self.engine is not None:
            self.engine.stateChanged.connect(self._on_engine_state)
            self.engine.sayingWord.connect(self._on_word)
        session.documentChanged.connect(self._on_document)
        for view in session.views:
            view.verticalScrollBar().valueChanged.connect(self._on_scroll)

    # -- what the controls call -------------------------------------------------------------
    def availability(self) -> tuple[bool, str]:
        """(available, why not) for the shown document."""
        if self.engine is None:
            return False, self.problem
        document = self.session.document
        if document is None:
            return False, self.tr("Open a document to read it aloud.")
        language = language_of(document.text)
        if self.voice_name or self._voice_for(language) is not None:
            return True, ""
        language = QLocale.languageToString(language)
        return False, self.tr("No voice for %1 is installed; choose another voice in Read Aloud ▸ Voice.").replace(
            "%1", language)

    def voices_by_language(self) -> dict[str, list[str]]:
        """Voice names grouped under their language's name, both sorted (espeak-ng via speech-dispatcher
        has 13,000 voices: one flat list is no menu)."""
        groups: dict[str, set[str]] = {}
        for locale, voice in self._all_voices():
            name = QLocale.languageToString(locale.language()) if locale.language() != QLocale.Language.C else ""
            groups.setdefault(name or self.tr("Other"), set()).add(voice.name())
        return {language: sorted(groups[language]) for language in sorted(groups)}

    def set_voice(self, name: str) -> None:
        """Use the voice called `name` ("" = the document language's first voice)."""
        self.voice_name = name
        self.availabilityChanged.emit(*self.availability())

    def set_speed(self, speed: float) -> None:
        self.speed = speed
        if self.engine is not None:
            self.engine.setRate(rate_for(speed))

    def toggle(self) -> None:
        """Play, pause or resume."""
        if self.state == "playing":
            self.pause()
        elif self.state == "paused":
            self.resume()
        else:
            self.play()

    def play(self, offset: int | None = None) -> bool:
        """Start reading at `offset` (default: the selection, else the reading position)."""
        available, _why = self.availability()
        if not available:
            return False
        self.stop()
        if offset is None:
            offset = self._start_offset()
        self._prepare_voice()
        self.spoken = []
        self._upcoming = self._sentences_from(offset)
        self._set_state("playing")
        self._speak_next()
        return True

    def _start_offset(self) -> int:
        """The selection's start, else the start of the line at the reading position (the top of the text while
        the view has not been scrolled: there the reading line may lie past a short document's end)."""
        view = self.session.view
        selected = view.selected_range()
        if selected and selected[1] > 0:
            return selected[0]
        bar = view.verticalScrollBar()
        offset = view.top_offset() if bar.value() == bar.minimum() else self.session.reading_offset()
        return _line_start(self.session.document.text, offset)

    def pause(self) -> None:
        if self.state == "playing" and self.engine is not None:
            self._pause.stop()
            self.engine.pause()
            self._set_state("paused")

    def resume(self) -> None:
        if self.state == "paused" and self.engine is not None:
            self._set_state("playing")
            if self.engine.state() == self.engine.State.Paused:
                self.engine.resume()
            else:
                self._speak_next()

    def stop(self) -> None:
        """Stop speaking and clear the highlights."""
        self._pause.stop()
        was = self.state
        self._set_state("stopped")
        if self.engine is not None and was != "stopped":
            self.engine.stop()
        self.current, self._upcoming = None, None
        for view in self.session.views:
            view.set_highlights(SENTENCE_LAYER, [], SENTENCE_COLOR)
            view.set_highlights(WORD_LAYER, [], WORD_COLOR)

    def next_sentence(self) -> None:
        if self.state != "stopped" and self.current is not None:
            self._restart_at(self.current.offset + self.current.length)

    def previous_sentence(self) -> None:
        if self.state == "stopped" or self.current is None:
            return
        earlier = [s for s in self.spoken if s.offset < self.current.offset]
        self._restart_at(earlier[-1].offset if earlier else self.current.offset)

    # -- speaking ---------------------------------------------------------------------------
    def _restart_at(self, offset: int) -> None:
        spoken = [s for s in self.spoken if s.offset < offset]
        self._pause.stop()
        self._upcoming = self._sentences_from(offset)
        self.current = None
        self.spoken = spoken
        if self.engine is not None:
            self._advancing = True
            self.engine.stop()
        self._set_state("playing")
        self._speak_next()

    def _sentences_from(self, offset: int) -> Iterator[Sentence]:
        document = self.session.document
        headings = frozenset(h.offset for h in _flat(self.session.outline))
        return sentences(document.text, offset, headings=headings, skip_line=is_boilerplate,
                         markdown=document.kind == "markdown")

    def _speak_next(self) -> None:
        if self.state != "playing" or self._upcoming is None or self.engine is None:
            return
        following = next(self._upcoming, None)
        if following is None:
            self.stop()
            self.finished.emit()
            return
        self.current = following
        self.spoken.append(following)
        self._show(following)
        self.sentenceStarted.emit(following.offset, following.length)
        self.engine.say(following.spoken)

    def _on_engine_state(self, state) -> None:
        engine_state = self.engine.State
        if state == engine_state.Ready and self.state == "playing" and self.current is not None:
            if self._advancing:
                self._advancing = False
                return
            if self.current.heading:
                self._pause.start()
            else:
                self._speak_next()
        elif state == engine_state.Error:
            self.problem = self.engine.errorString()
            self.stop()
            self.availabilityChanged.emit(False, self.problem)

    def _on_word(self, _word: str, _id: int, start: int, length: int) -> None:
        sentence = self.current
        if sentence is None or length <= 0:
            return
        begin, end = _source_span(self.session.document.text, sentence, start, length)
        if end > begin:
            self.session.view.set_highlights(WORD_LAYER, [(begin, end - begin)], WORD_COLOR)
            self.wordStarted.emit(begin, end - begin)

    # -- following the text -------------------------------------------------------------------
    def _show(self, sentence: Sentence) -> None:
        view = self.session.view
        view.set_highlights(WORD_LAYER, [], WORD_COLOR)
        view.set_highlights(SENTENCE_LAYER, [(sentence.offset, sentence.length)], SENTENCE_COLOR)
        if self.clock() - self._scrolled_by_user_at < USER_SCROLL_GRACE_S:
            return
        first, last = _visible(view)
        if not first <= sentence.offset <= max(first, last - sentence.length):
            self._own_scroll = True
            try:
                view.show_offset(_line_start(self.session.document.text, sentence.offset))
            finally:
                self._own_scroll = False
            self.session.sync_position()

    def _on_scroll(self, _value: int) -> None:
        if not self._own_scroll and self.state == "playing":
            self._scrolled_by_user_at = self.clock()

    def _on_document(self, _document) -> None:
        self.stop()
        self.availabilityChanged.emit(*self.availability())

    def _prepare_voice(self) -> None:
        if self.engine is None:
            return
        self.engine.setRate(rate_for(self.speed))
        if self.voice_name:
            for locale, voice in self._all_voices():
                if voice.name() == self.voice_name:
                    self.engine.setLocale(locale)
                    self.engine.setVoice(voice)
                    return
        voice = self._voice_for(language_of(self.session.document.text))
        if voice is not None:
            self.engine.setLocale(voice[0])
            self.engine.setVoice(voice[1])

    def _voice_for(self, language: QLocale.Language):
        """The first (locale, voice) of `language`, or None; remembered (asked of the engine per locale: listing
        all of espeak-ng's 13,000 voices costs the UI thread ~50 ms)."""
        if language not in self._by_language:
            self._by_language[language] = self._first_voice(language)
        return self._by_language[language]

    def _first_voice(self, language: QLocale.Language):
        if self.engine is None:
            return None
        if self._voice_list is not None:
            return next(((locale, voice) for locale, voice in self._voice_list if locale.language() == language), None)
        current = self.engine.locale()
        try:
            for locale in self.engine.availableLocales():
                if locale.language() == language:
                    self.engine.setLocale(locale)
                    voices = self.engine.availableVoices()
                    if voices:
                        return locale, voices[0]
            return None
        finally:
            self.engine.setLocale(current)

    def _all_voices(self) -> list:
        """(locale, voice) for every voice of the engine (asked once: the engine lists a locale's voices only
        while that locale is set)."""
        if self.engine is None:
            return []
        if self._voice_list is None:
            current, found = self.engine.locale(), []
            for locale in self.engine.availableLocales():
                self.engine.setLocale(locale)
                found += [(locale, voice) for voice in self.engine.availableVoices()]
            self.engine.setLocale(current)
            self._voice_list = found
        return self._voice_list

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)


def _flat(outline) -> list:
    flat, stack = [], list(reversed(outline or []))
    while stack:
        heading = stack.pop()
        flat.append(heading)
        stack.extend(reversed(getattr(heading, "children", []) or []))
    return flat


def _visible(view) -> tuple[int, int]:
    from PySide6.QtCore import QPoint

    viewport = view.viewport()
    top = view.from_qt(view.cursorForPosition(QPoint(0, 0)).position())
    bottom = view.from_qt(view.cursorForPosition(QPoint(viewport.width(), viewport.height())).position())
    return top, bottom


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _source_span(text: str, sentence: Sentence, start: int, length: int) -> tuple[int, int]:
    """The source span of spoken[start:start+length]: the spoken words found in order in the sentence's text."""
    source = text[sentence.offset:sentence.offset + sentence.length]
    word = sentence.spoken[start:start + length].strip()
    if not word:
        return 0, 0
    found = source.find(word, min(start, len(source)) // 2)
    if found < 0:
        found = source.find(word)
    if found < 0:
        return 0, 0
    return sentence.offset + found, sentence.offset + found + len(word)
