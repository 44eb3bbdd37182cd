"""The plain view's reading typography: line spacing, headings set off, page margin, breadcrumb, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QTextCursor, QTextFormat
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox

from reader.ui.settings.preferences import PreferencesDialog
from reader.ui.settings.settings import ReaderSettings

BODY = "　　正文一行，说的是一件事。" * 3


def _novel(folder: Path, chapters: int = 6) -> tuple[Path, str]:
    lines = ["序言", BODY, ""]
    for number in "一二三四五六七八九十"[:chapters]:
        lines += [f"第{number}章 开篇", BODY, BODY, ""]
    text = "\n".join(lines) + "\n"
    path = folder / "novel.txt"
    path.write_text(text, encoding="utf-8")
    return path, text


def _line_top(view, offset: int) -> float:
    cursor = QTextCursor(view.document_view())
    cursor.setPosition(view.to_qt(offset))
    return view.cursorRect(cursor).top()


def _pitch(view, text: str) -> float:
    """The distance between the tops of two body lines that follow each other."""
    first = text.index(BODY)
    return _line_top(view, first + len(BODY) + 1) - _line_top(view, first)


def test_line_spacing_changes_the_plain_views_line_pitch(make_window, tmp_path: Path) -> None:
    path, text = _novel(tmp_path)
    window = make_window([str(path)])
    window.resize(2400, 900)  # wide: every body line is one laid-out line
    view = window.text_view
    window.preferences.change(line_spacing=1.0)
    single = _pitch(view, text)
    window.preferences.change(line_spacing=2.0)
    double = _pitch(view, text)
    assert single > 0
    assert double == pytest.approx(2 * single, rel=0.1)
    window.preferences.change(line_spacing=1.5)
    assert _pitch(view, text) == pytest.approx(1.5 * single, rel=0.1)
    assert view.document_view().toPlainText() == text


def test_chinese_text_gets_one_and_a_half_line_spacing_and_a_serif_font_by_default() -> None:
    settings = ReaderSettings()
    assert settings.line_spacing == 1.5 and settings.font_style == "serif" and settings.page_margin > 0
    typography = settings.typography()
    assert typography.families[0] == "Noto Serif CJK SC"
    assert "line-height: 150%" in typography.css() and f"margin: {settings.page_margin}px" in typography.css()
    assert ReaderSettings.from_dict({"version": 2, "line_spacing": "1.0"}).line_spacing == 1.5  # the old default
    assert ReaderSettings.from_dict({"version": 3, "line_spacing": "1.0"}).line_spacing == 1.0  # a choice


def test_headings_are_set_off_without_changing_the_text_or_its_offsets(make_window, tmp_path: Path) -> None:
    path, text = _novel(tmp_path)
    window = make_window([str(path)])
    window.resize(2400, 900)
    view = window.text_view
    title = "第三章 开篇"
    offset = text.index(title)
    assert view.document_view().toPlainText() == text
    cursor = QTextCursor(view.document_view())
    cursor.setPosition(view.to_qt(offset) + 1)
    heading = cursor.charFormat()
    cursor.setPosition(view.to_qt(offset + len(title) + 3))
    body = cursor.charFormat()
    assert heading.fontWeight() == QFont.Weight.Bold and body.fontWeight() != QFont.Weight.Bold
    assert heading.intProperty(QTextFormat.Property.FontSizeAdjustment) > 0
    # Larger, with room above: the gap before the heading line is wider than a body line's pitch.
    before = text.rindex(BODY, 0, offset)
    assert _line_top(view, offset) - _line_top(view, before) > 1.5 * _pitch(view, text)

    window.jump_to(offset, len(title))
    assert view.selected_text() == title
    assert view.selected_range() == (offset, len(title))


def test_big_document_blocks_keep_text_offsets_selection_copy_and_find(make_window, qtbot, tmp_path: Path) -> None:
    path, text = _novel(tmp_path, chapters=10)
    text = text * 120  # ~500 KB: loaded on the worker, many lines to a Qt block
    path.write_text(text, encoding="utf-8")
    window = make_window([str(path)])
    view = window.text_view
    document = view.document_view()
    assert document.toPlainText() == text
    assert document.blockCount() < text.count("\n") // 10  # lines share blocks (U+2028 inside)
    start = text.index("第七章", len(text) // 2)
    passage = text[start - 5 : start + 40]  # across line breaks
    view.select_range(start - 5, len(passage))
    assert view.selected_text() == passage
    assert view.selected_range() == (start - 5, len(passage))
    view.copy()
    assert QApplication.clipboard().text() == passage
    window.find_bar.open_bar()
    window.find_bar.edit.setText("第七章")
    window.find_bar.refresh()
    found, length = window.find_bar.matches[window.find_bar.current]
    assert text[found : found + length] == "第七章"
    assert view.selected_text() == "第七章" and view.selected_range() == (found, length)
    last = text.rindex("第十章 开篇")
    window.jump_to(last, 6)
    assert view.selected_text() == "第十章 开篇"
    assert abs(view.reading_offset() - last) < 200  # shown at the reading line


def test_the_page_margin_keeps_the_text_off_the_column_edge(make_window, tmp_path: Path) -> None:
    path, text = _novel(tmp_path)
    window = make_window([str(path)])
    view = window.text_view
    window.preferences.change(page_margin=0)
    cursor = QTextCursor(view.document_view())
    flush = view.cursorRect(cursor).left()
    window.preferences.change(page_margin=40)
    assert view.cursorRect(cursor).left() - flush == pytest.approx(40, abs=1)
    assert view.document_view().toPlainText() == text


def test_the_breadcrumb_starts_where_the_text_starts(make_window, qtbot, tmp_path: Path) -> None:
    path, text = _novel(tmp_path)
    window = make_window([str(path)])
    view, breadcrumb = window.text_view, window.breadcrumb

    def offset() -> int:
        text_x = view.viewport().mapTo(window, QPoint(view.cursorRect(QTextCursor(view.document_view())).left(), 0))
        crumb_x = breadcrumb.mapTo(window, QPoint(breadcrumb.text_left(), 0))
        return text_x.x() - crumb_x.x()

    assert 0 <= offset() <= 8
    window.preferences.change(page_margin=64)
    assert 0 <= offset() <= 8
    window.preferences.change(max_text_width=20)  # a centred column
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: 0 <= offset() <= 8)


def test_typography_settings_persist_and_show_in_the_dialog(make_window, tmp_path: Path) -> None:
    path, _ = _novel(tmp_path)
    window = make_window([str(path)])
    window.preferences.change(page_margin=44, font_style="sans", line_spacing=1.7)
    window.close()
    again = make_window([str(path)])
    assert (again.preferences.settings.page_margin, again.preferences.settings.font_style) == (44, "sans")
    assert again.text_view.document_view().documentMargin() == 44
    assert again.text_view.line_spacing == 1.7
    dialog = PreferencesDialog(again.preferences, again)
    assert dialog.findChild(QSpinBox, "pageMarginSpin").value() == 44
    style = dialog.findChild(QComboBox, "fontStyleCombo")
    assert style.currentData() == "sans"
    style.setCurrentIndex(style.findData("serif"))
    assert ReaderSettings.load().font_style == "serif"
    dialog.close()
