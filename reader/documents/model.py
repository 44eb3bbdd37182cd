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


def document_kind(path: Path) -> str:
    """"markdown" for .md/.markdown files, "text" for everything else."""
    return "markdown" if path.suffix.lower() in MARKDOWN_SUFFIXES else "text"


def is_supported(path: Path) -> bool:
    """Whether the library lists files with this name."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith(".")


def text_hash(text: str) -> str:
    """The content hash of a decoded text (sha1 of its UTF-8 bytes)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


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

    def line_of(self, offset: int) -> int:
        """The 1-based line number holding `offset`."""
        return self.text.count("\n", 0, max(0, offset)) + 1


_CJK_CHARS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORDS = re.compile(r"[^\W\u3400-\u9fff\uf900-\ufaff]+")
CJK_CHARS_PER_MINUTE = 300
WORDS_PER_MINUTE = 230


def reading_minutes(text: str) -> int:
    """An estimate of the minutes a reader needs: 300 Chinese characters or 230 words a minute."""
    cjk = len(_CJK_CHARS.findall(text))
    words = len(_WORDS.findall(text))
    return max(1, round(cjk / CJK_CHARS_PER_MINUTE + words / WORDS_PER_MINUTE))
