"""Progress in the status bar: time left in the section and the document at the reader's pace, 100% at the
very end, and small files measured in bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.shell import progress

CORPUS_FILES = sorted(Path(__file__).resolve().parents[3].joinpath("corpus").glob("*.txt"))


@pytest.fixture(autouse=True)
def typical_pace(monkeypatch):
    monkeypatch.setattr(progress, "_pace", progress.ReadingPace())


def test_a_small_file_shows_its_size_in_bytes(make_window, tmp_path: Path) -> None:
    small = tmp_path / "small.txt"
    small.write_bytes(b"x" * 322)
    window = make_window([str(small)])
    assert window.status_labels["size"].text() == "322 B"
    assert progress.format_size(53 * 1024) == "53 KB" and progress.format_size(3 * 1048576) == "3.0 MB"


def test_scrolling_to_the_end_reaches_100_percent(make_window, qtbot) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    label = window.status_labels["position"]
    assert label.text() == "0%"
    bar = window.text_view.verticalScrollBar()
    for _ in range(10):  # lazy layout may shorten the scroll range as the last lines are laid out
        bar.setValue(bar.maximum() - 1)
        qtbot.wait(100)
        if bar.value() == bar.maximum() - 1:
            break
    window.session.sync_position()
    qtbot.waitUntil(lambda: label.text() not in ("0%", ""))
    assert bar.value() < bar.maximum() and label.text() != "100%"  # one line short of the end is not the end
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: label.text() == "100%")
    assert "section" not in window.status_labels["timeLeft"].text()


def test_time_left_counts_down_and_follows_the_readers_pace(make_window, qtbot) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    label = window.status_labels["timeLeft"]
    text = window.current_document.text
    cjk = sum("\u4e00" <= c <= "\u9fff" for c in text)
    assert label.text().startswith("section ") and f"document {round(cjk / 300)} min left" in label.text()
    window.jump_to(len(text) // 2)
    qtbot.waitUntil(lambda: f"document {round(cjk / 600)} min left" in label.text()
                    or f"document {round(cjk / 600) + 1} min left" in label.text()
                    or f"document {round(cjk / 600) - 1} min left" in label.text())
    progress.set_reading_pace(cjk_chars_per_minute=600)  # measured: twice as fast
    window.jump_to(0)
    qtbot.waitUntil(lambda: f"document {round(cjk / 600)} min left" in label.text())
    assert progress.reading_pace().measured


def test_minutes_read_as_people_say_them() -> None:
    assert progress.format_minutes(0.2) == "under a minute"
    assert progress.format_minutes(1) == "1 min"
    assert progress.format_minutes(65) == "1 h 5 min"
    assert progress.percent(999, 1000, at_end=False) == 99
    assert progress.percent(0, 1000, at_end=True) == 100
