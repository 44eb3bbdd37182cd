"""Sentences to read aloud: where each is in the text, and what is said (glosses and Markdown marks left out)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from reader.text.glosses import GLOSS_PATTERN

MAX_SENTENCE = 200  # longer sentences are cut at a comma (or, failing one, here)
_END = re.compile(r"[。！？；!?;]+[”’」』）)\"']*|\.(?=\s|$)[”’」』）)\"']*")
_COMMA = re.compile(r"[，,、：:]")
_SAYABLE = re.compile(r"[\w\u3400-\u9fff\uf900-\ufaff]")
_MD_LINE = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)+")
_MD_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images are not read
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # a link reads as its text
    (re.compile(r"(\*\*|__|\*|_|`|~~)"), ""),
    (re.compile(r"\s*\{#[^}]*\}\s*$"), ""),  # attribute lists
]


@dataclass(frozen=True)
class Sentence:
    """[offset, offset + length) of the text, the words to say, and whether it is a heading (said with a pause)."""

    offset: int
    length: int
    spoken: str
    heading: bool = False


def sentences(text: str, start: int = 0, end: int | None = None, headings: frozenset[int] = frozenset(),
              skip_line: Callable[[str], bool] = lambda _line: False, markdown: bool = False) -> Iterator[Sentence]:
    """The sentences of text[start:end], in order; a sentence cut by `start` begins at `start`. Lines starting at
    an offset in `headings` are one heading sentence; lines `skip_line` accepts are left out."""
    end = len(text) if end is None else min(end, len(text))
    position = start
    while position < end:
        line_end = text.find("\n", position, end)
        line_end = end if line_end < 0 else line_end
        line_start = text.rfind("\n", 0, position) + 1
        line = text[position:line_end]
        if line.strip() and not skip_line(text[line_start:line_end].strip()):
            if line_start in headings and position == line_start:
                yield from _pieces(line, position, heading=True, markdown=markdown)
            else:
                yield from _line_sentences(line, position, markdown)
        position = line_end + 1


def _line_sentences(line: str, offset: int, markdown: bool) -> Iterator[Sentence]:
    begin = 0
    for match in _END.finditer(line):
        yield from _pieces(line[begin:match.end()], offset + begin, markdown=markdown)
        begin = match.end()
    if begin < len(line):
        yield from _pieces(line[begin:], offset + begin, markdown=markdown)


def _pieces(part: str, offset: int, heading: bool = False, markdown: bool = False) -> Iterator[Sentence]:
    """`part` (leading and trailing spaces dropped) in pieces of at most MAX_SENTENCE, cut after commas."""
    lead = len(part) - len(part.lstrip())
    part = part.strip()
    offset += lead
    while part:
        cut = len(part)
        if cut > MAX_SENTENCE:
            commas = [m.end() for m in _COMMA.finditer(part, 0, MAX_SENTENCE)]
            cut = commas[-1] if commas else MAX_SENTENCE
        piece = part[:cut]
        spoken = _spoken(piece, markdown)
        if _SAYABLE.search(spoken):
            trailing = len(piece) - len(piece.rstrip())
            yield Sentence(offset, len(piece) - trailing, spoken, heading)
        rest = part[cut:]
        skipped = len(rest) - len(rest.lstrip())
        offset += cut + skipped
        part = rest.lstrip()


def _spoken(piece: str, markdown: bool) -> str:
    """What to say for `piece`: no pinyin glosses; for Markdown, no marks, links read as their text."""
    spoken = GLOSS_PATTERN.sub("", piece)
    if markdown:
        spoken = _MD_LINE.sub("", spoken)
        for pattern, replacement in _MD_INLINE:
            spoken = pattern.sub(replacement, spoken)
    return " ".join(spoken.split())
