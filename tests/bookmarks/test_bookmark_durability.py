"""Real processes: two writers at once lose nothing; kill -9 never loses an acknowledged bookmark."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from reader.bookmarks import list_bookmarks, take_notices
from reader.bookmarks.store import store_path

REPO = Path(__file__).resolve().parents[2]
WRITER = """
import sys, pathlib
from reader.bookmarks import add_bookmark
from reader.documents import load_document
document = load_document(sys.argv[1])
go = pathlib.Path(sys.argv[3])
while not go.exists():
    pass
for index in range(int(sys.argv[2])):
    mark = add_bookmark(document, index % 40, 5, note=f"{sys.argv[4]}-{index}")
    print(mark.id, flush=True)
"""
KILL_ITERATIONS = 60


def _writer(document: Path, count: int, go: Path, tag: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(document), str(count), str(go), tag],
        stdout=subprocess.PIPE, text=True, cwd=REPO, env=os.environ.copy(),
    )


def _run_together(writers: list[subprocess.Popen[str]], go: Path, timeout: int) -> set[str]:
    """Release `writers` at the same moment; each must succeed. Returns every id they acknowledged."""
    go.touch()
    printed: set[str] = set()
    for writer in writers:
        out, _ = writer.communicate(timeout=timeout)
        assert writer.returncode == 0
        printed |= set(out.split())
    return printed


def _stored_ids() -> set[str]:
    with closing(sqlite3.connect(str(store_path()))) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {row[0] for row in db.execute("SELECT id FROM bookmarks")}


def test_two_processes_writing_at_once_lose_nothing(notes: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    printed = _run_together([_writer(notes, 80, go, tag) for tag in ("a", "b")], go, timeout=300)
    assert len(printed) == 160
    assert _stored_ids() == printed
    notes_seen = {b.note for b in list_bookmarks()}
    assert {f"a-{i}" for i in range(80)} | {f"b-{i}" for i in range(80)} == notes_seen


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_9_at_random_moments_keeps_every_acknowledged_bookmark(
    notes: Path, tmp_path: Path
) -> None:
    go = tmp_path / "go"
    go.touch()
    rng = random.Random(20240611)
    acknowledged: set[str] = set()
    for _ in range(KILL_ITERATIONS):
        writer = _writer(notes, 10_000, go, "k")
        assert writer.stdout is not None
        for _ in range(rng.randint(0, 25)):
            line = writer.stdout.readline()
            if not line:
                break
            acknowledged.add(line.strip())
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate(timeout=60)
        acknowledged |= set(rest.split())
        assert writer.returncode == -signal.SIGKILL
        assert acknowledged <= _stored_ids()
    assert len(acknowledged) > KILL_ITERATIONS
    assert acknowledged <= {b.id for b in list_bookmarks()}
    assert take_notices() == []
    print(f"kill -9: {KILL_ITERATIONS} kills, {len(acknowledged)} acknowledged, {len(_stored_ids())} stored")


def test_processes_creating_a_new_store_at_the_same_moment_all_succeed(
    notes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Switching a new store to WAL answers "locked" at once to the others: they must wait, not fail."""
    for round_number in range(8):
        monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / f"data{round_number}"))
        go = tmp_path / f"go{round_number}"
        printed = _run_together([_writer(notes, 3, go, f"{round_number}{tag}") for tag in "abcd"], go, timeout=120)
        assert len(printed) == 12
