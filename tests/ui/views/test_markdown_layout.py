"""Rendered Markdown is laid out for reading: tables fit, code and quotes stand out, lists nest, jumps select."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QTextCursor, QTextTable

from reader.documents.loader import load_document
from reader.documents.render import render_markdown
from reader.ui.settings.themes import COLORS, apply_reading_colors
from reader.ui.views.markdown_style import shape_html
from reader.ui.views.text_views import RichView

NOTE = """# 排版检查

正文里有`行内代码`。

1. 第一
2. 第二
   - 嵌套一
   - 嵌套二
3. 第三

| 命令 | 说明 | 示例 | 备注 |
|------|------|------|------|
| `ls` | 列出目录内容 | `ls -la /usr/local/share/applications` | 这一列的文字很长很长很长很长很长很长很长很长很长 |
| `grep` | 搜索文本 | `grep -rn pattern .` | averyveryverylongwordwithoutanyspacesthatstillhastowrapsomewhere |

> 读书破万卷，下笔如有神。

```python
def hello(name):
    return "你好，" + name + "！这一行很长很长很长很长很长很长很长很长很长很长很长很长很长很长"
```
"""


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "layout.md"
    path.write_text(NOTE, encoding="utf-8")
    return path


@pytest.fixture
def narrow_view(qtbot):
    """A rendered view 360 px wide, in the light theme, showing a document."""
    def show(path: Path, theme: str = "light", width: int = 360) -> RichView:
        view = RichView()
        qtbot.addWidget(view)
        apply_reading_colors(view, theme)
        view.resize(width, 500)
        view.show_document(load_document(path))
        view.show()
        qtbot.waitExposed(view)
        return view
    return show


def _tables(frame):
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            yield child
        yield from _tables(child)


def _block(view: RichView, source: str, fragment: str):
    return view.document_view().findBlock(view.to_qt(source.index(fragment)))


def test_a_wide_table_fits_the_view_and_wraps_its_cells(narrow_view, note: Path) -> None:
    view = narrow_view(note)
    document = view.document_view()
    grids = [table for table in _tables(document.rootFrame()) if table.columns() == 4]
    assert len(grids) == 1
    layout = document.documentLayout()
    width = view.viewport().width()
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    for row in range(grids[0].rows()):
        cell = grids[0].cellAt(row, grids[0].columns() - 1)
        text = layout.blockBoundingRect(cell.firstCursorPosition().block())
        assert text.right() + 4 <= width, "the last column is not cut off"
        y = round(text.top()) + 4 - view.verticalScrollBar().value()
        right_of_text = {QColor.fromRgb(image.pixel(x, y)).name() for x in range(round(text.right()), width)}
        assert COLORS["light"].rule in right_of_text, "the table's right border is inside the view"
    assert layout.documentSize().width() <= width
    assert view.horizontalScrollBar().maximum() == 0 and not view.horizontalScrollBar().isVisible()
    cell = grids[0].cellAt(1, 3)
    first, last = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
    lines = sum(b.layout().lineCount() for b in (first, last) if b.layout())
    assert lines >= 2 or first.layout().lineCount() >= 2, "the long cell wraps"
    border = grids[0].cellAt(0, 0).format().toTableCellFormat()
    assert border.leftBorder() >= 1 and border.leftPadding() >= 4, "cells have borders and padding"


@pytest.mark.parametrize("name", ["art-of-command-line.en.md", "art-of-command-line.zh.md"])
def test_ordinary_documents_have_no_horizontal_scroll_bar(narrow_view, testdata: Path, name: str) -> None:
    """Their long code lines wrap: nothing scrolls sideways to a blank page."""
    view = narrow_view(testdata / name, width=480)
    assert view.document_view().documentLayout().documentSize().width() <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0 and not view.horizontalScrollBar().isVisible()


def test_a_list_under_a_numbered_item_is_a_nested_list(narrow_view, note: Path) -> None:
    view = narrow_view(note)
    outer, inner = _block(view, NOTE, "第二"), _block(view, NOTE, "嵌套一")
    assert outer.text() == "第二", "the nested items are not run into the numbered item"
    assert outer.textList() is not None and inner.textList() is not None
    assert inner.textList() is not outer.textList()
    assert inner.textList().format().indent() > outer.textList().format().indent()
    assert _block(view, NOTE, "嵌套二").textList() is inner.textList()
    assert _block(view, NOTE, "第三").textList() is outer.textList()


def _pixel(view: RichView, point: QPoint) -> str:
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return QColor.fromRgb(image.pixel(point)).name()


def _rect_of(view: RichView, source: str, fragment: str):
    cursor = QTextCursor(view.document_view())
    cursor.setPosition(view.to_qt(source.index(fragment)))
    return view.cursorRect(cursor)


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_code_blocks_inline_code_and_quotes_are_set_off(narrow_view, note: Path, theme: str) -> None:
    view = narrow_view(note, theme)
    colors = COLORS[theme]
    view.show_offset(NOTE.index("> 读书"))
    code = _rect_of(view, NOTE, "def hello")
    assert _pixel(view, QPoint(code.left() - 3, code.center().y())) == colors.code, "code block background"
    quote = _rect_of(view, NOTE, "读书破万卷")
    row = [_pixel(view, QPoint(x, quote.center().y())) for x in range(0, quote.left())]
    assert colors.quote_bar in row and row[-2] == colors.quote, "a left bar, then the quote's tint"
    code_block = _block(view, NOTE, "def hello")
    assert code_block.charFormat().fontFixedPitch() or "mono" in code_block.charFormat().font().family().lower()
    inline = _block(view, NOTE, "行内代码")
    formats = [fragment.charFormat() for fragment in _fragments(inline) if fragment.text() == "行内代码"]
    assert formats and formats[0].background().color().name() == colors.code


def _fragments(block):
    iterator = block.begin()
    while not iterator.atEnd():
        yield iterator.fragment()
        iterator += 1


@pytest.mark.parametrize("passage", ["嵌套二", "第三", "列出目录内容", "grep -rn pattern .", "very", "下笔如有神",
                                     "return", "你好"])
def test_jumps_select_exactly_the_passage_in_nested_lists_tables_quotes_and_code(
        make_window, qtbot, note: Path, passage: str) -> None:
    window = make_window([str(note)])
    view = window.text_view
    offset = window.current_document.text.index(passage)
    window.jump_to(offset, len(passage))
    assert view.selected_text() == passage
    assert view.selected_range() == (offset, len(passage))


def test_a_hidden_view_is_restyled_when_it_is_shown_again(narrow_view, note: Path) -> None:
    view = narrow_view(note)
    view.hide()
    view.set_reading_style(theme="dark")
    assert COLORS["dark"].ink not in view.toHtml(), "no layout pass for a view nobody sees"
    view.show()
    assert COLORS["dark"].ink in view.toHtml() and COLORS["light"].ink not in view.toHtml()


def test_raw_html_quotes_and_pre_blocks_are_shaped_with_balanced_tables() -> None:
    html = render_markdown("<blockquote class=\"x\">引</blockquote>\n\n<pre class=\"y\">原样</pre>\n\n> 甲\n>> 乙\n\n"
                           "```\n代码\n```\n")
    shaped = shape_html(html)
    assert shaped.count("<table") == shaped.count("</table>") == 5
    assert "<blockquote" not in shaped and shaped.count("<pre") == shaped.count("</pre>") == 2
    assert "代码</code></pre>" in shaped, "no blank last line in a code block"


def test_a_nested_quote_is_a_quote_inside_a_quote_and_jumps_select_in_it(make_window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "quotes.md"
    path.write_text("# 引用\n\n> 外层的话\n>\n> > 里层的话\n\n后文。\n", encoding="utf-8")
    window = make_window([str(path)])
    view = window.text_view
    text = window.current_document.text
    inner = view.document_view().findBlock(view.to_qt(text.index("里层的话")))
    outer_table = inner.document().rootFrame().childFrames()[0]
    assert isinstance(outer_table, QTextTable) and isinstance(outer_table.childFrames()[0], QTextTable)
    window.jump_to(text.index("里层的话"), 4)
    assert view.selected_text() == "里层的话" and view.selected_range() == (text.index("里层的话"), 4)
