"""Offset maps: Python str offsets to Qt (UTF-16) positions and back, and source-to-view alignment."""

from __future__ import annotations

from reader.text.alignment import align
from reader.text.offsets import Utf16Map


def test_astral_characters_take_two_qt_positions() -> None:
    text = "a😀b𠀀c"
    mapping = Utf16Map(text)
    assert [mapping.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [mapping.from_qt(p) for p in (0, 1, 3, 4, 6, 7)] == [0, 1, 2, 3, 4, 5]
    assert mapping.from_qt(2) == 1, "the second half of a pair belongs to its character"


def test_bmp_only_text_maps_to_itself() -> None:
    mapping = Utf16Map("紅樓夢 chapter")
    assert all(mapping.to_qt(i) == i == mapping.from_qt(i) for i in range(10))


def test_alignment_maps_rendered_text_back_to_markdown_source() -> None:
    source = "# Title\n\nSome *emphasis* and `code` and [a link](http://x).\n"
    view = "Title\u2029Some emphasis and code and a link."
    mapping = align(view, source)
    start, end = mapping.view_range(source.index("emphasis"), len("emphasis"))
    assert view[start:end] == "emphasis"
    start, end = mapping.view_range(source.index("a link"), len("a link"))
    assert view[start:end] == "a link"
    assert mapping.source_range(view.index("code"), view.index("code") + 4) == (source.index("code"), 4)
