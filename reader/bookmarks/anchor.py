"""Anchoring a passage: its quote, the context around it and the headings that enclose it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reader.bookmarks.model import CONTEXT_CHARS, Bookmark, new_id, now_iso
from reader.outline import extract_outline
from reader.outline.sections import section_title_path


def outline_of(text: str, kind: str) -> list[Any]:
    """The document's flat heading list (empty if the outline engine fails on it)."""
    try:  # a heading path is a nicety: never lose a bookmark over a heading bug
        return list(extract_outline(text, kind))
    except Exception:
        return []


def heading_path(headings: list[Any], offset: int) -> str:
    """Titles of the headings enclosing `offset`, outermost first, " › "-joined."""
    return section_title_path(headings, offset)


def context(text: str, offset: int, length: int) -> tuple[str, str]:
    """Up to CONTEXT_CHARS characters before and after the passage."""
    start = max(0, offset - CONTEXT_CHARS)
    return text[start:offset], text[offset + length : offset + length + CONTEXT_CHARS]


def check_range(text: str, offset: int, length: int) -> None:
    """Raise ValueError with a clear message unless [offset, offset+length) lies in `text`."""
    if offset < 0 or length < 0:
        raise ValueError("offset and length must be 0 or more")
    if offset > len(text):
        raise ValueError(f"offset {offset} is past the end of the text ({len(text)} characters)")
    if offset + length > len(text):
        raise ValueError(
            f"offset {offset} + length {length} runs past the end of the text "
            f"({len(text)} characters)"
        )


def anchor_at(
    bookmark: Bookmark, text: str, offset: int, length: int, headings: list[Any], status: str
) -> Bookmark:
    """`bookmark` re-anchored at [offset, offset+length) of `text`."""
    before, after = context(text, offset, length)
    return replace(
        bookmark,
        offset=offset,
        length=length,
        quote=text[offset : offset + length],
        before=before,
        after=after,
        heading_path=heading_path(headings, offset),
        status=status,
    )


def new_bookmark(
    path: str, text: str, content_hash: str, offset: int, length: int, headings: list[Any],
    note: str = "", color: str = "yellow", size_bytes: int = 0, style: str = "highlight",
) -> Bookmark:
    """A fresh bookmark on [offset, offset+length) of `text` (range already checked)."""
    stamp = now_iso()
    blank = Bookmark(
        id=new_id(), path=path, content_hash=content_hash, offset=0, length=0, quote="",
        before="", after="", note=note, color=color, created=stamp, updated=stamp,
        size_bytes=size_bytes, style=style,
    )
    return anchor_at(blank, text, offset, length, headings, "ok")
