"""Measure opening a document in the window: time to text, UI-thread stalls, peak memory, chapter jumps.

    python scripts/measure_open.py FILE [--bookmarks N]
    python scripts/measure_open.py --make-novel OUT [--times 8]   # build the big test novel

Prints one JSON object: open_to_text_s, max_ui_gap_ms (the longest gap between the ticks of a 10 ms
timer while opening, once the window's first indexing of the library is over), peak_rss_mb (ru_maxrss of
this fresh process), jump_max_ms (over the outline's chapters), plus window_s (building the window),
ui_cpu_s (UI-thread CPU time until the outline shows), bookmarks_listed_s (until the bookmarks pane lists
them all), chapters, bookmarks. Uses a private data dir; run it in a fresh process each time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NOVEL_SOURCE = REPO.parent / "shared" / "testdata" / "hongloumeng.gb18030.txt"
HEARTBEAT_MS = 10
SETTLE_S = 1.5  # keep watching the heartbeat this long after the text shows (deferred work)
JUMPS = 60


def make_novel(out: Path, times: int, source: Path = NOVEL_SOURCE) -> Path:
    """The shared GB18030 novel decoded and repeated `times` times, written as UTF-8 (8 -> 20.9 MB, 960 chapters)."""
    text = source.read_bytes().decode("gb18030")
    out.write_text(text * times, encoding="utf-8")
    return out


def add_bookmarks(path: Path, count: int) -> None:
    """`count` bookmarks spread over `path`, written straight into the store (one transaction)."""
    from reader.bookmarks.anchor import new_bookmark, outline_of
    from reader.bookmarks.service import path_key
    from reader.bookmarks.store import open_store
    from reader.documents import load_document

    document = load_document(path)
    text, headings = document.text, outline_of(document.text, document.kind)
    step = max(1, (len(text) - 20) // count)
    with open_store() as store, store.transaction() as db:
        for number in range(count):
            offset = min(len(text) - 10, number * step)
            mark = new_bookmark(path_key(path), text, document.content_hash, offset, 6, headings,
                                note=f"note {number}", size_bytes=document.size_bytes)
            store.insert(db, mark)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(path: Path, bookmarks: int = 0) -> dict:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.app import build_main_window

    started = time.perf_counter()
    window = build_main_window([])
    indexed: list[object] = []
    window.search_pane.controller.indexingFinished.connect(indexed.append)
    window.show()
    app = QApplication.instance()
    app.processEvents()
    window_s = time.perf_counter() - started
    deadline = time.perf_counter() + 60
    while not indexed and time.perf_counter() < deadline:  # the library's first indexing (a thread of this
        app.processEvents()  # process, competing for the GIL) is over: the open is measured alone
        time.sleep(0.005)
    ticks: list[float] = []
    heartbeat = QTimer(interval=HEARTBEAT_MS)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    heartbeat.start()
    _pump(app, 0.2)
    ticks.clear()
    cpu_started = time.thread_time()
    opened = time.perf_counter()
    ticks.append(opened)
    window.open_document(path)
    deadline = opened + 60
    while not _shows(window, path) and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    open_to_text = time.perf_counter() - opened
    while window.bookmarks_pane.list.model().rowCount() < bookmarks and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    listed = time.perf_counter() - opened
    while not window.outline_pane.model.items_in_order() and time.perf_counter() < deadline:
        app.processEvents()  # a large document's outline comes after its text: its arrival is timed too
        time.sleep(0.001)
    outlined = time.perf_counter() - opened
    ui_cpu_s = time.thread_time() - cpu_started  # this (UI) thread's CPU time up to the outline shown
    _pump(app, SETTLE_S)
    heartbeat.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    jump_max = _jumps(window, app)
    result = {
        "file": str(path),
        "size_mb": round(path.stat().st_size / 1048576, 1),
        "open_to_text_s": round(open_to_text, 3),
        "max_ui_gap_ms": round(1000 * max(gaps, default=0.0), 1),
        "peak_rss_mb": round(_rss_mb(), 1),
        "jump_max_ms": round(jump_max, 1),
        "window_s": round(window_s, 3),
        "bookmarks_listed_s": round(listed, 3),
        "outline_shown_s": round(outlined, 3),
        "ui_cpu_s": round(ui_cpu_s, 3),
        "chapters": len(window.outline_pane.model.items_in_order()),
        "bookmarks": window.bookmarks_pane.list.model().rowCount(),
        "error": window.last_error,
    }
    window.close()
    return result


def _shows(window, path: Path) -> bool:
    document = window.current_document
    return window.last_error is not None or (
        document is not None and document.path == path.absolute() and window.text_view.shown_document is document
        and window.text_view.document_view().characterCount() > 1)


def _pump(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def _jumps(window, app) -> float:
    """The slowest jump (including the repaint it causes) to a spread of chapters, first and last included."""
    items = window.outline_pane.model.items_in_order()
    if not items:
        return 0.0
    from reader.ui.outline.model import OFFSET_ROLE

    picks = sorted({0, len(items) - 1, *range(0, len(items), max(1, len(items) // JUMPS))})
    slowest = 0.0
    for index in picks:
        started = time.perf_counter()
        window.jump_to(int(items[index].data(OFFSET_ROLE)))
        window.text_view.viewport().repaint()
        app.processEvents()
        slowest = max(slowest, 1000 * (time.perf_counter() - started))
    return slowest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--bookmarks", type=int, default=0, help="first add this many bookmarks to FILE")
    parser.add_argument("--make-novel", type=Path, metavar="OUT")
    parser.add_argument("--times", type=int, default=8)
    args = parser.parse_args()
    if args.make_novel:
        print(make_novel(args.make_novel, args.times))
        return 0
    if args.file is None or not args.file.is_file():
        parser.error("give a document to open")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["READER_DATA_DIR"] = tempfile.mkdtemp(prefix="reader-measure-")
    sys.path.insert(0, str(REPO))
    path = args.file.absolute()
    if args.bookmarks:
        add_bookmarks(path, args.bookmarks)
    print(json.dumps(measure(path, args.bookmarks)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
