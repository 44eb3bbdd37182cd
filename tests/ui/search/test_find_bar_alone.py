"""The find bar alone: a session, a corpus document, the bar in its tool bar, and no main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from reader.ui.search.find_bar import FindBar

TRADITIONAL = Path(__file__).resolve().parents[3] / "corpus" / "民政局第二批實踐科學發展觀動員會講話.txt"


def test_the_bar_alone_finds_highlights_and_steps_through_the_sessions_document(make_session, qtbot) -> None:
    session = make_session()
    toolbar = QToolBar()
    qtbot.addWidget(toolbar)
    bar = FindBar(session, toolbar)
    toolbar.addWidget(bar)
    assert session.open(TRADITIONAL)
    bar.open_bar()
    bar.edit.insert("学习")
    qtbot.waitUntil(lambda: not bar.debounce.isActive(), timeout=5000)  # typing pauses: searched
    text = session.document.text
    assert len(bar.matches) > 3 and all("學" in text[o : o + n] or "学" in text[o : o + n] for o, n in bar.matches)
    assert bar.count.text() == f"1 / {len(bar.matches)}"
    assert session.view.selected_range() == bar.matches[0]
    assert session.view.highlight_count("find") == len(bar.matches)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert session.view.selected_range() == bar.matches[1] and bar.count.text() == f"2 / {len(bar.matches)}"
    bar.close_bar()
    assert toolbar.isHidden() and session.view.highlight_count("find") == 0


def test_the_bar_alone_says_no_matches_and_follows_the_next_document(make_session, qtbot, tmp_path: Path) -> None:
    session = make_session()
    toolbar = QToolBar()
    qtbot.addWidget(toolbar)
    bar = FindBar(session, toolbar)
    assert session.open(TRADITIONAL)
    bar.open_bar()
    bar.edit.insert("quay")
    qtbot.waitUntil(lambda: not bar.debounce.isActive(), timeout=5000)  # typing pauses: searched
    assert bar.matches == [] and bar.count.text() == "No matches"
    other = tmp_path / "other.txt"
    text = "along the quay, and the quay again\n"
    other.write_text(text, encoding="utf-8")
    assert session.open(other)
    assert bar.matches == [(text.index("quay"), 4), (text.rindex("quay"), 4)] and bar.count.text() == "2 matches"
    assert session.view.selected_range() is None  # the new document opens where it was: nothing selected yet
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == "1 / 2" and session.view.selected_range() == bar.matches[0]
