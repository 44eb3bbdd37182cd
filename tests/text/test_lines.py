"""Slice-at-a-time splitting and joining give exactly what one call over the whole text gives."""

from __future__ import annotations

import pytest

from reader.text import lines
from reader.text.lines import contains, join_slices, split_lines

TEXTS = [
    "",
    "\n",
    "no newline at all, longer than a few slices",
    "\n\nstarts with blank lines\nand ends with one\n",
    "第一回 甄士隐梦幻识通灵\n\n\n　　此开卷第一回也。\r\n😀 astral\nlast",
    "a\n" * 40 + "b" * 50 + "\n" * 7,
]


@pytest.mark.parametrize("slice_chars", [1, 3, 8])
@pytest.mark.parametrize("text", TEXTS)
def test_split_lines_is_str_split_at_any_slice_size(monkeypatch: pytest.MonkeyPatch, text: str,
                                                    slice_chars: int) -> None:
    monkeypatch.setattr(lines, "SLICE_CHARS", slice_chars)
    assert split_lines(text) == text.split("\n")


def test_split_lines_of_a_big_text_is_str_split() -> None:
    text = ("第三回 托内兄如海酬训教\n" + "　　却说雨村忙回头看时，" * 40 + "\n\n") * 12_000
    assert len(text) > 2 * lines.SLICE_CHARS
    assert split_lines(text) == text.split("\n")


def test_join_slices_is_str_join_across_character_widths() -> None:
    parts = ["ascii " * 1000, "中文" * 1000, "", "😀" * 10, "latin é" * 5, "tail"]
    assert join_slices(parts) == "".join(parts)
    assert join_slices(iter(parts)) == "".join(parts)
    assert join_slices([]) == ""


@pytest.mark.parametrize("slice_chars", [1, 4, 1 << 20])
def test_contains_finds_a_character_in_any_slice(monkeypatch: pytest.MonkeyPatch, slice_chars: int) -> None:
    monkeypatch.setattr(lines, "SLICE_CHARS", slice_chars)
    text = "abcdefghij" * 3
    assert not contains(text, "\r")
    for position in (0, 9, 15, len(text)):
        marked = text[:position] + "\r" + text[position:]
        assert contains(marked, "\r")
