"""The outline pane: scroll sync, filter, levels, keyboard, breadcrumb and the reader's corrections."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit, QToolButton

from reader.outline import extract_outline, nest
from reader.text import fold
from reader.ui.outline.model import LEVEL_ROLE, OFFSET_ROLE, TITLE_ROLE

CORPUS = Path(__file__).resolve().parents[3] / "corpus"
TRADITIONAL = CORPUS / "民政局第二批實踐科學發展觀動員會講話.txt"
SPEECH = CORPUS / "在“大学习、大调研、大讨论”活动动员部署会上的讲话.txt"


def _open(make_window, qtbot, path: Path):
    window = make_window([str(path)])
    assert window.current_document is not None and window.current_document.path == path
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _headings(window):
    document = window.current_document
    return extract_outline(document.text, document.kind)


def _titled(window, prefix: str):
    return next(h for h in _headings(window) if h.title.startswith(prefix))


def _path_titles(tree, offset: int) -> list[str]:
    path, level = [], tree
    while level:
        inside = [h for h in level if h.offset <= offset]
        if not inside:
            break
        path.append(inside[-1].title)
        level = inside[-1].children
    return path


def _expected_rows(tree, needle: str) -> list[str]:
    """What a filter on `needle` should show: matching headings and their ancestors, in order."""
    rows: list[str] = []

    def visit(nodes) -> None:
        for node in nodes:
            if _keeps(node, fold(needle)):
                rows.append(node.title)
                visit(node.children)

    visit(tree)
    return rows


def _keeps(node, needle: str) -> bool:
    return needle in fold(node.title) or any(_keeps(child, needle) for child in node.children)


def _sections(window) -> list:
    """Level-2 entries (chapter, section) of the nested outline that scrolling can bring to the reading line."""
    end = len(window.current_document.text) - 2000
    return [
        (chapter, section)
        for chapter in nest(_headings(window))
        for section in chapter.children
        if section.offset < end
    ]


def _commit(edit: QLineEdit, text: str) -> None:
    """Type `text` the way an input method does: a commit string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def _current_offset(window) -> int | None:
    index = window.outline_pane.tree.currentIndex()
    return index.data(OFFSET_ROLE) if index.isValid() else None


def _settle(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window._sync_timer.isActive())


def _scroll_into(window, qtbot, heading, into: int = 100) -> None:
    """Scroll the text (not a jump) so a point `into` characters inside `heading`'s section is read."""
    view = window.text_view
    target = heading.offset + heading.length + into
    view.select_range(target, 0)
    bar = view.verticalScrollBar()
    while view.reading_offset() > target and bar.value() > bar.minimum():
        bar.setValue(bar.value() - 1)  # near the end the reading line slides down: scroll back
    while view.reading_offset() < heading.offset and bar.value() < bar.maximum():
        bar.setValue(bar.value() + 1)
    tree = nest(_headings(window))
    qtbot.waitUntil(lambda: _current_offset(window) == heading.offset
                    and window.breadcrumb.titles() == _path_titles(tree, heading.offset))


def _rows(pane) -> list[str]:
    """Titles of the tree's visible rows, top to bottom."""
    tree, rows = pane.tree, []
    index = tree.model().index(0, 0)
    while index.isValid():
        rows.append(index.data(TITLE_ROLE))
        index = tree.indexBelow(index)
    return rows


def _outline(window) -> list[tuple[int, str]]:
    return [(item.data(LEVEL_ROLE), item.data(TITLE_ROLE)) for item in window.outline_pane.model.items_in_order()]


# --- following the reader ------------------------------------------------------------------------


def test_scrolling_selects_the_section_and_its_path_and_scrolling_back_follows(make_window, qtbot) -> None:
    window = _open(make_window, qtbot, TRADITIONAL)
    chapter, inner = _sections(window)[-1]
    _scroll_into(window, qtbot, inner)
    assert window.breadcrumb.titles() == [chapter.title, inner.title]
    assert window.outline_pane.current_item().font().bold(), "the current section is marked"
    earlier = nest(_headings(window))[0]
    assert earlier.offset < chapter.offset
    _scroll_into(window, qtbot, earlier)
    assert window.breadcrumb.titles() == [earlier.title]
    assert not window.outline_pane.model.item_starting_at(inner.offset).font().bold()


def test_scrolling_within_a_section_changes_nothing_and_leaving_it_changes_once(
    make_window, qtbot, testdata: Path
) -> None:
    window = _open(make_window, qtbot, testdata / "hongloumeng.gb18030.txt")
    headings = _headings(window)
    section, following = headings[40], headings[41]
    _scroll_into(window, qtbot, section)
    changes: list[int] = []
    window.outline_pane.tree.selectionModel().currentChanged.connect(lambda *_: changes.append(1))
    crumbs: list[list[str]] = []
    bar, view = window.text_view.verticalScrollBar(), window.text_view
    steps = 0
    while view.reading_offset() < following.offset - 400 and steps < 40:
        bar.setValue(bar.value() + 2)
        _settle(window, qtbot)
        crumbs.append(window.breadcrumb.titles())
        steps += 1
    assert steps >= 10, "the section is long enough to scroll within"
    assert changes == [] and all(c == [section.title] for c in crumbs)
    while view.reading_offset() < following.offset:
        bar.setValue(bar.value() + 1)
    _settle(window, qtbot)
    assert changes == [1] and _current_offset(window) == following.offset


def test_browsing_the_tree_is_not_undone_by_scrolling(make_window, qtbot, testdata: Path) -> None:
    window = _open(make_window, qtbot, testdata / "hongloumeng.gb18030.txt")
    headings = _headings(window)
    _scroll_into(window, qtbot, headings[10])
    pane = window.outline_pane
    pane.tree.setFocus()
    qtbot.waitUntil(pane.tree.hasFocus)
    for _ in range(5):
        qtbot.keyClick(pane.tree, Qt.Key.Key_Down)
    assert _current_offset(window) == headings[15].offset
    window.text_view.select_range(headings[30].offset + 50, 0)
    qtbot.waitUntil(lambda: pane.current_item().data(OFFSET_ROLE) == headings[30].offset)
    assert _current_offset(window) == headings[15].offset, "the user's place in the tree is kept"
    assert pane.current_item().font().bold()


def test_scrolling_never_collapses_what_the_user_opened(make_window, qtbot) -> None:
    window = _open(make_window, qtbot, TRADITIONAL)
    pane = window.outline_pane
    pane.level_spin.setValue(1)
    second = pane.proxy.index(1, 0)
    pane.tree.expand(second)
    chapter, section = _sections(window)[-1]
    _scroll_into(window, qtbot, section)
    _scroll_into(window, qtbot, nest(_headings(window))[0])
    assert pane.tree.isExpanded(second), "what the user opened stays open"
    item = pane.model.item_starting_at(chapter.offset)
    assert pane.tree.isExpanded(pane.proxy.mapFromSource(item.index())), "the section's chapter was opened"


# --- filter, levels, keyboard --------------------------------------------------------------------


def test_filter_folds_simplified_to_traditional_keeps_ancestors_and_clearing_restores(make_window, qtbot) -> None:
    window = _open(make_window, qtbot, TRADITIONAL)
    pane = window.outline_pane
    before = _rows(pane)
    edit = window.findChild(QLineEdit, "outlineFilter")
    edit.setFocus()
    _commit(edit, "动员")
    assert edit.text() == "动员"
    expected = _expected_rows(nest(_headings(window)), "动员")
    assert _rows(pane) == expected
    assert "(三)關于各單位召開動員大會的時間問題" in expected, "traditional titles match simplified input"
    assert "三、學習實踐活動中需明確的幾個問題" in expected, "an ancestor that does not match is kept"
    assert len(expected) < len(before)
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == "" and _rows(pane) == before


def test_typing_narrows_as_you_type_ignoring_case_and_width(make_window, qtbot, testdata: Path) -> None:
    window = _open(make_window, qtbot, testdata / "alice.en.txt")
    pane = window.outline_pane
    _commit(pane.filter_edit, "ＲＡＢ")  # a full-width input mode
    assert _rows(pane) == ["CHAPTER I. Down the Rabbit-Hole", "CHAPTER IV. The Rabbit Sends in a Little Bill"]
    qtbot.keyClicks(pane.filter_edit, "bit s")
    assert _rows(pane) == ["CHAPTER IV. The Rabbit Sends in a Little Bill"]
    pane.filter_edit.clear()
    assert len(_rows(pane)) == len(_headings(window))


def test_a_chinese_ime_commit_filters_the_speech(make_window, qtbot) -> None:
    window = _open(make_window, qtbot, SPEECH)
    _commit(window.outline_pane.filter_edit, "学习")
    expected = _expected_rows(nest(_headings(window)), "学习")
    assert _rows(window.outline_pane) == expected
    assert "(一)深入开展大学习" in expected and "二、怎么开展“三大”活动" in expected


def test_filter_keys_down_enters_the_tree_and_enter_jumps_to_the_first_match(make_window, qtbot) -> None:
    window = _open(make_window, qtbot, TRADITIONAL)
    pane = window.outline_pane
    _commit(pane.filter_edit, "宣传")
    first = next(h for h in _headings(window) if "宣传" in fold(h.title))
    qtbot.keyClick(pane.filter_edit, Qt.Key.Key_Return)
    assert window.text_view.selected_range() == (first.offset, first.length)
    qtbot.keyClick(pane.filter_edit, Qt.Key.Key_Down)
    assert pane.tree.hasFocus() and _current_offset(window) == first.offset


def test_expand_to_level_and_expand_collapse_all(make_window, qtbot, testdata: Path) -> None:
    window = _open(make_window, qtbot, testdata / "art-of-command-line.en.md")
    pane = window.outline_pane
    total = len(_headings(window))
    pane.level_spin.setValue(1)
    assert _rows(pane) == ["The Art of Command Line"]
    pane.level_spin.setValue(2)
    assert len(_rows(pane)) == 1 + 12
    pane.level_spin.setValue(3)
    assert len(_rows(pane)) == total
    qtbot.mouseClick(pane.findChild(QToolButton, "outlineCollapseAll"), Qt.MouseButton.LeftButton)
    assert len(_rows(pane)) == 1
    qtbot.mouseClick(pane.findChild(QToolButton, "outlineExpandAll"), Qt.MouseButton.LeftButton)
    assert len(_rows(pane)) == total


def test_keyboard_in_the_tree_moves_folds_and_jumps(make_window, qtbot) -> None:
    window = _open(make_window, qtbot, TRADITIONAL)
    tree = window.outline_pane.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_End)
    assert tree.currentIndex().data(OFFSET_ROLE) == _headings(window)[-1].offset
    qtbot.keyClick(tree, Qt.Key.Key_Home)
    while not tree.model().hasChildren(tree.currentIndex()):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    chapter = tree.currentIndex()
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    assert not tree.isExpanded(chapter)
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert tree.isExpanded(chapter)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    heading = next(h for h in _headings(window) if h.offset == tree.model().index(0, 0, chapter).data(OFFSET_ROLE))
    assert window.text_view.selected_range() == (heading.offset, heading.length)
    text = window.current_document.text
    assert window.text_view.selected_text() == text[heading.offset : heading.offset + heading.length]


def test_clicking_an_ancestor_crumb_jumps_to_it(make_window, qtbot) -> None:
    window = _open(make_window, qtbot, TRADITIONAL)
    chapter, section = _sections(window)[-1]
    _scroll_into(window, qtbot, section)
    crumbs = window.breadcrumb.findChildren(QToolButton, "breadcrumbItem")
    assert len(crumbs) == 2 and crumbs[1].font().bold()
    qtbot.mouseClick(crumbs[0], Qt.MouseButton.LeftButton)
    assert window.text_view.selected_range() == (chapter.offset, chapter.length)
    qtbot.waitUntil(lambda: window.breadcrumb.titles() == [chapter.title])


# --- corrections ---------------------------------------------------------------------------------


def _select_entry(window, qtbot, title: str) -> None:
    pane = window.outline_pane
    item = next(i for i in pane.model.items_in_order() if i.data(TITLE_ROLE) == title)
    pane.tree.setCurrentIndex(pane.proxy.mapFromSource(item.index()))
    pane.tree.setFocus()
    qtbot.waitUntil(pane.tree.hasFocus)


def _action(window, name: str) -> QAction:
    return window.outline_pane.findChild(QAction, name)


def test_marking_the_cursor_line_as_a_level_2_heading(make_window, qtbot, speech: Path) -> None:
    # The breadcrumb names the section on the reading line, a quarter down the view. Without a CJK
    # font Chinese glyphs are drawn 3x narrower, so the speech's short preamble would end above that
    # line in one font and below it in another: make the preamble longer than any screen.
    text = speech.read_text(encoding="utf-8")
    preamble = text[text.index("今年是"):text.index("一、")]
    speech.write_text(text.replace(preamble, preamble * 40, 1), encoding="utf-8")
    window = _open(make_window, qtbot, speech)
    text = window.current_document.text
    window.text_view.select_range(text.index("同志们"), 0)
    scroll = window.text_view.verticalScrollBar().value()
    _action(window, "outlineMarkLevel2").trigger()
    assert _outline(window)[0] == (2, "同志们:")
    assert window.text_view.verticalScrollBar().value() == scroll, "the text stays where it is"
    qtbot.waitUntil(lambda: window.breadcrumb.titles() == ["同志们:"])
    item = window.outline_pane.model.items_in_order()[0]
    assert item.data(OFFSET_ROLE) == text.index("同志们")


def test_the_text_views_menu_marks_the_line_under_the_mouse(make_window, qtbot, speech: Path) -> None:
    window = _open(make_window, qtbot, speech)
    view = window.text_view
    offset = window.current_document.text.index("同志们")
    view.select_range(offset, 0)
    view.setTextCursor(view.textCursor())  # no selection: the point decides
    menu = window.outline_pane.text_menu(view, view.cursorRect().center())
    mark = next(a for a in menu.findChildren(QAction) if a.objectName() == "outlineMarkLevel1")
    mark.trigger()
    menu.deleteLater()
    assert _outline(window)[0] == (1, "同志们:")


def test_remove_promote_demote_by_keyboard_persist_and_survive_edits(make_window, qtbot, speech: Path) -> None:
    window = _open(make_window, qtbot, speech)
    original = _outline(window)
    _select_entry(window, qtbot, "二、怎么开展“三大”活动")
    qtbot.keyClick(window.outline_pane.tree, Qt.Key.Key_Delete)
    assert "二、怎么开展“三大”活动" not in [t for _, t in _outline(window)]
    assert len(_outline(window)) == len(original) - 1
    _select_entry(window, qtbot, "三、开展“三大”活动的基本要求")
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.outline_pane.tree, Qt.Key.Key_Right, ctrl_shift)
    qtbot.keyClick(window.outline_pane.tree, Qt.Key.Key_Right, ctrl_shift)
    qtbot.keyClick(window.outline_pane.tree, Qt.Key.Key_Left, ctrl_shift)
    corrected = _outline(window)
    assert (2, "三、开展“三大”活动的基本要求") in corrected
    assert (3, "(四)要用好成果,推动工作") in corrected, "its sections moved with it"
    assert window.outline_pane.tree.currentIndex().data(TITLE_ROLE) == "三、开展“三大”活动的基本要求"
    assert [h.title for h in window.outline_pane.outline()] == ["一、为什么开展“三大”行动"], "三 now sits under 一"
    window.close()

    again = _open(make_window, qtbot, speech)
    assert _outline(again) == corrected
    again.close()

    text = speech.read_text(encoding="utf-8")
    text = text.replace("同志们:\n", "同志们:\n\n先插入一段新的话,让后面的位置都变了。\n", 1)
    text = text.replace("自选动作", "自主动作")
    speech.write_text(text, encoding="utf-8")
    edited = _open(make_window, qtbot, speech)
    assert _outline(edited) == corrected
    reset = _action(edited, "outlineReset")
    assert reset.isEnabled()
    reset.trigger()
    assert _outline(edited) == original


def test_corrections_keep_what_is_open_and_the_filter(make_window, qtbot, speech: Path) -> None:
    window = _open(make_window, qtbot, speech)
    window.jump_to(_titled(window, "(四)要用好成果").offset)  # reading in chapter 三, whatever the glyph widths
    pane = window.outline_pane
    pane.level_spin.setValue(1)
    pane.tree.expand(pane.proxy.index(2, 0))
    _commit(pane.filter_edit, "开展")
    rows = _rows(pane)
    _select_entry(window, qtbot, "(二)要领导带头,精心组织")
    assert "(二)要领导带头,精心组织" not in rows  # no "开展": not shown while filtering
    _select_entry(window, qtbot, "(三)深入开展大讨论")
    qtbot.keyClick(pane.tree, Qt.Key.Key_Delete)
    assert _rows(pane) == [r for r in rows if r != "(三)深入开展大讨论"]
    pane.filter_edit.clear()
    assert pane.tree.isExpanded(pane.proxy.index(2, 0)) and not pane.tree.isExpanded(pane.proxy.index(0, 0))


def _action_names(menu) -> list[str]:
    names = []
    for action in menu.actions():
        names.append(action.objectName())
        if action.menu() is not None:
            names.extend(_action_names(action.menu()))
    return names


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # offscreen popups
def test_the_real_context_menu_offers_marking_beside_other_panes_entries(make_window, qtbot, speech: Path) -> None:
    window = _open(make_window, qtbot, speech)
    view = window.text_view
    view.select_range(window.current_document.text.index("同志们"), 0)
    view.setTextCursor(view.textCursor())
    seen: list[str] = []

    def inspect() -> None:
        menu = QApplication.activePopupWidget()
        if menu is not None and not seen:
            seen.extend(_action_names(menu))
            menu.close()

    QTimer.singleShot(0, inspect)
    point = view.cursorRect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    inspect()
    assert "outlineMarkLevel2" in seen
    if window.findChild(QDockWidget, "bookmarksPane") is not None:
        assert "bookmarkSelectionAction" in seen, "the bookmarks pane's entry is still there"


def test_sections_show_their_bookmark_counts(make_window, qtbot, speech: Path) -> None:
    bookmarks = pytest.importorskip("reader.bookmarks")
    if not hasattr(bookmarks, "bookmarks_for"):
        pytest.skip("the bookmarks service has no bookmarks_for yet")
    window = _open(make_window, qtbot, speech)
    section = _titled(window, "(二)深入开展大调研")
    bookmarks.add_bookmark(speech, section.offset + section.length + 5, 4)
    bookmarks.add_bookmark(speech, section.offset + section.length + 50, 4)
    pane = window.findChild(QDockWidget, "bookmarksPane")
    if pane is not None and hasattr(pane, "refresh"):
        pane.refresh()
    else:
        window.outline_pane.refresh_badges()
    item = window.outline_pane.model.item_starting_at(section.offset)
    qtbot.waitUntil(lambda: item.text() == f"{section.title}  (2)")
    assert item.data(TITLE_ROLE) == section.title
