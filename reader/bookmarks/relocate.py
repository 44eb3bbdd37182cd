"""Moved and renamed documents: bookmarks follow a file found elsewhere with the same content hash."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reader.bookmarks.store import open_store
from reader.documents import DocumentError, load_document
from reader.documents.names import path_from_key, path_key, resolved

SIZE_RATIO = 4.5  # covers a re-encoding (UTF-8 -> UTF-16/32) and CRLF newlines


def _missing(store) -> dict[str, tuple[set[str], int]]:
    """Bookmarked paths that no longer exist: path -> (content hashes, last known size)."""
    found: dict[str, tuple[set[str], int]] = {}
    for key, content_hash, size in store.query(
        "SELECT path, content_hash, MAX(size_bytes) FROM bookmarks GROUP BY path, content_hash"
    ):
        path = str(path_from_key(str(key)))
        if not isinstance(size, int):
            size = 0
        if not os.path.exists(path):
            hashes, known = found.get(path, (set(), 0))
            found[path] = (hashes | {content_hash}, max(known, size or 0))
    return found


def missing_paths() -> list[str]:
    """Bookmarked document paths that no longer exist."""
    with open_store() as store:
        return sorted(_missing(store))


def _hash_of(path: Path, cache: dict[Path, str | None]) -> str | None:
    """The content hash of a regular file (FIFOs and devices are never read), else None."""
    if path not in cache:
        if not path.is_file():
            cache[path] = None
            return None
        try:
            cache[path] = load_document(path).content_hash
        except (DocumentError, OSError):
            cache[path] = None
    return cache[path]


def _similar(size: int, known: int) -> bool:
    if not known:
        return True
    return known / SIZE_RATIO <= size <= known * SIZE_RATIO


def _ordered(files: list[Path], known: int, suffix: str) -> list[Path]:
    """Candidates of similar size, the same size and extension first."""
    sized: list[tuple[int, int, Path]] = []
    for file in files:
        try:
            size = file.stat().st_size
        except OSError:
            continue
        if _similar(size, known):
            sized.append((file.suffix.lower() != suffix, abs(size - known), file))
    return [file for _, _, file in sorted(sized)]


def _find(hashes: set[str], known: int, suffix: str, files: list[Path],
          cache: dict[Path, str | None]) -> Path | None:
    for file in _ordered(files, known, suffix):
        if _hash_of(file, cache) in hashes:
            return file
    return None


def refresh_moved(files: list[Path], hashes: dict[Path, str] | None = None) -> int:
    """Point bookmarks of vanished paths at a file among `files` with the same text; returns how many moved.

    `hashes` may give already-known content hashes of some files, to save reading them again.
    """
    with open_store() as store:
        missing = _missing(store)
    if not missing:
        return 0
    files = [resolved(f) for f in files]
    cache: dict[Path, str | None] = {resolved(p): h for p, h in (hashes or {}).items()}
    moves: dict[str, str] = {}
    for old, (hashes, known) in missing.items():
        new = _find(hashes, known, Path(old).suffix.lower(), files, cache)
        if new is not None:
            moves[old] = str(new)
    return _apply(moves) if moves else 0


def _apply(moves: dict[str, str]) -> int:
    """Move the rows, unless the store can only be read (a full disk): then they are found next time."""
    with open_store() as store:
        if not store.writable:
            return 0
        with store.transaction() as db:
            return _move_rows(db, moves)


def _move_rows(db: sqlite3.Connection, moves: dict[str, str]) -> int:
    moved = 0
    for old, new in moves.items():
        keys = (path_key(new), path_key(old))
        moved += db.execute("UPDATE bookmarks SET path = ? WHERE path = ?", keys).rowcount
        db.execute("UPDATE OR IGNORE positions SET path = ? WHERE path = ?", keys)
    return moved


__all__ = ["missing_paths", "refresh_moved"]
