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

from reader.bookmarks import rows as rows_module
from reader.bookmarks.errors import StoreError, StoreFullError, StoreIOError, StoreReadOnlyError
from reader.bookmarks.failures import diagnose, is_busy, is_corruption, is_read_only, read_only
from reader.bookmarks.model import COLUMNS, Bookmark
from reader.bookmarks.schema import LATEST, check_version, migrate, user_version
from reader.documents.names import display_name, path_key
from reader.paths import data_dir

STORE_NAME = "bookmarks.sqlite3"
BUSY_TIMEOUT_S = 5.0
_READABLE = (StoreFullError, StoreReadOnlyError, StoreIOError)
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM bookmarks"

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def store_path() -> Path:
    return data_dir() / STORE_NAME


class StoreNotices:
    """What the stores have to tell the user, collected until taken (a corrupt store kept aside, a
    damaged row, each said once), and which stores were checked already (once per process)."""

    def __init__(self) -> None:
        self.pending: list[str] = []
        self.said: set[str] = set()
        self.checked: set[str] = set()

    def add(self, notice: str, once: bool = False) -> None:
        """Collect `notice` (with `once`: unless it was collected before)."""
        if once and notice in self.said:
            return
        self.said.add(notice)
        self.pending.append(notice)

    def take(self) -> list[str]:
        """The notices collected since the last call."""
        taken, self.pending = self.pending, []
        return taken

    def forget_checks(self) -> None:
        """Check every store again when it is next opened."""
        self.checked.clear()


NOTICES = StoreNotices()  # this process's: the CLI and the window take them


def take_notices() -> list[str]:
    """Messages for the user collected since the last call (e.g. a corrupt store kept aside)."""
    return NOTICES.take()


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
    return is_busy(error)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection: `mode=ro`, else `immutable` (a full disk or a read-only folder where
    SQLite cannot create the -wal/-shm files; the store was closed cleanly, so its file is complete)."""
    uri = path.absolute().as_uri()
    error: sqlite3.Error | None = None
    for query in ("mode=ro", "mode=ro&immutable=1"):
        connection = sqlite3.connect(f"{uri}?{query}", uri=True, timeout=BUSY_TIMEOUT_S,
                                     isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.Error as failure:
            connection.close()
            if is_corruption(failure) or is_busy(failure):
                raise
            error = failure
    assert error is not None
    raise error


def _open(path: Path) -> tuple[sqlite3.Connection, StoreError | None]:
    """A connection, and why it may only read (None if it may write). Raises sqlite3.Error for
    corruption, a busy store and anything that also stops reading."""
    try:
        connection = _connect(path)
    except sqlite3.Error as error:
        if is_corruption(error):
            raise
        problem = diagnose(error, path)
        if not isinstance(problem, _READABLE):
            raise
        if not path.exists() or path.stat().st_size == 0:
            return sqlite3.connect(":memory:", isolation_level=None), problem
        return _connect_read_only(path), problem
    return connection, (read_only(path) if is_read_only(path) else None)


@contextmanager
def _startup_lock(path: Path) -> Iterator[None]:
    """Serialise the start-up check between processes, so only one moves a bad store aside.
    Without a lock file (a read-only folder) nothing can be moved aside anyway."""
    try:
        handle = open(path.with_name(path.name + ".lock"), "a+b") if fcntl else None
    except OSError:
        handle = None
    if handle is None:
        yield
        return
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _problem(path: Path) -> str | None:
    """Why the store at `path` is corrupt (None if it is not); every other failure propagates."""
    try:
        connection, _ = _open(path)
    except sqlite3.Error as error:
        if is_corruption(error):
            return str(error)
        raise
    try:
        result = connection.execute("PRAGMA quick_check").fetchall()
        check_version(user_version(connection))
    except sqlite3.Error as error:
        if is_corruption(error):
            return str(error)
        raise
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
    try:
        os.replace(path, target)
    except OSError as error:
        raise StoreError(
            f"The bookmark store {display_name(path)} is damaged ({reason}) and could not be kept "
            f"aside ({error.strerror or error}); nothing was changed."
        ) from error
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return (
        f"The bookmark store was unreadable ({reason}). It was kept as {display_name(target)} "
        "and a new, empty store was started."
    )


def check_store(path: Path | None = None, notices: StoreNotices | None = None) -> str | None:
    """The start-up integrity check (once per path for `notices`, default NOTICES): move a corrupt
    store aside; returns a notice (also added to `notices`) or None.

    Only corruption (quick_check fails, or "file is not a database") moves a store: a full disk,
    a read-only folder, an I/O error or a busy store raise, and the store stays as it is."""
    path, notices = path or store_path(), notices or NOTICES
    if str(path) in notices.checked:
        return None
    with _startup_lock(path):
        reason = _problem(path) if path.exists() else None
        notice = _move_aside(path, reason) if reason else None
    notices.checked.add(str(path))
    if notice:
        notices.add(notice)
    return notice


class Store:
    """An open connection to the bookmark store; use through `open_store()`.

    `problem` is None when the store can be written; otherwise the error every write raises
    (a full disk, a read-only store), while reads keep working. Damaged rows are told to `notices`."""

    def __init__(self, connection: sqlite3.Connection, path: Path,
                 problem: StoreError | None = None, notices: StoreNotices | None = None) -> None:
        self.connection = connection
        self.path = path
        self.problem = problem
        self.notices = notices or NOTICES

    @property
    def writable(self) -> bool:
        return self.problem is None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE, so waiting for the lock uses busy_timeout);
        refused with the store's problem when it can only be read, rolled back on any failure."""
        if self.problem is not None:
            raise type(self.problem)(str(self.problem))
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self._rollback()
            raise
        try:
            self.connection.execute("COMMIT")
        except sqlite3.Error:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self.connection.in_transaction:
            try:
                self.connection.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite already rolled back (e.g. on SQLITE_FULL); closing ends the rest

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql, params).fetchall()

    def _decoded(self, rows: list[tuple[Any, ...]]) -> list[Bookmark]:
        bookmarks: list[Bookmark] = []
        for row in rows:
            bookmark, problem = rows_module.decode(row)
            if problem:
                self.notices.add(problem, once=True)
            bookmarks.append(bookmark)
        return bookmarks

    def bookmarks(self, path: str | os.PathLike[str] | None = None) -> list[Bookmark]:
        """All bookmarks (of one document path), in (path, offset) order."""
        if path is None:
            rows = self.query(f"{_SELECT} ORDER BY path, offset, created")
        else:
            rows = self.query(f"{_SELECT} WHERE path = ? ORDER BY offset, created",
                              (path_key(path),))
        return self._decoded(rows)

    def count(self, path: str | os.PathLike[str] | None = None) -> int:
        """How many bookmarks there are (of one document path), without reading them."""
        if path is None:
            return int(self.query("SELECT COUNT(*) FROM bookmarks")[0][0])
        return int(self.query("SELECT COUNT(*) FROM bookmarks WHERE path = ?", (path_key(path),))[0][0])

    def get(self, bookmark_id: str) -> Bookmark | None:
        rows = self.query(f"{_SELECT} WHERE id = ?", (bookmark_id,))
        return self._decoded(rows)[0] if rows else None

    def insert(self, connection: sqlite3.Connection, bookmark: Bookmark) -> None:
        marks = ", ".join("?" for _ in COLUMNS)
        connection.execute(
            f"INSERT OR REPLACE INTO bookmarks ({', '.join(COLUMNS)}) VALUES ({marks})",
            rows_module.encode(bookmark),
        )


@contextmanager
def open_store(path: Path | None = None, notices: StoreNotices | None = None) -> Iterator[Store]:
    """Open (checking, creating and migrating as needed) the store; always closes it. Notices go to
    `notices` (default NOTICES, which `take_notices()` empties).

    On a full disk or a read-only folder the store opens read-only: reads work, writes raise."""
    path, notices = path or store_path(), notices or NOTICES
    try:
        check_store(path, notices)
        connection, problem = _open(path)
    except (sqlite3.Error, OSError) as error:
        raise diagnose(error, path) from error
    try:
        migrate(connection)
        yield Store(connection, path, problem, notices)
    except (sqlite3.Error, OSError) as error:
        raise diagnose(error, path) from error
    finally:
        connection.close()


__all__ = ["LATEST", "NOTICES", "Store", "StoreNotices", "check_store", "open_store", "store_path", "take_notices"]
