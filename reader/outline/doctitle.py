"""Document title: front matter title:, first H1, or the first short title-like line."""
from __future__ import annotations

import re

from .markdown import extract_markdown, front_matter
from .title import clean_title, is_boilerplate, strip_keywords

_SITE_INTRO = re.compile(r"^\s*前言[:：]\s*本站.{0,12}?整理了(.+?)(?:[,，。]|希望)")
_FIELD = re.compile(r"^\s*Title:\s*(.+?)\s*$")
_GUTENBERG = re.compile(r"^\s*The Project Gutenberg e?Book,? of (.+?)(?:,? by .*)?$", re.I)
_SALUTATION = re.compile(r"^[^，,。]{0,20}(?:同志们|同志們|朋友们|各位)[^，,。]{0,10}[:：]?$")
_WRAPPED = re.compile(r"^《([^《》]+)》$")
_MAX_TITLE = 80
_SCAN_LINES = 40


def document_title(text: str, kind: str = "text") -> str:
    """Best display title of a document ('' if none is found)."""
    lines = text.split("\n")[:400]
    if kind == "markdown":
        skip, title = front_matter(lines)
        if title:
            return clean_title(title)
        for heading in extract_markdown(text):
            if heading.level == 1:
                return heading.title
        lines = lines[skip:]
    return _first_title_line(lines)


def _first_title_line(lines: list[str]) -> str:
    for line in lines[:_SCAN_LINES]:
        for pattern in (_SITE_INTRO, _FIELD, _GUTENBERG):
            match = pattern.match(line)
            if match:
                return clean_title(match.group(1))
        candidate = strip_keywords(line).strip()
        if _title_like(candidate):
            wrapped = _WRAPPED.match(candidate)
            return clean_title(wrapped.group(1) if wrapped else candidate)
    return ""


def _title_like(line: str) -> bool:
    if not line or len(line) > _MAX_TITLE or is_boilerplate(line) or _SALUTATION.match(line):
        return False
    if line.startswith(("***", "---", "===")) or not any(c.isalpha() for c in line):
        return False
    return not (line.isascii() and line.islower() and " " not in line)
