"""Bookmarks and reading positions: an SQLite store, anchors that survive edits, export/import."""

from reader.bookmarks.errors import (
    BookmarkError,
    ImportRejectedError,
    NotFoundError,
    StoreError,
    StoreFullError,
    StoreIOError,
    StoreLockedError,
    StoreReadOnlyError,
)
from reader.bookmarks.export import export, import_json
from reader.bookmarks.model import COLORS, STATUSES, STYLES, Bookmark
from reader.bookmarks.positions import load_position, save_position
from reader.bookmarks.relocate import refresh_moved
from reader.bookmarks.service import (
    add_bookmark,
    bookmarks_for,
    get_bookmark,
    list_bookmarks,
    reattach_bookmark,
    remove_bookmark,
    restore_bookmark,
    update_bookmark,
)
from reader.bookmarks.store import check_store, open_store, store_path, take_notices

__all__ = [
    "COLORS",
    "STATUSES",
    "STYLES",
    "Bookmark",
    "BookmarkError",
    "ImportRejectedError",
    "NotFoundError",
    "StoreError",
    "StoreFullError",
    "StoreIOError",
    "StoreLockedError",
    "StoreReadOnlyError",
    "add_bookmark",
    "bookmarks_for",
    "check_store",
    "export",
    "get_bookmark",
    "import_json",
    "list_bookmarks",
    "load_position",
    "open_store",
    "reattach_bookmark",
    "refresh_moved",
    "remove_bookmark",
    "restore_bookmark",
    "save_position",
    "store_path",
    "take_notices",
    "update_bookmark",
]
