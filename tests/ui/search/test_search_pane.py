"""The search pane: type a query, see grouped results, activate a hit and land on its exact range."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from reader.app import build_main_window
from reader.search.hits import MARK_OPEN
from reader.text import strip_glosses
from reader.ui.search.pane import SearchPane
from reader.ui.search.results import HIT_ROLE, PARTS_ROLE


@pytest.fixture
def window(indexed_window):
    return indexed_window


def _search(qtbot, pane: SearchPane, text: str) -> None:
    box = pane.findChild(type(pane.box), "searchBox")
    box.clear()
    box.setFocus()
    for char in text:  # QTest.keyClicks cannot type CJK; send the key events it would
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(box, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    assert box.text() == text
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0 and pane.last_response.query == text, timeout=10000)


def test_typing_a_query_and_activating_a_hit_selects_it(qtbot, window) -> None:
    pane = window.findChild(SearchPane, "searchPane")
    _search(qtbot, pane, "學習")
    tree = pane.findChild(type(pane.tree), "searchResults")
    first_doc = pane.model.index(0, 0)
    assert "(" in first_doc.data()
    hits = pane.model.hit_indexes()
    assert len(hits) == pane.last_response.total_hits > 10
    before, match, after = hits[3].data(PARTS_ROLE)
    assert strip_glosses(match) in ("学习", "學習") and MARK_OPEN in hits[3].data()
    path, offset, length = hits[3].data(HIT_ROLE)
    tree.setCurrentIndex(hits[3])
    assert pane.activate(hits[3])
    qtbot.waitUntil(lambda: window.current_document is not None and str(window.current_document.path) == path)
    assert window.text_view.selected_range() == (offset, length)
    selected = window.current_document.text[offset : offset + length]
    assert strip_glosses(selected) in ("学习", "學習")  # 學(xué)習 in the glossed speech


def test_f3_steps_through_hits(qtbot, window) -> None:
    pane = window.findChild(SearchPane, "searchPane")
    _search(qtbot, pane, "调研")
    hits = pane.model.hit_indexes()
    pane.step(True)
    pane.step(True)
    assert pane.tree.currentIndex() == hits[1]
    _path, offset, length = hits[1].data(HIT_ROLE)
    qtbot.waitUntil(lambda: window.text_view.selected_range() == (offset, length))


def test_malformed_query_shows_a_message(qtbot, window) -> None:
    pane = window.findChild(SearchPane, "searchPane")
    pane.box.setText('"学习')
    qtbot.waitUntil(lambda: "quotation" in pane.status.text(), timeout=5000)
    assert pane.model.rowCount() == 0


def test_stale_results_are_dropped(qtbot, window) -> None:
    pane = window.findChild(SearchPane, "searchPane")
    _search(qtbot, pane, "学习")
    from reader.search import SearchResponse

    pane.controller._deliver(pane.controller.query_id - 1, SearchResponse("old"))
    assert pane.last_response.query == "学习"


def test_closing_the_window_while_indexing_stops_the_worker_cleanly(qtbot, library_folder) -> None:
    """Regression: the indexing worker emitted into a deleted signal source after the window closed."""
    big = library_folder(
        {f"doc{number}.txt": f"第{number}份文件，讲学习和调研。\n" * 4000 for number in range(40)}, name="big"
    )
    window = build_main_window([])
    pane = window.findChild(SearchPane, "searchPane")
    qtbot.waitUntil(lambda: not pane.controller.indexing, timeout=30000)
    pane.folders = lambda: [big]
    with qtbot.waitSignal(pane.controller.indexProgress, timeout=30000):
        pane.start_indexing()
    window.close()
    # close waited for the worker
    assert pane.controller.closing and pane.controller.index_pool.activeThreadCount() == 0
    window.deleteLater()
    qtbot.wait(50)
    report = pane.controller.service.update([big])
    assert report.added  # the cancelled build left documents to index, and the index still works


def test_search_and_find_shortcuts_are_named_in_the_shortcuts_list(qtbot, window) -> None:
    from reader.ui.dialogs.shortcuts import collect_shortcuts

    named = {entry.command: entry.keys for entry in collect_shortcuts(window)}
    for command in ("Find in Library", "Next search hit", "Previous search hit", "Find",  # Edit ▸ Find (in Library)
                    "Previous match", "Close the find bar"):
        assert command in named, command
    assert "F3" in named["Next search hit"] and "(unnamed shortcut)" not in named
