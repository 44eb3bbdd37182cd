"""Highlight styles drawn in the text: each of the five looks different, in both views and in light and dark."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QTextCursor

from reader.bookmarks import STYLES, add_bookmark, remove_bookmark
from reader.ui.settings.themes import apply_reading_colors
from reader.ui.views.text_views import PlainView, RichView

TEXT = "Field notes\n\nThe heron stood in the shallows for an hour without moving.\n\nThe end.\n"
PASSAGE = "heron stood in the shallows"


def _passage_rect(view) -> QRect:
    """The passage's box in the viewport, with room around it for lines under and boxes around it."""
    offset = TEXT.index(PASSAGE)
    start, end = QTextCursor(view.document_view()), QTextCursor(view.document_view())
    start.setPosition(view.to_qt(offset))
    end.setPosition(view.to_qt(offset + len(PASSAGE)))
    first, last = view.cursorRect(start), view.cursorRect(end)
    assert first.top() == last.top(), "the passage fits on one line"
    return QRect(first.left(), first.top(), last.left() - first.left(), first.height()).adjusted(-4, -4, 4, 4)


def _grab(view, qtbot) -> QImage:
    view.show_offset(0)  # no selection over the passage
    qtbot.wait(20)
    image = view.viewport().grab(_passage_rect(view)).toImage()
    return image.convertToFormat(QImage.Format.Format_RGB32)


def _differing_pixels(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    return sum(a.pixel(x, y) != b.pixel(x, y) for x in range(a.width()) for y in range(a.height()))


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(("suffix", "view_type"), [(".txt", PlainView), (".md", RichView)])
def test_each_style_draws_differently_from_the_others_and_from_none(
        make_window, qtbot, tmp_path: Path, theme: str, suffix: str, view_type: type) -> None:
    path = tmp_path / f"heron{suffix}"
    path.write_text(TEXT, encoding="utf-8")
    window = make_window([str(path)])
    view = window.text_view
    assert isinstance(view, view_type)
    apply_reading_colors(view, theme)
    pane = window.bookmarks_pane
    images = {"none": _grab(view, qtbot)}
    for style in STYLES:
        mark = add_bookmark(path, TEXT.index(PASSAGE), len(PASSAGE), color="blue", style=style)
        pane.refresh()
        assert view.highlight_style(f"bookmarks-{style}-blue" if style != "highlight" else "bookmarks-blue") == style
        images[style] = _grab(view, qtbot)
        remove_bookmark(mark.id)
        pane.refresh()
    assert _grab(view, qtbot) == images["none"], "a removed bookmark leaves no trace"
    for one, other in combinations(images, 2):
        assert _differing_pixels(images[one], images[other]) > 5, f"{one} and {other} look the same"


def test_lines_are_drawn_lighter_when_the_page_turns_dark(make_window, tmp_path: Path) -> None:
    path = tmp_path / "heron.txt"
    path.write_text(TEXT, encoding="utf-8")
    window = make_window([str(path)])
    view = window.text_view
    apply_reading_colors(view, "light")
    add_bookmark(path, TEXT.index(PASSAGE), len(PASSAGE), color="blue", style="underline")
    window.bookmarks_pane.refresh()
    [light] = view.extraSelections()
    apply_reading_colors(view, "dark")
    [dark] = view.extraSelections()
    assert dark.format.underlineColor().lightnessF() > light.format.underlineColor().lightnessF() + 0.05
    apply_reading_colors(view, "light")
    assert view.extraSelections()[0].format.underlineColor() == light.format.underlineColor()
