"""Documents whose file names are not UTF-8 are bookmarked, listed, exported and re-anchored like any other."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from bookmark_data import TEXT, span

from reader.documents.names import display_name, path_key

REPO = Path(__file__).resolve().parents[2]
PASSAGE = "A kingfisher flashed blue across the water"


def _reader(data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), *argv],
                            capture_output=True, text=True, encoding="utf-8", cwd=REPO, env=env,
                            timeout=60)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return result


def test_a_file_name_with_bytes_that_are_not_utf8(library: Path, data_dir: Path, tmp_path: Path) -> None:
    document = Path(os.fsdecode(os.fsencode(library) + b"/notes\xff.md"))
    document.write_text(TEXT, encoding="utf-8")
    offset, length = span(TEXT, PASSAGE)
    shown = display_name(document)
    assert shown.endswith("notes\\xff.md")

    added = json.loads(_reader(data_dir, "bookmarks", "add", str(document), "--offset", str(offset),
                               "--length", str(length), "--note", "mine", "--json").stdout)
    assert added["path"] == str(document)
    with closing(sqlite3.connect(str(data_dir / "bookmarks.sqlite3"))) as db:
        assert db.execute("SELECT path FROM bookmarks").fetchall() == [(path_key(document),)]
    text = _reader(data_dir, "bookmarks", "list").stdout
    assert f"{shown}@{offset}+{length}" in text

    document.write_text("A new first line.\n" + TEXT, encoding="utf-8")
    [listed] = json.loads(_reader(data_dir, "bookmarks", "list", "--json").stdout)
    assert (listed["path"], listed["status"], listed["offset"]) == (str(document), "moved", offset + 18)

    markdown = _reader(data_dir, "bookmarks", "export", "--format", "md").stdout
    assert f'source: "{shown}"'.replace("\\", "\\\\") in markdown and "> A kingfisher flashed blue" in markdown
    rows = list(csv.DictReader(io.StringIO(_reader(data_dir, "bookmarks", "export", "--format", "csv").stdout)))
    assert [row["path"] for row in rows] == [shown]
    exported = tmp_path / "out.json"
    _reader(data_dir, "bookmarks", "export", "--format", "json", "-o", str(exported))
    assert json.loads(exported.read_text(encoding="utf-8"))["bookmarks"][0]["path"] == str(document)

    _reader(data_dir, "bookmarks", "remove", added["id"])
    assert _reader(data_dir, "bookmarks", "import", str(exported)).stdout.endswith(
        ": 1 imported, 0 rejected (1 added, 0 updated, 0 unchanged).\n")
    renamed = Path(os.fsdecode(os.fsencode(library) + b"/moved\xfe.md"))
    document.rename(renamed)
    [listed] = json.loads(_reader(data_dir, "bookmarks", "list", "--json").stdout)
    assert (listed["id"], listed["path"], listed["status"]) == (added["id"], str(renamed), "moved")


def test_reading_positions_of_such_a_file_are_kept(library: Path) -> None:
    from reader.bookmarks import load_position, save_position

    document = Path(os.fsdecode(os.fsencode(library) + b"/gbk\xb5\xda.txt"))
    document.write_text(TEXT, encoding="utf-8")
    save_position(document, "h", 42)
    assert load_position(document) == 42
    assert load_position(library / "gbk.txt") is None
