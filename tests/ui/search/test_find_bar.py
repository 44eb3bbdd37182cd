"""The find bar: Ctrl+F, every match highlighted with search folding, "n / N", Enter for next."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.app import build_main_window
from reader.ui.search.find_bar import FindBar
from reader.ui.search.pane import SearchPane

CORPUS = Path(__file__).resolve().parents[3] / "corpus"


@pytest.fixture
def window(qtbot):
    window = build_main_window([str(CORPUS / "民政局第二批實踐科學發展觀動員會講話.txt")])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.current_document is not None, timeout=10000)
    yield window
    window.findChild(SearchPane, "searchPane").shutdown()


def test_find_highlights_and_steps(qtbot, window) -> None:
    bar = window.findChild(FindBar, "findBar")
    bar.open_bar()
    bar.edit.insert("学习")
    qtbot.waitUntil(lambda: not bar.debounce.isActive(), timeout=5000)  # typing pauses: searched
    text = window.current_document.text
    assert len(bar.matches) > 3
    assert all(text[o : o + n] in ("学习", "學習", "學(xué)習") or "(" in text[o : o + n] for o, n in bar.matches)
    assert bar.count.text() == f"1 / {len(bar.matches)}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 / {len(bar.matches)}"
    assert window.text_view.selected_range() == bar.matches[1]
    bar.close_bar()
    assert bar.toolbar.isHidden()
