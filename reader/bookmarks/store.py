"""The bookmark store: one SQLite file (WAL, synchronous=FULL), checked at start-up, kept aside if corrupt.

Durability: every change is one `BEGIN IMMEDIATE … COMMIT`. In WAL mode a commit appends the
transaction's frames to the -wal file before `COMMIT` returns, so a kill -9 after that loses
nothing (the OS holds the bytes); synchronous=FULL also fsyncs the WAL at every commit, so an
acknowledged bookmark survives a power cut too. Bookmarks are written rarely, so the fsync is cheap.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from reader.bookmarks.errors import StoreError, StoreLockedError
from reader.bookmarks.model import COLUMNS, Bookmark, from_row
from reader.bookmarks.schema import LATEST, check_version, migrate, user_version
from reader.paths import data_dir

STORE_NAME = "bookmarks.sqlite3"
BUSY_TIMEOUT_S = 5.0
_checked: set[str] = set()
_notices: list[str] = []
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM bookmarks"

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def store_path() -> Path:
    return data_dir() / STORE_NAME


def take_notices() -> list[str]:
    """Messages for the user collected since the last call (e.g. a corrupt store kept aside)."""
    taken = list(_notices)
    _notices.clear()
    return taken


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        _use_wal(connection)
        connection.execute("PRAGMA synchronous = FULL")
    except BaseException:
        connection.close()
        raise
    return connection


def _use_wal(connection: sqlite3.Connection) -> None:
    """Switch to WAL (persistent in the file) once; SQLite answers "locked" at once, without waiting
    for busy_timeout, when another process is switching or creating the store, so retry until then."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if not _is_locked(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _is_locked(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _translate(error: sqlite3.Error, path: Path) -> StoreError:
    if _is_locked(error):
        return StoreLockedError(
            f"The bookmark store {path} is locked by another program; close it and try again."
        )
    return StoreError(f"The bookmark store {path} cannot be used: {error}.")


@contextmanager
def _startup_lock(path: Path) -> Iterator[None]:
    """Serialise the start-up check between processes, so only one moves a bad store aside."""
    if fcntl is None:
        yield
        return
    with open(path.with_name(path.name + ".lock"), "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _problem(path: Path) -> str | None:
    """Why the store at `path` is unusable (None if it is fine); lock errors propagate."""
    try:
        connection = _connect(path)
    except sqlite3.OperationalError as error:
        if _is_locked(error) or "unable to open" in str(error):
            raise
        return str(error)
    except sqlite3.DatabaseError as error:
        return str(error)
    try:
        result = connection.execute("PRAGMA quick_check").fetchall()
        check_version(user_version(connection))
    except sqlite3.OperationalError as error:
        if _is_locked(error):
            raise
        return str(error)
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        connection.close()
    messages = [str(row[0]) for row in result]
    return None if messages == ["ok"] else "; ".join(messages[:3])


def _move_aside(path: Path, reason: str) -> str:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return (
        f"The bookmark store was unreadable ({reason}). It was kept as {target} "
        "and a new, empty store was started."
    )


def check_store(path: Path | None = None) -> str | None:
    """The start-up integrity check: move an unreadable store aside; returns a notice or None."""
    path = path or store_path()
    if str(path) in _checked:
        return None
    with _startup_lock(path):
        reason = _problem(path) if path.exists() else None
        notice = _move_aside(path, reason) if reason else None
    _checked.add(str(path))
    if notice:
        _notices.append(notice)
    return notice


class Store:
    """An open connection to the bookmark store; use through `open_store()`."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE, so waiting for the lock uses busy_timeout)."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql, params).fetchall()

    def bookmarks(self, path: str | None = None) -> list[Bookmark]:
        """All bookmarks (of one document path), in (path, offset) order."""
        if path is None:
            rows = self.query(f"{_SELECT} ORDER BY path, offset, created")
        else:
            rows = self.query(f"{_SELECT} WHERE path = ? ORDER BY offset, created", (path,))
        return [from_row(row) for row in rows]

    def get(self, bookmark_id: str) -> Bookmark | None:
        rows = self.query(f"{_SELECT} WHERE id = ?", (bookmark_id,))
        return from_row(rows[0]) if rows else None

    def insert(self, connection: sqlite3.Connection, bookmark: Bookmark) -> None:
        marks = ", ".join("?" for _ in COLUMNS)
        connection.execute(
            f"INSERT OR REPLACE INTO bookmarks ({', '.join(COLUMNS)}) VALUES ({marks})",
            tuple(getattr(bookmark, name) for name in COLUMNS),
        )


@contextmanager
def open_store(path: Path | None = None) -> Iterator[Store]:
    """Open (checking, creating and migrating as needed) the store; always closes it."""
    path = path or store_path()
    try:
        check_store(path)
        connection = _connect(path)
    except sqlite3.Error as error:
        raise _translate(error, path) from error
    try:
        migrate(connection)
        yield Store(connection, path)
    except sqlite3.Error as error:
        raise _translate(error, path) from error
    finally:
        connection.close()


__all__ = ["LATEST", "Store", "check_store", "open_store", "store_path", "take_notices"]
