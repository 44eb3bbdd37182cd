"""Best-passage rerank of the listed documents: a document's score comes from its best passages.

The index holds one record per document, so its score (BM25 over the terms' counts, or whoosh's BM25F
over their grams; title and headings boosted) is per whole document. Each LISTED document (its hits are
already found) is split into passages, its outline sections: from one heading's offset to the next one's
(the text before the first heading is a passage too; a document without headings is one passage). Each
passage gets a BM25 score over the query's positive terms:

    passage = sum over terms of idf(t) * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))

where tf = the term's hits in the passage, a hit inside the passage's heading line or inside the
document's title counting `1 + HEADING_BOOST`; `length` is the passage's length in characters and
`average` the average passage length OF THAT DOCUMENT; idf = log(1 + (N - df + 0.5) / (df + 0.5)) from
the index's document counts where the index counts the term exactly, else the mean idf of the other
terms (1.0 if none is known). The document's passage score = best + ½ second + ¼ third.

The final score mixes both, each normalised by its maximum over the listed documents:

    score = WHOOSH_SHARE * whoosh / max(whoosh) + (1 - WHOOSH_SHARE) * passages / max(passages)

so it lies in [0, 1] and compares documents of one response only. Ties go by path.
Cost: O(sections * log hits) per term per listed document; nothing else is loaded.
"""

from __future__ import annotations

import math
from bisect import bisect_left

from reader.search.analysis import fold
from reader.search.prepare import Prepared
from reader.search.query import Term

Span = tuple[int, int]
K1, B = 1.2, 0.75
HEADING_BOOST = 2.0  # a hit in a heading line or the title counts as 3 hits
PASSAGE_WEIGHTS = (1.0, 0.5, 0.25)  # best, second and third passage
WHOOSH_SHARE = 0.3
TITLE_WINDOW = 4000  # the title is looked for in the document's first characters
HEADING_LINE_MAX = 500


def idf(df: int, total: int) -> float:
    """BM25 idf (never negative)."""
    return math.log(1.0 + (total - df + 0.5) / (df + 0.5))


def term_idfs(terms: list[Term], counts: dict[Term, dict[str, int]], total: int) -> dict[Term, float]:
    """idf of each term from the index's counts; the mean of the known ones (or 1.0) for the others."""
    known = {term: idf(len(counts[term]), total) for term in terms if term in counts and total > 0}
    default = sum(known.values()) / len(known) if known else 1.0
    return {term: known.get(term, default) for term in terms}


def _title_range(doc: Prepared) -> tuple[int, int] | None:
    """Where the document's title stands in its first characters (source offsets), if it does."""
    title = doc.title.strip()
    if not title:
        return None
    head = doc.source.full_window(0, min(len(doc.source), TITLE_WINDOW))
    at = head.find(fold(title))
    return (at, at + len(title)) if at >= 0 else None


def _line_end(doc: Prepared, start: int, limit: int) -> int:
    window = doc.source.full_window(start, min(limit, start + HEADING_LINE_MAX))
    newline = window.find("\n")
    return start + newline if newline >= 0 else start + len(window)


def _count(spans: list[Span], start: int, end: int) -> int:
    return bisect_left(spans, (end,)) - bisect_left(spans, (start,))


def passage_score(doc: Prepared, spans: dict[Term, list[Span]], idfs: dict[Term, float]) -> float:
    """best + ½ second + ¼ third passage's BM25 score (see the module docstring)."""
    size = len(doc.source)
    headings = doc.section_starts
    bounds = sorted({0, *(s for s in headings if 0 <= s < size)}) if size else [0]
    ends = bounds[1:] + [max(size, 1)]
    average = max(size, 1) / len(bounds)
    heading_set = set(headings)
    title = _title_range(doc)
    scores: list[float] = []
    tfs: list[dict[Term, float]] = [{} for _ in bounds]
    for term, found in spans.items():
        if not found or term not in idfs:
            continue
        # hits per passage by bisecting the boundaries into the sorted spans
        cuts = [bisect_left(found, (b,)) for b in bounds] + [len(found)]
        for i in range(len(bounds)):
            hits = cuts[i + 1] - cuts[i]
            if hits:
                tfs[i][term] = hits
    for i, tf in enumerate(tfs):
        if not tf:
            continue
        start, end = bounds[i], ends[i]
        boosted: list[tuple[int, int]] = []
        if start in heading_set:
            boosted.append((start, _line_end(doc, start, end)))
        if title is not None and title[0] < end and title[1] > start:
            boosted.append((max(start, title[0]), min(end, title[1])))
        if len(boosted) == 2 and boosted[1][0] < boosted[0][1] and boosted[0][0] < boosted[1][1]:
            boosted = [(min(boosted[0][0], boosted[1][0]), max(boosted[0][1], boosted[1][1]))]
        norm = K1 * (1.0 - B + B * (end - start) / average)
        score = 0.0
        for term, hits in tf.items():
            extra = sum(_count(spans[term], a, b) for a, b in boosted)
            weighted = hits + HEADING_BOOST * extra
            score += idfs[term] * weighted * (K1 + 1.0) / (weighted + norm)
        scores.append(score)
    scores.sort(reverse=True)
    return sum(w * s for w, s in zip(PASSAGE_WEIGHTS, scores, strict=False))


def rerank(results: list, whoosh: list[float], passages: list[float]) -> None:
    """Set each result's score from its whoosh score and passage score (parallel lists) and sort
    `results` best first, ties by path."""
    top_whoosh, top_passage = max(whoosh, default=0.0), max(passages, default=0.0)
    for result, w, p in zip(results, whoosh, passages, strict=True):
        w_norm = w / top_whoosh if top_whoosh > 0 else 0.0
        p_norm = p / top_passage if top_passage > 0 else 0.0
        result.score = WHOOSH_SHARE * w_norm + (1.0 - WHOOSH_SHARE) * p_norm
    results.sort(key=lambda r: (-r.score, str(r.path)))


__all__ = ["passage_score", "rerank", "term_idfs"]
