"""A full disk, a read-only data folder and a busy store are said as what they are: nothing is moved aside."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from notes_data import NOTES_TEXT as TEXT

REPO = Path(__file__).resolve().parents[2]
NOBODY = ("--reuid=65534", "--regid=65534", "--clear-groups")


def _reader(data: Path, *argv: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("READER_DATA_DIR", None)
    return subprocess.run([*prefix, sys.executable, "-m", "reader", "--data-dir", str(data), *argv],
                          capture_output=True, text=True, cwd=REPO, env=env, timeout=60)


def _add(data: Path, doc: Path, passage: str, *extra: str,
         prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    offset = TEXT.index(passage)
    return _reader(data, "bookmarks", "add", str(doc), "--offset", str(offset),
                   "--length", str(len(passage)), *extra, prefix=prefix)


def _rows(store: Path) -> list[tuple]:
    uri = store.absolute().as_uri() + "?mode=ro&immutable=1"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        return db.execute("SELECT id, offset, quote FROM bookmarks ORDER BY id").fetchall()


def _listed_ids(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result.stderr
    return sorted(item["id"] for item in json.loads(result.stdout))


@contextmanager
def _small_tmpfs() -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("mounting a 256 KB tmpfs needs root")
    folder = Path(tempfile.mkdtemp(prefix="reader-full-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
                             capture_output=True, text=True, timeout=60)
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True, timeout=60)
        folder.rmdir()


def _fill(folder: Path) -> Path:
    """Write a file until the file system is full (ENOSPC); returns it."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 4096, 1):
            try:
                while True:
                    os.write(fd, b"x" * size)
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


def test_a_full_disk_keeps_reads_refuses_writes_and_moves_nothing(notes_doc: Path) -> None:
    with _small_tmpfs() as data:
        added = [json.loads(_add(data, notes_doc, p, "--json").stdout)["id"]
                 for p in ("first passage", "second passage")]
        store = data / "bookmarks.sqlite3"
        before_bytes, before_rows = store.read_bytes(), _rows(store)
        filler = _fill(data)

        assert _listed_ids(_reader(data, "bookmarks", "list", "--json")) == sorted(added)
        refused = _add(data, notes_doc, "Part two")
        assert refused.returncode == 2
        assert refused.stderr == f"reader: The disk holding {store} is full; nothing was changed.\n"
        exported = _reader(data, "bookmarks", "export", "--format", "json")
        assert exported.returncode == 0 and len(json.loads(exported.stdout)["bookmarks"]) == 2
        assert store.read_bytes() == before_bytes and _rows(store) == before_rows
        assert not list(data.glob("*.corrupt-*"))

        filler.unlink()
        assert _listed_ids(_reader(data, "bookmarks", "list", "--json")) == sorted(added)
        assert _add(data, notes_doc, "Part two").returncode == 0
        assert len(_rows(store)) == 3 and not list(data.glob("*.corrupt-*"))


@pytest.fixture
def shared_dirs() -> Iterator[tuple[Path, Path]]:
    """A data folder and a document folder outside pytest's private tmp (which nobody cannot enter)."""
    top = Path(tempfile.mkdtemp(prefix="reader-ro-"))
    try:
        top.chmod(0o755)
        data, docs = top / "data", top / "docs"
        data.mkdir(mode=0o755)
        docs.mkdir(mode=0o755)
        yield data, docs
    finally:
        shutil.rmtree(top)


def test_a_read_only_data_folder_lists_and_refuses_to_add(shared_dirs: tuple[Path, Path]) -> None:
    if shutil.which("setpriv") is None or os.geteuid() != 0:
        pytest.skip("needs root and setpriv to run as an unprivileged user (uid 65534)")
    data, docs = shared_dirs
    doc = docs / "notes.md"
    doc.write_text(TEXT, encoding="utf-8")
    added = json.loads(_add(data, doc, "first passage", "--json").stdout)["id"]
    store = data / "bookmarks.sqlite3"
    for path in data.iterdir():
        path.chmod(0o644)
    before_bytes = store.read_bytes()
    nobody = ("setpriv", *NOBODY)

    listed = _reader(data, "bookmarks", "list", "--json", prefix=nobody)
    assert _listed_ids(listed) == [added] and "Traceback" not in listed.stderr
    refused = _add(data, doc, "second passage", prefix=nobody)
    assert refused.returncode == 2
    assert refused.stderr == (f"reader: The bookmark store {store} is read-only (no permission to "
                              "write it or its folder); nothing was changed.\n")
    assert store.read_bytes() == before_bytes
    assert sorted(p.name for p in data.iterdir()) == ["bookmarks.sqlite3", "bookmarks.sqlite3.lock"]


def test_a_missing_store_in_a_read_only_folder_lists_nothing(shared_dirs: tuple[Path, Path]) -> None:
    if shutil.which("setpriv") is None or os.geteuid() != 0:
        pytest.skip("needs root and setpriv to run as an unprivileged user (uid 65534)")
    data, _ = shared_dirs
    listed = _reader(data, "bookmarks", "list", prefix=("setpriv", *NOBODY))
    assert (listed.returncode, listed.stdout, listed.stderr) == (0, "No bookmarks.\n", "")
    assert list(data.iterdir()) == []


HOLDER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
print("holding", flush=True)
sys.stdin.readline()
db.execute("ROLLBACK")
"""


def test_a_store_locked_by_another_process_is_busy_not_corrupt(notes_doc: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    added = json.loads(_add(data, notes_doc, "first passage", "--json").stdout)["id"]
    store = data / "bookmarks.sqlite3"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        refused = _add(data, notes_doc, "second passage")
        assert refused.returncode == 2
        assert refused.stderr == (f"reader: The bookmark store {store} is busy: another program has "
                                  "it locked; nothing was changed. Close it and try again.\n")
        assert _listed_ids(_reader(data, "bookmarks", "list", "--json")) == [added]
    finally:
        holder.communicate("\n", timeout=60)
    assert not list(data.glob("*.corrupt-*"))
    assert [row[0] for row in _rows(store)] == [added]


def test_garbage_is_still_moved_aside_with_a_message(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    junk = b"not a database, just garbage " * 200
    (data / "bookmarks.sqlite3").write_bytes(junk)
    listed = _reader(data, "bookmarks", "list")
    assert listed.returncode == 0 and listed.stdout == "No bookmarks.\n"
    [kept] = data.glob("bookmarks.sqlite3.corrupt-*")
    assert kept.read_bytes() == junk
    assert listed.stderr == (
        "reader: The bookmark store was unreadable (file is not a database). It was kept as "
        f"{kept} and a new, empty store was started.\n")
