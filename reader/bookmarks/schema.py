"""The store's versioned schema: migrations applied in one transaction, tracked in user_version."""

from __future__ import annotations

import sqlite3

from reader.bookmarks.errors import StoreError

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE IF NOT EXISTS bookmarks (
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            offset INTEGER NOT NULL,
            length INTEGER NOT NULL,
            quote TEXT NOT NULL,
            before TEXT NOT NULL DEFAULT '',
            after TEXT NOT NULL DEFAULT '',
            heading_path TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL DEFAULT 'yellow',
            status TEXT NOT NULL DEFAULT 'ok',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            size_bytes INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX IF NOT EXISTS bookmarks_by_path ON bookmarks(path, offset)",
    ),
    (
        """CREATE TABLE IF NOT EXISTS positions (
            path TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            offset INTEGER NOT NULL,
            updated TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS bookmarks_by_hash ON bookmarks(content_hash)",
    ),
    ("ALTER TABLE bookmarks ADD COLUMN style TEXT NOT NULL DEFAULT 'highlight'",),
)
LATEST = len(MIGRATIONS)


def user_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def check_version(version: int) -> None:
    if version > LATEST:
        raise StoreError(
            f"The bookmark store was written by a newer version of Reader (schema {version}; "
            f"this version knows up to {LATEST}). Update Reader to use it."
        )


def migrate(connection: sqlite3.Connection) -> None:
    """Bring the schema up to LATEST; safe against a concurrent migrating process."""
    version = user_version(connection)
    check_version(version)
    if version == LATEST:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = user_version(connection)
        check_version(version)
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {LATEST}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
