"""Links back into the reader: `reader://bookmark/<id>?path=…&offset=N&length=M`, `FILE[:OFFSET[:LENGTH]]`, resolved."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote_from_bytes, unquote_to_bytes, urlsplit

from reader.bookmarks.errors import BookmarkError, NotFoundError
from reader.bookmarks.model import Bookmark
from reader.bookmarks.reanchor import locate
from reader.documents import DocumentError, load_document
from reader.documents.names import display_name, resolved

SCHEME = "reader"
QUOTE_IN_LINK = 200  # the quote travels in the link up to this many characters (re-anchoring without the store)
_ID = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
_SPAN = re.compile(r"^(?P<path>.+?)(?::(?P<offset>\d+)(?::(?P<length>\d+))?)?$", re.S)


class LinkError(BookmarkError):
    """A link or target that cannot be used; str() is one line."""


@dataclass(frozen=True)
class Target:
    """What a link or `FILE:OFFSET:LENGTH` asks for (`bookmark_id` None for a plain file)."""

    path: str
    offset: int = 0
    length: int = 0
    bookmark_id: str | None = None
    quote: str | None = None


@dataclass(frozen=True)
class Resolution:
    """Where a target is now: status ok|moved|fuzzy|orphaned|missing."""

    path: str
    offset: int
    length: int
    status: str

    def to_json(self) -> dict:
        return {"path": self.path, "offset": self.offset, "length": self.length, "status": self.status}


def make_link(bookmark: Bookmark, with_quote: bool = True) -> str:
    """The link to `bookmark`, with its path percent-encoded byte for byte (any file name survives)."""
    link = (f"{SCHEME}://bookmark/{bookmark.id}?path={quote_from_bytes(os.fsencode(bookmark.path), safe='/')}"
            f"&offset={bookmark.offset}&length={bookmark.length}")
    if with_quote and bookmark.quote and len(bookmark.quote) <= QUOTE_IN_LINK:
        link += f"&quote={quote_from_bytes(bookmark.quote.encode('utf-8', 'surrogatepass'), safe='')}"
    return link


def parse_target(text: str) -> Target:
    """A `reader://bookmark/…` link or `FILE[:OFFSET[:LENGTH]]`. Raises LinkError (one line)."""
    text = text.strip()
    if not text:
        raise LinkError("nothing to open: give a reader:// link or a file")
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*)://", text)
    if scheme and scheme.group(1).lower() == "file":  # a file manager's or desktop's file:// URL
        return _parse_span(os.fsdecode(unquote_to_bytes(urlsplit(text).path)))
    if scheme:
        if scheme.group(1).lower() != SCHEME:
            raise LinkError(f"not a reader link: {scheme.group(1)}:// links are not Reader's "
                            "(expected reader://bookmark/…)")
        return _parse_link(text)
    return _parse_span(text)


def _parse_link(text: str) -> Target:
    parts = urlsplit(text)
    if parts.netloc != "bookmark":
        raise LinkError(f"unknown reader link {_short(text)}: expected reader://bookmark/<id>?path=…")
    bookmark_id = parts.path.strip("/")
    if not _ID.match(bookmark_id):
        raise LinkError(f"malformed reader link {_short(text)}: the bookmark id is missing or not an id")
    query = parse_qs(parts.query, keep_blank_values=True)
    raw_path = query.get("path", [""])[0] if "path" in query else ""
    path = os.fsdecode(unquote_to_bytes(raw_path)) if raw_path else ""
    offset, length = _number(query, "offset", text), _number(query, "length", text)
    quoted = query.get("quote", [None])[0]
    quote_text = unquote_to_bytes(quoted).decode("utf-8", "replace") if quoted else None
    return Target(path, offset, length, bookmark_id, quote_text)


def _number(query: dict, name: str, text: str) -> int:
    value = query.get(name, ["0"])[0] or "0"
    if not value.isdigit() or len(value) > 15:
        raise LinkError(f"malformed reader link {_short(text)}: {name} must be a whole number, not {value!r}")
    return int(value)


def _parse_span(text: str) -> Target:
    if os.path.exists(text):
        return Target(text)
    match = _SPAN.match(text)
    if match is None:  # pragma: no cover - the pattern matches any non-empty text
        raise LinkError(f"cannot read {_short(text)} as FILE[:OFFSET[:LENGTH]]")
    offset, length = match.group("offset"), match.group("length")
    if offset is None:
        return Target(text)
    return Target(match.group("path"), int(offset), int(length or 0))


def _short(text: str) -> str:
    return repr(text if len(text) <= 80 else text[:77] + "…")


def resolve(target: Target) -> Resolution:
    """Where the target's passage is now. A known bookmark id is followed through the store (after edits and
    moves); otherwise the path and span are used, re-anchored by the link's quote when it has one."""
    if target.bookmark_id is not None:
        found = _known_bookmark(target.bookmark_id)
        if found is not None:
            return found
    if not target.path:
        raise LinkError(f"unknown bookmark {target.bookmark_id!r} and the link has no path to fall back on")
    path = str(resolved(target.path))
    if not os.path.isfile(path):
        return Resolution(path, target.offset, target.length, "missing")
    try:
        document = load_document(path)
    except DocumentError as error:
        raise LinkError(f"cannot open {display_name(path)}: {error}") from error
    if target.quote:
        stand_in = Bookmark("link", path, "", target.offset, len(target.quote), target.quote, "", "")
        place = locate(stand_in, document.text)
        return Resolution(path, place.offset, place.length, place.status)
    if target.offset + target.length > len(document.text):
        return Resolution(path, min(target.offset, len(document.text)), 0, "orphaned")
    return Resolution(path, target.offset, target.length, "ok")


def _known_bookmark(bookmark_id: str) -> Resolution | None:
    from reader.bookmarks.service import get_bookmark, list_bookmarks

    try:
        stored = get_bookmark(bookmark_id)
    except NotFoundError:
        return None
    before = stored.path
    try:
        current = {b.id: b for b in list_bookmarks(stored.path if os.path.isfile(stored.path) else None)}
    except BookmarkError:
        current = {}
    bookmark = current.get(stored.id, stored)
    if not os.path.isfile(bookmark.path):
        return Resolution(bookmark.path, bookmark.offset, bookmark.length, "missing")
    status = bookmark.status
    if status == "ok" and bookmark.path != before:
        status = "moved"
    return Resolution(bookmark.path, bookmark.offset, bookmark.length, status)
