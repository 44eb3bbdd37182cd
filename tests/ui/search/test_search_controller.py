"""The search controller without any widget (a real SearchService on a tmp library), and the search pane alone."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from reader.documents.library import add_folder
from reader.documents.names import path_key
from reader.search import SearchResponse, SearchService
from reader.ui.search.controller import SearchController
from reader.ui.search.pane import HIT_ROLE, SearchPane
from reader.ui.settings import i18n

SURVEY = "第3份文件，讲学习。\n今天去调研。\n调研结束。\n"  # 调研 at offsets 14 and 18


@pytest.fixture
def library(tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    lib.mkdir()
    for number in range(6):
        (lib / f"doc{number}.txt").write_text(f"第{number}份文件，讲学习。\n", encoding="utf-8")
    (lib / "doc3.txt").write_text(SURVEY, encoding="utf-8")
    return lib


class GatedService(SearchService):
    """A real SearchService whose first search waits at a gate; records every response and its query."""

    def __init__(self, index_dir: Path) -> None:
        super().__init__(index_dir)
        self.entered, self.gate = threading.Event(), threading.Event()
        self.responses: list[SearchResponse] = []

    def search(self, query, folders=None, limit=20, cancelled=None, exact_total=True) -> SearchResponse:
        if not self.responses and not self.entered.is_set():
            self.entered.set()
            self.gate.wait(60)
        response = super().search(query, folders, limit=limit, cancelled=cancelled, exact_total=exact_total)
        self.responses.append(response)
        return response


def _received(controller: SearchController) -> list[tuple[int, SearchResponse]]:
    received: list[tuple[int, SearchResponse]] = []
    controller.resultsReady.connect(lambda query_id, response: received.append((query_id, response)))
    return received


def test_a_second_query_cancels_the_first_whose_results_never_arrive(qtbot, tmp_path: Path, library: Path) -> None:
    service = GatedService(tmp_path / "index")
    service.update([library])
    controller = SearchController(service)
    received = _received(controller)
    first = controller.search("学习", [library])
    assert service.entered.wait(60)  # the first query runs on the worker, held at the gate
    with qtbot.waitSignal(controller.resultsReady, timeout=30000) as blocker:
        second = controller.search("调研", [library])
        service.gate.set()
    controller.pool.waitForDone(30000)
    QCoreApplication.processEvents()  # anything still queued from the worker arrives now
    assert second != first and blocker.args[0] == second
    assert [query_id for query_id, _ in received] == [second]
    stopped, answered = service.responses
    assert (stopped.query, stopped.cancelled, stopped.results) == ("学习", True, [])  # stopped inside the search
    assert answered.query == "调研" and not answered.cancelled
    [result] = received[0][1].results
    assert Path(result.path) == library / "doc3.txt"
    assert [(hit.offset, hit.length) for hit in result.hits] == [(14, 2), (18, 2)]
    assert {SURVEY[hit.offset : hit.offset + hit.length] for hit in result.hits} == {"调研"}
    controller.shutdown()


def test_a_cancelled_query_delivers_nothing_and_stale_results_are_dropped(qtbot, tmp_path: Path, library: Path) -> None:
    service = SearchService(tmp_path / "index")
    service.update([library])
    controller = SearchController(service)
    received = _received(controller)
    with qtbot.waitSignal(controller.resultsReady, timeout=30000):
        current = controller.search("学习", [library])
    controller._deliver(current - 1, SearchResponse("old"))  # an older query's answer, arriving late
    controller.cancel()  # the box was emptied
    controller._deliver(current, SearchResponse("学习"))
    assert [(query_id, response.query) for query_id, response in received] == [(current, "学习")]
    assert received[0][1].total_documents == 6
    controller.shutdown()


def test_indexing_signals_and_a_run_asked_for_meanwhile(qtbot, tmp_path: Path, library: Path) -> None:
    controller = SearchController(SearchService(tmp_path / "index"))
    finished: list = []
    controller.indexingFinished.connect(finished.append)
    with qtbot.waitSignal(controller.indexingStarted, timeout=5000):
        controller.start_indexing([library])
    assert controller.indexing
    controller.start_indexing([library])  # while the first run is under way: runs once more after it
    qtbot.waitUntil(lambda: len(finished) == 2 and not controller.indexing, timeout=30000)
    assert sorted(path.name for path in finished[0].added) == [f"doc{n}.txt" for n in range(6)]
    assert (finished[1].added, finished[1].unchanged) == ([], 6)
    controller.shutdown()
    controller.start_indexing([library])  # after shutdown: nothing starts
    assert not controller.indexing and controller.index_pool.activeThreadCount() == 0


def test_the_search_pane_alone_shows_the_hits_of_a_folder(qtbot, qapp, make_session, tmp_path: Path,
                                                          library: Path) -> None:
    i18n.install_translator(qapp, "en")  # its plural forms: "1 document"
    add_folder(library)
    service = SearchService(tmp_path / "index")
    service.update([library])
    pane = SearchPane(make_session(), None, service)
    qtbot.addWidget(pane)
    pane.scope.setCurrentIndex(pane.scope.findData(path_key(library)))
    pane.box.setText("调研")
    qtbot.waitUntil(lambda: getattr(pane, "last_response", None) is not None, timeout=30000)
    hits = [index.data(HIT_ROLE) for index in pane.model.hit_indexes()]
    assert hits == [(path_key(library / "doc3.txt"), 14, 2), (path_key(library / "doc3.txt"), 18, 2)]
    assert pane.status.text().startswith("2 hits in 1 document.")
    pane.shutdown()


def test_shutting_down_again_after_the_pane_is_gone_is_harmless(qtbot, tmp_path: Path) -> None:
    """The window's Close stops the workers; the application's aboutToQuit asks again once the pane is deleted."""
    import shiboken6

    window = QMainWindow()
    pane = SearchPane(None, window, SearchService(tmp_path / "index"))
    pane.shutdown()
    assert pane.controller.closing and pane.controller.index_pool.activeThreadCount() == 0
    shiboken6.delete(window)  # the window, the pane and its timers with it
    assert not shiboken6.isValid(pane)
    pane.shutdown()  # nothing left to stop, and no RuntimeError from a deleted timer


class LazyService(SearchService):
    """A real SearchService whose quick answer counts only the listed documents (total_exact=False) and
    whose exact count of each query waits at that query's gate."""

    def __init__(self, index_dir: Path) -> None:
        super().__init__(index_dir)
        self.gates: dict[str, threading.Event] = {}
        self.counting: dict[str, threading.Event] = {}
        self.counted: dict[str, SearchResponse] = {}

    def search(self, query, folders=None, limit=20, cancelled=None, exact_total=True) -> SearchResponse:
        if not exact_total:
            response = super().search(query, folders, limit=limit, cancelled=cancelled)
            response.unlisted_hits = response.unlisted_documents = 0  # a lower bound: the listed hits
            response.total_exact = False
            return response
        self.counting.setdefault(query, threading.Event()).set()
        self.gates.setdefault(query, threading.Event()).wait(30)
        response = self.counted[query] = super().search(query, folders, limit=limit, cancelled=cancelled)
        return response


def test_the_first_results_show_at_once_and_the_exact_total_follows(qtbot, qapp, make_session, tmp_path: Path,
                                                                  library: Path) -> None:
    i18n.install_translator(qapp, "en")
    add_folder(library)
    service = LazyService(tmp_path / "index")
    service.update([library])
    pane = SearchPane(make_session(), None, service)
    qtbot.addWidget(pane)
    pane.controller.limit = 2
    pane.scope.setCurrentIndex(pane.scope.findData(path_key(library)))
    pane.box.setText("学习")
    qtbot.waitUntil(lambda: "学习" in service.counting, timeout=20000)  # the exact count is under way
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2, timeout=20000)
    assert pane.status.text() == "≥ 2 hits · counting…" and not pane.last_response.total_exact
    service.gates["学习"].set()
    qtbot.waitUntil(lambda: pane.counted is not None, timeout=20000)
    assert pane.status.text() == "6 hits in 6 documents. Showing the best 2 documents."
    assert pane.model.rowCount() == 2  # the listing stays; only the count changed
    pane.shutdown()


def test_a_new_query_cancels_the_counting_of_the_previous_one(qtbot, qapp, make_session, tmp_path: Path,
                                                               library: Path) -> None:
    i18n.install_translator(qapp, "en")
    add_folder(library)
    service = LazyService(tmp_path / "index")
    service.update([library])
    pane = SearchPane(make_session(), None, service)
    qtbot.addWidget(pane)
    pane.controller.limit = 2
    pane.scope.setCurrentIndex(pane.scope.findData(path_key(library)))
    pane.box.setText("学习")
    qtbot.waitUntil(lambda: "学习" in service.counting and pane.model.rowCount() == 2, timeout=20000)
    pane.box.setText("调研")  # the next keystroke, while 学习 is being counted
    qtbot.waitUntil(lambda: pane.last_response.query == "调研", timeout=20000)
    assert pane.status.text() == "≥ 2 hits · counting…"
    service.gates["学习"].set()  # the old count ends now: cancelled, and its total never shows
    qtbot.waitUntil(lambda: "学习" in service.counted and "调研" in service.counting, timeout=20000)
    assert service.counted["学习"].cancelled
    qtbot.wait(50)
    assert pane.counted is None and pane.status.text() == "≥ 2 hits · counting…"
    service.gates["调研"].set()
    qtbot.waitUntil(lambda: pane.counted is not None, timeout=20000)
    assert pane.status.text() == "2 hits in 1 document." and pane.counted.query == "调研"
    pane.shutdown()
