"""Re-indent Markdown lists so that Python-Markdown nests them as CommonMark does (for rendering only)."""

from __future__ import annotations

import re
from dataclasses import dataclass

STEP = 4  # Python-Markdown nests a list item's content 4 spaces deeper than the item
_MARKER = re.compile(r"( *)([-*+]|(\d{1,9})\.)( +|$)")  # Python-Markdown knows no "1)" items
_THEMATIC_BREAK = re.compile(r" {0,3}([-*_])( *\1){2,} *$")
_FENCE = re.compile(r" *(`{3,}|~{3,})")
_NOT_PARAGRAPH = re.compile(r" {0,3}(#|>|\||<|```|~~~|\[\^)")
_BLOCK_START = re.compile(r" {0,3}(#|>|```|~~~|([-*_])( *\2){2,} *$)")  # what cannot continue a paragraph lazily


@dataclass
class _Item:
    content: int  # the source column the item's content starts at (CommonMark's nesting column)
    inner: int  # the column its content is written at for Python-Markdown
    kind: str  # the marker: "1" for ordered items, else the bullet character


@dataclass
class _Fence:
    char: str
    length: int
    indent: int  # the fence's own indentation in the source
    column: int  # where its lines are written
    in_item: bool  # inside a list item, where Python-Markdown has no fences: written as indented code


def _expand(line: str) -> str:
    """The line with its leading tabs expanded to 4-column stops."""
    stripped = line.lstrip(" \t")
    return line[: len(line) - len(stripped)].expandtabs(STEP) + stripped


def _dedented(line: str, most: int) -> str:
    """`line` without up to `most` leading spaces."""
    indent = min(most, len(line) - len(line.lstrip(" ")))
    return line[indent:]


class _ListIndenter:
    """Walks the lines once, keeping the open list items and the fenced block, if any."""

    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.fence: _Fence | None = None
        self.previous = "blank"  # what the previous line was: blank, text, list or other
        self.kinds: dict[int, str] = {}  # the marker of the last item written at each column
        self.out: list[str] = []

    def feed(self, raw: str) -> None:
        line = _expand(raw)
        if self.fence is not None:
            self._fenced(line)
        elif not line.strip():
            self.out.append(line)
            self.previous = "blank"
        else:
            self._content(line)

    def _fenced(self, line: str) -> None:
        fence = self.fence
        stripped = line.strip()
        if stripped and set(stripped) == {fence.char} and len(stripped) >= fence.length:
            self.out.append("" if fence.in_item else " " * fence.column + stripped)
            self.fence = None
            self.previous = "other"
        elif fence.in_item:
            text = _dedented(line, fence.indent)
            self.out.append(" " * (fence.column + STEP) + text if text else "")
        else:
            self.out.append(" " * fence.column + _dedented(line, fence.indent))

    def _content(self, line: str) -> None:
        indent = len(line) - len(line.lstrip(" "))
        marker = _MARKER.match(line)
        if marker is not None and _THEMATIC_BREAK.match(line):
            marker = None
        lazy = marker is None and self.previous in ("text", "list") and not _BLOCK_START.match(line)
        if self.items and indent < self.items[-1].content and lazy:
            self.out.append(line)  # a lazy continuation line of the item's paragraph
            return
        while self.items and indent < self.items[-1].content:
            self.items.pop()
        base = self.items[-1].content if self.items else 0
        if marker is not None and indent - base <= 3:  # deeper is indented code, not an item
            self._item(line, indent, marker)
            return
        column = self.items[-1].inner + indent - base if self.items else indent
        self.kinds = {at: mark for at, mark in self.kinds.items() if at < column}
        if self.previous == "list" and _THEMATIC_BREAK.match(line):
            self.out.append("")  # a rule after an item, not a setext underline making the item a heading
        fence = _FENCE.match(line)
        if fence:
            self.fence = _Fence(fence.group(1)[0], len(fence.group(1)), indent, column, bool(self.items))
        self.out.append("" if fence and self.items else " " * column + line[indent:])
        self.previous = "other" if fence or _NOT_PARAGRAPH.match(line) else "text"

    def _item(self, line: str, indent: int, marker: re.Match) -> None:
        column = self.items[-1].inner if self.items else 0
        number = marker.group(3)
        kind = "1" if number is not None else marker.group(2)
        interrupts = not self.items and self.previous == "text" and (number is None or int(number) == 1)
        switches = self.previous != "blank" and self.kinds.get(column, kind) != kind
        if interrupts or switches:
            self.out.append("")  # a new list: CommonMark starts one here, Python-Markdown needs a blank line
        self.kinds = {at: mark for at, mark in self.kinds.items() if at < column}
        self.kinds[column] = kind
        spaces = len(marker.group(4))
        width = len(marker.group(2)) + (spaces if 1 <= spaces <= 4 else 1)
        self.items.append(_Item(indent + width, column + STEP, kind))
        self.out.append(" " * column + line[indent:])
        self.previous = "list"


def indent_lists(text: str) -> str:
    """`text` with list items re-indented so that Python-Markdown nests them where CommonMark does.

    CommonMark puts a line inside a list item when it is indented to the item's content column
    (2 for "- ", 3 for "1. "); Python-Markdown wants 4 spaces per level, so "1. one\\n   - sub"
    rendered inline. Only indentation (and a blank line before a list that interrupts a
    paragraph) changes, so the rendered text still aligns with the source character by character.
    """
    indenter = _ListIndenter()
    for line in text.split("\n"):
        indenter.feed(line)
    return "\n".join(indenter.out)
