"""What counts as reading: time with a document shown, the window active and a move in the last 2 minutes."""

from __future__ import annotations

from datetime import datetime

from reader.stats import IDLE_AFTER_S, ReadingTracker

START = datetime(2026, 11, 30, 20, 0).timestamp()


def _reading(start: float = START) -> ReadingTracker:
    tracker = ReadingTracker(start)
    tracker.set_active(start, True)
    tracker.show(start, "/books/novel.txt", "novel.txt", 100_000, 0)
    return tracker


def _seconds(tracker: ReadingTracker, now: float) -> float:
    return sum(r.seconds for r in tracker.drain(now))


def test_time_counts_from_the_first_move_while_the_reader_keeps_moving() -> None:
    tracker = _reading()
    for minute in range(10):
        tracker.moved(START + 60 * minute, 500 * minute)
    assert _seconds(tracker, START + 9 * 60) == 9 * 60


def test_idle_time_after_two_minutes_without_a_move_is_not_counted() -> None:
    tracker = _reading()
    tracker.moved(START, 0)
    tracker.moved(START + 60, 500)
    # away from the desk for an hour, window still active and the document shown
    reading = tracker.drain(START + 3600)
    assert sum(r.seconds for r in reading) == 60 + IDLE_AFTER_S
    tracker.moved(START + 3600, 900)  # back: a new session, the hour is not counted
    tracker.moved(START + 3660, 1400)
    later = tracker.drain(START + 3660)
    assert sum(r.seconds for r in later) == 60
    assert sum(r.sessions for r in later) == 1


def test_an_inactive_window_counts_nothing() -> None:
    tracker = _reading()
    tracker.moved(START, 0)
    tracker.set_active(START + 30, False)  # another application in front
    tracker.moved(START + 60, 400)  # e.g. a search hit followed in the background
    assert _seconds(tracker, START + 100) == 30


def test_no_document_shown_counts_nothing() -> None:
    tracker = ReadingTracker(START)
    tracker.set_active(START, True)
    tracker.moved(START + 10, 400)
    assert tracker.drain(START + 60) == []


def test_characters_are_the_forward_steps_and_jumps_count_none() -> None:
    tracker = _reading()
    tracker.moved(START, 0)
    tracker.moved(START + 60, 900)  # a page read in a minute
    tracker.moved(START + 70, 60_000)  # an outline jump
    tracker.moved(START + 80, 59_000)  # back a little
    tracker.moved(START + 140, 59_800)
    (reading,) = tracker.drain(START + 140)
    assert reading.characters == 900 + 800
    assert reading.furthest == 60_000
    assert reading.sessions == 1


def test_skimming_is_credited_at_most_at_reading_speed() -> None:
    tracker = _reading()
    tracker.moved(START, 0)
    tracker.moved(START + 10, 15_000)  # 15,000 characters in 10 s is not reading them
    (reading,) = tracker.drain(START + 10)
    assert 0 < reading.characters <= 10 * 30


def test_reading_over_midnight_goes_to_each_day() -> None:
    late = datetime(2026, 11, 30, 23, 59).timestamp()
    tracker = _reading(late)
    tracker.moved(late, 0)
    first = tracker.drain(late + 50)
    tracker.moved(late + 90, 700)
    second = tracker.drain(late + 120)
    assert [str(r.day) for r in first] == ["2026-11-30"]
    assert [str(r.day) for r in second] == ["2026-12-01"]
