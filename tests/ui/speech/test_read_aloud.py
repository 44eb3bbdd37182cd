"""Read aloud on Qt's mock speech engine: the sentence sequence, pause and resume, glosses, sections, the end."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.speech.read_aloud import SENTENCE_LAYER, ReadAloud

pytest.importorskip("PySide6.QtTextToSpeech", reason="PySide6-Addons (QtTextToSpeech) is not installed")

TEXT = ("第一章 学习\n\n我们要好好学(xué)习(xí)。天天向上！\n\n"
        "第二章 工作\n\n工作很重要；大家都知道。\n\nThe end is near. Really?\n")


@pytest.fixture(autouse=True)
def mock_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_TTS_ENGINE", "mock")


@pytest.fixture
def reading(qtbot, make_session, tmp_path: Path):
    path = tmp_path / "学习.txt"
    path.write_text(TEXT, encoding="utf-8")
    session = make_session()
    with qtbot.waitSignal(session.documentShown, timeout=10_000):
        session.open(path)
    qtbot.waitUntil(lambda: len(session.outline) == 2, timeout=10_000)
    aloud = ReadAloud(session)
    aloud.set_voice("Anne")  # the mock engine speaks English voices only: the reader's override
    aloud.set_speed(3.0)
    return session, aloud


def _spans(started: list[tuple[int, int]]) -> list[str]:
    return [TEXT[offset:offset + length] for offset, length in started]


def test_reads_every_sentence_in_order_across_sections_and_stops_at_the_end(qtbot, reading) -> None:
    session, aloud = reading
    started: list[tuple[int, int]] = []
    words: list[str] = []
    aloud.sentenceStarted.connect(lambda offset, length: started.append((offset, length)))
    aloud.wordStarted.connect(lambda offset, length: words.append(TEXT[offset:offset + length]))
    with qtbot.waitSignal(aloud.finished, timeout=60_000):
        assert aloud.play(0)
    assert _spans(started) == ["第一章 学习", "我们要好好学(xué)习(xí)。", "天天向上！", "第二章 工作", "工作很重要；",
                               "大家都知道。", "The end is near.", "Really?"]
    assert [s.heading for s in aloud.spoken][:4] == [True, False, False, True]
    assert aloud.spoken[1].spoken == "我们要好好学习。"  # the glosses are not read
    assert {"end", "near", "Really"} <= set(words)  # the engine's word boundaries, highlighted in the source
    assert aloud.state == "stopped" and session.view.highlight_count(SENTENCE_LAYER) == 0


def test_the_spoken_sentence_is_highlighted_in_the_text_view(qtbot, reading) -> None:
    session, aloud = reading
    with qtbot.waitSignal(aloud.sentenceStarted, timeout=10_000) as first:
        aloud.play(TEXT.index("工作很重要"))
    assert first.args == [TEXT.index("工作很重要"), len("工作很重要；")]
    assert session.view.highlight_count(SENTENCE_LAYER) == 1
    aloud.stop()


def test_pause_keeps_the_place_and_resume_goes_on_from_it(qtbot, reading) -> None:
    _session, aloud = reading
    started: list[tuple[int, int]] = []
    aloud.sentenceStarted.connect(lambda offset, length: started.append((offset, length)))
    aloud.play(TEXT.index("天天向上"))
    qtbot.waitUntil(lambda: len(started) >= 2, timeout=20_000)
    aloud.pause()
    paused_at = list(started)
    assert aloud.state == "paused"
    qtbot.wait(1500)
    assert started == paused_at  # nothing more while paused
    with qtbot.waitSignal(aloud.finished, timeout=60_000):
        aloud.resume()
    spans = _spans(started)
    assert spans[:len(paused_at)] == _spans(paused_at)
    assert spans[len(paused_at)] == _spans([_next_after(paused_at[-1])])[0]
    assert len(spans) == len(set(spans))  # nothing read twice


def _next_after(span: tuple[int, int]) -> tuple[int, int]:
    order = ["第一章 学习", "我们要好好学(xué)习(xí)。", "天天向上！", "第二章 工作", "工作很重要；", "大家都知道。",
             "The end is near.", "Really?"]
    text = TEXT[span[0]:span[0] + span[1]]
    following = order[order.index(text) + 1]
    return TEXT.index(following), len(following)


def test_play_starts_at_the_selection(qtbot, reading) -> None:
    session, aloud = reading
    start = TEXT.index("大家都知道")
    session.view.select_range(start, 2)
    with qtbot.waitSignal(aloud.sentenceStarted, timeout=10_000) as first:
        aloud.play()
    assert first.args[0] == start
    aloud.stop()


def test_without_a_voice_for_the_language_the_reason_is_given(qtbot, reading) -> None:
    _session, aloud = reading
    aloud.set_voice("")
    available, why = aloud.availability()
    assert not available and "No voice for Chinese" in why
    assert not aloud.play(0)
