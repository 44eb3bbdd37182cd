"""The Document model: one decoded text, the single offset space for everything else."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt"})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES
_CHUNK_CHARS = 1 << 18  # text is hashed and counted in slices this long: short GIL holds, little memory


def document_kind(path: Path) -> str:
    """"markdown" for .md/.markdown files, "text" for everything else."""
    return "markdown" if path.suffix.lower() in MARKDOWN_SUFFIXES else "text"


def is_supported(path: Path) -> bool:
    """Whether the library lists files with this name."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith(".")


def text_hash(text: str) -> str:
    """The content hash of a decoded text (sha1 of its UTF-8 bytes), encoded a slice at a time: one encode of
    a 60 MB text holds the GIL ~50 ms, and a worker hashing would stall the UI thread that long."""
    digest = hashlib.sha1()
    for start in range(0, len(text), _CHUNK_CHARS):
        digest.update(text[start : start + _CHUNK_CHARS].encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@dataclass(frozen=True)
class Document:
    """A decoded document: `text` is BOM-free with `\\n` newlines; all offsets index into it."""

    path: Path
    text: str
    encoding: str
    size_bytes: int
    kind: str = "text"
    encoding_overridden: bool = False
    replacements: int = 0  # U+FFFD characters the decoding put in place of bytes it could not decode

    @property
    def name(self) -> str:
        return self.path.name

    @cached_property
    def content_hash(self) -> str:
        """sha1 of the decoded text, computed once."""
        return text_hash(self.text)


_CJK = "\u3400-\u9fff\uf900-\ufaff"
CJK_CHARS_PER_MINUTE = 300
WORDS_PER_MINUTE = 230
_OTHER_WORD_RUNS = re.compile(f"[^\\W\\x00-\\x7f{_CJK}]+")  # runs of word characters that are not ASCII or CJK


def _byte_classes(marks: dict[str, bytes]) -> bytes:
    """A bytes.translate table mapping every byte in each value to its key, and any other byte to " "."""
    table = bytearray(b" " * 256)
    for mark, members in marks.items():
        for byte in members:
            table[byte] = ord(mark)
    return bytes(table)


# In UTF-16-LE every BMP character is two bytes, the second its high byte: 0x34..0x9F for U+3400..U+9FFF and
# 0xF9..0xFA for U+F900..U+FAFF ("C"). Characters beyond the BMP are surrogate pairs (0xD8..0xDF): not CJK here.
_UTF16_HIGH_CJK = _byte_classes({"C": bytes(range(0x34, 0xA0)) + b"\xf9\xfa"})
_ASCII_WORD = _byte_classes({"w": b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"})


def _cjk_count(text: str) -> int:
    """How many characters of `text` are in U+3400..U+9FFF or U+F900..U+FAFF (the CJK ideographs)."""
    high_bytes = text.encode("utf-16-le", "surrogatepass")[1::2]
    return high_bytes.translate(_UTF16_HIGH_CJK).count(b"C")


def _ascii_words(text: str) -> bytes:
    """`text` as ASCII bytes with the same runs of word characters: other word runs become "a", and every
    other character that is not ASCII (CJK, punctuation) becomes "?"."""
    if not text.isascii():
        text = _OTHER_WORD_RUNS.sub("a", text)
    return text.encode("ascii", "replace")


def reading_counts(text: str) -> tuple[int, int]:
    """(CJK characters, runs of other word characters) in `text`, counted slice by slice.

    The same counts as `len(re.findall(...))` with the two character classes, without a list of matches."""
    cjk = words = 0
    before = b" "  # the class of the character before the slice: a word that goes on is counted once
    for start in range(0, len(text), _CHUNK_CHARS):
        piece = text[start : start + _CHUNK_CHARS]
        if not piece.isascii():
            cjk += _cjk_count(piece)
        marks = (before + _ascii_words(piece)).translate(_ASCII_WORD)
        words += marks.count(b" w")
        before = marks[-1:]
    return cjk, words


def reading_minutes(text: str) -> int:
    """An estimate of the minutes a reader needs: 300 Chinese characters or 230 words a minute."""
    cjk, words = reading_counts(text)
    return max(1, round(cjk / CJK_CHARS_PER_MINUTE + words / WORDS_PER_MINUTE))
