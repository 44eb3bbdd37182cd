"""Back and forward across outline jumps and document switches, recent files, zoom."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

CORPUS_FILES = sorted(Path(__file__).resolve().parents[3].joinpath("corpus").glob("*.txt"))


def _heading_offsets(window) -> list[tuple[int, int]]:
    items = window.outline_pane.model.items_in_order()
    return [(item.data(Qt.ItemDataRole.UserRole + 1), item.data(Qt.ItemDataRole.UserRole + 2)) for item in items]


def test_back_and_forward_across_jumps_and_documents(make_window, qtbot) -> None:
    window = make_window()
    window.open_document(CORPUS_FILES[0])
    first, second = _heading_offsets(window)[1:3]
    window.outline_pane.headingActivated.emit(*first)
    window.outline_pane.headingActivated.emit(*second)
    window.open_document(CORPUS_FILES[1])
    assert window.current_document.path == CORPUS_FILES[1]

    back = window.findChild(QAction, "backAction")
    back.trigger()
    assert window.current_document.path == CORPUS_FILES[0]
    assert window.text_view.selected_range() == second
    back.trigger()
    assert window.text_view.selected_range() == first
    window.findChild(QAction, "forwardAction").trigger()
    assert window.text_view.selected_range() == second
    window.go_forward()
    assert window.current_document.path == CORPUS_FILES[1]
    assert not window.history.can_go_forward()


def test_a_new_jump_after_going_back_drops_forward_places(make_window) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    a, b, c = _heading_offsets(window)[:3]
    window.jump_to(*a)
    window.jump_to(*b)
    window.go_back()
    window.jump_to(*c)
    assert not window.history.can_go_forward()
    window.go_back()
    assert window.text_view.selected_range() == a


def test_recent_files_newest_first_and_remembered(make_window) -> None:
    window = make_window()
    for path in CORPUS_FILES[:3]:
        window.open_document(path)
    assert window.recent_files()[:3] == [str(p) for p in reversed(CORPUS_FILES[:3])]
    window.close()
    again = make_window()
    again.recent_menu.aboutToShow.emit()
    names = [action.text() for action in again.recent_menu.actions()]
    assert names[:3] == [p.name for p in reversed(CORPUS_FILES[:3])]
    again.recent_menu.actions()[2].trigger()
    assert again.current_document.path == CORPUS_FILES[0]


def test_zoom_in_out_and_reset_change_the_text_size(make_window) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    normal = window.text_view.font().pointSizeF()
    window.findChild(QAction, "zoomInAction").trigger()
    window.findChild(QAction, "zoomInAction").trigger()
    assert window.text_view.font().pointSizeF() == normal + 2
    window.findChild(QAction, "zoomOutAction").trigger()
    assert window.text_view.font().pointSizeF() == normal + 1
    window.findChild(QAction, "zoomResetAction").trigger()
    assert window.text_view.font().pointSizeF() == normal


def test_reading_position_is_restored_after_a_restart(make_window, testdata) -> None:
    novel = testdata / "hongloumeng.gb18030.txt"
    window = make_window([str(novel)])
    target = window.current_document.text.index("第五十回")
    window.text_view.show_offset(target)
    where = window.text_view.top_offset()
    assert abs(where - target) < 200
    window.close()
    again = make_window([str(novel)])
    assert again.text_view.top_offset() == where
    assert again.text_view.selected_range() is None


def test_each_document_reopens_where_it_was_left(make_window) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    first_text = window.current_document.text
    window.text_view.show_offset(len(first_text) // 2)
    left_at = window.text_view.top_offset()
    window.open_document(CORPUS_FILES[1])
    assert window.text_view.top_offset() == 0
    window.open_document(CORPUS_FILES[0])
    assert window.text_view.top_offset() == left_at


def test_history_spans_outline_search_and_bookmark_jumps(make_window, qtbot) -> None:
    from reader.bookmarks import add_bookmark
    from reader.documents.names import path_key
    from reader.ui.search.results import HIT_ROLE

    window = make_window([str(CORPUS_FILES[0])])
    pane = window.search_pane
    qtbot.waitUntil(lambda: not pane.controller.indexing, timeout=30000)
    outline_place = _heading_offsets(window)[2]
    window.outline_pane.headingActivated.emit(*outline_place)

    pane.box.setText("重点项目")
    pane.run_search()
    qtbot.waitUntil(
        lambda: getattr(pane, "last_response", None) is not None and bool(pane.model.hit_indexes()), timeout=10000
    )
    here = path_key(CORPUS_FILES[0])
    hit = next(index for index in pane.model.hit_indexes() if index.data(HIT_ROLE)[0] == here)  # same document
    assert pane.activate(hit)
    search_place = (str(window.current_document.path), window.text_view.selected_range())

    mark = add_bookmark(CORPUS_FILES[3], 100, 6, note="n")
    assert window.bookmarks_pane.jump(mark)
    assert window.current_document.path == CORPUS_FILES[3]
    assert window.text_view.selected_range() == (100, 6)

    window.go_back()
    assert (str(window.current_document.path), window.text_view.selected_range()) == search_place
    window.go_back()
    assert window.current_document.path == CORPUS_FILES[0]
    assert window.text_view.selected_range() == outline_place
    window.go_forward()
    window.go_forward()
    assert window.current_document.path == CORPUS_FILES[3]
    assert window.text_view.selected_range() == (100, 6)
