"""The statistics store: sums per day and document, a corrupt file kept aside, kill -9 loses nothing stored."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import date
from pathlib import Path

from reader.stats import Reading, StatsStore, stats_path, summary

REPO = Path(__file__).resolve().parents[2]
DAY = date(2026, 11, 30)


def _reading(path: str, day: date = DAY, seconds: float = 60.0, characters: int = 300, furthest: int = 0,
             length: int = 1000) -> Reading:
    return Reading(path, day, Path(path).name, length, seconds, characters, 1, furthest)


def test_readings_add_up_per_day_and_per_document(tmp_path: Path) -> None:
    store = StatsStore()
    store.record([_reading("/a.txt", furthest=200), _reading("/b.txt", seconds=30)])
    store.record([_reading("/a.txt", furthest=100), _reading("/a.txt", date(2026, 11, 29), furthest=500)])
    days = store.days(3, DAY)
    assert days == [
        {"date": "2026-11-28", "seconds": 0.0, "characters": 0},
        {"date": "2026-11-29", "seconds": 60.0, "characters": 300},
        {"date": "2026-11-30", "seconds": 150.0, "characters": 900},
    ]
    documents = {d["path"]: d for d in store.documents()}
    assert documents["/a.txt"]["seconds"] == 180.0 and documents["/a.txt"]["sessions"] == 3
    assert documents["/a.txt"]["progress"] == 0.5  # the furthest position over the length
    assert documents["/b.txt"]["characters"] == 300


def test_summary_gives_a_pace_once_there_is_enough_reading() -> None:
    store = StatsStore()
    store.record([_reading("/a.txt", seconds=300, characters=1500, length=100_000)])
    assert summary(store, 7, DAY)["chars_per_minute"] is None
    store.record([_reading("/a.txt", seconds=600, characters=3000, furthest=40_000, length=100_000)])
    report = summary(store, 7, DAY)
    assert report["chars_per_minute"] == 300.0
    (document,) = report["documents"]
    assert document["minutes_left"] == 200.0  # 60,000 characters left at 300 a minute


def test_a_non_utf8_file_name_is_kept_exactly() -> None:
    name = os.fsdecode(b"/books/a\xff.txt")
    StatsStore().record([_reading(name)])
    assert [d["path"] for d in StatsStore().documents()] == [name]


def test_a_corrupt_store_is_kept_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = stats_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    store = StatsStore()
    assert store.documents() == []
    assert store.notice and "kept as" in store.notice
    assert [p.name for p in path.parent.glob("statistics.sqlite3.corrupt-*")]
    store.record([_reading("/a.txt")])
    assert len(store.documents()) == 1


def test_clear_forgets_everything() -> None:
    store = StatsStore()
    store.record([_reading("/a.txt")])
    store.clear()
    assert store.documents() == [] and sum(d["seconds"] for d in store.days(7, DAY)) == 0


WRITER = """
import sys, datetime
from reader.stats import Reading, StatsStore
store = StatsStore()
for index in range(100000):
    store.record([Reading("/a.txt", datetime.date(2026, 11, 30), "a", 1000, 1.0, 1, 0, 0)])
    print(index, flush=True)
"""


def test_kill_9_mid_write_keeps_every_acknowledged_second(tmp_path: Path) -> None:
    acknowledged = 0
    for _ in range(5):
        writer = subprocess.Popen([sys.executable, "-c", WRITER], stdout=subprocess.PIPE, text=True,
                                  cwd=REPO, env=os.environ.copy())
        time.sleep(0.4)
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate(timeout=60)
        acknowledged += len(out.split())
    with closing(sqlite3.connect(str(stats_path()))) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    (document,) = StatsStore().documents()
    assert acknowledged > 0
    assert acknowledged <= document["seconds"] <= acknowledged + 5  # one unprinted commit per kill at most
