"""The outline pane alone: a session, a corpus document, the pane, and no main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reader.outline import flatten
from reader.ui.outline.model import OFFSET_ROLE, TITLE_ROLE
from reader.ui.outline.pane import OutlinePane

SPEECH = Path(__file__).resolve().parents[3] / "corpus" / "在“大学习、大调研、大讨论”活动动员部署会上的讲话.txt"


def _pane(make_session, qtbot):
    session = make_session()
    pane = OutlinePane(session)
    qtbot.addWidget(pane)
    assert session.open(SPEECH)
    return session, pane


def test_the_pane_alone_lists_the_headings_of_the_sessions_document(make_session, qtbot) -> None:
    session, pane = _pane(make_session, qtbot)
    expected = [(h.title, h.offset) for h in flatten(session.outline)]
    assert len(expected) > 5
    assert [(item.data(TITLE_ROLE), item.data(OFFSET_ROLE)) for item in pane.model.items_in_order()] == expected
    assert all(session.document.text[offset:].startswith(title[:4]) for title, offset in expected)


def test_enter_on_a_heading_asks_for_its_offset_and_the_session_follows(make_session, qtbot) -> None:
    session, pane = _pane(make_session, qtbot)
    pane.headingActivated.connect(session.jump_to)
    session.positionChanged.connect(pane.sync_to_offset)
    target = next(h for h in flatten(session.outline) if h.title.startswith("二、"))
    item = pane.model.item_starting_at(target.offset)
    pane.tree.setCurrentIndex(pane.proxy.mapFromSource(item.index()))
    with qtbot.waitSignal(pane.headingActivated) as activated:
        qtbot.keyClick(pane.tree, Qt.Key.Key_Return)
    assert activated.args == [target.offset, target.length]
    assert session.view.selected_range() == (target.offset, target.length)
    assert pane.current_item() is item
    assert pane.section_path(target.offset + 1) == [(target.title, target.offset, target.length)]
