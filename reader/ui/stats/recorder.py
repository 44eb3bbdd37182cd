"""Feeds the window's reading (shown document, moves, window activity) to a ReadingTracker and the store."""

from __future__ import annotations

import logging
import time
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from reader.stats import ReadingTracker, StatsError, StatsStore
from reader.stats.tracker import Reading

log = logging.getLogger(__name__)
FLUSH_MS = 30_000  # what was read reaches the store at least this often (and on close)


class _Write(QRunnable):
    """One store write on a worker: an fsync never stalls the window."""

    def __init__(self, store: StatsStore, readings: list[Reading], failed: Callable[[str], None]) -> None:
        super().__init__()
        self.store, self.readings, self.failed = store, readings, failed

    def run(self) -> None:
        try:
            self.store.record(self.readings)
        except StatsError as error:
            self.failed(str(error))


class ReadingRecorder(QObject):
    """Counts reading time while enabled. `clock` (seconds since the epoch) is injectable for tests."""

    problem = Signal(str)  # a store write failed (one line); said once
    recorded = Signal()  # what was read so far is in the store

    def __init__(self, session, store: StatsStore, enabled: bool = True,
                 clock: Callable[[], float] = time.time, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.store, self.clock = session, store, clock
        self.enabled = enabled
        self.tracker = ReadingTracker(clock())
        self._said = False
        self._flush_timer = QTimer(self, objectName="statisticsFlushTimer", interval=FLUSH_MS)
        self._flush_timer.timeout.connect(self.flush)
        self._failed_relay = _FailureRelay(self)
        self._failed_relay.failed.connect(self._on_failed, Qt.QueuedConnection)
        session.documentChanged.connect(self._on_document)
        session.positionChanged.connect(self._on_moved)
        app = QGuiApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._on_state)
            self.tracker.set_active(clock(), app.applicationState() == Qt.ApplicationActive)
        if enabled:
            self._flush_timer.start()

    # -- what the window tells ------------------------------------------------------------
    def set_enabled(self, enabled: bool) -> None:
        """Start or stop counting (Preferences ▸ Keep reading statistics); stopping stores what was read."""
        if enabled == self.enabled:
            return
        self.flush()
        self.enabled = enabled
        self._flush_timer.start() if enabled else self._flush_timer.stop()
        if enabled:
            self.tracker = ReadingTracker(self.clock())
            self._on_state(QGuiApplication.applicationState())
            if self.session.document is not None:
                self._on_document(self.session.document)

    def note_activity(self) -> None:
        """The reader did something in the text (a key, the wheel) that did not move the position."""
        if self.enabled and self.session.document is not None:
            self.tracker.moved(self.clock(), self.session.reading_offset())

    def flush(self, wait: bool = False) -> None:
        """Store what was read (on a worker; `wait`: here and now, e.g. when the window closes)."""
        if not self.enabled:
            return
        readings = self.tracker.drain(self.clock())
        if not readings:
            return
        if wait:
            try:
                self.store.record(readings)
            except StatsError as error:
                self._on_failed(str(error))
            self.recorded.emit()
            return
        task = _Write(self.store, readings, self._failed_relay.emit_failed)
        task.setAutoDelete(True)
        QThreadPool.globalInstance().start(task)

    # -- slots ----------------------------------------------------------------------------
    def _on_document(self, document) -> None:
        if not self.enabled:
            return
        if document is None:
            self.tracker.close(self.clock())
            return
        self.tracker.show(self.clock(), str(document.path), document.name, len(document.text),
                          self.session.reading_offset())

    def _on_moved(self, offset: int) -> None:
        if self.enabled:
            self.tracker.moved(self.clock(), offset)

    def _on_state(self, state) -> None:
        if self.enabled:
            self.tracker.set_active(self.clock(), state == Qt.ApplicationActive)

    def _on_failed(self, message: str) -> None:
        log.info("statistics: %s", message)
        if not self._said:
            self._said = True
            self.problem.emit(message)


class _FailureRelay(QObject):
    """Carries a worker's failure to the recorder's thread."""

    failed = Signal(str)

    def emit_failed(self, message: str) -> None:
        try:
            self.failed.emit(message)
        except RuntimeError:  # the window is gone
            pass
