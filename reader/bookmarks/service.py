"""Bookmark operations over documents and the store: add, list (re-anchoring), edit, remove."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from reader.bookmarks.anchor import check_range, new_bookmark, outline_of
from reader.bookmarks.errors import (
    BookmarkError,
    NotFoundError,
    StoreFullError,
    StoreIOError,
    StoreReadOnlyError,
)
from reader.bookmarks.model import COLORS, STYLES, Bookmark, now_iso
from reader.bookmarks.reanchor import reanchor
from reader.bookmarks.relocate import missing_paths, refresh_moved
from reader.bookmarks.store import open_store
from reader.documents import Document, DocumentError, load_document
from reader.documents.library import iter_documents, library_folders
from reader.documents.names import display_name, resolved

_CANNOT_WRITE = (StoreFullError, StoreReadOnlyError, StoreIOError)


def _document(path: str | Path) -> Document:
    try:
        return load_document(resolved(path))
    except DocumentError as error:
        raise BookmarkError(f"cannot open {display_name(path)}: {error}") from error


class OutlineCache:
    """The outlines of the last few documents bookmarked, by (content hash, kind): adding several
    bookmarks to one document detects its headings once."""

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self.outlines: dict[tuple[str, str], list] = {}

    def headings(self, document: Document) -> list:
        key = (document.content_hash, document.kind)
        if key not in self.outlines:
            if len(self.outlines) >= self.size:
                self.outlines.pop(next(iter(self.outlines)))
            self.outlines[key] = outline_of(document.text, document.kind)
        return self.outlines[key]


OUTLINES = OutlineCache()  # this process's, used by add_bookmark and list_bookmarks


def path_key(path: str | Path) -> str:
    """How the store names a document: its absolute, resolved path."""
    return str(resolved(path))


def _check_color(color: str) -> str:
    color = color.strip().lower()
    if color not in COLORS:
        raise BookmarkError(f"unknown colour {color!r}; choose one of {', '.join(COLORS)}")
    return color


def _check_style(style: str) -> str:
    style = style.strip().lower()
    if style not in STYLES:
        raise BookmarkError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    return style


def add_bookmark(path: str | Path | Document, offset: int, length: int, note: str = "",
                 color: str = "yellow", style: str = "highlight") -> Bookmark:
    """Bookmark [offset, offset+length) of the document (length 0: a position); returns it."""
    document = path if isinstance(path, Document) else _document(path)
    try:
        check_range(document.text, offset, length)
    except ValueError as error:
        raise BookmarkError(str(error)) from error
    refresh_moved([document.path], {document.path: document.content_hash})
    bookmark = new_bookmark(
        path_key(document.path), document.text, document.content_hash, offset, length,
        OUTLINES.headings(document), note, _check_color(color), document.size_bytes, _check_style(style),
    )
    with open_store() as store, store.transaction() as db:
        store.insert(db, bookmark)
    return bookmark


def _relocate_missing() -> None:
    """Look for vanished documents in the library and beside where they were."""
    missing = missing_paths()
    if not missing:
        return
    folders = library_folders()
    files = iter_documents(folders)
    for parent in {Path(path).parent for path in missing}:
        if parent.is_dir() and not any(parent.is_relative_to(f) for f in folders):
            files.extend(p for p in parent.iterdir() if p.is_file())
    refresh_moved(files)


def _reanchor_document(path: str, bookmarks: list[Bookmark],
                       document: Document | None) -> list[Bookmark]:
    """Re-anchor one document's bookmarks, persisting what changed (one transaction)."""
    if document is None:
        if not Path(path).is_file():  # stat first: a FIFO or a device is never read
            return [replace(b, status="orphaned") for b in bookmarks]
        try:
            document = load_document(Path(path))
        except DocumentError:
            return [replace(b, status="orphaned") for b in bookmarks]
    pending = [b for b in bookmarks if b.content_hash != document.content_hash
               or b.status == "orphaned"]
    if not pending:
        return bookmarks
    headings = OUTLINES.headings(document)
    done = {b.id: reanchor(b, document.text, document.content_hash, headings,
                           document.size_bytes) for b in pending}
    before = {b.id: b for b in bookmarks}
    _save_anchors([b for b in done.values() if b != before[b.id]])
    return [done.get(b.id, b) for b in bookmarks]


def _save_anchors(bookmarks: list[Bookmark]) -> None:
    """Persist anchor fields only, so a concurrent note edit is not overwritten. Best effort: on a
    full disk or a read-only store the listing still shows them, and the next one saves them."""
    if bookmarks:
        _best_effort(lambda: _write_anchors(bookmarks))


def _write_anchors(bookmarks: list[Bookmark]) -> None:
    with open_store() as store, store.transaction() as db:
        for b in bookmarks:
            db.execute(
                "UPDATE bookmarks SET content_hash = ?, offset = ?, length = ?, quote = ?, "
                "before = ?, after = ?, heading_path = ?, status = ?, size_bytes = ? WHERE id = ?",
                (b.content_hash, b.offset, b.length, b.quote, b.before, b.after,
                 b.heading_path, b.status, b.size_bytes, b.id),
            )


def list_bookmarks(document: str | Path | Document | None = None,
                   reanchor_all: bool = True) -> list[Bookmark]:
    """Bookmarks (of one document, or all), re-anchored against the current texts."""
    doc = None
    if document is not None:
        doc = document if isinstance(document, Document) else _document(document)
        _best_effort(lambda: refresh_moved([doc.path], {doc.path: doc.content_hash}))
    elif reanchor_all:
        _best_effort(_relocate_missing)
    with open_store() as store:
        found = store.bookmarks(path_key(doc.path) if doc else None)
    if not reanchor_all:
        return found
    groups: dict[str, list[Bookmark]] = {}
    for bookmark in found:
        groups.setdefault(bookmark.path, []).append(bookmark)
    result: list[Bookmark] = []
    for path, group in groups.items():
        result.extend(_reanchor_document(path, group, doc))
    return result


def _best_effort(write: Callable[[], object]) -> None:
    """Run a write that only tidies up (relocating, re-anchoring); a store that cannot be written skips it."""
    try:
        write()
    except _CANNOT_WRITE:
        pass


def bookmarks_for(path: str | Path) -> list[Bookmark]:
    """The stored bookmarks of the document at `path` (no re-anchoring), in offset order."""
    with open_store() as store:
        return store.bookmarks(path_key(path))


def get_bookmark(bookmark_id: str) -> Bookmark:
    """The bookmark with this id, or a unique id prefix."""
    with open_store() as store:
        found = store.get(bookmark_id)
        if found is None and len(bookmark_id) >= 4:
            rows = store.query("SELECT id FROM bookmarks WHERE id LIKE ? || '%'", (bookmark_id,))
            found = store.get(rows[0][0]) if len(rows) == 1 else None
    if found is None:
        raise NotFoundError(f"no bookmark has the id {bookmark_id!r}")
    return found


def remove_bookmark(bookmark_id: str) -> Bookmark:
    """Delete a bookmark; returns it (so it can be restored)."""
    bookmark = get_bookmark(bookmark_id)
    with open_store() as store, store.transaction() as db:
        db.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark.id,))
    return bookmark


def restore_bookmark(bookmark: Bookmark) -> None:
    """Put a bookmark back exactly as it was (undo of a delete or an edit)."""
    with open_store() as store, store.transaction() as db:
        store.insert(db, bookmark)


def update_bookmark(bookmark_id: str, note: str | None = None, color: str | None = None,
                    style: str | None = None) -> Bookmark:
    """Change a bookmark's note, colour and/or style; returns the updated bookmark."""
    bookmark = get_bookmark(bookmark_id)
    changed = replace(
        bookmark,
        note=bookmark.note if note is None else note,
        color=bookmark.color if color is None else _check_color(color),
        style=bookmark.style if style is None else _check_style(style),
        updated=now_iso(),
    )
    with open_store() as store, store.transaction() as db:
        db.execute("UPDATE bookmarks SET note = ?, color = ?, style = ?, updated = ? WHERE id = ?",
                   (changed.note, changed.color, changed.style, changed.updated, changed.id))
    return changed


def reattach_bookmark(bookmark_id: str, document: str | Path | Document, offset: int,
                      length: int) -> Bookmark:
    """Anchor an (orphaned) bookmark to a new passage, keeping its id, note, colour and style."""
    old = get_bookmark(bookmark_id)
    doc = document if isinstance(document, Document) else _document(document)
    try:
        check_range(doc.text, offset, length)
    except ValueError as error:
        raise BookmarkError(str(error)) from error
    fresh = new_bookmark(path_key(doc.path), doc.text, doc.content_hash, offset, length,
                         OUTLINES.headings(doc), old.note, old.color, doc.size_bytes, old.style)
    bookmark = replace(fresh, id=old.id, created=old.created)
    restore_bookmark(bookmark)
    return bookmark
