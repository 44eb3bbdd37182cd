"""A bookmark whose document is now a FIFO or a symlink to /dev/zero lists as orphaned: nothing hangs or eats memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bookmark_data import TEXT, span

from reader.bookmarks import add_bookmark
from reader.bookmarks.export import to_json
from reader.bookmarks.importing import MAX_OFFSET

REPO = Path(__file__).resolve().parents[2]


def _reader(data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), *argv],
                          capture_output=True, text=True, cwd=REPO, timeout=60)


def test_list_and_export_treat_a_fifo_and_dev_zero_as_unreadable(notes: Path, library: Path,
                                                                  data_dir: Path, tmp_path: Path) -> None:
    good = add_bookmark(notes, *span(TEXT, "ferryman"))
    fifo = library / "pipe.md"
    os.mkfifo(fifo)
    zero = library / "zero.md"
    zero.symlink_to("/dev/zero")
    template = json.loads(to_json([good]))["bookmarks"][0]
    entries = [{**template, "id": "f" * 32, "path": str(fifo)},
               {**template, "id": "e" * 32, "path": str(zero), "content_hash": "other"}]
    imports = tmp_path / "special.json"
    imports.write_text(json.dumps(entries), encoding="utf-8")
    imported = _reader(data_dir, "bookmarks", "import", str(imports))
    assert (imported.returncode, imported.stderr) == (0, "")

    listed = _reader(data_dir, "bookmarks", "list", "--json")
    assert (listed.returncode, listed.stderr) == (0, "")
    statuses = {item["id"]: item["status"] for item in json.loads(listed.stdout)}
    assert statuses == {good.id: "ok", "f" * 32: "orphaned", "e" * 32: "orphaned"}
    for fmt in ("md", "json", "csv"):
        exported = _reader(data_dir, "bookmarks", "export", "--format", fmt)
        assert exported.returncode == 0 and exported.stderr == ""
        assert str(fifo) in exported.stdout and str(zero) in exported.stdout
    assert MAX_OFFSET > 0 and fifo.exists() and zero.is_symlink()
