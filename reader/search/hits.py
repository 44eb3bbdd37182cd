"""Result records: hits with exact offsets and snippets, per-document results, the response."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from reader.search.messages import Message

MARK_OPEN, MARK_CLOSE = "«", "»"
BEFORE_CHARS, AFTER_CHARS = 30, 50


@dataclass(frozen=True)
class Hit:
    """One match: `text[offset:offset + length]` of the document. `snippet` marks it «like this»;
    `before`/`match`/`after` are the same snippet in parts, for a UI that bolds the match."""

    offset: int
    length: int
    section: str
    before: str
    match: str
    after: str

    @property
    def snippet(self) -> str:
        return f"{self.before}{MARK_OPEN}{self.match}{MARK_CLOSE}{self.after}"

    def to_json(self) -> dict:
        return {"offset": self.offset, "length": self.length, "section": self.section, "snippet": self.snippet}


class HitList(Sequence):
    """A document's hits, made on demand from (offset, length) spans: listing 30,000 hits of one
    character costs nothing until they are read. Behaves as a read-only list of `Hit`.
    `text` is the document's text, or a `Source` that rebuilds windows of it."""

    __slots__ = ("text", "spans", "section_at", "_made")

    def __init__(self, text, spans: list[tuple[int, int]], section_at: Callable[[int], str]) -> None:
        self.text, self.spans, self.section_at = text, spans, section_at
        self._made: dict[int, Hit] = {}

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self.spans)))]
        if index < 0:
            index += len(self.spans)
        hit = self._made.get(index)
        if hit is None:
            offset, length = self.spans[index]
            hit = self._made[index] = make_hit(self.text, offset, length, self.section_at(offset))
        return hit

    def __eq__(self, other) -> bool:
        if isinstance(other, HitList) and other.text is self.text:
            return other.spans == self.spans
        return isinstance(other, (list, tuple, HitList)) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"HitList({len(self.spans)} hits)"


@dataclass
class DocumentResult:
    """Every hit in one document, in text order."""

    path: Path
    title: str
    score: float
    hits: list[Hit] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "path": str(self.path),
            "title": self.title,
            "score": round(self.score, 4),
            "hits": [hit.to_json() for hit in self.hits],
        }


@dataclass
class SearchResponse:
    """`total_hits` counts every hit in EVERY matching document in the scope, listed or not (the same
    hits a document would list: overlapping occurrences count); `total_documents` counts those
    documents, `results` lists the best `limit` of them (`more`: others matched too); `problem` is set
    for a malformed query (`error`: its English text); `notes` are structured notes such as
    "3 documents not indexed yet were scanned" (`status`: their English texts). `cancelled`: the search
    was stopped before its end, so the rest is incomplete (show nothing of it)."""

    query: str
    elapsed_ms: float = 0.0
    results: list[DocumentResult] = field(default_factory=list)
    problem: Message | None = None
    notes: list[Message] = field(default_factory=list)
    more: bool = False  # more documents matched than `limit`
    unlisted_hits: int = 0  # hits in the matching documents beyond the best `limit`
    unlisted_documents: int = 0
    cancelled: bool = False
    total_exact: bool = True  # False: total_hits (and total_documents) are lower bounds

    @property
    def error(self) -> str | None:
        """Why the query is malformed, in English (None if it is not)."""
        return self.problem.text if self.problem is not None else None

    @property
    def status(self) -> list[str]:
        """The notes in English."""
        return [note.text for note in self.notes]

    @property
    def total_hits(self) -> int:
        return sum(len(result.hits) for result in self.results) + self.unlisted_hits

    @property
    def total_documents(self) -> int:
        return len(self.results) + self.unlisted_documents

    def to_json(self) -> dict:
        payload = {
            "query": self.query,
            "elapsed_ms": round(self.elapsed_ms, 2),
            "total_hits": self.total_hits,
            "total_exact": self.total_exact,
            "results": [result.to_json() for result in self.results],
        }
        if self.problem is not None:
            payload["error"] = self.problem.text
            payload["error_code"] = self.problem.code
        if self.cancelled:
            payload["cancelled"] = True
        return payload


def _clean(text: str) -> str:
    return text.replace("\n", " ").replace("\t", " ")


class _Plain:
    """A plain text as a `Source`."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __len__(self) -> int:
        return len(self.text)

    def window(self, start: int, end: int) -> str:
        return self.text[start:end]

    full_window = window


def make_hit(source, offset: int, length: int, section: str) -> Hit:
    """A hit with a one-line snippet around `offset`, cut at paragraph ends. `source`: the text, or a
    `Source` (paragraphs are found in its folded text, which has the same newlines and offsets)."""
    if isinstance(source, str):
        source = _Plain(source)
    size = len(source)
    first, last = max(0, offset - BEFORE_CHARS), min(size, offset + length + AFTER_CHARS)
    around = source.full_window(first, last)
    paragraph = around.rfind("\n\n", 0, offset - first)
    start = first + paragraph + 2 if paragraph >= 0 else first
    paragraph = around.find("\n\n", offset + length - first, last - first)
    end = first + paragraph if paragraph >= 0 else last
    window = source.window(start, end)
    offset_in, end_in = offset - start, offset + length - start
    before = ("…" if start > 0 else "") + _clean(window[:offset_in]).lstrip()
    after = _clean(window[end_in:]).rstrip() + ("…" if end < size else "")
    return Hit(offset, length, section, before, _clean(window[offset_in:end_in]), after)
