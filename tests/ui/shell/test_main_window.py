"""The main window: library, outline beside the text, jumps that select, session restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDockWidget, QPlainTextEdit, QTextBrowser, QTreeView

from reader.outline import extract_outline
from reader.ui.views.text_views import refused_image

CORPUS_FILES = sorted(Path(__file__).resolve().parents[3].joinpath("corpus").glob("*.txt"))


def _click_last_outline_entry(window, qtbot) -> None:
    tree = window.findChild(QTreeView, "outlineTree")
    tree.expandAll()
    model = tree.model()
    index = model.index(model.rowCount() - 1, 0)
    while model.rowCount(index):
        index = model.index(model.rowCount(index) - 1, 0, index)
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())


def test_library_pane_lists_the_corpus(make_window) -> None:
    window = make_window(["corpus"])
    pane = window.findChild(QDockWidget, "libraryPane")
    assert pane is not None and pane.isVisible()
    listed = {Path(p).name for p in window.library_pane.document_paths()}
    assert {p.name for p in CORPUS_FILES} <= listed


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.stem[:12])
def test_clicking_the_last_outline_entry_selects_that_heading(make_window, qtbot, path: Path) -> None:
    window = make_window()
    assert window.open_document(path)
    headings = extract_outline(window.current_document.text, "text")
    if not headings:
        pytest.skip("no headings in this document")
    _click_last_outline_entry(window, qtbot)
    view = window.findChild(QPlainTextEdit, "textView")
    last = headings[-1]
    expected = window.current_document.text[last.offset : last.offset + last.length]
    assert view.textCursor().selectedText() == expected
    assert window.text_view.selected_range() == (last.offset, last.length)


def test_markdown_heading_jump_selects_the_rendered_heading(make_window, qtbot, testdata: Path) -> None:
    window = make_window()
    window.open_document(testdata / "art-of-command-line.en.md")
    view = window.findChild(QTextBrowser, "textView")
    assert view is not None and view is window.text_view
    assert "```" not in view.document_view().toPlainText(), "code fences are rendered, not shown"
    _click_last_outline_entry(window, qtbot)
    last = extract_outline(window.current_document.text, "markdown")[-1]
    assert view.textCursor().selectedText().strip() == last.title
    offset, length = window.text_view.selected_range()
    assert last.offset <= offset < last.offset + last.length


def test_markdown_renders_tables_and_loads_nothing_remote(make_window, tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "# Notes\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n*em* and **strong**\n\n"
        "![remote](https://example.com/x.png)\n\n<script>alert(1)</script>\n\n[site](https://example.com)\n",
        encoding="utf-8",
    )
    window = make_window([str(path)])
    view = window.text_view
    html = view.toHtml()
    assert view.document_view().toPlainText().count("|") == 0
    assert "example.com/x.png" not in html and "alert" not in html
    assert view.loadResource(2, QUrl("https://example.com/x.png")) == refused_image()
    assert view.loadResource(1, QUrl("https://example.com/x.html")).size() == 0
    offset = window.current_document.text.index("strong")
    window.jump_to(offset, len("strong"))
    assert view.selected_text() == "strong"
    assert view.selected_range() == (offset, len("strong"))


def test_outline_follows_scrolling_and_breadcrumb_jumps(make_window, open_and_wait, qtbot, testdata: Path) -> None:
    window = make_window()
    open_and_wait(window, testdata / "hongloumeng.gb18030.txt")
    headings = extract_outline(window.current_document.text, "text")
    target = headings[40]
    window.text_view.select_range(target.offset + target.length + 200, 0)
    qtbot.waitUntil(lambda: window.outline_pane.current_item() is not None
                    and window.outline_pane.current_item().data(Qt.ItemDataRole.UserRole + 1) == target.offset)
    assert window.breadcrumb.titles()[-1] == target.title
    crumb_type = type(window.breadcrumb.findChild(object, "breadcrumbItem"))
    crumb = window.breadcrumb.findChildren(crumb_type, "breadcrumbItem")[-1]
    qtbot.mouseClick(crumb, Qt.MouseButton.LeftButton)
    assert window.text_view.selected_range() == (target.offset, target.length)


def test_bad_files_get_a_message_not_a_traceback(make_window, tmp_path: Path) -> None:
    window = make_window()
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert not window.open_document(binary)
    assert "PNG" in window.last_error
    assert "PNG" in window.statusBar().currentMessage()
    assert window.current_document is None


def test_large_document_loads_in_background_and_jumps_to_the_end(
    make_window, qtbot, tmp_path: Path, testdata: Path
) -> None:
    text = (testdata / "hongloumeng.gb18030.txt").read_bytes().decode("gb18030").replace("\r\n", "\n")
    big = tmp_path / "big.txt"
    big.write_text(text * 12, encoding="utf-8")
    assert big.stat().st_size > 20_000_000
    window = make_window()
    with qtbot.waitSignal(window.documentChanged, timeout=60000):
        window.open_document(big)
        assert window.load_progress.isVisible(), "a busy indicator shows while it loads"
        assert big.name in window.statusBar().currentMessage()
    assert not window.load_progress.isVisible()
    length = len(window.current_document.text)
    window.jump_to(length - 10, 10)
    assert window.text_view.selected_text() == window.current_document.text[-10:]
    assert window.text_view.verticalScrollBar().value() > 0.9 * window.text_view.verticalScrollBar().maximum()


def test_encoding_choice_is_applied_and_remembered(make_window, tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Ça a été un café.".encode("cp1252"))
    window = make_window()
    window.open_document(path)
    window.reload_with_encoding("cp1252")
    assert window.current_document.text == "Ça a été un café."
    window.close()
    again = make_window()
    again.open_document(path)
    assert again.current_document.encoding == "cp1252"
    assert again.status_labels["encoding"].text().startswith("cp1252")


def test_session_restores_last_document_and_layout(make_window, qtbot) -> None:
    window = make_window()
    window.open_document(CORPUS_FILES[1])
    window.outline_pane.hide()
    window.close()
    again = make_window()
    assert again.current_document is not None
    assert again.current_document.path == CORPUS_FILES[1]
    assert not again.outline_pane.isVisible()


def test_dropping_a_file_opens_it(make_window) -> None:
    window = make_window()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(CORPUS_FILES[0]))])
    event = QDropEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    assert window.current_document.path == CORPUS_FILES[0]


def test_status_bar_shows_name_encoding_size_position(make_window) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    labels = window.status_labels
    assert labels["name"].text() == CORPUS_FILES[0].name
    assert labels["encoding"].text() == "utf-8"
    assert labels["size"].text().endswith("KB")
    assert labels["position"].text().endswith("%")
    text = window.current_document.text
    assert labels["length"].text().startswith(f"{len(text):,} characters")
    cjk = sum("\u4e00" <= c <= "\u9fff" for c in text)
    assert f"document {round(cjk / 300)} min left" in labels["timeLeft"].text()  # at the start: all of it


def test_every_section_becomes_current_while_scrolling_to_the_end(make_window, qtbot, corpus: Path) -> None:
    window = make_window([str(corpus / "民政局第二批實踐科學發展觀動員會講話.txt")])
    bar = window.text_view.verticalScrollBar()
    seen = set()
    value = 0
    while value <= bar.maximum():  # the maximum grows as lazy layout reaches new lines
        bar.setValue(value)
        window._sync_position()
        item = window.outline_pane.current_item()
        if item is not None:
            seen.add(item.data(Qt.ItemDataRole.UserRole + 1))
        value += 1
    offsets = set(window.outline_pane.model.offsets())
    assert offsets == seen


def test_with_wide_line_spacing_jumps_land_and_every_section_is_reached(make_window, corpus: Path) -> None:
    window = make_window([str(corpus / "民政局第二批實踐科學發展觀動員會講話.txt")])
    window.preferences.change(line_spacing=1.8)
    headings = extract_outline(window.current_document.text, "text")
    middle = headings[len(headings) // 2]
    window.jump_to(middle.offset, middle.length)
    view = window.text_view
    cursor = view.textCursor()
    cursor.setPosition(cursor.selectionStart())
    top, bar = view.cursorRect(cursor).top(), view.verticalScrollBar()
    if bar.value() == bar.maximum():  # a wide text column (no CJK font): the heading is on the last screen
        assert view.reading_line_y() <= top < view.viewport().height()
    else:
        assert abs(top - view.reading_line_y()) < 3 * view.fontMetrics().lineSpacing()
    seen, value = set(), 0
    while value <= bar.maximum():
        bar.setValue(value)
        window._sync_position()
        item = window.outline_pane.current_item()
        seen.add(item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None)
        value += 1
    assert set(window.outline_pane.model.offsets()) <= seen


def test_the_app_has_its_icon(make_window) -> None:
    make_window()
    from PySide6.QtWidgets import QApplication

    assert not QApplication.windowIcon().isNull()
    assert 256 in [size.width() for size in QApplication.windowIcon().availableSizes()]


def test_tinted_passages_stay_readable_on_a_dark_page(make_window) -> None:
    from PySide6.QtGui import QColor

    window = make_window([str(CORPUS_FILES[0])])
    window.text_view.set_highlights("bookmarks", [(10, 5)], QColor("#fff59d"))
    selection = window.text_view.extraSelections()[0]
    assert selection.format.foreground().color() == QColor("#000000")


def test_large_markdown_renders_off_the_ui_thread_and_huge_markdown_shows_as_text(
    make_window, qtbot, tmp_path: Path, testdata: Path
) -> None:
    source = (testdata / "art-of-command-line.en.md").read_text(encoding="utf-8")
    large, huge = tmp_path / "large.md", tmp_path / "huge.md"
    large.write_text(source * 10, encoding="utf-8")
    huge.write_text(source * 60, encoding="utf-8")
    window = make_window()
    for path, widget_type in ((large, QTextBrowser), (huge, QPlainTextEdit)):
        with qtbot.waitSignal(window.documentChanged, timeout=60000):
            window.open_document(path)
        assert isinstance(window.text_view, widget_type)
        assert window.findChild(widget_type, "textView") is window.text_view
    last = extract_outline(window.current_document.text, "markdown")[-1]
    window.jump_to(last.offset, last.length)
    assert window.text_view.selected_text() == window.current_document.text[last.offset : last.offset + last.length]


def test_starting_on_the_corpus_folder_restores_the_last_document(make_window) -> None:
    """`make run` passes corpus/: the previous session's document still comes back."""
    window = make_window(["corpus"])
    window.open_document(CORPUS_FILES[2])
    window.close()
    again = make_window(["corpus"])
    assert again.current_document.path == CORPUS_FILES[2]
