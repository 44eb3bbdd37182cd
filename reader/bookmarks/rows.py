"""Bookmark rows in SQLite: paths stored losslessly (`path_key`), and bad values repaired, never a crash."""

from __future__ import annotations

from typing import Any

from reader.bookmarks.model import COLORS, COLUMNS, STATUSES, STYLES, Bookmark
from reader.documents.names import path_from_key, path_key

_INTEGERS = ("offset", "length", "size_bytes")


def encode(bookmark: Bookmark) -> tuple[Any, ...]:
    """The row that stores `bookmark` (its path as a `path_key`, so any file name fits)."""
    values = {name: getattr(bookmark, name) for name in COLUMNS}
    values["path"] = path_key(bookmark.path)
    return tuple(values[name] for name in COLUMNS)


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def decode(row: tuple[Any, ...]) -> tuple[Bookmark, str | None]:
    """The Bookmark a `SELECT <COLUMNS>` row holds, and what was wrong with the row (None if nothing).

    A value of the wrong type (text in an INTEGER column, say) is read as 0 and the bookmark marked
    orphaned, so re-anchoring finds its passage again by the quote; the row itself is left as it is."""
    values = dict(zip(COLUMNS, row, strict=True))
    problems: list[str] = []
    for name in _INTEGERS:
        value = values[name]
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(f"{name} {_shown(value)}")
            values[name] = 0
    for name in COLUMNS:
        if name not in _INTEGERS and not isinstance(values[name], str):
            problems.append(f"{name} {_shown(values[name])}")
            values[name] = _text(values[name])
    if values["color"] not in COLORS:
        values["color"] = "yellow"
    if values["style"] not in STYLES:
        values["style"] = "highlight"
    if values["status"] not in STATUSES:
        values["status"] = "orphaned"
    if problems:
        values["status"] = "orphaned"
    values["path"] = str(path_from_key(values["path"]))
    bookmark = Bookmark(**values)
    if not problems:
        return bookmark, None
    return bookmark, (
        f"Bookmark {bookmark.id} has a bad value in the store ({', '.join(problems)}); "
        "it is shown as orphaned until it is found again by its quote."
    )
