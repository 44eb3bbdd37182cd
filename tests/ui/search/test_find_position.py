"""Ctrl+F keeps the reader's place: it finds forward from the page being read, wraps and says so, counts a
long document's matches on a worker, and Back returns to where the reader was before the find."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.ui.search.find_bar import LARGE_CHARS, FindBar
from reader.ui.search.finder import TextFinder
from reader.ui.settings import i18n

CHAPTER = "第{n}回　宝玉闲游\n\n" + "那日天气晴和，众人在园中说笑，又论起诗来。\n" * 40 + "黛玉听了，抿嘴一笑。\n\n"


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    yield
    i18n.install_translator(qapp, "en")


@pytest.fixture
def novel(tmp_path: Path) -> Path:
    """A long novel (a worker counts its matches): 黛玉 once a chapter, 开篇 only at the start."""
    chapters = "".join(CHAPTER.format(n=n) for n in range(1, 301))
    text = "开篇\n\n" + chapters + "终\n"
    assert len(text) > LARGE_CHARS
    path = tmp_path / "novel.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _find(qtbot, bar: FindBar, query: str) -> None:
    bar.open_bar()
    bar.edit.setText(query)
    qtbot.waitUntil(lambda: not bar.debounce.isActive() and not bar.pending and bar.current >= 0, timeout=20000)


def _scroll_to(qtbot, window, fraction: float) -> int:
    bar = window.text_view.verticalScrollBar()
    bar.setValue(int(bar.maximum() * fraction))
    qtbot.wait(100)
    return window.text_view.top_offset()


def test_find_starts_at_the_page_being_read_and_numbers_the_hit(qtbot, make_window, novel: Path) -> None:
    window = make_window([str(novel)])
    top = _scroll_to(qtbot, window, 0.67)
    text = window.current_document.text
    assert top > len(text) // 2
    bar = window.findChild(FindBar, "findBar")
    bar.open_bar()  # Ctrl+F: the bar takes a line from the view
    reading = window.session.reading_offset()
    _find(qtbot, bar, "黛玉")
    every = [i for i in range(len(text)) if text.startswith("黛玉", i)]
    assert bar.matches == [(offset, 2) for offset in every]
    first_after = next(i for i, offset in enumerate(every) if offset >= top)
    assert bar.current == first_after > 100
    assert bar.matches[bar.current][0] >= top
    assert window.text_view.selected_range() == (every[first_after], 2)
    assert bar.count.text() == f"{first_after + 1} / 300" and bar.note.text() == ""
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == f"{first_after + 3} / 300"
    assert window.text_view.selected_range() == (every[first_after + 2], 2)

    window.go_back()  # Alt+Left: where the reader was before the find, not a hit and not the start
    assert window.session.reading_offset() == reading
    assert window.text_view.selected_range() in (None, (reading, 0))


def test_find_wraps_at_the_end_and_says_so(qtbot, make_window, novel: Path) -> None:
    window = make_window([str(novel)])
    _scroll_to(qtbot, window, 1.0)
    bar = window.findChild(FindBar, "findBar")
    _find(qtbot, bar, "开篇")  # only before the page being read: wraps to the start
    assert (bar.matches, bar.current) == ([(0, 2)], 0)
    assert window.text_view.selected_range() == (0, 2)
    assert (bar.count.text(), bar.note.text()) == ("1 / 1", "Wrapped to the start")
    bar.edit.setText("终")
    qtbot.waitUntil(lambda: not bar.debounce.isActive() and not bar.pending and bar.current == 0, timeout=20000)
    assert bar.note.text() == ""
    bar.edit.setText("黛玉")
    qtbot.waitUntil(lambda: not bar.debounce.isActive() and not bar.pending and bar.current >= 0, timeout=20000)
    assert bar.current == 0 and bar.note.text() == "Wrapped to the start"  # typing on goes forward from 终
    bar.step(False)
    assert (bar.count.text(), bar.note.text()) == ("300 / 300", "Wrapped to the end")
    bar.step(True)
    assert (bar.count.text(), bar.note.text()) == ("1 / 300", "Wrapped to the start")
    bar.step(True)
    assert (bar.count.text(), bar.note.text()) == ("2 / 300", "")


def test_typing_fast_searches_once_for_the_last_query(qtbot, make_window, novel: Path) -> None:
    window = make_window([str(novel)])
    bar = window.findChild(FindBar, "findBar")
    bar.open_bar()
    for query in ("宝", "宝玉", "宝玉闲", "黛", "黛玉"):
        bar.edit.setText(query)
    assert bar.debounce.isActive() and bar.matches == []  # nothing searched while typing
    qtbot.waitUntil(lambda: not bar.debounce.isActive() and not bar.pending and bar.current >= 0, timeout=20000)
    text = window.current_document.text
    assert len(bar.matches) == 300 and all(text[o : o + n] == "黛玉" for o, n in bar.matches)
    assert window.text_view.highlight_count("find") == 300


class GatedFinder(TextFinder):
    """A finder whose full search (the worker's) waits at a gate."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.gate = threading.Event()

    def find(self, query: str):
        assert self.gate.wait(20)
        return super().find(query)


def test_the_nearest_hit_shows_at_once_and_the_count_follows(qtbot, make_window, novel: Path) -> None:
    window = make_window([str(novel)])
    top = _scroll_to(qtbot, window, 0.5)
    bar = window.findChild(FindBar, "findBar")
    finder = GatedFinder(window.current_document.text)
    bar._finder_for = lambda _document: finder
    bar.open_bar()
    bar.edit.setText("黛玉")
    qtbot.waitUntil(lambda: not bar.debounce.isActive(), timeout=5000)
    assert bar.pending and len(bar.matches) == 1 and bar.matches[0][0] >= top  # before any counting
    assert window.text_view.selected_range() == bar.matches[0] and bar.count.text() == "Counting matches…"
    finder.gate.set()
    qtbot.waitUntil(lambda: not bar.pending, timeout=20000)
    assert len(bar.matches) == 300 and bar.count.text() == f"{bar.current + 1} / 300" and bar.current > 100
    assert window.text_view.selected_range() == bar.matches[bar.current]


def test_a_malformed_query_says_why_and_a_document_change_selects_nothing(qtbot, make_window, novel, corpus) -> None:
    window = make_window([str(novel)])
    bar = window.findChild(FindBar, "findBar")
    bar.open_bar()
    bar.edit.setText('"黛玉')
    qtbot.waitUntil(lambda: bar.showing_error, timeout=10000)
    assert "quotation" in bar.count.text()
    bar.edit.setText("学习")
    qtbot.waitUntil(lambda: not bar.debounce.isActive() and not bar.pending, timeout=10000)
    assert bar.count.text() == "No matches" and not bar.showing_error
    i18n.install_translator(QApplication.instance(), "zh_CN")  # a live switch reaches the bar
    qtbot.waitUntil(lambda: bar.count.text() == "无匹配项", timeout=5000)
    i18n.install_translator(QApplication.instance(), "en")
    window.open_document(corpus / "在“大学习、大调研、大讨论”活动动员部署会上的讲话.txt")
    qtbot.waitUntil(lambda: window.current_document.path.name.startswith("在"), timeout=10000)
    qtbot.waitUntil(lambda: bar.matches != [], timeout=10000)
    assert bar.current == -1 and bar.count.text() == f"{len(bar.matches)} matches"
