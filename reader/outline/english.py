"""English plain-text conventions: CHAPTER I. / PART ONE / BOOK II, I./A./1.1 report sections, APPENDIX A."""
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
_RANKS = {"part": 0, "book": 0, "chapter": 1, "appendix": 1}
_APPENDIX = re.compile(r"(APPENDIX|Appendix)[ \t]+([A-Z]|\d{1,2})\b\.?")
_ROMAN_SECTION = re.compile(r"(X{0,3}(?:IX|IV|V?I{0,3}))\.[ \t]+(?=[A-Z\"“‘'(])")
_LETTER_SECTION = re.compile(r"([A-Z])\.[ \t]+(?=[A-Z\"“‘'(])")
_INITIAL = re.compile(r"[A-Z]\.(?:[ \t]|$)")  # I. M. Pei / A. J. Ayer: a name, not a section
_AMBIGUOUS = {"I": "H", "V": "U", "X": "W"}  # a letter or a Roman numeral: the letter before it decides
FIRST_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZcpb0123456789")


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
    if not _title_like(text[match.end():eol].rstrip()):
        return None
    number = match.group(1)
    depth = number.count(".") + 1
    return Label(f"sec{depth}", int(number.split(".")[-1]), pos, match.end())


def match_appendix(text: str, pos: int, eol: int) -> Label | None:
    """APPENDIX A. / Appendix B: / APPENDIX 2 at text[pos]; ranked like a chapter."""
    match = _APPENDIX.match(text, pos, eol)
    if not match or eol - pos > 100:
        return None
    rest = text[match.end():eol]
    if rest and rest[0] not in " \t.:-—–":
        return None
    token = match.group(2)
    value = int(token) if token.isdigit() else ord(token) - ord("A") + 1
    start = match.end() + len(rest) - len(rest.lstrip(" \t.:-—–"))
    return Label("en:appendix", value, pos, start, _RANKS["appendix"])


def match_lettered(text: str, pos: int, eol: int) -> Label | None:
    """A report section 'IV. DISCUSSION' (style en:roman) or 'A. Data Collection' (en:letter); never initials."""
    match = _ROMAN_SECTION.match(text, pos, eol)
    style = "en:roman"
    if not match or not match.group(1):
        match, style = _LETTER_SECTION.match(text, pos, eol), "en:letter"
    if not match or not _title_like(text[match.end():eol].rstrip()) or _INITIAL.match(text, match.end(), eol):
        return None
    token = match.group(1)
    value = roman(token) if style == "en:roman" else ord(token) - ord("A") + 1
    return Label(style, value, pos, match.end())


def letters_or_numerals(text: str, labels: list[Label]) -> None:
    """'I.' after 'H.' (likewise V after U, X after W) is a letter, not a Roman numeral: relabel in place."""
    last_letter = 0
    for label in labels:
        token = text[label.start]
        if label.style == "en:roman" and text[label.start + 1] == "." and token in _AMBIGUOUS \
                and last_letter == ord(_AMBIGUOUS[token]) - 64:
            label.style, label.value = "en:letter", ord(token) - 64
        if label.style == "en:letter":
            last_letter = label.value
        elif label.style == "en:roman":
            last_letter = 0


def _title_like(title: str) -> bool:
    return bool(title) and len(title) <= 70 and len(title.split()) <= 12 and title[-1] not in ".,;:"
