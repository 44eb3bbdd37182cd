"""The search pane's threading, apart from its widgets: queries and indexing on worker threads."""

from __future__ import annotations

import itertools
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from reader.search import SearchResponse, SearchService

_ids = itertools.count(1)


class _Relay(QObject):
    """The signals the workers emit into; queued to the controller's thread."""

    finished = Signal(int, object)
    counted = Signal(int, object)
    progress = Signal(int, int)
    indexed = Signal(object)


def emit_safely(signal, *args) -> bool:
    """Emit from a worker; False (and nothing raised) once the controller, and the relay with it, is
    gone: a worker may outlive the window it was started for."""
    try:
        signal.emit(*args)
    except RuntimeError:  # "Signal source has been deleted"
        return False
    return True


class _SearchTask(QRunnable):
    """One query; `cancel` is set when a newer query supersedes it or the controller shuts down.
    First the results with a total that may be a lower bound (into `relay.finished`); with
    `exact_total` the exact total (into `relay.counted`)."""

    def __init__(self, service: SearchService, relay: _Relay, query_id: int, query: str,
                 folders: list[Path] | None, limit: int, cancel: threading.Event, exact_total: bool = False) -> None:
        super().__init__()
        self.service, self.relay, self.query_id, self.query = service, relay, query_id, query
        self.folders, self.limit, self.cancel, self.exact_total = folders, limit, cancel, exact_total

    def run(self) -> None:
        if self.cancel.is_set():
            return  # superseded (or shut down) before it started
        response = self.service.search(self.query, self.folders, limit=self.limit, cancelled=self.cancel.is_set,
                                       exact_total=self.exact_total)
        if not self.cancel.is_set() and not response.cancelled:
            emit_safely(self.relay.counted if self.exact_total else self.relay.finished, self.query_id, response)


class _IndexTask(QRunnable):
    """Bring the index of `folders` up to date, then warm the saved texts; stops when `stop` is set."""

    def __init__(self, service: SearchService, relay: _Relay, folders: list[Path], stop: threading.Event) -> None:
        super().__init__()
        self.service, self.relay, self.folders, self.stop = service, relay, folders, stop
        self.gone = False

    def _cancelled(self) -> bool:
        return self.gone or self.stop.is_set()

    def _progress(self, done: int, total: int, _path) -> None:
        if not self.stop.is_set() and not emit_safely(self.relay.progress, done, total):
            self.gone = True

    def run(self) -> None:
        try:
            report = self.service.update(self.folders, progress=self._progress, cancelled=self._cancelled)
            self.service.warm(self.folders, cancelled=self._cancelled)  # saved texts into memory, off the query path
        except Exception as error:  # never let indexing take the window down
            report = error
        if not self._cancelled():
            emit_safely(self.relay.indexed, report)


class SearchController(QObject):
    """Runs queries and indexing of a SearchService on worker threads, one query at a time.

    `search()` supersedes the previous query: its cancel flag is set (the service stops inside its
    per-document loop) and its results, should they still come, are dropped. Results reach the UI
    thread through `resultsReady(query_id, response)`, at once, with a total that may be a lower bound
    (`response.total_exact` False); the exact total then follows through `totalReady(query_id, response)`,
    counted on a worker of its own (a new query cancels it too). Indexing reports through `indexingStarted`,
    `indexProgress(done, total)` and `indexingFinished(report or exception)`. `shutdown()` stops
    and waits for the workers; nothing is emitted afterwards.
    """

    resultsReady = Signal(int, object)
    totalReady = Signal(int, object)
    indexingStarted = Signal()
    indexProgress = Signal(int, int)
    indexingFinished = Signal(object)

    def __init__(self, service: SearchService | None = None, parent: QObject | None = None, limit: int = 50) -> None:
        super().__init__(parent)
        self.service = service or SearchService()
        self.limit = limit
        self.query_id = 0
        self.closing = False
        self.indexing = False
        self._cancel = threading.Event()
        self._stop = threading.Event()
        self._pending: list[Path] | None = None  # folders to index again once the current run ends
        self.pool, self.count_pool, self.index_pool = QThreadPool(self), QThreadPool(self), QThreadPool(self)
        for pool in (self.pool, self.count_pool, self.index_pool):
            pool.setMaxThreadCount(1)
        self._request: tuple[str, list[Path] | None] = ("", None)  # the current query and its scope
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._relay.counted.connect(self._deliver_total, Qt.ConnectionType.QueuedConnection)
        self._relay.progress.connect(self.indexProgress, Qt.ConnectionType.QueuedConnection)
        self._relay.indexed.connect(self._indexed, Qt.ConnectionType.QueuedConnection)

    # -- searching ------------------------------------------------------------------------
    def cancel(self) -> int:
        """Supersede the current query (its results never arrive); returns the new query id."""
        self._cancel.set()
        self._cancel = threading.Event()
        self.query_id = next(_ids)
        return self.query_id

    def search(self, query: str, folders: list[Path] | None) -> int:
        """Start `query` in `folders` (None: the whole library), superseding the previous one; its id."""
        query_id = self.cancel()
        self._request = (query, folders)
        if not self.closing:
            self.pool.start(_SearchTask(self.service, self._relay, query_id, query, folders, self.limit, self._cancel))
        return query_id

    def _deliver(self, query_id: int, response: SearchResponse) -> None:
        if query_id != self.query_id or self.closing or response.cancelled:
            return  # stale: a newer query was started meanwhile
        self.resultsReady.emit(query_id, response)
        if not response.total_exact and response.problem is None:
            query, folders = self._request
            self.count_pool.start(_SearchTask(self.service, self._relay, query_id, query, folders, self.limit,
                                              self._cancel, exact_total=True))

    def _deliver_total(self, query_id: int, response: SearchResponse) -> None:
        if query_id == self.query_id and not self.closing and not response.cancelled:
            self.totalReady.emit(query_id, response)

    # -- indexing -------------------------------------------------------------------------
    def start_indexing(self, folders: list[Path]) -> None:
        """Index `folders` now, or once the run under way ends (the latest folders asked for)."""
        if self.closing:
            return
        if self.indexing:
            self._pending = list(folders)
            return
        self.indexing = True
        self.indexingStarted.emit()
        self.index_pool.start(_IndexTask(self.service, self._relay, list(folders), self._stop))

    def _indexed(self, report) -> None:
        if self.closing:
            return
        self.indexing = False
        self.indexingFinished.emit(report)
        if self._pending is not None:
            folders, self._pending = self._pending, None
            self.start_indexing(folders)

    # -- shutting down --------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop the workers and wait for them: indexing stops after the document it is on."""
        if self.closing:
            return
        self.closing = True
        self.query_id = -1
        self._cancel.set()
        self._stop.set()
        self._pending = None
        self.pool.waitForDone(5000)
        self.count_pool.waitForDone(5000)
        self.index_pool.waitForDone(10000)
