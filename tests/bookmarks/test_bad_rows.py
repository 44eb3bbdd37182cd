"""A store row with a value of the wrong type (text in the INTEGER offset column) never crashes list or export."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from bookmark_data import TEXT, span

from reader.bookmarks import add_bookmark, take_notices
from reader.bookmarks.store import store_path
from reader.cli import main


def _corrupt_offset(bookmark_id: str, value: object) -> None:
    with closing(sqlite3.connect(str(store_path()))) as db:
        db.execute("UPDATE bookmarks SET offset = ? WHERE id = ?", (value, bookmark_id))
        db.commit()
        assert db.execute("SELECT typeof(offset) FROM bookmarks WHERE id = ?",
                          (bookmark_id,)).fetchone()[0] in ("text", "real", "blob")


@pytest.mark.parametrize("value", ["abc", 2.5, b"\x00\x01"])
def test_list_and_export_survive_and_repair_a_bad_offset(notes: Path, capsys, value: object) -> None:
    bad = add_bookmark(notes, *span(TEXT, "kingfisher"))
    good = add_bookmark(notes, *span(TEXT, "ferryman"))
    _corrupt_offset(bad.id, value)
    take_notices()
    assert main(["bookmarks", "list", "--json"]) == 0
    out, err = capsys.readouterr()
    listed = {item["id"]: item for item in json.loads(out)}
    assert set(listed) == {bad.id, good.id}
    assert listed[good.id]["status"] == "ok"
    assert (listed[bad.id]["status"], listed[bad.id]["offset"]) == ("moved", bad.offset)
    shown = repr(value)
    assert err == (f"reader: Bookmark {bad.id} has a bad value in the store (offset {shown}); "
                   "it is shown as orphaned until it is found again by its quote.\n")
    with closing(sqlite3.connect(str(store_path()))) as db:
        assert db.execute("SELECT offset FROM bookmarks WHERE id = ?", (bad.id,)).fetchone() == (bad.offset,)
    for fmt in ("md", "json", "csv"):
        assert main(["bookmarks", "export", "--format", fmt]) == 0
        assert "kingfisher" in capsys.readouterr().out


def test_a_bad_row_whose_passage_is_gone_stays_orphaned_and_exports(notes: Path, capsys) -> None:
    bad = add_bookmark(notes, *span(TEXT, "kingfisher"))
    good = add_bookmark(notes, *span(TEXT, "ferryman"))
    _corrupt_offset(bad.id, "not a number")
    notes.write_text(TEXT.replace("kingfisher", "heron"), encoding="utf-8")
    assert main(["bookmarks", "export", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    statuses = {b["id"]: (b["status"], b["offset"]) for b in json.loads(out)["bookmarks"]}
    assert statuses == {bad.id: ("orphaned", 0), good.id: ("ok", TEXT.index("ferryman"))}
    assert err.count("has a bad value in the store") == 1
    assert main(["bookmarks", "list"]) == 0
    assert "orphaned" in capsys.readouterr().out
