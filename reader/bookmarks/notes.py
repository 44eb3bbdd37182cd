"""Bookmarks as notes for note apps (Obsidian, Logseq, a Markdown folder): one note per document, byte-stable."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import groupby
from pathlib import Path
from string import Template

from reader.bookmarks.errors import BookmarkError
from reader.bookmarks.export import _blockquote, _escape_line, _one_line
from reader.bookmarks.links import make_link
from reader.bookmarks.model import Bookmark
from reader.documents import DocumentError, load_document
from reader.documents.names import display_name, escape_surrogates
from reader.paths import write_atomically

SECTION_SEPARATOR = " › "
DEFAULT_ENTRY = "$quote_block\n\n$note_block[Open in Reader]($link) · $tags\n"
FIELDS = {  # template field -> what it holds (README lists these)
    "quote": "the quoted passage, escaped as Markdown text, lines joined by spaces",
    "quote_block": "the quoted passage as a Markdown block quote (every line escaped)",
    "note": "the note, escaped as Markdown text, lines joined by spaces ('' if none)",
    "note_block": "the note's lines escaped, followed by a blank line ('' if none)",
    "color": "the colour name (yellow, green, …)",
    "style": "the highlight style (highlight, underline, wavy, strike, box)",
    "tags": "the tags: #reader/<colour> #reader/<style>",
    "link": "the reader:// link back to the passage",
    "section": "the section path, ' › '-joined ('' before the first heading)",
    "offset": "the passage's character offset in the text",
    "length": "the passage's length in characters",
    "status": "ok, moved, fuzzy or orphaned",
    "created": "when the bookmark was made (ISO 8601)",
    "updated": "when it was last changed (ISO 8601, '' if never)",
    "id": "the bookmark's id",
    "title": "the document's title",
    "path": "the document's path",
}
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|#^\[\]]+')


class TemplateError(BookmarkError):
    """A template that names a field there is not, or is malformed; str() is one line."""


@dataclass(frozen=True)
class NoteDocument:
    """One document's note: its title, source path and text hash (None when the file is gone)."""

    path: str
    title: str
    sha256: str | None


def load_template(path: str | os.PathLike[str]) -> Template:
    """A per-bookmark template file (string.Template, `$field` or `${field}`). Raises TemplateError."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(f"cannot read the template {display_name(path)}: {error}") from error
    template = Template(text)
    if not template.is_valid():
        raise TemplateError(f"the template {display_name(path)} has a malformed $ placeholder (write $$ for a $)")
    unknown = sorted(set(template.get_identifiers()) - set(FIELDS))
    if unknown:
        raise TemplateError(f"the template {display_name(path)} names unknown field(s) "
                            f"{', '.join('$' + u for u in unknown)}; fields: {', '.join(FIELDS)}")
    return template


def describe(path: str, bookmarks: list[Bookmark]) -> NoteDocument:
    """The document behind `path`: title from its file name, sha256 of its text (None if unreadable)."""
    title = Path(display_name(path)).stem or display_name(path)
    try:
        text = load_document(path).text if os.path.isfile(path) else None
    except DocumentError:
        text = None
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest() if text is not None else None
    return NoteDocument(path, title, digest)


def document_note(document: NoteDocument, bookmarks: list[Bookmark], exported: datetime | None = None,
                  template: Template | None = None) -> str:
    """The note: YAML front matter, the title, section headings, and an entry per bookmark in text order."""
    exported = exported or datetime.now(timezone.utc).replace(microsecond=0)
    lines = ["---", f"title: {_yaml(document.title)}", f"source: {_yaml(display_name(document.path))}",
             f"sha256: {_yaml(document.sha256 or '')}", f"exported: {_yaml(exported.isoformat())}",
             "tags: [reader]", "---", "", f"# {_one_line(document.title)}", ""]
    shown: list[str] = []
    ordered = sorted(bookmarks, key=lambda b: (b.offset, b.created, b.id))
    for section, entries in groupby(ordered, key=lambda b: b.heading_path):
        titles = [t for t in section.split(SECTION_SEPARATOR) if t] if section else []
        common = next((i for i, (a, b) in enumerate(zip(shown, titles, strict=False)) if a != b),
                      min(len(shown), len(titles)))
        for depth, heading in enumerate(titles[common:], start=common):
            lines += [f"{'#' * min(6, depth + 2)} {_one_line(heading)}", ""]
        shown = titles
        for bookmark in entries:
            lines += [_entry(bookmark, document, template).rstrip("\n"), ""]
    return escape_surrogates("\n".join(lines).rstrip("\n") + "\n")


def _entry(bookmark: Bookmark, document: NoteDocument, template: Template | None) -> str:
    return (template or Template(DEFAULT_ENTRY)).substitute(fields(bookmark, document))


def fields(bookmark: Bookmark, document: NoteDocument) -> dict[str, str]:
    """Every template field of `bookmark`, escaped for Markdown where it is text from the document."""
    style = getattr(bookmark, "style", "highlight") or "highlight"
    note_lines = bookmark.note.replace("\r\n", "\n").split("\n") if bookmark.note else []
    return {
        "quote": _one_line(bookmark.quote), "quote_block": _blockquote(bookmark.quote) if bookmark.quote
        else "> *(reading position)*",
        "note": _one_line(bookmark.note), "note_block": "".join(_escape_line(line) + "\n" for line in note_lines)
        + ("\n" if note_lines else ""),
        "color": bookmark.color, "style": style, "tags": f"#reader/{_tag(bookmark.color)} #reader/{_tag(style)}",
        "link": make_link(bookmark), "section": _one_line(bookmark.heading_path), "offset": str(bookmark.offset),
        "length": str(bookmark.length), "status": bookmark.status, "created": bookmark.created,
        "updated": bookmark.updated, "id": bookmark.id, "title": _one_line(document.title),
        "path": display_name(document.path),
    }


def _tag(word: str) -> str:
    return re.sub(r"[^\w/-]+", "-", word).strip("-") or "none"


def _yaml(value: str) -> str:
    """A YAML scalar: a JSON string (valid YAML), so quotes, colons and newlines stay literal."""
    return json.dumps(value, ensure_ascii=False)


def note_file_name(title: str) -> str:
    """A file name for a title that every desktop file system and note app accepts."""
    name = _UNSAFE_NAME.sub(" ", escape_surrogates(title)).strip(" .") or "Untitled"
    return name[:120] + ".md"


def write_per_document(folder: Path, bookmarks: list[Bookmark], template: Template | None = None,
                       exported: datetime | None = None, paths: set[str] | None = None) -> list[Path]:
    """One note per document in `folder` (only `paths` when given), rewritten in place, atomically; a note whose
    only change would be its `exported` stamp is left as it is. Returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written, names = [], _names([b.path for b in bookmarks] + sorted(paths or ()))
    for path, group in groupby(sorted(bookmarks, key=lambda b: b.path), key=lambda b: b.path):
        if paths is not None and path not in paths:
            continue
        entries = list(group)
        target = folder / names[path]
        text = document_note(describe(path, entries), entries, exported, template)
        if _same_but_stamp(target, text):
            continue
        write_atomically(target, text)
        written.append(target)
    return written


def _names(paths: list[str]) -> dict[str, str]:
    """A distinct note file name per document path: its title, then ' (2)', ' (3)' for the same title."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for path in sorted(set(paths)):
        base = note_file_name(Path(display_name(path)).stem or display_name(path))
        name, counter = base, 1
        while name.lower() in taken:
            counter += 1
            name = f"{base[:-3]} ({counter}).md"
        taken.add(name.lower())
        names[path] = name
    return names


_STAMP = re.compile(r"^exported: .*$", re.M)


def _same_but_stamp(target: Path, text: str) -> bool:
    try:
        old = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return _STAMP.sub("", old, count=1) == _STAMP.sub("", text, count=1)
