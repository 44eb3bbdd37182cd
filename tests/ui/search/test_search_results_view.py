"""The search results as a reader uses them: a click or Enter jumps, arrows only select, the match shows in
every row whatever the width, counts on documents and sections, the open document searched even when it is
outside the library, an empty pane that says what to do, and plain plural wording in English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from reader.search.messages import message
from reader.ui.search.messages import translate
from reader.ui.search.pane import SearchPane
from reader.ui.search.results import COUNT_ROLE, HIT_ROLE, PARTS_ROLE, TITLE_ROLE, ResultDelegate
from reader.ui.settings import i18n


@pytest.fixture(autouse=True)
def english(qapp):
    i18n.install_translator(qapp, "en")
    yield
    i18n.install_translator(qapp, "en")


def _type(pane: SearchPane, text: str) -> None:
    pane.box.clear()
    pane.box.setFocus()
    for char in text:  # QTest.keyClicks cannot type CJK; send the key events it would
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(pane.box, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _search(qtbot, window, text: str) -> SearchPane:
    pane = window.search_pane
    # indexed: the first indexing (started on the window's first turn of the event loop) is over
    qtbot.waitUntil(lambda: not pane.controller.indexing and bool(pane.watcher.directories()), timeout=30000)
    pane.show()
    before = pane.query_id_shown
    _type(pane, text)
    qtbot.waitUntil(lambda: pane.last_response is not None and pane.last_response.query == text
                    and pane.query_id_shown not in (before, 0) and pane.query_id_shown == pane.controller.query_id,
                    timeout=20000)
    return pane


def _option(pane: SearchPane, index) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.rect = pane.tree.visualRect(index)
    option.font = pane.tree.font()
    option.widget = pane.tree
    return option


def test_a_single_click_on_a_hit_jumps_to_it(qtbot, indexed_window) -> None:
    window = indexed_window
    window.show()
    pane = _search(qtbot, window, "调研")
    hits = pane.model.hit_indexes()
    target = hits[min(4, len(hits) - 1)]
    path, offset, length = target.data(HIT_ROLE)
    pane.tree.scrollTo(target)
    QTest.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     pane.tree.visualRect(target).center())
    qtbot.waitUntil(lambda: window.current_document is not None and str(window.current_document.path) == path,
                    timeout=10000)
    assert window.text_view.selected_range() == (offset, length)
    assert window.current_document.text[offset : offset + length] == "调研"
    assert pane.position.text() == f"Hit {hits.index(target) + 1} of {len(hits)}" and pane.position.isVisible()


def test_arrows_move_the_selection_without_jumping_and_enter_jumps(qtbot, indexed_window) -> None:
    window = indexed_window
    window.show()
    pane = _search(qtbot, window, "调研")
    hits = pane.model.hit_indexes()
    first, second = hits[0], hits[1]
    assert pane.activate(first) is not False
    path, offset, length = first.data(HIT_ROLE)
    qtbot.waitUntil(lambda: window.text_view.selected_range() == (offset, length), timeout=10000)
    pane.tree.setFocus()
    QTest.keyClick(pane.tree, Qt.Key.Key_Down)
    assert pane.tree.currentIndex() == second
    qtbot.wait(50)
    assert window.text_view.selected_range() == (offset, length)  # only the selection moved
    QTest.keyClick(pane.tree, Qt.Key.Key_Return)
    _path, offset2, length2 = second.data(HIT_ROLE)
    qtbot.waitUntil(lambda: window.text_view.selected_range() == (offset2, length2), timeout=10000)


def test_f3_says_which_hit_it_is_on(qtbot, indexed_window) -> None:
    pane = _search(qtbot, indexed_window, "学习")
    hits = pane.model.hit_indexes()
    pane.step(True)
    pane.step(True)
    assert pane.tree.currentIndex() == hits[1] and pane.position.text() == f"Hit 2 of {len(hits)}"
    pane.step(False)
    pane.step(False)
    assert pane.position.text() == f"Hit {len(hits)} of {len(hits)}"


def test_every_row_at_the_default_width_shows_its_match_and_counts(qtbot, indexed_window) -> None:
    window = indexed_window
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    pane = _search(qtbot, window, "学习")
    delegate = pane.tree.itemDelegate()
    assert isinstance(delegate, ResultDelegate)
    assert pane.tree.horizontalScrollBar().maximum() == 0
    for index in pane.model.hit_indexes()[:40]:
        before, match, after = index.data(PARTS_ROLE)
        assert len(before) > 10  # there is context to elide
        shown = delegate.shown_text(_option(pane, index), index)
        assert match in shown, shown
    documents = [pane.model.index(row, 0) for row in range(pane.model.rowCount())]
    for doc in documents:
        assert doc.data(COUNT_ROLE) == sum(pane.model.rowCount(pane.model.index(s, 0, doc))
                                           for s in range(pane.model.rowCount(doc)))
        shown = delegate.shown_text(_option(pane, doc), doc)
        assert shown.endswith(f" {doc.data(COUNT_ROLE)}"), shown  # a long title is elided, not its count
        for s in range(pane.model.rowCount(doc)):
            section = pane.model.index(s, 0, doc)
            assert section.data(COUNT_ROLE) == pane.model.rowCount(section) > 0
            assert not section.data(TITLE_ROLE).startswith(doc.data(TITLE_ROLE) + " › ")


@pytest.mark.parametrize("width", [60, 120, 200, 320, 600])
def test_the_match_stays_visible_at_any_width(qapp, width: int) -> None:
    delegate = ResultDelegate()
    font = QFont(qapp.font())
    parts = ("…在全市机关党建服务中心工作暨助力乡村振兴行动经验交流会上，大家认真", "学习",
             "了有关文件精神，进一步统一了思想认识。…")
    before, match, after = delegate.elided_parts(font, width, parts)
    assert match == "学习"
    assert not before or before.startswith("…")  # the left context is cut at its start
    bold = QFont(font)
    bold.setBold(True)
    used = QFontMetrics(font).horizontalAdvance(before + after) + QFontMetrics(bold).horizontalAdvance(match)
    assert used <= width + 1
    wide = delegate.elided_parts(font, 4000, parts)
    assert wide == parts  # room for everything: nothing cut


def test_a_document_outside_the_library_is_searched_too(qtbot, indexed_window, tmp_path: Path, open_and_wait) -> None:
    window = indexed_window
    outside = tmp_path / "elsewhere" / "选段.md"
    outside.parent.mkdir()
    text = "# 红楼梦选段\n\n## 第一回\n\n宝玉听了，便笑道。\n\n## 第二回\n\n宝玉又去了。\n"
    outside.write_text(text, encoding="utf-8")
    pane = _search(qtbot, window, "宝玉")
    assert pane.last_response.results == [] and pane.status.text().startswith("No matches.")
    open_and_wait(window, outside)
    pane = _search(qtbot, window, "宝玉")
    [result] = pane.last_response.results
    assert Path(result.path) == outside and len(result.hits) == 2
    assert pane.status.text() == "2 hits in 1 document. The open document, outside the library, was searched too."
    [doc] = [pane.model.index(row, 0) for row in range(pane.model.rowCount())]
    assert (doc.data(TITLE_ROLE), doc.data(COUNT_ROLE)) == ("红楼梦选段", 2)
    sections = [pane.model.index(s, 0, doc).data(TITLE_ROLE) for s in range(pane.model.rowCount(doc))]
    assert sections == ["第一回", "第二回"]


def test_the_empty_pane_says_what_to_do(qtbot, indexed_window) -> None:
    window = indexed_window
    window.show()
    pane = window.search_pane
    pane.show()
    assert pane.hint.isVisible() and not pane.tree.isVisible()
    assert pane.hint.text().startswith("Type to search every document in your library") and "Ctrl+Shift+F" in \
        pane.hint.text()
    pane = _search(qtbot, window, "学习")
    assert pane.tree.isVisible() and not pane.hint.isVisible()
    pane.box.clear()
    qtbot.waitUntil(lambda: pane.hint.isVisible(), timeout=5000)
    assert pane.status.text() == "" and pane.model.rowCount() == 0
    i18n.install_translator(QApplication.instance(), "zh_CN")  # a live switch reaches the pane
    qtbot.waitUntil(lambda: pane.hint.text().startswith("输入文字，搜索文库中的每一篇文档"), timeout=5000)
    assert pane.windowTitle() == "搜索" and pane.box.placeholderText().startswith("搜索：")
    assert pane.scope.itemText(0) == "整个文库" and pane.status.text() == ""
    bar = window.find_bar
    assert bar.edit.placeholderText() == "在文档中查找" and bar.buttons["findNext"].toolTip() == "下一个匹配（Enter）"


def test_counts_are_told_in_plain_words_with_plurals_in_english_and_chinese(qtbot, qapp, make_session) -> None:
    pane = SearchPane(make_session(), None)
    qtbot.addWidget(pane)
    texts = {(hits, docs): pane._counts_text(hits, docs, True, docs, [], 5.0)
             for hits, docs in ((1, 1), (2, 1), (3989, 2))}
    assert texts == {(1, 1): "1 hit in 1 document.", (2, 1): "2 hits in 1 document.",
                     (3989, 2): "3989 hits in 2 documents."}
    assert pane._counts_text(0, 0, True, 0, [], 5.0) == "No matches."
    assert pane._counts_text(1, 1, False, 1, [], 5.0) == "≥ 1 hit · counting…"
    assert pane._counts_text(120, 80, True, 50, [], 5.0) == "120 hits in 80 documents. Showing the best 50 documents."
    assert translate(message("search.scanned", count=1)) == \
        "1 document is not in the search index yet: searched it directly."
    assert translate(message("search.uncounted", count=3)) == \
        "3 documents are not in the search index yet: their hits are not counted."
    i18n.install_translator(qapp, "zh_CN")
    assert pane._counts_text(3989, 1, True, 1, [], 5.0) == "1 篇文档中共 3989 处匹配。"
    assert pane._counts_text(7, 2, False, 1, [], 5.0) == "≥ 7 处匹配 · 正在统计…"
    assert translate(message("search.scanned", count=1)) == "有 1 篇文档尚未加入搜索索引，已逐篇搜索。"
    pane.shutdown()


def test_a_double_click_on_a_hit_jumps_once(qtbot, indexed_window) -> None:
    window = indexed_window
    window.show()
    pane = _search(qtbot, window, "调研")
    target = pane.model.hit_indexes()[1]
    opened: list = []
    open_ = window.session.open
    window.session.open = lambda path, select=None, encoding=None: opened.append(select) or open_(path, select=select)
    pane.tree.scrollTo(target)
    point = pane.tree.visualRect(target).center()
    for click in (QTest.mouseClick, QTest.mouseDClick):  # a double click: a click, then the second one
        click(pane.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    _path, offset, length = target.data(HIT_ROLE)
    assert opened == [(offset, length)]
