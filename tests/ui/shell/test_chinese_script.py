"""View ▸ Chinese Script: every jump selects exactly the converted passage, a selection in converted text
bookmarks the source span, the choice is remembered per document and as the default, the place is kept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QColor, QTextCursor
from PySide6.QtWidgets import QDockWidget

from reader import paths
from reader.bookmarks import add_bookmark
from reader.documents.names import path_key
from reader.text.script import SCRIPTS, convert_text, display
from reader.ui.outline.model import LENGTH_ROLE, OFFSET_ROLE, TITLE_ROLE
from reader.ui.search.find_bar import FindBar
from reader.ui.search.results import HIT_ROLE

SEED = "全区重大重点项目推进工作动员部署会讲话稿.txt"
PHRASES = "我们的软件很好用，内存也够大，数据要安全。\n"  # 软件 -> 軟體, 内存 -> 記憶體 (longer) in Taiwan
ACTIONS = {"as-written": "scriptAsWrittenAction", "simplified": "scriptSimplifiedAction",
           "traditional": "scriptTraditionalAction", "taiwan": "scriptTaiwanAction",
           "hongkong": "scriptHongKongAction"}
MARKDOWN = "# 软件手册\n\n内存不够时，软件会变慢。\n\n## 数据与信息\n\n鼠标和打印机的程序。\n"


@pytest.fixture
def doc(tmp_path: Path, corpus: Path) -> Path:
    """A simplified seed with a line of phrases that Taiwan's conversion changes (one longer) near its start."""
    lines = (corpus / SEED).read_text(encoding="utf-8").split("\n")
    path = tmp_path / "seed.txt"
    path.write_text("\n".join([*lines[:2], PHRASES, *lines[2:]]), encoding="utf-8")
    return path


def _choose(window, qtbot, script: str) -> None:
    window.findChild(QAction, ACTIONS[script]).trigger()
    model = window.outline_pane.model
    qtbot.waitUntil(lambda: window.session.script == script == model.script == window.breadcrumb.script
                    and not model.retitling(), timeout=20000)


def _shown(view) -> str:
    return view.textCursor().selectedText().replace("\u2029", "\n").replace("\u2028", "\n")


def _wait_selected(qtbot, window, path: Path) -> None:
    """Wait until `path` is shown with a selection (a document shown in a script may load on the worker)."""
    qtbot.waitUntil(lambda: window.current_document.path == path.resolve() and bool(_shown(window.text_view)),
                    timeout=20000)


def _expected(text: str, script: str, offset: int, length: int) -> str:
    shown = display(text, script)
    return shown.text.__getitem__(slice(*shown.map.view_range(offset, length)))


def _heading_after_phrases(window, text: str) -> tuple[str, int, int]:
    phrases_at = text.index(PHRASES)
    item = next(i for i in window.outline_pane.model.items_in_order() if i.data(OFFSET_ROLE) > phrases_at)
    return item.data(TITLE_ROLE), item.data(OFFSET_ROLE), item.data(LENGTH_ROLE)


def _reader_bookmarks() -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(paths.data_dir()), "bookmarks", "list",
                          "--json"], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("script", list(SCRIPTS))
def test_outline_phrase_and_bookmark_jumps_select_the_converted_passage(make_window, qtbot, doc, tmp_path,
                                                                       script) -> None:
    window = make_window([str(doc)])
    _choose(window, qtbot, script)
    view, text = window.text_view, window.current_document.text
    assert window.findChild(QAction, ACTIONS[script]).isChecked()

    title, offset, length = _heading_after_phrases(window, text)
    window.outline_pane.headingActivated.emit(offset, length)
    assert _shown(view) == _expected(text, script, offset, length) == convert_text(text[offset:offset + length],
                                                                                   script)
    assert view.selected_range() == (offset, length)
    item = window.outline_pane.model.item_starting_at(offset)
    assert item.text() == convert_text(title, script)
    assert window.breadcrumb.titles()[-1] == convert_text(title, script)

    for phrase in ("内存", "软件", "数据"):
        at = text.index(phrase)
        window.jump_to(at, len(phrase))
        assert _shown(view) == convert_text(phrase, script)
        assert view.selected_range() == (at, len(phrase))
    if script == "taiwan":
        window.jump_to(text.index("内存"), 2)
        assert _shown(view) == "記憶體"
        window.jump_to(text.index("内存"), 1)  # a span inside a phrase that changed length: the whole phrase
        assert _shown(view) == "記憶體"
        assert view.selected_range() == (text.index("内存"), 2)

    window.jump_to(text.index("软件很好用"), 5)
    mark = add_bookmark(doc, text.index("内存也够大"), 5)
    other = tmp_path / "other.txt"
    other.write_text("别的文件。\n", encoding="utf-8")
    assert window.open_document(other)
    assert window.bookmarks_pane.jump(mark) is not False  # None: the converted text is prepared on the worker
    _wait_selected(qtbot, window, doc)
    assert window.session.script == script  # remembered for the document
    assert _shown(window.text_view) == convert_text("内存也够大", script)

    window.go_back()
    assert window.current_document.path == other
    window.go_back()
    _wait_selected(qtbot, window, doc)
    assert _shown(window.text_view) == convert_text("软件很好用", script)  # Back: the last jump in the document
    window.go_forward()
    qtbot.waitUntil(lambda: window.current_document.path == other, timeout=20000)
    window.go_forward()
    _wait_selected(qtbot, window, doc)
    assert _shown(window.text_view) == convert_text("内存也够大", script)


@pytest.mark.parametrize("script", list(SCRIPTS))
def test_search_hit_and_find_highlights_land_on_the_converted_text(make_window, qtbot, doc, script) -> None:
    window = make_window([str(doc)])
    _choose(window, qtbot, script)
    text = window.current_document.text
    pane = window.search_pane
    qtbot.waitUntil(lambda: not pane.controller.indexing, timeout=30000)
    pane.box.setText("内存")
    pane.run_search()
    qtbot.waitUntil(lambda: pane.last_response is not None and bool(pane.model.hit_indexes()), timeout=20000)
    hit = next(index for index in pane.model.hit_indexes() if index.data(HIT_ROLE)[0] == path_key(doc.resolve()))
    assert pane.activate(hit)
    _key, offset, length = hit.data(HIT_ROLE)
    assert (offset, length) == (text.index("内存"), 2)
    assert _shown(window.text_view) == convert_text("内存", script)

    bar = window.findChild(FindBar, "findBar")
    bar.open_bar()
    bar.edit.insert("软件")
    qtbot.waitUntil(lambda: not bar.debounce.isActive() and bool(bar.matches), timeout=5000)
    assert _shown(window.text_view) == convert_text("软件", script)
    marked = [s.cursor.selectedText() for s in window.text_view.extraSelections()]
    assert convert_text("软件", script) in marked

    window.text_view.set_highlights("spoken", [(text.index("内存也够大"), 5)], QColor("#ffd54f"))  # read aloud's way
    marked = [s.cursor.selectedText() for s in window.text_view.extraSelections()]
    assert convert_text("内存也够大", script) in marked


@pytest.mark.parametrize("script", list(SCRIPTS))
def test_a_selection_in_converted_text_bookmarks_the_source_span(make_window, qtbot, doc, script) -> None:
    window = make_window([str(doc)])
    _choose(window, qtbot, script)
    view, text = window.text_view, window.current_document.text
    shown_text = view.document_view().toPlainText()
    converted = convert_text("软件很好用，内存", script)
    start = shown_text.index(converted)  # the seed is all in the basic plane: Qt positions are str indexes
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(converted), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    mark = window.findChild(QDockWidget, "bookmarksPane").bookmark_selection(edit=False)
    assert mark is not None
    [stored] = _reader_bookmarks()
    assert (stored["offset"], stored["length"]) == (text.index("软件很好用，内存"), len("软件很好用，内存"))
    assert stored["quote"] == "软件很好用，内存"  # the source text, not the display
    if script == "taiwan":  # a selection inside 記憶體 (内存 as written) stands for the whole phrase
        start = shown_text.index("記憶體")
        cursor.setPosition(start + 1)
        cursor.setPosition(start + 2, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        assert view.selected_range() == (text.index("内存"), 2)


def test_the_choice_is_remembered_per_document_and_as_the_default(make_window, qtbot, doc, corpus) -> None:
    other = corpus / "在“大学习、大调研、大讨论”活动动员部署会上的讲话.txt"
    third = corpus / "省委组织部长在全省抓党建促脱贫攻坚推进会议上的讲话.txt"
    window = make_window([str(doc)])
    assert window.session.script == "as-written"
    _choose(window, qtbot, "taiwan")
    window.open_document(other)
    qtbot.waitUntil(lambda: window.loaded is not None and window.current_document.path == other, timeout=20000)
    assert window.session.script == "taiwan"  # the new default
    _choose(window, qtbot, "simplified")
    window.close()

    again = make_window([str(doc)])
    assert again.session.script == "taiwan"
    assert again.findChild(QAction, "scriptTaiwanAction").isChecked()
    assert "記憶體" in again.text_view.document_view().toPlainText()
    assert again.current_document.text.count("内存") == 1  # the source never changes
    for path, script in ((other, "simplified"), (third, "simplified")):
        again.open_document(path)
        qtbot.waitUntil(lambda p=path: again.loaded is not None and again.current_document.path == p, timeout=20000)
        assert again.session.script == script


def test_switching_keeps_the_reading_position_and_the_bookmark_tints(make_window, qtbot, doc) -> None:
    window = make_window([str(doc)])
    text = window.current_document.text
    add_bookmark(doc, text.index("内存也够大"), 5)
    window.bookmarks_pane.refresh()
    qtbot.waitUntil(lambda: window.text_view.highlight_count("bookmarks") == 1, timeout=10000)
    target = text.index("篇2")
    window.jump_to(target, 3)
    before = window.text_view.top_offset()
    section = window.breadcrumb.titles()
    for script in ("taiwan", "simplified", "hongkong", "as-written"):
        _choose(window, qtbot, script)
        assert abs(window.text_view.top_offset() - before) < 80  # the same line at the top
        assert window.text_view.selected_range() == (target, 3)
        assert window.breadcrumb.titles() == [convert_text(title, script) for title in section]
        assert window.text_view.highlight_count("bookmarks") == 1


@pytest.mark.parametrize("script", ["taiwan", "traditional"])
def test_the_rendered_markdown_view_maps_through_the_conversion(make_window, qtbot, tmp_path, script) -> None:
    path = tmp_path / "manual.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    window = make_window([str(path)])
    _choose(window, qtbot, script)
    view = window.text_view
    assert view.objectName() == "textView" and view.__class__.__name__ == "RichView"
    assert convert_text("内存不够时，软件会变慢。", script) in view.toPlainText()
    for phrase in ("内存", "软件会变慢", "鼠标和打印机"):
        at = MARKDOWN.index(phrase)
        window.jump_to(at, len(phrase))
        assert _shown(view) == convert_text(phrase, script)
        assert view.selected_range() == (at, len(phrase))
    title, offset, length = next((i.data(TITLE_ROLE), i.data(OFFSET_ROLE), i.data(LENGTH_ROLE))
                                 for i in window.outline_pane.model.items_in_order() if "数据" in i.data(TITLE_ROLE))
    window.outline_pane.headingActivated.emit(offset, length)
    assert convert_text(title, script) in _shown(view)


def test_a_rendered_document_keeps_its_line_spacing_in_another_script(make_window, qtbot, tmp_path) -> None:
    path = tmp_path / "manual.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    window = make_window([str(path)])
    spacing = window.preferences.settings.line_spacing
    _choose(window, qtbot, "traditional")
    qtbot.waitUntil(lambda: window.text_view.document_view().firstBlock().blockFormat().lineHeight()
                    == spacing * 100, timeout=5000)
    assert "內存" in window.text_view.toPlainText()


@pytest.mark.parametrize("script", list(SCRIPTS))
def test_read_aloud_highlights_the_converted_sentences_in_order(make_window, qtbot, doc: Path, script: str) -> None:
    window = make_window([str(doc)])
    _choose(window, qtbot, script)
    aloud = window.read_aloud
    aloud.set_voice("Anne")  # the mock engine's voices are English: the reader's override
    aloud.set_speed(3.0)
    text = window.current_document.text
    start = text.index(PHRASES.strip())
    spoken: list[tuple[str, str]] = []  # (source sentence, what the view shows for it)

    def heard(offset: int, length: int) -> None:
        cursor = QTextCursor(window.text_view.document_view())
        cursor.setPosition(window.text_view.to_qt(offset))
        cursor.setPosition(window.text_view.to_qt_end(offset + length), QTextCursor.MoveMode.KeepAnchor)
        spoken.append((text[offset:offset + length], cursor.selectedText()))

    aloud.sentenceStarted.connect(heard)
    aloud.play(start)
    qtbot.waitUntil(lambda: len(spoken) >= 3, timeout=30000)
    aloud.stop()
    assert spoken[0][0] == "我们的软件很好用，内存也够大，数据要安全。"
    offsets = [text.index(source, start) for source, _ in spoken]
    assert offsets == sorted(offsets) and len(set(offsets)) == len(offsets)  # in order, none twice
    for (source, shown), offset in zip(spoken, offsets, strict=True):
        assert shown == _expected(text, script, offset, len(source))  # the converted sentence is what is lit
