"""Exact matching by scanning folded text: every occurrence of a term, as source (offset, length)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from reader.search.analysis import CJK_CLASS, WORD_CLASS, Folded, Vocabulary
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
def _prefix_pattern(prefix: str) -> re.Pattern:
    """Whole words starting with `prefix` (the character before is checked by the caller)."""
    return re.compile(re.escape(prefix) + f"[{WORD_CLASS}]*")


def _words_pattern(stems: tuple[str, ...], vocabulary: Vocabulary) -> re.Pattern:
    """Whole words with these stems (any form `vocabulary` knows), in order, separated by non-word,
    non-CJK characters (the character before the match is checked by the caller: a leading
    look-behind would slow the scan)."""
    def make() -> re.Pattern:
        words = ["(?:" + "|".join(map(re.escape, vocabulary.variants(root))) + f")(?![{WORD_CLASS}])"
                 for root in stems]
        return re.compile(_GAP.join(words))

    return vocabulary.memo(("words", stems), make)


def own_vocabulary(doc: Prepared) -> Vocabulary:
    """A vocabulary of `doc`'s own words (for matching in one document outside a SearchService)."""
    vocabulary = Vocabulary()
    vocabulary.register_words(doc.folded.text)
    return vocabulary


def _word_spans(
    doc: Prepared, stems: tuple[str, ...], vocabulary: Vocabulary | None, prefix: bool = False
) -> list[Span]:
    text, out = doc.folded.text, []
    if prefix:
        pattern = _prefix_pattern(stems[0])
    else:
        pattern = _words_pattern(stems, vocabulary if vocabulary is not None else own_vocabulary(doc))
    is_word = _WORD_CHAR.match
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
    if folded.glosses is None and raw_text is None:
        return [(i, size) for i in _find_all(folded.text, needle)]
    if raw_text is None:
        return _mapped(_find_all(folded.text, needle), size, folded.glosses)
    spans = {folded.span(i, i + size) for i in _find_all(folded.text, needle)}
    if raw_text is not None:
        spans.update((i, len(needle)) for i in _find_all(raw_text, needle))
    return sorted(spans)


def _mapped(starts: list[int], size: int, glosses) -> list[Span]:
    """`Folded.span(i, i + size)` for sorted gloss-free `starts`, walking the gloss cuts once instead
    of a binary search per hit (sorted and distinct, as the starts are)."""
    cuts, ends, out = glosses.cuts, glosses.ends, []
    count, last = len(cuts), size - 1
    k = j = 0  # cuts <= start, cuts <= start + size - 1
    shift = shift_end = 0
    for start in starts:
        while k < count and cuts[k] <= start:
            shift = ends[k]
            k += 1
        if j < k:
            j, shift_end = k, shift
        while j < count and cuts[j] <= start + last:
            shift_end = ends[j]
            j += 1
        out.append((start + shift, size + shift_end - shift))
    return out


def term_spans(doc: Prepared, term: Term, vocabulary: Vocabulary | None = None) -> list[Span]:
    """Every exact occurrence of `term` in `doc`, sorted. A word term matches the forms of its stems
    `vocabulary` knows (which must have registered `doc`); None: the forms in `doc` itself."""
    if term.kind == "literal":
        # Only a needle holding a character a gloss can hold may match inside one; others are all
        # found in the gloss-free text, so the folded source (a slow fold) is not needed for them.
        raw = doc.raw_folded if _GLOSS_CHARS.intersection(term.text) else None
        return literal_spans(doc.folded, term.text, raw)
    if term.kind == "prefix":
        return _word_spans(doc, (term.text,), None, prefix=True)
    return _word_spans(doc, term.stems, vocabulary)


def evaluate(node: Node, spans: dict[Term, list[Span]]) -> bool:
    """Whether the document whose term occurrences are `spans` matches `node`."""
    return evaluate_with(node, lambda term: bool(spans.get(term)))


def match_terms(
    doc: Prepared, node: Node, terms: list[Term], vocabulary: Vocabulary | None = None
) -> dict[Term, list[Span]] | None:
    """Every term's spans (sorted) if `doc` matches `node`, else None."""
    spans = {term: term_spans(doc, term, vocabulary) for term in terms}
    return spans if evaluate(node, spans) else None


def merge_spans(spans: dict[Term, list[Span]], positive: list[Term]) -> list[Span]:
    """The hits a matching document lists: the positive terms' spans, sorted and distinct."""
    if len(positive) == 1:
        return spans[positive[0]]  # already sorted and distinct
    return sorted({span for term in positive for span in spans[term]})


def match_document(
    doc: Prepared, node: Node, terms: list[Term], positive: list[Term], vocabulary: Vocabulary | None = None
) -> list[Span]:
    """The spans of the positive terms if `doc` matches `node`, else []."""
    spans = match_terms(doc, node, terms, vocabulary)
    return merge_spans(spans, positive) if spans is not None else []


def _has_border(needle: str) -> bool:
    """Whether two occurrences of `needle` can overlap (a proper prefix is also a suffix)."""
    return any(needle[:size] == needle[-size:] for size in range(1, len(needle)))


def _plain_literal(doc: Prepared, term: Term) -> bool:
    """Whether `term`'s spans are exactly its occurrences in the gloss-free folded text (distinct
    occurrences map to distinct spans; the glossed source is searched only for gloss characters)."""
    return term.kind == "literal" and (doc.folded.glosses is None or not _GLOSS_CHARS.intersection(term.text))


def term_count(doc: Prepared, term: Term, vocabulary: Vocabulary | None = None) -> int:
    """How many spans `term_spans(doc, term)` would give, counted at C speed where possible."""
    if _plain_literal(doc, term) and not _has_border(term.text):
        return doc.folded.text.count(term.text)
    return len(term_spans(doc, term, vocabulary))


def term_present(doc: Prepared, term: Term, vocabulary: Vocabulary | None = None) -> bool:
    """Whether `term` occurs in `doc` at all."""
    if _plain_literal(doc, term):
        return term.text in doc.folded.text
    return bool(term_spans(doc, term, vocabulary))


def summable(positive: list[Term]) -> bool:
    """Whether no two positive terms can give the same span (then a document's hits are the sum of its
    terms' counts): only word and prefix terms can (turtle / turtles / tur*)."""
    stems = [term.stems for term in positive if term.kind == "words"]
    prefixes = sum(term.kind == "prefix" for term in positive)
    return len(stems) == len(set(stems)) and (prefixes == 0 or (prefixes == 1 and not stems))


def count_document(
    doc: Prepared | None,
    node: Node,
    terms: list[Term],
    positive: list[Term],
    known: dict[Term, int] | None = None,
    vocabulary: Vocabulary | None = None,
) -> int:
    """How many hits `match_document` would list for `doc` (0 if it does not match), counted without
    making the spans when the terms allow it. `known`: exact counts of some terms in this document
    (from the index); `doc` may be None only if every term is known and the terms are summable."""
    known = known or {}
    if not summable(positive):
        return len(match_document(doc, node, terms, positive, vocabulary))
    counts: dict[Term, int] = {}
    present: dict[Term, bool] = {}
    for term in terms:
        if term in known:
            present[term] = known[term] > 0
            if term in positive:
                counts[term] = known[term]
        elif term in positive:
            counts[term] = term_count(doc, term, vocabulary)
            present[term] = counts[term] > 0
    if not evaluate_with(node, lambda term: present[term] if term in present else present.setdefault(
            term, term_present(doc, term, vocabulary))):
        return 0
    return sum(counts.values())


def index_hits(node: Node, positive: list[Term], counts: dict[Term, dict[str, int]],
               universe: set[str]) -> dict[str, int]:
    """document -> hits, for the documents of `universe` that match `node`, as `count_document` counts
    them from `known` counts, for all of them at once: `counts` holds every term's exact counts per
    document (the index's), the terms are summable. Set operations instead of a test per document."""
    hits = dict.fromkeys(_index_matches(node, counts, universe), 0)
    for term in positive:
        for key, count in counts[term].items():
            if key in hits:
                hits[key] += count
    return {key: count for key, count in hits.items() if count}


def _index_matches(node: Node, counts: dict[Term, dict[str, int]], universe: set[str]) -> set[str]:
    if isinstance(node, Term):
        return {key for key, count in counts[node].items() if count > 0 and key in universe}
    if isinstance(node, Not):
        return universe - _index_matches(node.child, counts, universe)
    parts = (_index_matches(child, counts, universe) for child in node.children)
    if isinstance(node, And):
        return set(universe).intersection(*parts)
    assert isinstance(node, Or)
    return set().union(*parts)


def evaluate_with(node: Node, has: Callable[[Term], bool]) -> bool:
    """`evaluate` with a (lazy) presence test per term."""
    if isinstance(node, Term):
        return has(node)
    if isinstance(node, Not):
        return not evaluate_with(node.child, has)
    if isinstance(node, And):
        return all(evaluate_with(child, has) for child in node.children)
    assert isinstance(node, Or)
    return any(evaluate_with(child, has) for child in node.children)


def find_in_text(text: str, query: str) -> list[Span]:
    """Find-in-document: (offset, length) of every match of `query` in `text`, with search folding.

    Raises QueryError for a malformed query.
    """
    from pathlib import Path

    from reader.search.prepare import prepare_text
    from reader.search.query import all_terms, parse_query, positive_terms

    node = parse_query(query)
    doc = prepare_text(Path("."), text, compact=False)
    vocabulary = own_vocabulary(doc)
    spans = {term: term_spans(doc, term, vocabulary) for term in all_terms(node)}
    return sorted({span for term in positive_terms(node) for span in spans[term]})
