"""Reading the bookmarks to list, on the UI thread or a worker: sorted, with the open document's layers and
scrollbar marks worked out, so that the UI thread only hands them to the view."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Signal

from reader.bookmarks import Bookmark, BookmarkError, list_bookmarks, open_store
from reader.bookmarks.service import path_key
from reader.documents import Document
from reader.ui.bookmarks.list_view import order_key
from reader.ui.views.spans import ScrollMarks, SortedSpans, sorted_in_runs


@dataclass
class Listing:
    """What one refresh read from the store, sorted, with the open document's tints worked out."""

    bookmarks: list[Bookmark]
    document_key: str | None  # the open document's store path, None if none is open
    tints: dict[tuple[str, str], SortedSpans]  # (style, colour): spans of the open document's placed
    # bookmarks, sorted; ("highlight", "yellow") holds every highlight, under its own colour's
    offsets: list[int]  # every bookmark of the open document, sorted (outline badges count these)
    marks: ScrollMarks  # its placed bookmarks' scrollbar ticks


def no_listing() -> Listing:
    """What is listed for no document or when the store could not be read: nothing."""
    return Listing([], None, {}, [], ScrollMarks([], []))


def read_listing(document: Document | None, all_documents: bool, order: str) -> Listing:
    """Read, re-anchor and sort the bookmarks to list (raises BookmarkError); safe on a worker."""
    if all_documents:
        current = list_bookmarks(document) if document is not None else []
        key = path_key(document.path) if document is not None else None
        bookmarks = current + [b for b in list_bookmarks(reanchor_all=False) if b.path != key]
    else:
        bookmarks = list_bookmarks(document) if document is not None else []
    key = path_key(document.path) if document is not None else None
    bookmarks.sort(key=order_key(order), reverse=order == "date")
    mine = [b for b in bookmarks if b.path == key] if all_documents else bookmarks
    tints: dict[tuple[str, str], list[tuple[int, int]]] = {}
    marks = []
    for bookmark in mine:
        if bookmark.status != "orphaned":
            marks.append(bookmark.offset)
            if bookmark.length > 0:
                span = (bookmark.offset, bookmark.length)
                if bookmark.style == "highlight":
                    tints.setdefault(("highlight", "yellow"), []).append(span)
                if bookmark.style != "highlight" or bookmark.color != "yellow":
                    tints.setdefault((bookmark.style, bookmark.color), []).append(span)
    total = len(document.text) if document is not None else 0
    spans = {layer: SortedSpans.of(ranges) for layer, ranges in tints.items()}  # sorted here, not on the UI thread
    return Listing(bookmarks, key, spans, sorted_in_runs([b.offset for b in mine]), ScrollMarks.of(marks, total))


def count_listed(document: Document | None, all_documents: bool) -> int:
    """How many bookmarks a refresh would list (one COUNT query)."""
    if document is None and not all_documents:
        return 0
    with open_store() as store:
        return store.count(None if all_documents else path_key(document.path))


@contextmanager
def _without_collections():
    """Read a large listing without Python's cyclic GC, then freeze what is alive.

    Each of the hundreds of thousands of objects a large listing makes counts towards a full
    collection, which holds the GIL, and so the UI thread, for 30-70 ms each time (three times while
    100,000 bookmarks are read). Bookmarks hold no cycles, so frozen they are still freed by reference
    counting when the pane lets them go; they are just never scanned again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


class ReadSignals(QObject):
    done = Signal(int, object)  # token, Listing
    failed = Signal(int, str)


class ReadTask(QRunnable):
    def __init__(self, token: int, document: Document | None, all_documents: bool, order: str,
                 signals: ReadSignals) -> None:
        super().__init__()
        self.token, self.document, self.all_documents, self.order = token, document, all_documents, order
        self.signals = signals

    def run(self) -> None:
        try:
            with _without_collections():
                listing = read_listing(self.document, self.all_documents, self.order)
        except BookmarkError as error:
            self._tell(self.signals.failed, str(error))
        except Exception as error:  # noqa: BLE001 - said in the status bar, never a crash
            self._tell(self.signals.failed, f"Could not read the bookmarks: {error}")
        else:
            self._tell(self.signals.done, listing)

    def _tell(self, signal, value) -> None:
        try:
            signal.emit(self.token, value)
        except RuntimeError:
            pass  # the pane was closed while we read: nobody is waiting
