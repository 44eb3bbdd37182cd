"""Rendered Markdown is readable in every theme (WCAG AA, measured from the view's pixels) and restyles live."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFontDatabase, QImage, QTextCursor

from reader.ui.settings.themes import COLORS, THEMES, contrast_ratio, resolve_theme
from reader.ui.views.markdown_style import ReadingStyle, markdown_css

AA = 4.5
BODY = "Plain body text for reading, 正文用来阅读的文字。"
LINK = "a link to follow"
NOTE = f"""# Theme check

{BODY}

See [{LINK}](https://example.com/) and `inline code` here.

| Command | Meaning |
|---------|---------|
| `ls`    | list a folder |

> A quoted line, 引用的文字。

```
code block line
```
"""


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "theme.md"
    path.write_text(NOTE, encoding="utf-8")
    return path


def _grab(view) -> QImage:
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _most_common(image: QImage) -> QColor:
    """The page: the colour most pixels have."""
    counts = Counter(image.pixel(x, y) for y in range(0, image.height(), 3) for x in range(0, image.width(), 3))
    return QColor.fromRgb(counts.most_common(1)[0][0])


def _span_rect(view, offset: int, length: int) -> QRect:
    """Where the source span [offset, offset + length) is drawn (its first line), in viewport pixels."""
    cursor = QTextCursor(view.document_view())
    cursor.setPosition(view.to_qt(offset))
    start = view.cursorRect(cursor)
    cursor.setPosition(view.to_qt(offset + length))
    end = view.cursorRect(cursor)
    right = end.left() if end.top() == start.top() else view.viewport().width() - 1
    return QRect(start.left(), start.top(), max(1, right - start.left()), start.height())


def _strongest(image: QImage, rect: QRect, background: QColor) -> tuple[QColor, float]:
    """The pixel in `rect` that stands out most from `background`: the glyphs' solid ink."""
    best, ratio = background, 1.0
    rect = rect.intersected(image.rect())
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            color = QColor.fromRgb(image.pixel(x, y))
            current = contrast_ratio(color.name(), background.name())
            if current > ratio:
                best, ratio = color, current
    return best, ratio


@pytest.mark.parametrize("theme", THEMES)
def test_body_text_and_links_reach_wcag_aa_in_every_theme_measured_from_pixels(
        make_window, qtbot, note: Path, theme: str) -> None:
    window = make_window([str(note)])
    window.preferences.change(theme=theme)
    view = window.text_view
    assert view is window.rich_view and view.objectName() == "textView"
    colors = COLORS[resolve_theme(theme)]
    image = _grab(view)
    page = _most_common(image)
    assert page.name() == colors.page, "the page is the theme's page, not a white one"
    text = window.current_document.text
    ink, body_ratio = _strongest(image, _span_rect(view, text.index(BODY), len(BODY)), page)
    link, link_ratio = _strongest(image, _span_rect(view, text.index(LINK), len(LINK)), page)
    assert body_ratio >= AA, f"body text {ink.name()} on {page.name()}: {body_ratio:.2f}"
    assert link_ratio >= AA, f"link {link.name()} on {page.name()}: {link_ratio:.2f}"
    assert contrast_ratio(ink.name(), colors.ink) < 1.2 and contrast_ratio(link.name(), colors.link) < 1.2


@pytest.mark.parametrize("name", sorted(COLORS))
def test_every_reading_colour_pair_of_the_rendered_view_reaches_wcag_aa(name: str) -> None:
    c = COLORS[name]
    pairs = {
        "body": (c.ink, c.page), "link": (c.link, c.page), "heading": (c.heading, c.page),
        "code": (c.ink, c.code), "table header": (c.heading, c.table_header), "quote": (c.ink, c.quote),
        "link in a quote": (c.link, c.quote),
    }
    for what, (front, back) in pairs.items():
        assert contrast_ratio(front, back) >= AA, f"{name} {what}: {front} on {back}"
    css = markdown_css(ReadingStyle(theme=name))
    assert {c.ink, c.link, c.code, c.rule, c.quote, c.quote_bar} <= set(_colours_in(css))


def _colours_in(css: str) -> list[str]:
    return [word.rstrip(";") for word in css.split() if word.startswith("#")]


def test_the_wcag_formula_gives_the_known_ratios() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_switching_theme_restyles_the_open_document_in_place(
        make_window, qtbot, testdata: Path) -> None:
    window = make_window([str(testdata / "art-of-command-line.zh.md")])
    window.preferences.change(theme="light", line_spacing=1.5)
    view = window.text_view
    text = window.current_document.text
    offset = text.index("## 系统调试") + 3
    window.jump_to(offset, 4)
    cursor = QTextCursor(view.document_view())
    cursor.setPosition(view.to_qt(offset))
    before = view.cursorRect(cursor).top()
    assert 0 <= before < view.viewport().height()
    assert _most_common(_grab(view)).name() == COLORS["light"].page

    window.preferences.change(theme="dark")
    assert _most_common(_grab(view)).name() == COLORS["dark"].page
    assert view.selected_range() == (offset, 4) and view.selected_text() == "系统调试"
    cursor = QTextCursor(view.document_view())
    cursor.setPosition(view.to_qt(offset))
    assert abs(view.cursorRect(cursor).top() - before) <= view.fontMetrics().lineSpacing()
    middle = view.document_view().findBlock(view.to_qt(offset))
    assert middle.blockFormat().lineHeight() == pytest.approx(150), "the line spacing survives the restyle"
    image = _grab(view)
    _ink, ratio = _strongest(image, _span_rect(view, offset, 4), _most_common(image))
    assert ratio >= AA


def test_the_reading_style_takes_a_font_family_and_a_margin(make_window, qtbot, note: Path) -> None:
    window = make_window([str(note)])
    view = window.text_view
    family = next(name for name in QFontDatabase.families() if name != view.font().family())
    view.set_reading_style(font_family=family, margin=30, line_spacing=1.8)
    assert view.document_view().documentMargin() == 30
    block = view.document_view().findBlock(view.to_qt(window.current_document.text.index(BODY)))
    char_format = block.begin().fragment().charFormat()
    assert family in (char_format.fontFamilies() or [])
    assert block.blockFormat().lineHeight() == pytest.approx(180)
    assert view.selected_range() is None and view.document_view().toRawText().count("Plain body text") == 1


def test_the_line_spacing_setting_spaces_the_rendered_lines(make_window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    paragraph = "读书使人充实，讨论使人机智，笔记使人准确。" * 30
    path.write_text(f"# 行距\n\n{paragraph}\n\n- {paragraph}\n", encoding="utf-8")
    window = make_window([str(path)])
    view = window.text_view

    def pitch(fragment: str) -> int:
        block = view.document_view().findBlock(view.to_qt(window.current_document.text.index(fragment)))
        assert block.layout().lineCount() >= 3
        tops = []
        for line in (1, 2):
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + block.layout().lineAt(line).textStart())
            tops.append(view.cursorRect(cursor).top())
        return tops[1] - tops[0]

    window.preferences.change(line_spacing=1.0)
    single = pitch(paragraph), pitch(f"- {paragraph}")
    window.preferences.change(line_spacing=2.0)
    double = pitch(paragraph), pitch(f"- {paragraph}")
    assert double[0] >= 1.8 * single[0] and double[1] >= 1.8 * single[1]
    window.preferences.change(theme="sepia")
    assert (pitch(paragraph), pitch(f"- {paragraph}")) == double, "a theme switch keeps the spacing"


def test_the_page_margin_holds_in_the_rendered_view_through_a_theme_switch(make_window, notes_doc: Path) -> None:
    window = make_window([str(notes_doc)])
    window.preferences.change(theme="light", page_margin=40)
    view = window.text_view
    assert view.document_view().documentMargin() == 40
    window.preferences.change(theme="dark")
    assert view.document_view().documentMargin() == 40
