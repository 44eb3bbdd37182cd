"""Export bookmarks as Markdown, JSON or CSV; import JSON, merged by bookmark id."""

from __future__ import annotations

import csv
import io
import json
import re
from itertools import groupby
from pathlib import Path

from reader.bookmarks.errors import BookmarkError
from reader.bookmarks.importing import FORMAT_NAME, FORMAT_VERSION, ImportResult, parse_import
from reader.bookmarks.model import COLUMNS, Bookmark
from reader.bookmarks.store import open_store
from reader.documents.names import display_name, escape_surrogates

FORMATS = ("md", "json", "csv")


def _ordered(bookmarks: list[Bookmark]) -> list[Bookmark]:
    return sorted(bookmarks, key=lambda b: (b.path, b.offset, b.created, b.id))


_INLINE = re.compile(r"[\\`*_\[\]<&|~]")
_LINE_START = re.compile(r"^(\s*)([#>+=\-]|\d+(?=[.)]))")
_ENTITIES = {"<": "&lt;", "&": "&amp;", "|": "&#124;", "~": "&#126;", "=": "&#61;"}


def _escape_inline(text: str) -> str:
    """`text` as literal Markdown: backslash-escaped emphasis, code and links; HTML as entities."""
    return _INLINE.sub(lambda m: _ENTITIES.get(m.group(), "\\" + m.group()), text)


def _escape_line(line: str) -> str:
    """One line of literal text: also no heading, quote, list, setext underline or fence at its start."""
    line = _escape_inline(line.replace("\t", "    ").lstrip(" "))
    match = _LINE_START.match(line)
    if match is None:
        return line
    lead, mark = match.group(1), match.group(2)
    escaped = _ENTITIES.get(mark) or (f"{mark}\\" if mark[0].isdigit() else "\\" + mark)
    return lead + escaped + line[match.end():]


def _one_line(text: str) -> str:
    return _escape_line(" ".join(text.split()))


def _code_span(text: str) -> str:
    """`text` on one line as a code span whose backtick fence is longer than any run inside it."""
    text = text.replace("\r", " ").replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _blockquote(text: str) -> str:
    """Every line of `text` block-quoted and escaped, so nothing in it can end the quote."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(f"> {_escape_line(line)}".rstrip() for line in lines)


def _markdown_entry(bookmark: Bookmark) -> list[str]:
    lines = [_blockquote(bookmark.quote) if bookmark.quote else "> *(reading position)*", ""]
    if bookmark.note:
        lines += ["*Note:*", "", _blockquote(bookmark.note), ""]
    status = "" if bookmark.status == "ok" else f", {bookmark.status}"
    style = "" if bookmark.style == "highlight" else f" {bookmark.style}"
    meta = f"{bookmark.color}{style}, offset {bookmark.offset}{status}, {bookmark.created}"
    lines += [f"*{_one_line(meta)}*", ""]
    return lines


def to_markdown(bookmarks: list[Bookmark]) -> str:
    """Grouped by document, then by section, in document order. Quotes and notes are block-quoted and
    escaped line by line, so each bookmark stays one entry whatever its text holds."""
    lines = ["# Bookmarks", ""]
    for path, group in groupby(_ordered(bookmarks), key=lambda b: b.path):
        shown = display_name(path)
        lines += [f"## {_one_line(Path(shown).name)}", "", _code_span(shown), ""]
        for section, entries in groupby(group, key=lambda b: b.heading_path):
            if section:
                lines += [f"### {_one_line(section)}", ""]
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
    return escape_surrogates(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading `'` (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(bookmarks: list[Bookmark]) -> str:
    """One row per bookmark, every field, with a header row; formulas neutralised, paths readable."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for bookmark in _ordered(bookmarks):
        row = {name: getattr(bookmark, name) for name in COLUMNS}
        row["path"] = display_name(bookmark.path)
        writer.writerow([csv_cell(escape_surrogates(row[name]) if isinstance(row[name], str)
                                  else row[name]) for name in COLUMNS])
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
