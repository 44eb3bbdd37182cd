"""Thousands of bookmarks: the pane lists them from a model on a worker, tints only what is near the view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import QLineEdit, QListView, QListWidget

from reader.bookmarks.anchor import new_bookmark, outline_of
from reader.bookmarks.service import path_key
from reader.bookmarks.store import open_store
from reader.documents import load_document
from reader.ui.bookmarks import pane as bookmarks_pane

COUNT = bookmarks_pane.SYNC_LIMIT + 1000  # above the limit: read on the worker


def _bookmark_every_line(path: Path) -> list[int]:
    """A bookmark on the first word of every line, written straight into the store; their offsets."""
    document = load_document(path)
    text, headings = document.text, outline_of(document.text, document.kind)
    offsets, start = [], 0
    while len(offsets) < COUNT:
        offsets.append(start)
        start = text.index("\n", start) + 1
    with open_store() as store, store.transaction() as db:
        for number, offset in enumerate(offsets):
            color = "green" if number % 2 else "yellow"
            store.insert(db, new_bookmark(path_key(path), text, document.content_hash, offset, 4, headings,
                                          note=f"note {number}", color=color, size_bytes=document.size_bytes))
    return offsets


def test_thousands_of_bookmarks_are_listed_by_a_model_and_tinted_near_the_view(
    make_window, qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("".join(f"Line {n} says something worth keeping.\n" for n in range(COUNT + 10)), encoding="utf-8")
    offsets = _bookmark_every_line(path)
    window = make_window([str(path)])
    pane = window.bookmarks_pane
    view = window.findChild(QListView, "bookmarksList")
    assert not isinstance(view, QListWidget) and isinstance(view.model(), QAbstractListModel)
    qtbot.waitUntil(lambda: view.model().rowCount() == COUNT, timeout=30000)
    assert view.model().index(0, 0).data(Qt.ItemDataRole.DisplayRole) == "“Line” — note 0"
    text_view = window.text_view
    assert text_view.highlight_count("bookmarks") == COUNT
    assert text_view.highlight_count("bookmarks-green") == COUNT // 2
    shown = text_view.extraSelections()
    assert 0 < len(shown) < 1000, "only the bookmarks near the visible text are Qt selections"
    window.jump_to(offsets[-1], 4)
    near_end = {s.cursor.selectionStart() for s in text_view.extraSelections()}
    assert offsets[-1] in near_end and offsets[0] not in near_end
    qtbot.keyClicks(window.findChild(QLineEdit, "bookmarksFilter"), "note 1234")
    assert pane.visible_ids() == [pane.model.bookmark(0).id] and "note 1234" in pane.model.index(0, 0).data()


def test_a_slow_listing_for_the_previous_document_is_dropped(make_window, qtbot, tmp_path: Path) -> None:
    many = tmp_path / "many.txt"
    many.write_text("".join(f"Line {n} says something worth keeping.\n" for n in range(COUNT + 10)), encoding="utf-8")
    _bookmark_every_line(many)
    other = tmp_path / "other.txt"
    other.write_text("Nothing marked here.\n", encoding="utf-8")
    window = make_window([str(many)])
    window.open_document(other)  # before the worker is done with many.txt
    pane = window.bookmarks_pane
    pane.pool.waitForDone()
    qtbot.wait(50)
    assert pane.visible_ids() == [] and window.text_view.highlight_count("bookmarks") == 0
