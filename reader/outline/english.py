"""English plain-text conventions: CHAPTER I. / Chapter 1 / PART ONE / BOOK II and 1.1 sections."""
from __future__ import annotations

import re

from .chinese import Label

_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen twenty").split()
_WORD_VALUES = {word: index + 1 for index, word in enumerate(_WORDS)}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_CHAPTER = re.compile(
    r"(CHAPTER|Chapter|PART|Part|BOOK|Book)[ \t]+([IVXLCDM]+|\d{1,3}|[A-Za-z]{3,9})\b\.?")
_SECTION = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]+(?=[A-Z\"“‘'(])")
_RANKS = {"part": 0, "book": 0, "chapter": 1}
FIRST_CHARS = frozenset("CcPpBb0123456789")


def roman(numeral: str) -> int:
    """Value of a Roman numeral (0 if malformed)."""
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN[char]
        following = _ROMAN[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total if total > 0 else 0


def _value(token: str) -> int:
    if token.isdigit():
        return int(token)
    if token.lower() in _WORD_VALUES:
        return _WORD_VALUES[token.lower()]
    if set(token) <= set(_ROMAN):
        return roman(token)
    return 0


def match_chapter(text: str, pos: int, eol: int) -> Label | None:
    """CHAPTER I. / Part One / BOOK 2 at text[pos]."""
    match = _CHAPTER.match(text, pos, eol)
    if not match or eol - pos > 100:
        return None
    value = _value(match.group(2))
    if not value:
        return None
    end = match.end()
    rest = text[end:eol]
    if rest and rest[0] not in " \t.:-—–":
        return None
    kind = match.group(1).lower()
    start = end + len(rest) - len(rest.lstrip(" \t.:-—–"))
    return Label(f"en:{kind}", value, pos, start, _RANKS[kind])


def match_section(text: str, pos: int, eol: int) -> Label | None:
    """A short, title-like numbered section line: 1. / 1.2 / 1.2.3 followed by a capital."""
    match = _SECTION.match(text, pos, eol)
    if not match:
        return None
    title = text[match.end():eol].rstrip()
    if len(title) > 70 or len(title.split()) > 12 or title[-1] in ".,;:":
        return None
    number = match.group(1)
    depth = number.count(".") + 1
    return Label(f"sec{depth}", int(number.split(".")[-1]), pos, match.end())
