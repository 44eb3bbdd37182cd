"""Reading positions: where the reader left each document, one row per path."""

from __future__ import annotations

from pathlib import Path

from reader.bookmarks.model import now_iso
from reader.bookmarks.store import open_store
from reader.documents.names import path_key, resolved


def _key(path: str | Path) -> str:
    return path_key(resolved(path))


def save_position(path: str | Path, content_hash: str, offset: int) -> None:
    """Remember `offset` as the reading position in the document at `path`."""
    with open_store() as store, store.transaction() as db:
        db.execute(
            "INSERT INTO positions (path, content_hash, offset, updated) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(path) DO UPDATE SET content_hash = excluded.content_hash, "
            "offset = excluded.offset, updated = excluded.updated",
            (_key(path), content_hash, max(0, int(offset)), now_iso()),
        )


def load_position(path: str | Path) -> int | None:
    """The remembered reading position in the document at `path`, or None."""
    with open_store() as store:
        rows = store.query("SELECT offset FROM positions WHERE path = ?", (_key(path),))
    offset = rows[0][0] if rows else None
    return offset if isinstance(offset, int) and offset >= 0 else None
