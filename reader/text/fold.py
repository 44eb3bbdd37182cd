"""Length-preserving folding: traditional to simplified, NFKC width forms and case, one char for one."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reader.text.t2s_table import SIMPLIFIED, TRADITIONAL


def _single_char_nfkc(code: int) -> str | None:
    folded = unicodedata.normalize("NFKC", chr(code))
    return folded if len(folded) == 1 else None


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "  # ideographic space
    for code in list(range(0x2460, 0x24FF)) + list(range(0xFF61, 0xFFEF)):
        single = _single_char_nfkc(code)
        if single is not None:
            table[code] = single
    for trad, simp in zip(TRADITIONAL, SIMPLIFIED, strict=True):
        table[ord(trad)] = simp
    for code in range(0x41, 0x5B):
        table[code] = chr(code + 32)
    for code in range(0xC0, 0x250):
        low = chr(code).lower()
        if len(low) == 1 and low != chr(code):
            table[code] = low
    for code in range(0x391, 0x42F + 1):
        low = chr(code).lower()
        if len(low) == 1 and low != chr(code):
            table[code] = low
    return {code: value.lower() if len(value.lower()) == 1 else value for code, value in table.items()}


def fold(text: str) -> str:
    """Fold `text` for matching; the result has exactly the same length, so offsets carry over."""
    return text.translate(_table())


def fold_char(char: str) -> str:
    """Fold one character."""
    return _table().get(ord(char), char)
