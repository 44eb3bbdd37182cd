"""Candidate documents and passage scores from whoosh (a superset; scanning decides exact hits)."""

from __future__ import annotations

import heapq
from operator import itemgetter

from whoosh import query as wq
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F

from reader.search.analysis import cjk_runs, is_cjk, stem, unpack_positions
from reader.search.query import And, Node, Not, Or, Term
from reader.search.rank import K1, B, idf
from reader.search.schema import HEAD_BOOST

DocSet = set[str] | None  # None: every document (nothing to narrow by)


def _grams(term: Term) -> list[tuple[str, str]]:
    """(field, term) pairs a document must hold to contain `term`."""
    if term.kind == "words":
        return [("body", s) for s in term.stems]
    if term.kind == "prefix":
        return []
    out: list[tuple[str, str]] = []
    for run in cjk_runs(term.text):
        if len(run) == 1:
            out.append(("chars", run))
        out.extend(("body", run[i : i + 2]) for i in range(len(run) - 1))
    return list(dict.fromkeys(out))


def is_exact(term: Term) -> bool:
    """Whether the index alone decides if a document contains `term`."""
    if term.kind == "words":
        return len(term.stems) == 1
    return is_cjk(term.text) and len(term.text) <= 2 and cjk_runs(term.text) == [term.text]


def counted_gram(term: Term) -> tuple[str, str] | None:
    """The (field, term) whose posting weights count exactly the hits `term` lists in a document, or
    None. A CJK literal of 1 character (`chars`: every occurrence) or 2 (`body` bigrams: overlapping
    occurrences, never across a non-CJK character, like the scan); a single English word whose stem is
    its own stem (`body` stems count every whole word with that stem, which are the words the scan
    lists; a stem that stems to something else is listed where typed but not counted, so scan it).
    Index and scan read the same gloss-free folded text."""
    if term.kind == "words":
        if len(term.stems) == 1 and stem(term.stems[0]) == term.stems[0]:
            return ("body", term.stems[0])
        return None
    if term.kind == "literal" and 1 <= len(term.text) <= 2 and cjk_runs(term.text) == [term.text]:
        return ("chars", term.text) if len(term.text) == 1 else ("body", term.text)
    return None


def chained(term: Term) -> bool:
    """Whether `term` is a run of 3 or more CJK characters, whose occurrences in a document are the
    places where its bigrams follow one another (counted from the positions in `body` postings)."""
    return term.kind == "literal" and len(term.text) >= 3 and cjk_runs(term.text) == [term.text]


def chain_starts(lists: list[list[int]]) -> set[int]:
    """The positions p that have p + k in lists[k] for every k (lists[0] holding p itself)."""
    starts = set(lists[0])
    for k in range(1, len(lists)):
        if not starts:
            break
        starts.intersection_update([place - k for place in lists[k]])
    return starts


class Candidates:
    """Per-searcher helpers: documents holding a term, and document scores."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        reader = searcher.reader()
        count = reader.doc_count_all()
        column = reader.column_reader("path") if count and reader.has_column("path") else None
        self.paths = [column[i] for i in range(count)] if column is not None else []
        self._cache: dict[tuple[str, str], set[str]] = {}
        self._counts: dict[tuple, dict[str, int]] = {}
        self._body_lengths: dict[str, int] | None = None

    def term_counts(self, term: Term) -> dict[str, int] | None:
        """path -> how many hits `term` has in each live indexed document holding it (from the
        posting weights), or None if the index does not count `term` exactly (see `counted_gram`)."""
        if chained(term):
            return self._chain_counts(term.text)
        gram = counted_gram(term)
        if gram is None:
            return None
        return self._gram_counts(*gram)

    def _chain_counts(self, text: str) -> dict[str, int]:
        """path -> occurrences of the CJK run `text` (3+ characters), overlapping ones included."""
        key = ("chain", text)
        found = self._counts.get(key)
        if found is None:
            found = {path: len(starts) for path, starts in self._chain_places(text).items()}
            self._counts[key] = found
        return found

    def _chain_places(self, text: str) -> dict[str, set[int]]:
        """path -> where the CJK run `text` (2+ characters) starts: the positions p where bigram k of
        `text` starts at p + k for every k. Reads the postings of its bigrams, driven by the rarest, in
        the documents holding them all; never the text."""
        key = ("places", text)
        found = self._counts.get(key)
        if found is not None:
            return found
        grams = [text[i : i + 2] for i in range(len(text) - 1)]
        reader, paths, found = self.searcher.reader(), self.paths, {}
        try:
            order = sorted(set(grams), key=lambda gram: reader.doc_frequency("body", gram))
            matchers = {gram: reader.postings("body", gram) for gram in order}
        except TermNotFound:
            matchers = None
        if matchers is not None and all(m.is_active() for m in matchers.values()):
            lead, others = matchers[order[0]], [matchers[gram] for gram in order[1:]]
            while lead.is_active():
                docnum = lead.id()
                packed = {order[0]: lead.value()}
                for gram, matcher in zip(order[1:], others, strict=True):
                    if matcher.id() < docnum:
                        matcher.skip_to(docnum)
                    if not matcher.is_active() or matcher.id() != docnum:
                        break
                    packed[gram] = matcher.value()
                else:
                    places = {gram: unpack_positions(value) for gram, value in packed.items()}
                    starts = chain_starts([places[gram] for gram in grams])
                    if starts:
                        found[paths[docnum]] = starts
                if any(not m.is_active() for m in others):
                    break
                lead.next()
        if len(self._counts) >= 256:
            self._counts.clear()
        self._counts[key] = found
        return found

    def _docs(self, q: wq.Query) -> set[str]:
        paths = self.paths
        return {paths[n] for n in self.searcher.docs_for_query(q)}

    def term_docs(self, term: Term) -> tuple[DocSet, bool]:
        if term.kind == "prefix":
            q = wq.Or([wq.Prefix("body", term.text), wq.Prefix("raw", term.text)])
            return self._docs(q), False
        grams = _grams(term)
        if not grams:
            return None, False
        found: set[str] | None = None
        for key in grams:
            if key not in self._cache:
                self._cache[key] = self._docs(wq.Term(*key))
            found = set(self._cache[key]) if found is None else found & self._cache[key]
            if not found:
                break
        if found and term.kind == "literal" and len(cjk_runs(term.text)) > 1:
            found &= self._aligned_docs(term.text)
        return found, is_exact(term)

    def _aligned_docs(self, text: str) -> set[str]:
        """Documents where the CJK runs of `text` (broken by punctuation, letters or spaces) stand as far
        apart as in `text`, from their positions: the only ones a scan must read (what is between the runs
        is not in the index). A run of one character has no positions: then every document holding them."""
        runs, at = [], 0
        for run in cjk_runs(text):
            at = text.index(run, at)
            runs.append((run, at))
            at += len(run)
        if any(len(run) < 2 for run, _offset in runs):
            return set(self.paths)
        places = [(self._chain_places(run), offset) for run, offset in runs]
        aligned = set()
        (first, first_offset), rest = places[0], places[1:]
        for path, starts in first.items():
            candidates = {start - first_offset for start in starts}
            for others, offset in rest:
                theirs = others.get(path)
                if not theirs:
                    candidates = set()
                    break
                candidates &= {start - offset for start in theirs}
                if not candidates:
                    break
            if candidates:
                aligned.add(path)
        return aligned

    def node_docs(self, node: Node) -> tuple[DocSet, bool]:
        """A superset of the documents matching `node` (None: all), and whether it is exact."""
        if isinstance(node, Term):
            return self.term_docs(node)
        if isinstance(node, Not):
            return None, False  # applied in and_docs, or left to the scan
        parts = [self.node_docs(child) for child in node.children]
        if isinstance(node, Or):
            if any(docs is None for docs, _ in parts):
                return None, False
            return set().union(*(docs for docs, _ in parts)), all(exact for _, exact in parts)
        return self._and_docs(node, parts)

    def _and_docs(self, node: And, parts) -> tuple[DocSet, bool]:
        found: set[str] | None = None
        exact = True
        for child, (docs, child_exact) in zip(node.children, parts, strict=True):
            if isinstance(child, Not):
                continue
            exact = exact and child_exact
            if docs is not None:
                found = set(docs) if found is None else found & docs
        for child in node.children:
            if isinstance(child, Not):
                docs, child_exact = self.node_docs(child.child)
                if child_exact and docs is not None and found is not None:
                    found -= docs
                else:
                    exact = False
        return found, exact and found is not None

    def scores(self, terms: list[Term], limit: int) -> dict[str, float]:
        """Document scores (BM25, title and headings boosted) of the best `limit` documents: from the terms'
        exact counts when the index has them all (`count_scores`), else whoosh's BM25F over their grams."""
        counted = {}
        for term in terms:
            found = self.term_counts(term) if term.kind != "prefix" else None
            found = found if found is not None else self._estimated_counts(term)
            if found is None:
                return self._whoosh_scores(terms, limit)
            counted[term] = found
        return self.count_scores(counted, limit) if counted else {}

    def _estimated_counts(self, term: Term) -> dict[str, int] | None:
        """path -> at most how many hits `term` has, for a term the index does not count exactly (a
        phrase of words, a CJK string broken by punctuation): per document, the fewest occurrences of
        any of its pieces (stems; CJK runs). Enough to rank by; None for a prefix."""
        if term.kind == "words":
            pieces = [self._gram_counts("body", stem) for stem in term.stems]
        elif term.kind == "literal" and cjk_runs(term.text):
            pieces = [self._run_counts(run) for run in cjk_runs(term.text)]
        else:
            return None
        found = dict(min(pieces, key=len)) if pieces else {}
        for piece in pieces:
            found = {path: min(count, piece[path]) for path, count in found.items() if path in piece}
        return found

    def _run_counts(self, run: str) -> dict[str, int]:
        if len(run) >= 3:
            return self._chain_counts(run)
        return self._gram_counts("chars" if len(run) == 1 else "body", run)

    def _gram_counts(self, field: str, text: str) -> dict[str, int]:
        """path -> the posting weight of (field, text): its hits where the field counts them."""
        key = ("#", field, text)
        found = self._counts.get(key)
        if found is None:
            found = {}
            try:
                matcher = self.searcher.reader().postings(field, text)
            except TermNotFound:
                matcher = None
            paths = self.paths
            while matcher is not None and matcher.is_active():
                found[paths[matcher.id()]] = int(round(matcher.weight()))
                matcher.next()
            if len(self._counts) >= 256:  # bounded: one entry per gram queried on this searcher
                self._counts.clear()
            self._counts[key] = found  # deleted documents are filtered out by postings()
        return found

    def count_scores(self, counted: dict[Term, dict[str, int]], limit: int) -> dict[str, float]:
        """BM25 over each term's hits per document (the counts a search reads for its totals anyway), plus
        HEAD_BOOST times the term's weight where the title or a heading holds it. whoosh's BM25F over every
        gram cost ~10 µs a document and gram: most of a query's time in a large library."""
        total = max(1, len(self.paths))
        lengths, average = self._lengths()
        scores: dict[str, float] = {}
        get = scores.get
        for term, found in counted.items():
            weight = idf(len(found), total)
            for path, hits in found.items():
                norm = K1 * (1 - B + B * lengths.get(path, average) / average)
                scores[path] = get(path, 0.0) + weight * hits * (K1 + 1) / (hits + norm)
            for path in self._head_docs(term) & found.keys():
                scores[path] = get(path, 0.0) + HEAD_BOOST * weight
        return dict(heapq.nlargest(limit, scores.items(), key=itemgetter(1)))

    def _lengths(self) -> tuple[dict[str, int], float]:
        """path -> the document's `body` length (its grams), and their average; read once per searcher."""
        if self._body_lengths is None:
            reader = self.searcher.reader()
            self._body_lengths = {path: reader.doc_field_length(number, "body", 0)
                                  for number, path in enumerate(self.paths) if path}
        lengths = self._body_lengths
        return lengths, max(1.0, sum(lengths.values()) / max(1, len(lengths)))

    def _head_docs(self, term: Term) -> set[str]:
        """Documents whose title or headings hold every gram of `term`."""
        found: set[str] | None = None
        for _field, text in _grams(term):
            docs = self._gram_counts("head", text).keys()
            found = set(docs) if found is None else found & docs
            if not found:
                return set()
        return found or set()

    def _whoosh_scores(self, terms: list[Term], limit: int) -> dict[str, float]:
        subqueries: list[wq.Query] = []
        for term in terms:
            if term.kind == "prefix":
                subqueries.append(wq.Prefix("body", term.text))
                continue
            for field, text in _grams(term):
                subqueries.append(wq.Term(field, text))
                subqueries.append(wq.Term("head", text))
        if not subqueries:
            return {}
        results = self.searcher.search(wq.Or(subqueries), limit=limit)
        return {self.paths[hit.docnum]: hit.score for hit in results}


WEIGHTING = BM25F(B=B, K1=K1)
