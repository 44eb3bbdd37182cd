"""SearchService: keeps the index up to date and answers queries with exact, ranked hits."""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Callable

from reader.documents import DocumentError
from reader.documents.library import iter_documents, library_folders
from reader.paths import data_dir
from reader.search.candidates import WEIGHTING, Candidates
from reader.search.hits import DocumentResult, SearchResponse, make_hit
from reader.search.indexer import (
    IndexReport,
    IndexStore,
    Progress,
    quiet_leaks,
    file_records,
)
from reader.search.prepare import Prepared, prepare
from reader.search.query import Node, QueryError, all_terms, parse_query, positive_terms
from reader.search.scan import match_document

log = logging.getLogger(__name__)
CACHE_CHARS = 48_000_000


class _DocCache:
    """Prepared documents, least recently used dropped first, bounded by total characters."""

    def __init__(self, budget: int = CACHE_CHARS) -> None:
        self.budget, self.size = budget, 0
        self.items: OrderedDict[str, Prepared] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, path: Path, stat: os.stat_result) -> Prepared:
        key = str(path)
        with self.lock:
            doc = self.items.get(key)
            if doc is not None and doc.mtime == stat.st_mtime and doc.document.size_bytes == stat.st_size:
                self.items.move_to_end(key)
                return doc
        doc = prepare(path)
        with self.lock:
            old = self.items.pop(key, None)
            self.size -= len(old.text) if old else 0
            self.items[key] = doc
            self.size += len(doc.text)
            while self.size > self.budget and len(self.items) > 1:
                _, dropped = self.items.popitem(last=False)
                self.size -= len(dropped.text)
        return doc


class SearchService:
    """The Qt-free search API. Thread-safe: one thread may update while others search."""

    def __init__(self, index_dir: Path | None = None, lock_timeout: float = 10.0) -> None:
        self.store = IndexStore(index_dir or data_dir() / "index", lock_timeout)
        self.cache = _DocCache()
        self._lock = threading.Lock()
        self._ix = None
        self._searcher = None
        self._helpers: Candidates | None = None
        self._records: dict[str, dict] = {}
        self.status: list[str] = []
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
        report = self.store.update(folders, progress, cancelled, rebuild=rebuild)
        if rebuild and self._broken:
            report.status.append("The search index was damaged; rebuilt it.")
        self._broken = False
        self._drop_searcher()  # reopen: the index may have been rebuilt
        return report

    def _open(self) -> Candidates:
        with self._lock:
            if self._ix is None:
                self._ix, notes = self.store.open()
                self.status.extend(notes)
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
    def search(self, query: str, folders: list[Path] | None = None, limit: int = 20) -> SearchResponse:
        """Every hit of `query` in the best `limit` documents below `folders` (default: the library).

        A malformed query gives a response with `error` set; it never raises for bad input.
        """
        started = time.perf_counter()
        response = SearchResponse(query)
        try:
            node = parse_query(query)
        except QueryError as error:
            response.error = str(error)
            return response
        folders = [Path(f) for f in folders] if folders is not None else library_folders()
        scope = {str(p): p for p in iter_documents(folders)}
        ranked = self._ranked(node, scope, response, limit)
        self._verify(node, ranked, scope, response, limit)
        response.elapsed_ms = (time.perf_counter() - started) * 1000
        return response

    def _ranked(self, node: Node, scope: dict[str, Path], response, limit: int) -> list[tuple[str, float]]:
        """Candidate paths in scope, best first: indexed ones by score, then unindexed ones."""
        with quiet_leaks():
            try:
                helpers = self._open()
                records = self._records
                docs, _exact = helpers.node_docs(node)
                scores = helpers.scores(positive_terms(node), limit=max(200, limit * 10))
            except Exception as error:  # a damaged index: answer by scanning, rebuild on next update
                log.warning("search index failed: %s", repr(error))
                self._broken = True
                response.status.append("The search index could not be read; scanning documents instead.")
                records, docs, scores = {}, None, {}
            if self._broken:
                self._drop_searcher()
        indexed, unindexed = [], []
        for key, path in scope.items():
            record = records.get(key)
            fresh = record is not None and _unchanged(path, record)
            if not fresh:
                unindexed.append((key, 0.0))
            elif docs is None or key in docs:
                indexed.append((key, scores.get(key, 0.0)))
        indexed.sort(key=lambda item: -item[1])
        return indexed + unindexed

    def _verify(self, node: Node, ranked, scope, response: SearchResponse, limit: int) -> None:
        terms, positive = all_terms(node), positive_terms(node)
        scanned = 0
        for key, score in ranked:
            if len(response.results) >= limit:
                response.more = True
                break
            try:
                path = scope[key]
                doc = self.cache.get(path, path.stat())
            except (DocumentError, OSError):
                continue
            scanned += key not in self._records
            spans = match_document(doc, node, terms, positive)
            if not spans:
                continue
            result = DocumentResult(doc.path, doc.title, score or 0.01 * math.log1p(len(spans)))
            result.hits = [make_hit(doc.text, o, n, doc.section_at(o)) for o, n in spans]
            response.results.append(result)
        response.results.sort(key=lambda r: -r.score)
        if scanned:
            response.status.append(f"{scanned} documents not indexed yet were scanned.")


def _unchanged(path: Path, record: dict) -> bool:
    try:
        stat = path.stat()
    except OSError:
        return False
    return record["mtime"] == stat.st_mtime and record["size"] == stat.st_size
