"""Exact matching by scanning folded text: every occurrence of a term, as source (offset, length)."""

from __future__ import annotations

import re
from functools import lru_cache

from reader.search.analysis import CJK_CLASS, WORD_CLASS, Folded, register_words, variants, words_generation
from reader.search.prepare import Prepared
from reader.search.query import And, Node, Not, Or, Term

Span = tuple[int, int]
_GLOSS_CHARS = frozenset("()（）abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ")


def _find_all(haystack: str, needle: str) -> list[int]:
    """Start of every occurrence, overlapping ones included."""
    found, index = [], haystack.find(needle)
    while index >= 0:
        found.append(index)
        index = haystack.find(needle, index + 1)
    return found


_WORD_CHAR = re.compile(f"[{WORD_CLASS}]")
_GAP = f"[^{WORD_CLASS}{CJK_CLASS}]+"  # between two words of a phrase: no word or CJK character


@lru_cache(maxsize=256)
def _pattern(stems: tuple[str, ...], prefix: bool, _generation: int) -> re.Pattern:
    """Whole words with these stems, in order, separated by non-word, non-CJK characters (the
    character before the match is checked by the caller: a leading look-behind would slow the scan)."""
    if prefix:
        return re.compile(re.escape(stems[0]) + f"[{WORD_CLASS}]*")
    words = ["(?:" + "|".join(map(re.escape, variants(root))) + f")(?![{WORD_CLASS}])" for root in stems]
    return re.compile(_GAP.join(words))


def _word_spans(doc: Prepared, stems: tuple[str, ...], prefix: bool = False) -> list[Span]:
    text, out = doc.folded.text, []
    pattern, is_word = _pattern(stems, prefix, words_generation()), _WORD_CHAR.match
    match = pattern.search(text)
    while match is not None:
        start = match.start()
        if start == 0 or not is_word(text, start - 1):
            out.append(doc.folded.span(start, match.end()))
        match = pattern.search(text, start + 1)
    return out


def literal_spans(folded: Folded, needle: str, raw_text: str | None = None) -> list[Span]:
    """Occurrences of `needle` in the gloss-free folded text (and in the folded source, if given)."""
    size = len(needle)
    if folded.origin is None and raw_text is None:
        return [(i, size) for i in _find_all(folded.text, needle)]
    spans = {folded.span(i, i + size) for i in _find_all(folded.text, needle)}
    if raw_text is not None:
        spans.update((i, len(needle)) for i in _find_all(raw_text, needle))
    return sorted(spans)


def term_spans(doc: Prepared, term: Term) -> list[Span]:
    """Every exact occurrence of `term` in `doc`, sorted."""
    if term.kind == "literal":
        # Only a needle holding a character a gloss can hold may match inside one; others are all
        # found in the gloss-free text, so the folded source (a slow fold) is not needed for them.
        raw = doc.raw_folded if _GLOSS_CHARS.intersection(term.text) else None
        return literal_spans(doc.folded, term.text, raw)
    if term.kind == "prefix":
        return _word_spans(doc, (term.text,), prefix=True)
    return _word_spans(doc, term.stems)


def evaluate(node: Node, spans: dict[Term, list[Span]]) -> bool:
    """Whether the document whose term occurrences are `spans` matches `node`."""
    if isinstance(node, Term):
        return bool(spans.get(node))
    if isinstance(node, Not):
        return not evaluate(node.child, spans)
    if isinstance(node, And):
        return all(evaluate(child, spans) for child in node.children)
    assert isinstance(node, Or)
    return any(evaluate(child, spans) for child in node.children)


def match_document(doc: Prepared, node: Node, terms: list[Term], positive: list[Term]) -> list[Span]:
    """The spans of the positive terms if `doc` matches `node`, else []."""
    spans = {term: term_spans(doc, term) for term in terms}
    if not evaluate(node, spans):
        return []
    return sorted({span for term in positive for span in spans[term]})


def find_in_text(text: str, query: str) -> list[Span]:
    """Find-in-document: (offset, length) of every match of `query` in `text`, with search folding.

    Raises QueryError for a malformed query.
    """
    from reader.documents import Document
    from pathlib import Path

    from reader.search.analysis import fold_for_search
    from reader.search.query import all_terms, parse_query, positive_terms

    node = parse_query(query)
    folded = fold_for_search(text)
    register_words(folded.text)
    doc = Prepared(Document(Path("."), text, "utf-8", len(text)), folded, "", 0.0)
    spans = {term: term_spans(doc, term) for term in all_terms(node)}
    return sorted({span for term in positive_terms(node) for span in spans[term]})
