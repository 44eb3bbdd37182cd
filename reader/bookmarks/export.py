"""Export bookmarks as Markdown, JSON or CSV; import JSON, merged by bookmark id."""

from __future__ import annotations

import csv
import io
import json
from itertools import groupby
from pathlib import Path

from reader.bookmarks.errors import BookmarkError
from reader.bookmarks.importing import FORMAT_NAME, FORMAT_VERSION, ImportResult, parse_import
from reader.bookmarks.model import COLUMNS, Bookmark
from reader.bookmarks.store import open_store

FORMATS = ("md", "json", "csv")


def _ordered(bookmarks: list[Bookmark]) -> list[Bookmark]:
    return sorted(bookmarks, key=lambda b: (b.path, b.offset, b.created, b.id))


def _blockquote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in text.split("\n"))


def _markdown_entry(bookmark: Bookmark) -> list[str]:
    lines = [_blockquote(bookmark.quote) if bookmark.quote else "> *(reading position)*", ""]
    if bookmark.note:
        lines += [bookmark.note, ""]
    status = "" if bookmark.status == "ok" else f", {bookmark.status}"
    lines += [f"*{bookmark.color}, offset {bookmark.offset}{status}, {bookmark.created}*", ""]
    return lines


def to_markdown(bookmarks: list[Bookmark]) -> str:
    """Grouped by document, then by section, in document order, with quotes and notes."""
    lines = ["# Bookmarks", ""]
    for path, group in groupby(_ordered(bookmarks), key=lambda b: b.path):
        lines += [f"## {Path(path).name}", "", f"`{path}`", ""]
        for section, entries in groupby(group, key=lambda b: b.heading_path):
            if section:
                lines += [f"### {section}", ""]
            for bookmark in entries:
                lines += _markdown_entry(bookmark)
    return "\n".join(lines).rstrip("\n") + "\n"


def to_json(bookmarks: list[Bookmark]) -> str:
    """Every field of every bookmark; `import_json` reads it back."""
    payload = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "bookmarks": [b.to_dict() for b in _ordered(bookmarks)],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def to_csv(bookmarks: list[Bookmark]) -> str:
    """One row per bookmark, every field, with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for bookmark in _ordered(bookmarks):
        writer.writerow([getattr(bookmark, name) for name in COLUMNS])
    return out.getvalue()


def export(bookmarks: list[Bookmark], fmt: str) -> str:
    writers = {"md": to_markdown, "json": to_json, "csv": to_csv}
    if fmt not in writers:
        raise BookmarkError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[fmt](bookmarks)


def import_bookmarks(bookmarks: list[Bookmark]) -> ImportResult:
    """Merge by id in one transaction: new ids are added, a newer `updated` wins, else kept."""
    added = updated = unchanged = 0
    with open_store() as store, store.transaction() as db:
        for bookmark in bookmarks:
            current = store.get(bookmark.id)
            if current is None:
                added += 1
            elif current != bookmark and bookmark.updated > current.updated:
                updated += 1
            else:
                unchanged += 1
                continue
            store.insert(db, bookmark)
    return ImportResult(added, updated, unchanged)


def import_json(text: str) -> ImportResult:
    """Validate every entry, then merge them all, or (ImportRejectedError) none."""
    return import_bookmarks(parse_import(text))
