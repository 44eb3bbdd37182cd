"""Whole-text work a slice at a time, so a worker never holds the GIL long on a big text (the UI thread waits)."""

from __future__ import annotations

from collections.abc import Iterable

SLICE_CHARS = 1 << 20  # one C call over this many characters holds the GIL a few milliseconds


def split_lines(text: str) -> list[str]:
    """`text.split("\\n")`, a slice at a time: one call on a 60 MB novel holds the GIL ~50 ms."""
    if len(text) <= 2 * SLICE_CHARS:
        return text.split("\n")
    lines: list[str] = []
    start = 0
    while True:
        cut = text.find("\n", start + SLICE_CHARS)
        if cut == -1:
            lines.extend(text[start:].split("\n"))
            return lines
        lines.extend(text[start:cut].split("\n"))
        start = cut + 1


def join_slices(parts: Iterable[str]) -> str:
    """`"".join(parts)`, one part at a time: CPython appends in place to a string only it holds, so no single
    step copies the whole text (one `join` of a 60 MB novel holds the GIL ~30 ms)."""
    text = ""
    for part in parts:
        text += part
    return text


def contains(text: str, char: str) -> bool:
    """`char in text`, a slice at a time."""
    return any(text.find(char, start, start + SLICE_CHARS) != -1 for start in range(0, len(text), SLICE_CHARS))
