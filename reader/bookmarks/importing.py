"""Importing a JSON export: read safely, validate every field of every entry, all-or-nothing."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reader.bookmarks.errors import BookmarkError, ImportRejectedError
from reader.bookmarks.model import COLORS, STATUSES, STYLES, Bookmark
from reader.documents import MAX_BYTES
from reader.documents.loader import FileTooLarge, NotARegularFile, read_regular_file
from reader.documents.names import display_name

FORMAT_NAME = "reader-bookmarks"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_ENTRIES = 1_000_000
MAX_OFFSET = MAX_BYTES  # a document has at most this many characters (the loader's byte cap)
MAX_SHOWN_REASONS = 5
_TEXT_LIMITS = {"id": 128, "path": 4096, "content_hash": 128, "quote": 1_000_000, "before": 1000,
                "after": 1000, "heading_path": 10_000, "note": 1_000_000, "created": 64,
                "updated": 64, "color": 32, "status": 32, "style": 32}
_REQUIRED = ("id", "path", "offset", "length", "quote")
_INTEGERS = ("offset", "length", "size_bytes")


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int

    @property
    def imported(self) -> int:
        return self.added + self.updated + self.unchanged

    def report(self) -> str:
        """"N imported, 0 rejected (…)": the line the CLI and the window show."""
        return (f"{self.imported} imported, 0 rejected ({self.added} added, {self.updated} updated, "
                f"{self.unchanged} unchanged).")


def read_import_file(path: str | os.PathLike[str]) -> str:
    """The text of an import file: a regular file (a FIFO or a device is refused, never read),
    at most MAX_FILE_BYTES, UTF-8 with or without a BOM. BookmarkError says what is wrong."""
    name = display_name(path)
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except NotARegularFile as error:
        raise BookmarkError(f"cannot read {name}: not a regular file") from error
    except FileTooLarge as error:
        raise BookmarkError(f"cannot read {name}: it is over {MAX_FILE_BYTES // 1048576} MB") from error
    except OSError as error:
        raise BookmarkError(f"cannot read {name}: {error.strerror or error}") from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BookmarkError(f"cannot read {name}: not UTF-8 text (bad byte at {error.start})") from error


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 40 else text[:39] + "…"


def _records(text: str) -> list[Any]:
    """The list of entries in an export (or a bare list); BookmarkError if the file is not one."""
    try:
        raw: Any = json.loads(text.removeprefix("\ufeff"))
    except RecursionError as error:
        raise BookmarkError("not a JSON bookmark export: it is nested too deeply") from error
    except ValueError as error:
        raise BookmarkError(f"not a JSON bookmark export: {error}") from error
    if isinstance(raw, dict):
        if raw.get("format", FORMAT_NAME) != FORMAT_NAME:
            raise BookmarkError(f"not a Reader bookmark export (format {_shown(raw.get('format'))})")
        version = raw.get("version", FORMAT_VERSION)
        if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION:
            raise BookmarkError(f"the export was written by a newer Reader (version {_shown(version)});"
                                f" this one reads version {FORMAT_VERSION}")
        raw = raw.get("bookmarks")
    if not isinstance(raw, list):
        raise BookmarkError('not a JSON bookmark export: expected {"bookmarks": [...]} or a list')
    if len(raw) > MAX_ENTRIES:
        raise BookmarkError(f"the export has {len(raw)} bookmarks; at most {MAX_ENTRIES} are imported")
    return raw


def _surrogate(text: str, allow_escaped_bytes: bool) -> str | None:
    """The first lone surrogate in `text` (file names may hold U+DC80-U+DCFF: bytes that are not UTF-8)."""
    for index, char in enumerate(text):
        if "\ud800" <= char <= "\udfff" and not (allow_escaped_bytes and "\udc80" <= char <= "\udcff"):
            return f"has a lone surrogate ({_shown(char)[1:-1]}) at character {index}"
    return None


def _text_problem(name: str, value: Any) -> str | None:
    if not isinstance(value, str):
        return f"must be text, not {_shown(value)}"
    if len(value) > _TEXT_LIMITS[name]:
        return f"is {len(value)} characters long; at most {_TEXT_LIMITS[name]}"
    return _surrogate(value, allow_escaped_bytes=name == "path")


def _integer_problem(value: Any) -> str | None:
    if not isinstance(value, int) or isinstance(value, bool):
        return f"must be a whole number, not {_shown(value)}"
    if not 0 <= value <= MAX_OFFSET:
        return f"{_shown(value)} is out of range (0 to {MAX_OFFSET})"
    return None


def _meaning_problem(name: str, value: str, entry: dict[str, Any]) -> str | None:
    """Problems of well-typed values: empty ids, unknown colours, relative paths, bad times…"""
    if name == "id" and not value.strip():
        return "is empty"
    if name == "path" and ("\x00" in value or not os.path.isabs(value)):
        return f"{_shown(value)} is not an absolute file path"
    if name == "color" and value.strip().lower() not in COLORS:
        return f"{_shown(value)} is not a colour ({', '.join(COLORS)})"
    if name == "style" and value not in STYLES:
        return f"{_shown(value)} is not a style ({', '.join(STYLES)})"
    if name == "status" and value not in STATUSES:
        return f"{_shown(value)} is not a status ({', '.join(STATUSES)})"
    if name in ("created", "updated") and value:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            return f"{_shown(value)} is not an ISO 8601 time"
    if name == "quote" and isinstance(entry.get("length"), int) and len(value) != entry["length"]:
        return f'has {len(value)} characters but "length" is {_shown(entry["length"])}'
    return None


def _field_problem(name: str, entry: dict[str, Any]) -> str | None:
    value = entry[name]
    if name in _INTEGERS:
        return _integer_problem(value)
    return _text_problem(name, value) or _meaning_problem(name, value, entry)


def _entry_problems(entry: Any) -> list[str]:
    """Every problem of one entry, each as `"field": what is wrong`."""
    if not isinstance(entry, dict):
        return [f"not an object but {_shown(entry)}"]
    problems = [f'"{name}": missing' for name in _REQUIRED if name not in entry]
    for name in (*_TEXT_LIMITS, *_INTEGERS):
        problem = _field_problem(name, entry) if name in entry else None
        if problem:
            problems.append(f'"{name}": {problem}')
    offset, length = entry.get("offset"), entry.get("length")
    if not problems and offset + length > MAX_OFFSET:
        problems.append(f'"length": offset + length is past {MAX_OFFSET}')
    return problems


def _bookmark(entry: dict[str, Any]) -> Bookmark:
    values = {name: entry[name] for name in (*_TEXT_LIMITS, *_INTEGERS) if name in entry}
    values["color"] = values.get("color", "yellow").strip().lower()
    return Bookmark(**{"content_hash": "", "before": "", "after": "", **values})


def parse_import(text: str) -> list[Bookmark]:
    """The bookmarks of an export, every field checked. If any entry is bad, none is imported:
    ImportRejectedError says "0 imported, M rejected (of N): entry I "field": …; …"."""
    records = _records(text)
    reasons: list[str] = []
    rejected = 0
    seen: dict[str, int] = {}
    for index, entry in enumerate(records):
        problems = _entry_problems(entry)
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        if not problems and entry_id in seen:
            problems.append(f"\"id\": repeats entry {seen[entry_id]}'s id")
        if isinstance(entry_id, str):
            seen.setdefault(entry_id, index)
        rejected += bool(problems)
        reasons += [f"entry {index} {problem}" for problem in problems]
    if rejected:
        raise ImportRejectedError(_rejection(len(records), rejected, reasons), reasons)
    return [_bookmark(entry) for entry in records]


def _rejection(total: int, rejected: int, reasons: list[str]) -> str:
    shown = "; ".join(reasons[:MAX_SHOWN_REASONS])
    more = len(reasons) - MAX_SHOWN_REASONS
    tail = f"; and {more} more" if more > 0 else ""
    return (f"0 imported, {rejected} rejected (of {total}; the import is all-or-nothing, so "
            f"nothing was changed): {shown}{tail}")
