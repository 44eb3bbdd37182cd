"""The SQLite store: schema and migrations, integrity check, corrupt and locked stores."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from bookmark_data import TEXT, span

from reader.bookmarks import (
    BookmarkError,
    StoreLockedError,
    add_bookmark,
    list_bookmarks,
    load_position,
    remove_bookmark,
    save_position,
    take_notices,
    update_bookmark,
)
from reader.bookmarks import store as store_module
from reader.bookmarks.schema import LATEST
from reader.bookmarks.store import open_store, store_path


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path))


def test_store_is_wal_versioned_and_lives_in_the_data_dir(notes: Path, data_dir: Path) -> None:
    add_bookmark(notes, 0, 7)
    assert store_path() == data_dir / "bookmarks.sqlite3"
    with closing(_raw(store_path())) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert db.execute("SELECT count(*) FROM bookmarks").fetchone()[0] == 1


def test_old_schema_is_migrated_keeping_bookmarks(notes: Path) -> None:
    from reader.bookmarks.schema import MIGRATIONS

    with closing(_raw(store_path())) as db:
        for statement in MIGRATIONS[0]:
            db.execute(statement)
        db.execute(
            "INSERT INTO bookmarks (id, path, content_hash, offset, length, quote, created, "
            "updated) VALUES ('old1', ?, 'h', 0, 7, '# Field', 't', 't')",
            (str(notes),),
        )
        db.execute("PRAGMA user_version = 1")
        db.commit()
    save_position(notes, "h", 42)
    assert load_position(notes) == 42
    assert [b.id for b in list_bookmarks(notes)] == ["old1"]


def test_newer_schema_is_refused_not_destroyed(notes: Path) -> None:
    with closing(_raw(store_path())) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(BookmarkError, match="newer version"):
        list_bookmarks()
    assert store_path().exists()


def test_garbage_store_is_kept_aside_and_replaced(notes: Path, data_dir: Path) -> None:
    junk = b"this is not a database at all" * 100
    store_path().write_bytes(junk)
    assert list_bookmarks() == []
    notices = take_notices()
    assert len(notices) == 1 and "kept as" in notices[0]
    kept = list(data_dir.glob("bookmarks.sqlite3.corrupt-*"))
    assert [p.read_bytes() for p in kept] == [junk]
    mark = add_bookmark(notes, 0, 7)
    assert [b.id for b in list_bookmarks()] == [mark.id]


def test_damaged_pages_fail_the_check_and_are_kept(notes: Path, data_dir: Path) -> None:
    for index in range(300):
        add_bookmark(notes, index % 50, 10, note="n" * 200)
    with open_store():
        pass
    with closing(_raw(store_path())) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
    store_module.NOTICES.forget_checks()
    data = bytearray(store_path().read_bytes())
    for page in range(2, len(data) // page_size, 3):
        data[page * page_size : page * page_size + 16] = b"\xff" * 16
    store_path().write_bytes(bytes(data))
    assert list_bookmarks() == []
    assert "unreadable" in take_notices()[0]
    assert len(list(data_dir.glob("bookmarks.sqlite3.corrupt-*"))) == 1


def test_locked_store_gives_a_clear_error(notes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add_bookmark(notes, 0, 7)
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.05)
    with closing(_raw(store_path())) as other:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreLockedError, match="locked"):
            add_bookmark(notes, 0, 3)
        other.rollback()
    assert len(list_bookmarks()) == 1


def test_edit_remove_and_positions(notes: Path) -> None:
    mark = add_bookmark(notes, *span(TEXT, "heron"), note="a", color="green")
    edited = update_bookmark(mark.id, note="b", color="Pink")
    assert (edited.note, edited.color) == ("b", "pink")
    with pytest.raises(BookmarkError, match="unknown colour"):
        update_bookmark(mark.id, color="mauve")
    assert remove_bookmark(mark.id[:8]).id == mark.id
    assert list_bookmarks() == []
    assert load_position(notes) is None
    save_position(notes, "h", 10)
    save_position(str(notes), "h", 12)
    assert load_position(notes) == 12


def test_out_of_range_offsets_are_refused(notes: Path) -> None:
    with pytest.raises(BookmarkError, match="past the end"):
        add_bookmark(notes, len(TEXT) - 2, 5)
    with pytest.raises(BookmarkError):
        add_bookmark(notes, -1, 5)
    assert add_bookmark(notes, len(TEXT), 0).length == 0
