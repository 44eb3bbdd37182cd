"""Highlight styles: stored, migrated from a store without them, edited, exported and imported."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from bookmark_data import TEXT, span

from reader.bookmarks import (
    STYLES,
    BookmarkError,
    add_bookmark,
    get_bookmark,
    import_json,
    list_bookmarks,
    reattach_bookmark,
    update_bookmark,
)
from reader.bookmarks.export import to_csv, to_json, to_markdown
from reader.bookmarks.schema import LATEST
from reader.bookmarks.store import open_store, store_path
from reader.documents.names import path_key

VERSION_2_SCHEMA = (  # the store as Reader wrote it before styles (schema 2), verbatim
    """CREATE TABLE bookmarks (
        id TEXT PRIMARY KEY, path TEXT NOT NULL, content_hash TEXT NOT NULL, offset INTEGER NOT NULL,
        length INTEGER NOT NULL, quote TEXT NOT NULL, before TEXT NOT NULL DEFAULT '',
        after TEXT NOT NULL DEFAULT '', heading_path TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
        color TEXT NOT NULL DEFAULT 'yellow', status TEXT NOT NULL DEFAULT 'ok', created TEXT NOT NULL,
        updated TEXT NOT NULL, size_bytes INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX bookmarks_by_path ON bookmarks(path, offset)",
    "CREATE TABLE positions (path TEXT PRIMARY KEY, content_hash TEXT NOT NULL, offset INTEGER NOT NULL, "
    "updated TEXT NOT NULL)",
    "CREATE INDEX bookmarks_by_hash ON bookmarks(content_hash)",
    "PRAGMA user_version = 2",
)


def _old_store(notes: Path, count: int) -> list[tuple]:
    """A schema-2 store holding `count` bookmarks of `notes` (written with plain SQLite); their rows."""
    offset, length = span(TEXT, "heron stood")
    rows = [(f"{i:032x}", path_key(notes.resolve()), "hash", offset, length, "heron stood", "The ", " in",
             "Field notes", f"note {i}", ("green", "blue")[i % 2], "ok", "2025-01-02T03:04:05+00:00",
             "2025-01-02T03:04:05+00:00", 123) for i in range(count)]
    with closing(sqlite3.connect(str(store_path()))) as db:
        for statement in VERSION_2_SCHEMA:
            db.execute(statement)
        db.executemany(f"INSERT INTO bookmarks VALUES ({', '.join('?' * 15)})", rows)
        db.commit()
    return rows


def test_a_store_without_styles_is_migrated_keeping_every_bookmark(notes: Path) -> None:
    rows = _old_store(notes, 50)
    with open_store() as store:
        kept = store.bookmarks()
    assert len(kept) == 50
    assert {b.style for b in kept} == {"highlight"}
    assert sorted((b.id, b.note, b.color, b.created) for b in kept) == sorted(
        (r[0], r[9], r[10], r[12]) for r in rows)
    with closing(sqlite3.connect(str(store_path()))) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST == 3
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*), min(style), max(style) FROM bookmarks").fetchone() == (
            50, "highlight", "highlight")
    update_bookmark(rows[0][0], style="wavy")
    assert get_bookmark(rows[0][0]).style == "wavy"


def test_migration_is_applied_once(notes: Path) -> None:
    _old_store(notes, 1)
    for _ in range(3):
        with open_store() as store:
            assert store.count() == 1


@pytest.mark.parametrize("style", STYLES)
def test_add_stores_each_style_and_edits_keep_it(notes: Path, style: str) -> None:
    mark = add_bookmark(notes, *span(TEXT, "kingfisher"), color="pink", style=style)
    [listed] = list_bookmarks(notes)
    assert (listed.style, listed.color) == (style, "pink")
    assert listed.summary()["style"] == style
    assert update_bookmark(mark.id, note="bright").style == style
    again = reattach_bookmark(mark.id, notes, *span(TEXT, "heron"))
    assert again.style == style == get_bookmark(mark.id).style


def test_an_unknown_style_is_refused_and_nothing_stored(notes: Path) -> None:
    with pytest.raises(BookmarkError, match="unknown style 'glow'; choose one of highlight, underline"):
        add_bookmark(notes, 0, 5, style="glow")
    mark = add_bookmark(notes, 0, 5)
    with pytest.raises(BookmarkError, match="unknown style"):
        update_bookmark(mark.id, style="shadow")
    assert get_bookmark(mark.id).style == "highlight"


def test_json_round_trip_keeps_the_style_and_stays_idempotent(notes: Path) -> None:
    marks = [add_bookmark(notes, *span(TEXT, passage), style=style)
             for passage, style in (("heron", "box"), ("ferryman", "strike"), ("lamps", "highlight"))]
    exported = to_json(list_bookmarks())
    assert [entry["style"] for entry in json.loads(exported)["bookmarks"]] == ["box", "strike", "highlight"]
    with closing(sqlite3.connect(str(store_path()))) as db:
        db.execute("DELETE FROM bookmarks")
        db.commit()
    assert import_json(exported).added == 3
    assert {b.id: b.style for b in list_bookmarks()} == {m.id: m.style for m in marks}
    second = import_json(exported)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 3)


def test_old_json_without_a_style_imports_as_highlight(notes: Path) -> None:
    mark = add_bookmark(notes, *span(TEXT, "heron"), style="underline")
    payload = json.loads(to_json([mark]))
    entry = payload["bookmarks"][0]
    del entry["style"]
    entry["id"] = "e" * 32
    result = import_json(json.dumps(payload))
    assert result.added == 1
    assert get_bookmark("e" * 32).style == "highlight"
    assert import_json(json.dumps(payload)).unchanged == 1


def test_markdown_and_csv_name_a_style(notes: Path) -> None:
    mark = add_bookmark(notes, *span(TEXT, "heron"), color="blue", style="wavy")
    assert "*blue wavy, offset" in to_markdown([mark])
    header, row = csv.reader(io.StringIO(to_csv([mark])))
    assert dict(zip(header, row, strict=True))["style"] == "wavy"
