"""SearchService: keeps the index up to date and answers queries with exact, ranked hits."""

from __future__ import annotations

import gc
import logging
import math
import os
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Callable

from reader.documents import DocumentError
from reader.documents.library import library_folders, scan_library
from reader.paths import data_dir
from reader.search.analysis import Vocabulary
from reader.search.candidates import WEIGHTING, Candidates
from reader.search.hits import DocumentResult, HitList, SearchResponse
from reader.search.indexer import (
    IndexReport,
    IndexStore,
    IndexUnavailable,
    Progress,
    file_records,
    quiet_leaks,
)
from reader.search.messages import Message, message
from reader.search.prepare import Prepared, prepare
from reader.search.query import Node, QueryError, all_terms, parse_query, positive_terms
from reader.search.rank import passage_score, rerank, term_idfs
from reader.search.scan import count_document, index_hits, match_terms, merge_spans, summable
from reader.search.texts import TextFiles

log = logging.getLogger(__name__)
CACHE_BYTES = 192_000_000


class _DocCache:
    """Prepared documents in their compact form (folded text, differences from the source, sections)
    keyed by (path, mtime, size), least recently used dropped first, bounded by the bytes they hold
    (`Prepared.nbytes`, at most `budget`). A document not in memory is read from its saved
    preparation (`TextFiles`) or, failing that, prepared from its source (its words registered in
    `vocabulary`) and saved."""

    def __init__(
        self, files: TextFiles | None = None, budget: int = CACHE_BYTES, vocabulary: Vocabulary | None = None
    ) -> None:
        self.files, self.budget, self.size = files, budget, 0
        self.vocabulary = vocabulary
        self.items: OrderedDict[str, tuple[Prepared, float, int, int]] = OrderedDict()
        self.lock = threading.Lock()

    def peek(self, path: Path, mtime: float, size: int) -> Prepared | None:
        with self.lock:
            item = self.items.get(str(path))
            if item is not None and item[1] == mtime and item[2] == size:
                self.items.move_to_end(str(path))
                return item[0]
        return None

    def get(self, path: Path, mtime: float, size: int, load: bool = True) -> Prepared | None:
        """The prepared document; None only if it is not prepared yet and `load` is False."""
        doc = self.peek(path, mtime, size)
        if doc is None:
            doc = self.files.load(path, mtime, size) if self.files is not None else None
            if doc is None:
                if not load:
                    return None
                doc = prepare(path, vocabulary=self.vocabulary).compact()
                if self.files is not None and doc.mtime == mtime:
                    self.files.save(doc, mtime, size)
            self.put(doc, mtime, size)
        return doc

    def put(self, doc: Prepared, mtime: float, size: int) -> None:
        key, nbytes = str(doc.path), doc.nbytes
        if nbytes > self.budget // 2:
            return  # one huge document would evict everything else
        with self.lock:
            old = self.items.pop(key, None)
            self.size -= old[3] if old else 0
            self.items[key] = (doc, mtime, size, nbytes)
            self.size += nbytes
            while self.size > self.budget and len(self.items) > 1:
                _, dropped = self.items.popitem(last=False)
                self.size -= dropped[3]

    def drop(self, key: str) -> None:
        with self.lock:
            old = self.items.pop(key, None)
            self.size -= old[3] if old else 0


class _Catalogue:
    """The documents below some folders with their (mtime, size), kept in process so a query neither
    walks nor stats the library. A scope is walked when first asked for, when `update()` ran, or when
    a folder's mtime changed (a file added, removed or renamed: checked on every query, one stat per
    folder); every file is re-stat'ed at most once per `REVALIDATE_SECONDS` (edits in place)."""

    REVALIDATE_SECONDS = 1.0

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.scopes: dict[tuple[str, ...], tuple[float, dict[str, int], dict[str, tuple[Path, float, int]]]] = {}

    def clear(self) -> None:
        with self.lock:
            self.scopes.clear()

    def files(self, folders: list[Path]) -> dict[str, tuple[Path, float, int]]:
        """str(path) -> (path, mtime, size) of every supported document below `folders`."""
        key = tuple(str(f) for f in folders)
        with self.lock:
            entry = self.scopes.get(key)
        now = time.monotonic()
        if entry is not None and now - entry[0] < self.REVALIDATE_SECONDS and not _moved(entry[1]):
            return entry[2]
        dirs, files = _walk(folders)
        with self.lock:
            self.scopes[key] = (now, dirs, files)
        return files


def _moved(dirs: dict[str, int]) -> bool:
    for directory, mtime in dirs.items():
        try:
            if os.stat(directory).st_mtime_ns != mtime:
                return True
        except OSError:
            return True
    return False


def _walk(folders: list[Path]) -> tuple[dict[str, int], dict[str, tuple[Path, float, int]]]:
    """(folder -> mtime_ns, path_key -> (path, mtime, size)): the library walk `iter_documents` does."""
    scan = scan_library(folders)
    return scan.dirs, scan.files


class SearchService:
    """The Qt-free search API. Thread-safe: one thread may update while others search."""

    def __init__(self, index_dir: Path | None = None, lock_timeout: float = 10.0) -> None:
        self.catalogue = _Catalogue()
        self.vocabulary = Vocabulary()  # the words of the documents this service searches
        self.store = IndexStore(index_dir or data_dir() / "index", lock_timeout, keep=self._keep)
        self.files = TextFiles(self.store.directory / "texts", self.vocabulary)
        self.cache = _DocCache(self.files, vocabulary=self.vocabulary)
        self._lock = threading.Lock()
        self._ix = None
        self._searcher = None
        self._helpers: Candidates | None = None
        self._records: dict[str, dict] = {}
        self.notes: list[Message] = []  # notes from opening the index
        self._broken = False

    # -- indexing -------------------------------------------------------------------------
    def update(
        self,
        folders: list[Path] | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        rebuild: bool = False,
    ) -> IndexReport:
        """Index new and changed documents below `folders` (default: the library), drop removed ones."""
        folders = [Path(f) for f in folders] if folders is not None else library_folders()
        rebuild = rebuild or self._broken
        self._drop_searcher()
        self.catalogue.clear()
        report = self.store.update(folders, progress, cancelled, rebuild=rebuild)
        if rebuild and self._broken:
            report.notes.append(message("index.rebuilt_damaged"))
        self._broken = False
        self._drop_searcher()  # reopen: the index may have been rebuilt
        self.catalogue.clear()
        if not (report.locked or report.failed):
            self.files.problem = None  # opened (and repaired) under the writers' lock: saving anew
        for path in report.removed:
            self.files.remove(path)
            self.cache.drop(path)
        return report

    def warm(self, folders: list[Path] | None = None, cancelled: Callable[[], bool] | None = None) -> int:
        """Read the prepared documents below `folders` into memory (up to the cache's budget), so the
        first queries after a start need not; for a background thread. Returns how many it read."""
        folders = [Path(f) for f in folders] if folders is not None else library_folders()
        done = 0
        for path, mtime, size in self.catalogue.files(folders).values():
            if (cancelled is not None and cancelled()) or self.cache.size >= self.cache.budget * 0.9:
                break
            try:
                self.cache.get(path, mtime, size)
                done += 1
            except (DocumentError, OSError):
                continue
        return done

    def _keep(self, doc: Prepared, stat: os.stat_result) -> None:
        """Documents prepared for indexing are saved and cached in their compact form, so queries
        (in this process or a new one) need not load them again; their words join the vocabulary."""
        compact = doc.compact()
        self.vocabulary.register_words(compact.folded.text)
        self.files.save(compact, stat.st_mtime, stat.st_size)
        self.cache.put(compact, stat.st_mtime, stat.st_size)

    def _open(self) -> Candidates:
        with self._lock:
            if self._ix is None:
                self._ix, notes = self.store.open()
                self.notes.extend(notes)
            if self._searcher is None:
                self._searcher = self._ix.searcher(weighting=WEIGHTING)
            elif not self._searcher.up_to_date():
                self._searcher = self._searcher.refresh()
            else:
                return self._helpers
            self._helpers = Candidates(self._searcher)
            self._records = file_records(self._searcher)
            return self._helpers

    def _drop_searcher(self) -> None:
        with self._lock:
            searcher, self._ix, self._searcher, self._helpers = self._searcher, None, None, None
            self._records = {}
        if searcher is not None:
            try:
                searcher.close()
            except Exception:
                pass

    # -- searching ------------------------------------------------------------------------
    def search(
        self,
        query: str,
        folders: list[Path] | None = None,
        limit: int = 20,
        cancelled: Callable[[], bool] | None = None,
        exact_total: bool = True,
    ) -> SearchResponse:
        """Every hit of `query` in the best `limit` documents below `folders` (default: the library).

        `exact_total=False` lets the service skip counting the hits of unlisted documents exactly: the
        response's `total_hits` is then a lower bound and `total_exact` says whether it is exact.

        A malformed query gives a response with `problem` (and `error`) set; it never raises for bad
        input. `cancelled` is asked between the phases and before each document is checked: once it
        says True the search stops and returns a response with `cancelled` set (incomplete: ignore it).

        Ranking: BM25 over the terms' counts per document (whoosh's BM25F over their grams where the
        index does not count a term) picks and orders the candidates (`Candidates.scores`), the listed
        documents are then reranked by their best passages; `reader.search.rank` explains the formula.
        """
        started = time.perf_counter()
        response = SearchResponse(query)
        stop = cancelled or _never
        try:
            node = parse_query(query)
        except QueryError as error:
            response.problem = error.message
            return response
        folders = [Path(f) for f in folders] if folders is not None else library_folders()
        response.cancelled = stop()
        if not response.cancelled:
            scope = self.catalogue.files(folders)
            ranked, counts = self._ranked(node, scope, response, limit)
            response.cancelled = stop()
            if not response.cancelled:
                self._verify(node, ranked, scope, response, limit, counts, stop, exact_total)
        if self.files.problem:
            response.notes.append(self.files.problem)
        response.elapsed_ms = (time.perf_counter() - started) * 1000
        return response

    def _ranked(self, node: Node, scope: dict, response, limit: int):
        """Candidate paths in scope, best first: (path, score, indexed) for indexed ones by score, then
        unindexed ones; and term -> {path: hits} for the terms the index counts exactly."""
        with quiet_leaks(collect=False):
            try:
                helpers = self._open()
                records = self._records
                docs, _exact = helpers.node_docs(node)
                scores = helpers.scores(positive_terms(node), limit=max(200, limit * 10))
                counts = {}
                for term in all_terms(node):
                    found = helpers.term_counts(term)
                    if found is not None:
                        counts[term] = found
            except IndexUnavailable as error:  # being built by another reader, or no folder for it
                response.notes.append(error.message)
                records, docs, scores, counts = {}, None, {}, {}
            except Exception as error:  # a damaged index: answer by scanning, rebuild on next update
                log.info("search index failed: %s", repr(error))
                self._broken = True
                response.notes.append(message("index.unreadable"))
                records, docs, scores, counts = {}, None, {}, {}
            if self._broken:
                self._drop_searcher()
                gc.collect()
        indexed, unindexed = [], []
        for key, (_path, mtime, size) in scope.items():
            record = records.get(key)
            fresh = record is not None and record["mtime"] == mtime and record["size"] == size
            if not fresh:
                unindexed.append((key, 0.0, False))
            elif docs is None or key in docs:
                indexed.append((key, scores.get(key, 0.0), True))
        indexed.sort(key=lambda item: -item[1])
        return indexed + unindexed, counts

    def _verify(
        self,
        node: Node,
        ranked,
        scope,
        response: SearchResponse,
        limit: int,
        counts: dict,
        stop: Callable[[], bool],
        exact_total: bool = True,
    ) -> None:
        """Exact hits of the best `limit` matching documents; the hits of the others are only counted:
        from the index where it counts every term exactly, else by scanning the candidates (unless
        `exact_total` is False: then the count stops at the listed documents, a lower bound). Returns
        early, with `response.cancelled` set, as soon as `stop()` says so (asked before each document)."""
        terms, positive = all_terms(node), positive_terms(node)
        from_index = summable(positive) and all(term in counts for term in terms)
        scanned = uncounted = 0
        idfs, whoosh, passages = None, [], []  # for the best-passage rerank of the listed documents
        # where the index counts every term: the hits of every indexed document at once (set operations)
        hits = index_hits(node, positive, counts, {key for key, _score, indexed in ranked if indexed}
                          ) if from_index else None
        tried: set[str] = set()  # indexed documents whose hits were looked for in their text
        for key, score, indexed in ranked:
            if stop():
                response.cancelled = True
                return
            listing = len(response.results) < limit
            if indexed and hits is not None:
                if key not in hits or not listing:
                    continue  # the index says it does not match, or it is counted with the unlisted below
                tried.add(key)
                known = None
            else:
                known = {term: found.get(key, 0) for term, found in counts.items()} if indexed else None
                if not listing and not exact_total:
                    response.total_exact = False
                    break
            try:
                # beyond the listed documents, one not indexed yet is counted only if already prepared
                doc = self.cache.get(*scope[key], load=listing or key in self._records)
            except (DocumentError, OSError):
                continue
            if doc is None:
                uncounted += 1
                continue
            scanned += key not in self._records
            if not listing:
                _count_unlisted(response, count_document(doc, node, terms, positive, known, self.vocabulary))
                continue
            by_term = match_terms(doc, node, terms, self.vocabulary)
            spans = merge_spans(by_term, positive) if by_term is not None else []
            if not spans:
                continue
            result = DocumentResult(doc.path, doc.title, score or 0.01 * math.log1p(len(spans)))
            result.hits = HitList(doc.source, spans, doc.section_at)
            response.results.append(result)
            if idfs is None:
                idfs = term_idfs(positive, counts, len(self._records))
            whoosh.append(score)
            passages.append(passage_score(doc, {term: by_term[term] for term in positive}, idfs))
        if hits is not None:
            unlisted = [count for key, count in hits.items() if key not in tried]
            if unlisted:
                response.more = True
                response.unlisted_documents += len(unlisted)
                response.unlisted_hits += sum(unlisted)
        rerank(response.results, whoosh, passages)
        if scanned:
            response.notes.append(message("search.scanned", count=scanned))
        if uncounted:
            response.more = True
            response.notes.append(message("search.uncounted", count=uncounted))


def _never() -> bool:
    return False


def _count_unlisted(response: SearchResponse, count: int) -> None:
    """Add a matching document beyond the listed ones (with `count` hits) to the response's totals."""
    if count:
        response.more = True
        response.unlisted_documents += 1
        response.unlisted_hits += count
