"""The bookmarks pane alone: a session, a document, bookmarks added through the core, no main window."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.bookmarks import add_bookmark
from reader.ui.bookmarks.pane import BookmarksPane

TEXT = "Morning\n\nThe river was high after the storm.\n\nEvening\n\nWe walked along the quay at dusk.\n"


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "journal.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_the_pane_alone_lists_a_bookmark_added_through_the_core_and_the_session_jumps_to_it(
        make_session, qtbot, doc: Path) -> None:
    session = make_session()
    pane = BookmarksPane(session)
    qtbot.addWidget(pane)
    assert session.open(doc) and pane.visible_ids() == []
    offset = TEXT.index("quay at dusk")
    bookmark = add_bookmark(doc, offset, len("quay at dusk"), note="the walk")
    with qtbot.waitSignal(session.bookmarksChanged):
        pane.refresh()
    assert pane.visible_ids() == [bookmark.id]
    assert pane.model.index(0, 0).data() == "“quay at dusk” — the walk"
    assert session.bookmark_offsets(session.document) == [offset]
    session.jump_to(0)
    pane.list.activated.emit(pane.model.index(0, 0))
    assert session.view.selected_range() == (offset, len("quay at dusk"))


def test_ctrl_d_alone_bookmarks_the_sessions_selection(make_session, qtbot, doc: Path) -> None:
    session = make_session()
    pane = BookmarksPane(session)
    qtbot.addWidget(pane)
    assert session.open(doc)
    session.jump_to(TEXT.index("river"), len("river"))
    messages: list[str] = []
    pane.message.connect(lambda text, _ms: messages.append(text))
    bookmark = pane.bookmark_selection()
    assert bookmark is not None
    assert (bookmark.offset, bookmark.length, bookmark.quote) == (TEXT.index("river"), 5, "river")
    assert pane.visible_ids() == [bookmark.id] and messages == []
    pane.editor.close()
    pane.undo_action.trigger()
    assert pane.visible_ids() == []
