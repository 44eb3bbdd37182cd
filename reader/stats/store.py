"""The statistics store: one SQLite file in the data dir (WAL, synchronous=FULL), a corrupt one kept aside."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

from reader.bookmarks.failures import is_corruption
from reader.documents.names import display_name, path_from_key, path_key
from reader.paths import data_dir

from .tracker import Reading

STORE_NAME = "statistics.sqlite3"
BUSY_TIMEOUT_S = 5.0
SCHEMA = """
CREATE TABLE IF NOT EXISTS reading (
    path TEXT NOT NULL, day TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
    length INTEGER NOT NULL DEFAULT 0, seconds REAL NOT NULL DEFAULT 0,
    characters INTEGER NOT NULL DEFAULT 0, sessions INTEGER NOT NULL DEFAULT 0,
    furthest INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (path, day)
)"""
UPSERT = """
INSERT INTO reading (path, day, title, length, seconds, characters, sessions, furthest)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (path, day) DO UPDATE SET
    title = excluded.title, length = excluded.length, seconds = seconds + excluded.seconds,
    characters = characters + excluded.characters, sessions = sessions + excluded.sessions,
    furthest = max(furthest, excluded.furthest)"""


class StatsError(Exception):
    """The statistics store cannot be read or written; str() is one line for the user."""


def stats_path() -> Path:
    return data_dir() / STORE_NAME


class StatsStore:
    """Reading statistics per document and day. Every call opens, uses and closes its own connection, so
    a store is cheap to keep and safe to use from a worker thread."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or stats_path()
        self.notice: str | None = None  # set when a corrupt store was kept aside
        self._checked = False

    def record(self, readings: list[Reading]) -> None:
        """Add `readings` in one transaction (all or nothing). Raises StatsError."""
        if not readings:
            return
        rows = [(path_key(r.path), r.day.isoformat(), display_name(r.title), r.length, r.seconds, r.characters,
                 r.sessions, r.furthest) for r in readings]
        self._write(lambda db: db.executemany(UPSERT, rows))

    def clear(self) -> None:
        """Forget every statistic. Raises StatsError."""
        self._write(lambda db: db.execute("DELETE FROM reading"))

    def days(self, count: int, today: date | None = None) -> list[dict]:
        """The last `count` days up to `today`, oldest first: {"date", "seconds", "characters"} (0 when unread)."""
        today = today or date.today()
        first = today - timedelta(days=max(1, count) - 1)
        found = {row[0]: row for row in self._read(
            "SELECT day, SUM(seconds), SUM(characters) FROM reading WHERE day >= ? AND day <= ? GROUP BY day",
            (first.isoformat(), today.isoformat()))}
        result = []
        for index in range(max(1, count)):
            day = (first + timedelta(days=index)).isoformat()
            _, seconds, characters = found.get(day, (day, 0.0, 0))
            result.append({"date": day, "seconds": round(float(seconds), 1), "characters": int(characters)})
        return result

    def documents(self) -> list[dict]:
        """Per document, most recently read first: path, title, seconds, characters, sessions, furthest, length,
        last_read (a date), progress (0–1, the furthest position over the length)."""
        rows = self._read(
            "SELECT path, SUM(seconds), SUM(characters), SUM(sessions), MAX(furthest), MAX(day) FROM reading "
            "GROUP BY path ORDER BY MAX(day) DESC, SUM(seconds) DESC")
        latest = {row[0]: row[1:] for row in self._read(
            "SELECT path, title, length FROM reading r WHERE day = (SELECT MAX(day) FROM reading WHERE path = r.path)")}
        result = []
        for key, seconds, characters, sessions, furthest, last in rows:
            title, length = latest.get(key, ("", 0))
            path = os.fspath(path_from_key(key))
            result.append({
                "path": path, "title": title or os.path.basename(path), "seconds": round(float(seconds), 1),
                "characters": int(characters), "sessions": int(sessions), "furthest": int(furthest),
                "length": int(length), "last_read": last,
                "progress": round(min(1.0, furthest / length), 4) if length else 0.0,
            })
        return result

    # -- connections ----------------------------------------------------------------------
    def _connect(self, write: bool) -> sqlite3.Connection:
        if not self._checked:
            self._check()
        target = str(self.path) if write or self.path.exists() else ":memory:"  # reading creates nothing
        db = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if write:
                if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = FULL")
            db.execute(SCHEMA)
        except BaseException:
            db.close()
            raise
        return db

    def _write(self, change) -> None:
        try:
            with closing(self._connect(write=True)) as db:
                db.execute("BEGIN IMMEDIATE")
                try:
                    change(db)
                    db.execute("COMMIT")
                except BaseException:
                    if db.in_transaction:
                        db.execute("ROLLBACK")
                    raise
        except (sqlite3.Error, OSError) as error:
            raise StatsError(f"Reading statistics could not be saved in {display_name(self.path)}: {error}.") from error

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        try:
            with closing(self._connect(write=False)) as db:
                return db.execute(sql, params).fetchall()
        except (sqlite3.Error, OSError) as error:
            where = display_name(self.path)
            raise StatsError(f"Reading statistics could not be read from {where}: {error}.") from error

    def _check(self) -> None:
        """Once: keep a corrupt store aside (renamed) and start an empty one."""
        self._checked = True
        if not self.path.exists():
            return
        try:
            with closing(sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S)) as db:
                ok = db.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        except sqlite3.Error as error:
            if not is_corruption(error):
                return  # busy or unreadable: leave it; the next read or write says why
            ok = False
        if not ok:
            self._keep_aside()

    def _keep_aside(self) -> None:
        target = self.path.with_name(f"{self.path.name}.corrupt-{datetime.now():%Y%m%d-%H%M%S}")
        try:
            os.replace(self.path, target)
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    os.replace(side, target.with_name(target.name + suffix))
        except OSError as error:
            raise StatsError(f"The statistics store {display_name(self.path)} is damaged and could not be kept "
                             f"aside ({error.strerror or error}).") from error
        self.notice = (f"The reading statistics were unreadable; they were kept as {display_name(target)} "
                       "and new ones were started.")
