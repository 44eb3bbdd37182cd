"""Document text, titles and file names are shown literally, never as rich text."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QToolButton

from reader.bookmarks import add_bookmark
from reader.ui.outline.model import TITLE_ROLE

MARKUP = '<b>x</b><img src="pic.png">'


def _rendered_as_text(label: QLabel) -> bool:
    return label.textFormat() == Qt.TextFormat.PlainText


def test_the_bookmark_editor_shows_the_passage_literally(make_window, tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(f"Before.\n\n{MARKUP} after.\n", encoding="utf-8")
    window = make_window([str(path)])
    mark = add_bookmark(path, path.read_text().index(MARKUP), len(MARKUP))
    editor = window.bookmarks_pane.open_editor(mark)
    assert isinstance(editor, QDialog)
    passage = editor.findChild(QLabel, "bookmarkPassage")
    assert passage.text() == MARKUP and _rendered_as_text(passage)
    editor.reject()


def test_headings_and_file_names_with_markup_are_shown_literally(make_window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / f"{MARKUP.replace('/', '_')}.txt"
    title = f"第一章 {MARKUP}"
    path.write_text(f"序\n\n{title}\n\n正文。\n\n第二章 别的\n\n正文。\n", encoding="utf-8")
    window = make_window([str(path)])
    name = window.findChild(QLabel, "status_name")
    assert name.text() == path.name and _rendered_as_text(name)
    item = window.outline_pane.model.items_in_order()[0]
    assert item.data(TITLE_ROLE) == title
    assert item.toolTip() == f"<p style='white-space:pre-wrap'>{html.escape(title)}\n(line 3)</p>"
    window.jump_to(window.current_document.text.index(title))
    qtbot.waitUntil(lambda: window.breadcrumb.titles() == [title])
    crumb = window.breadcrumb.findChild(QToolButton, "breadcrumbItem")
    assert crumb.text() == title and crumb.toolTip() == f"<p style='white-space:pre-wrap'>{html.escape(title)}</p>"
    labels = [
        label for label in window.findChildren(QLabel) if label.objectName().startswith(("status_", "breadcrumb"))
    ]
    assert len(labels) >= 5 and all(_rendered_as_text(label) for label in labels)


def test_the_error_dialog_names_the_file_literally(make_window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / f"{MARKUP.replace('/', '_')}.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00" * 64)
    window = make_window()
    assert not window.open_document(path)
    box = window.findChild(QMessageBox, "errorDialog")
    assert box is not None and box.textFormat() == Qt.TextFormat.PlainText
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    assert informative.text() == str(path) and _rendered_as_text(informative)
