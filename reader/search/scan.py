"""Exact matching by scanning folded text: every occurrence of a term, as source (offset, length)."""

from __future__ import annotations

from reader.search.analysis import CJK_RE, WORD_RE, Folded, fold, stem
from reader.search.prepare import Prepared
from reader.search.query import And, Node, Not, Or, Term

Span = tuple[int, int]


def _find_all(haystack: str, needle: str) -> list[int]:
    """Start of every occurrence, overlapping ones included."""
    found, index = [], haystack.find(needle)
    while index >= 0:
        found.append(index)
        index = haystack.find(needle, index + 1)
    return found


def _words(doc: Prepared) -> list[tuple[int, int, str]]:
    if doc._words is None:
        doc._words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(doc.folded.text)]
    return doc._words


def literal_spans(folded: Folded, needle: str, raw_text: str | None = None) -> list[Span]:
    """Occurrences of `needle` in the gloss-free folded text (and in the folded source, if given)."""
    size = len(needle)
    if folded.origin is None and raw_text is None:
        return [(i, size) for i in _find_all(folded.text, needle)]
    spans = {folded.span(i, i + size) for i in _find_all(folded.text, needle)}
    if raw_text is not None:
        spans.update((i, len(needle)) for i in _find_all(raw_text, needle))
    return sorted(spans)


def _phrase_spans(doc: Prepared, term: Term) -> list[Span]:
    words, text, out = _words(doc), doc.folded.text, []
    first, size = term.stems[0], len(term.stems)
    for i, (start, _end, word) in enumerate(words):
        if stem(word) != first or i + size > len(words):
            continue
        ok = all(
            stem(words[i + k][2]) == term.stems[k]
            and not CJK_RE.search(text, words[i + k - 1][1], words[i + k][0])
            for k in range(1, size)
        )
        if ok:
            out.append(doc.folded.span(start, words[i + size - 1][1]))
    return out


def term_spans(doc: Prepared, term: Term) -> list[Span]:
    """Every exact occurrence of `term` in `doc`, sorted."""
    if term.kind == "literal":
        return literal_spans(doc.folded, term.text, doc.raw_folded)
    if term.kind == "prefix":
        return [doc.folded.span(s, e) for s, e, word in _words(doc) if word.startswith(term.text)]
    return _phrase_spans(doc, term)


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
    doc = Prepared(Document(Path("."), text, "utf-8", len(text)), fold_for_search(text), "", 0.0)
    spans = {term: term_spans(doc, term) for term in all_terms(node)}
    return sorted({span for term in positive_terms(node) for span in spans[term]})
