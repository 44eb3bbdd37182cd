"""What went wrong with the store, said as what it is: corruption, a full disk, read-only, I/O or busy."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from reader.bookmarks.errors import (
    StoreError,
    StoreFullError,
    StoreIOError,
    StoreLockedError,
    StoreReadOnlyError,
)
from reader.documents.names import display_name

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
NEARLY_FULL_BYTES = 64 * 1024  # less free space than this on an I/O error: the disk is full
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def primary_code(error: BaseException) -> int | None:
    """SQLite's primary result code of `error` (None if unknown)."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_corruption(error: BaseException) -> bool:
    """Only these may move a store aside: SQLite says the file is damaged or not a database."""
    return primary_code(error) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def is_busy(error: BaseException) -> bool:
    if primary_code(error) in (SQLITE_BUSY, SQLITE_LOCKED):
        return True
    text = str(error).lower()
    return "locked" in text or "busy" in text


def disk_is_full(path: Path) -> bool:
    """Whether the file system holding `path` has (almost) no room left for Reader."""
    try:
        stats = os.statvfs(path.parent)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < NEARLY_FULL_BYTES


def is_read_only(path: Path) -> bool:
    """Whether this process may not write the store or create files beside it."""
    folder_writable = os.access(path.parent, os.W_OK | os.X_OK)
    return not folder_writable or (path.exists() and not os.access(path, os.W_OK))


def full(path: Path) -> StoreFullError:
    return StoreFullError(f"The disk holding {display_name(path)} is full; nothing was changed.")


def read_only(path: Path) -> StoreReadOnlyError:
    return StoreReadOnlyError(
        f"The bookmark store {display_name(path)} is read-only (no permission to write it or "
        "its folder); nothing was changed."
    )


def busy(path: Path) -> StoreLockedError:
    return StoreLockedError(
        f"The bookmark store {display_name(path)} is busy: another program has it locked; "
        "nothing was changed. Close it and try again."
    )


def io_error(path: Path, detail: object) -> StoreIOError:
    return StoreIOError(
        f"I/O error on the bookmark store {display_name(path)} ({detail}); nothing was changed."
    )


def diagnose(error: BaseException, path: Path) -> StoreError:
    """The StoreError that says what `error` (an sqlite3.Error or OSError) on the store at `path` means."""
    if isinstance(error, StoreError):
        return error
    code = primary_code(error)
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
            return full(path)
        if error.errno in _READ_ONLY_ERRNOS:
            return read_only(path)
        return io_error(path, error.strerror or error)
    if is_busy(error):
        return busy(path)
    if code == SQLITE_FULL or (code in (SQLITE_IOERR, SQLITE_CANTOPEN) and disk_is_full(path)):
        return full(path)
    if code in (SQLITE_READONLY, SQLITE_PERM) or (
        code in (SQLITE_IOERR, SQLITE_CANTOPEN) and is_read_only(path)
    ):
        return read_only(path)
    if code == SQLITE_IOERR:
        return io_error(path, error)
    return StoreError(f"The bookmark store {display_name(path)} cannot be used: {error}.")
