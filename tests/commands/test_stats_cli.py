"""`reader stats`: per-day and per-document reading, as JSON and as text; bad --days refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from reader.stats import Reading, StatsStore

REPO = Path(__file__).resolve().parents[2]


def _reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True,
                          cwd=REPO, env=os.environ.copy(), timeout=60)


def test_stats_json_lists_days_and_documents() -> None:
    today = date.today()
    StatsStore().record([
        Reading("/books/红楼梦.txt", today, "红楼梦.txt", 10_000, 1200.0, 6000, 2, 2500),
        Reading("/books/红楼梦.txt", today - timedelta(days=2), "红楼梦.txt", 10_000, 600.0, 3000, 1, 1000),
    ])
    result = _reader("stats", "--days", "3", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert [d["date"] for d in payload["days"]] == [(today - timedelta(days=n)).isoformat() for n in (2, 1, 0)]
    assert [d["seconds"] for d in payload["days"]] == [600.0, 0.0, 1200.0]
    (document,) = payload["documents"]
    assert {"path", "title", "seconds", "characters", "progress"} <= set(document)
    assert document["path"] == "/books/红楼梦.txt" and document["seconds"] == 1800.0
    assert document["characters"] == 9000 and document["progress"] == 0.25
    assert payload["chars_per_minute"] == 300.0


def test_stats_text_and_clear() -> None:
    StatsStore().record([Reading("/books/a.txt", date.today(), "a.txt", 1000, 900.0, 4500, 1, 500)])
    text = _reader("stats")
    assert text.returncode == 0 and "Today: 15 min, 4,500 characters." in text.stdout
    assert "a.txt: 15 min, 50%" in text.stdout
    assert _reader("stats", "--clear").stdout.strip() == "Reading statistics cleared."
    assert json.loads(_reader("stats", "--json").stdout)["documents"] == []


def test_bad_days_is_one_line_and_exit_2() -> None:
    result = _reader("stats", "--days", "zero")
    assert result.returncode == 2 and "--days needs a whole number" in result.stderr
    assert "Traceback" not in result.stderr
