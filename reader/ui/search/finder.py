"""Find in one text (Qt-free): the text is folded once, then each query costs only its matching."""

from __future__ import annotations

import threading
from pathlib import Path

from reader.search.prepare import prepare_text
from reader.search.query import all_terms, parse_query, positive_terms
from reader.search.scan import find_in_text, own_vocabulary, term_spans

Span = tuple[int, int]
NEAR_CHARS = 20_000  # how far ahead `find_near` looks
_BACK_CHARS = 64  # context before the window, so that word borders at its start are judged right


class TextFinder:
    """`find_in_text` over one text, its preparation (folding, vocabulary) kept between queries.
    Thread-safe: a worker may prepare and search while the UI thread asks `find_near`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lock = threading.Lock()
        self._prepared = None

    def _doc(self):
        with self._lock:
            if self._prepared is None:
                doc = prepare_text(Path("."), self.text, compact=False)
                self._prepared = (doc, own_vocabulary(doc))
            return self._prepared

    def find(self, query: str) -> list[Span]:
        """(offset, length) of every match of `query`, as `find_in_text` gives; raises QueryError."""
        node = parse_query(query)
        doc, vocabulary = self._doc()
        spans = {term: term_spans(doc, term, vocabulary) for term in all_terms(node)}
        return sorted({span for term in positive_terms(node) for span in spans[term]})

    def find_near(self, query: str, start: int, size: int = NEAR_CHARS) -> Span | None:
        """The first match at or after `start` within `size` characters (None if none there): cheap,
        for showing the nearest hit before every hit is counted. Raises QueryError."""
        low = max(0, start - _BACK_CHARS)
        window = self.text[low : start + size]
        whole_tail = low + len(window) == len(self.text)
        for offset, length in find_in_text(window, query):
            if offset + low >= start and (whole_tail or offset + length < len(window) - _BACK_CHARS):
                return offset + low, length  # not cut by the window's end
        return None
