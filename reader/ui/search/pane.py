"""The search pane: library search as you type, on a worker thread, results grouped by document and section."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QFileSystemWatcher, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QKeySequence,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.documents.library import iter_documents, library_folders
from reader.documents.names import display_name, is_clean, path_from_key, path_key
from reader.search import Message, SearchResponse, SearchService
from reader.ui.search.controller import SearchController
from reader.ui.search.messages import translate, translate_all
from reader.ui.search.results import HIT_ROLE, ResultDelegate, ResultsModel

DEBOUNCE_MS = 200
EXPAND_ROWS = 800  # hit rows laid out per turn of the event loop
DOUBLE_CLICK_S = 0.5  # a second jump to the same hit this soon is the double click's (ignored)
RETRY_MS = 3000  # while another reader holds the index, try again this often


class SearchPane(QDockWidget):
    """Search box, scope, progress and results; a click (or Enter) on a hit opens and selects it."""

    documentsChanged = Signal()  # indexing found new or deleted files: the library is to be listed again

    def __init__(self, session, parent: QWidget | None = None, service: SearchService | None = None,
                 find_bar=None) -> None:
        """`session`: the document "This document" means, and where hits open; `find_bar`: F3 steps through
        its matches while it is open."""
        super().__init__(parent)
        self.setObjectName("searchPane")
        self.session = session
        self.find_bar = find_bar
        self.controller = SearchController(service, self)
        self.query_id_shown = 0
        self.last_response: SearchResponse | None = None
        self.counted: SearchResponse | None = None  # the exact total of the shown query, once counted
        self._last_jump: tuple = (None, 0.0)  # the hit a click or Enter jumped to, and when
        self.outside: Path | None = None  # the open document searched with the library, being outside it
        self._status: tuple = ("",)  # what the status line says, kept so it can be said in another language
        self._build()
        self.controller.resultsReady.connect(self._show)
        self.controller.totalReady.connect(self._show_total)
        self.controller.indexingStarted.connect(self._indexing_started)
        self.controller.indexProgress.connect(self._progress)
        self.controller.indexingFinished.connect(self._indexed)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._changed)
        self.watcher.fileChanged.connect(self._changed)
        self.rescan = QTimer(self, singleShot=True, interval=1000, timeout=self.start_indexing)
        self.retry = QTimer(self, singleShot=True, interval=RETRY_MS, timeout=self.start_indexing)
        self.retry_note = False
        self.retranslate_ui()

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.box = QLineEdit(body, objectName="searchBox", clearButtonEnabled=True)
        self.scope = QComboBox(body, objectName="searchScope")
        self.scope.addItem("", None)
        self.scope.addItem("", "document")
        self._list_folders(library_folders())
        self.progress_bar = QProgressBar(body, objectName="searchProgress", visible=False)
        self.status = QLabel(body, objectName="searchStatus", wordWrap=True)
        self.position = QLabel(body, objectName="searchHitPosition", visible=False)
        self.hint = QLabel(body, objectName="searchHint", wordWrap=True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setContentsMargins(8, 24, 8, 8)
        self.model = ResultsModel(self)
        self.tree = QTreeView(body, objectName="searchResults", headerHidden=True, uniformRowHeights=True)
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(ResultDelegate(self.tree))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.hide()
        for widget in (self.box, self.scope, self.progress_bar, self.status, self.position):
            layout.addWidget(widget)
        layout.addWidget(self.hint, 1)  # the hint (no query) or the results take the rest of the pane
        layout.addWidget(self.tree, 1)
        self.setWidget(body)
        self.debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self.run_search)
        self.box.textChanged.connect(lambda _text: self.debounce.start())
        self.box.returnPressed.connect(self.run_search)
        self.scope.currentIndexChanged.connect(lambda _i: self.debounce.start())
        self.tree.clicked.connect(self._jump)  # one click on a hit jumps; arrows only move the selection
        self.tree.activated.connect(self._jump)  # Enter (and a double click)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Search"))
        self.box.setPlaceholderText(self.tr('Search: words, "phrase", -exclude, a OR b'))
        self.scope.setItemText(0, self.tr("Whole library"))
        self.scope.setItemText(1, self.tr("This document"))
        for row in range(2, self.scope.count()):
            self.scope.setItemText(row, self.tr("Folder: %s") % display_name(Path(path_from_key(
                self.scope.itemData(row))).name))
        self.hint.setText(self.tr("Type to search every document in your library (Ctrl+Shift+F).\n\n"
                                  'Words, "a phrase", -exclude, a OR b.'))
        self._say(*self._status)
        self._show_position()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _list_folders(self, folders: list[Path]) -> None:
        """One scope entry per library folder, after the whole library and this document."""
        chosen = self.scope.currentData()
        while self.scope.count() > 2:
            self.scope.removeItem(2)
        for folder in folders:
            self.scope.addItem(self.tr("Folder: %s") % display_name(folder.name), path_key(folder))
        found = self.scope.findData(chosen)
        self.scope.setCurrentIndex(found if found >= 0 else 0)

    def library_changed(self, folders: list[Path]) -> None:
        """A folder was added or removed: offer it as a scope and index it."""
        self._list_folders(folders)
        self.start_indexing()

    # -- searching ------------------------------------------------------------------------
    def folders(self) -> list[Path]:
        return library_folders()

    def scope_folders(self) -> list[Path] | None:
        """The folders (and files) to search: the whole library with the open document when it is
        outside the library, one folder, or the open document alone."""
        data = self.scope.currentData()
        document = self.session.document if self.session is not None else None
        self.outside = None
        if data == "document":
            return [document.path] if document else []
        if data:
            return [path_from_key(data)]
        folders = self.folders()
        if document is not None and not _inside(document.path, folders):
            self.outside = document.path
            return [*folders, document.path]
        return folders

    def run_search(self) -> None:
        self.debounce.stop()
        query = self.box.text().strip()
        if not query:
            self.controller.cancel()
            self.model.clear()
            self.last_response = self.counted = None
            self._say("")
            self._show_position()
            self._show_results_or_hint()
            return
        self.controller.search(query, self.scope_folders())

    def _show_results_or_hint(self) -> None:
        empty = not self.box.text().strip()
        self.hint.setVisible(empty)
        self.tree.setVisible(not empty)

    def _show(self, query_id: int, response: SearchResponse) -> None:
        """The current query's results (the controller drops stale ones); its total may come later."""
        self.last_response, self.query_id_shown, self.counted = response, query_id, None
        self.model.set_results(response)
        self.tree.doItemsLayout()  # the documents now, so that each expansion below lays out only its rows
        self._expand(query_id, self.model.section_indexes())
        self._show_results_or_hint()
        self._show_position()
        self._say_response()

    def _expand(self, query_id: int, rows: list[QModelIndex]) -> None:
        """Expand documents and sections a few at a time (each turn of the event loop lays out at most
        EXPAND_ROWS hit rows), so that 15,000 hits never hold the UI thread."""
        if query_id != self.query_id_shown:
            return  # other results are shown now
        laid = 0
        while rows and laid < EXPAND_ROWS:
            row = rows.pop(0)
            self.tree.expand(row)
            laid += self.model.rowCount(row) if row.parent().isValid() else 1
        if rows:
            QTimer.singleShot(0, self, lambda: self._expand(query_id, rows))

    def _show_total(self, query_id: int, response: SearchResponse) -> None:
        """The exact total of the shown query, counted on a worker: replaces the lower bound."""
        if query_id == self.query_id_shown:
            self.counted = response
            self._say_response()

    def _say_response(self) -> None:
        response = self.last_response
        if response is None:
            return
        if response.problem is not None:
            self._say("problem", response.problem)
            return
        total = self.counted or response
        self._say("counts", total.total_hits, total.total_documents, total.total_exact, len(response.results),
                  list(response.notes), response.elapsed_ms)

    def _say(self, kind: str, *args) -> None:
        """Set the status line from what it is to say (kept: said again on a language change)."""
        self._status = (kind, *args)
        self.status.setToolTip("")
        if kind == "problem":
            self.status.setText(translate(args[0]))
        elif kind == "counts":
            self.status.setText(self._counts_text(*args))
        elif kind == "failed":
            self.status.setText(self.tr("Indexing failed: %s") % args[0])
        elif kind == "notes":
            self.status.setText(translate_all(args[0]))
        else:
            self.status.setText(kind)

    def _counts_text(self, hits: int, documents: int, exact: bool, listed: int, notes: list, elapsed: float) -> str:
        self.status.setToolTip(self.tr("%1 ms").replace("%1", f"{elapsed:.0f}"))
        if exact and not hits:
            text = self.tr("No matches.")
        elif exact:
            text = self.tr("%1 in %2.").replace("%1", self.tr("%n hits", "", hits)).replace(
                "%2", self.tr("%n documents", "", documents))
        else:
            text = self.tr("≥ %n hits", "", hits) + " · " + self.tr("counting…")
        if exact and listed < documents:
            text += " " + self.tr("Showing the best %n documents.", "", listed)
        outside = self.outside is not None and any(note.code == "search.scanned" for note in notes)
        if outside:  # the open document outside the library is always read directly: say so plainly
            notes = [_one_less(note) if note.code == "search.scanned" else note for note in notes]
            notes = [note for note in notes if note is not None]
            text += " " + self.tr("The open document, outside the library, was searched too.")
        return " ".join([text, translate_all(notes)]).strip()

    def _jump(self, index: QModelIndex) -> None:
        """A click or Enter on a row: a double click (a click, then activated) jumps once."""
        hit, now = index.data(HIT_ROLE), time.monotonic()
        if hit is not None and hit == self._last_jump[0] and now - self._last_jump[1] < DOUBLE_CLICK_S:
            return
        self._last_jump = (hit, now)
        self.activate(index)

    def activate(self, index: QModelIndex) -> bool | None:
        """Open a hit's document and select the hit (as ReadingSession.open); False for other rows."""
        hit = index.data(HIT_ROLE)
        if not hit:
            return False
        self.tree.setCurrentIndex(index)
        self._show_position()
        key, offset, length = hit
        return self.session.open(path_from_key(key), select=(offset, length))

    def _show_position(self) -> None:
        """"Hit 12 of 3989": which of the listed hits is current."""
        number = self.model.hit_number(self.tree.currentIndex())
        if number < 0:
            self.position.hide()
            return
        self.position.setText(self.tr("Hit %1 of %2").replace("%1", str(number + 1)).replace(
            "%2", str(self.model.hit_count())))
        self.position.show()

    def step(self, forward: bool = True) -> None:
        """F3 / Shift+F3: the next or previous hit (the find bar's matches when it is open)."""
        find_bar = self.find_bar
        if find_bar is not None and not find_bar.toolbar.isHidden():
            find_bar.step(forward)
            return
        count = self.model.hit_count()
        if not count:
            return
        position = self.model.hit_number(self.tree.currentIndex())
        position = (position + (1 if forward else -1)) % count if position >= 0 else (0 if forward else count - 1)
        hit = self.model.hit_at(position)
        self.tree.setCurrentIndex(hit)
        self.activate(hit)

    # -- indexing -------------------------------------------------------------------------
    def start_indexing(self) -> None:
        self.controller.start_indexing(self.folders())

    def _indexing_started(self) -> None:
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()

    def _progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def _indexed(self, report) -> None:
        self.progress_bar.hide()
        if isinstance(report, Exception):
            self._say("failed", str(report))
        elif report.notes:
            self._say("notes", list(report.notes))
        elif self.retry_note:
            self._say("")  # the note that indexing waited for another reader is over
        self.retry_note = not isinstance(report, Exception) and (report.locked or report.failed)
        if not isinstance(report, Exception) and (report.added or report.removed):
            self.documentsChanged.emit()  # new and deleted files show in the library pane
        if self.retry_note:
            self.retry.start()  # another reader is indexing (searches scan meanwhile), or it was cut short
        self._watch()

    def _watch(self) -> None:
        folders = self.folders()
        files = iter_documents(folders)
        dirs = {str(f) for f in folders if f.is_dir()} | {str(p.parent) for p in files}
        wanted = {path for path in dirs | {str(p) for p in files} if is_clean(path)}  # Qt drops undecodable bytes
        current = set(self.watcher.directories()) | set(self.watcher.files())
        if wanted - current:
            self.watcher.addPaths(sorted(wanted - current))

    def _changed(self, _path: str) -> None:
        self.rescan.start()

    def shutdown(self) -> None:
        """Stop background work and wait for it (called when the window closes or the application
        quits): indexing stops after the document it is on, and no worker emits afterwards."""
        if self.controller.closing:
            return  # already stopped: on quit, the pane's timers may be gone by now
        self.rescan.stop()
        self.retry.stop()
        self.debounce.stop()
        self.controller.shutdown()


def _one_less(note: Message) -> Message | None:
    """A "documents were scanned" note without the open document (None if it was the only one)."""
    count = int(note.args.get("count", 1)) - 1
    return Message(note.code, {**note.args, "count": count}) if count > 0 else None


def _inside(path: Path, folders: list[Path]) -> bool:
    """Whether `path` is one of `folders` or below one of them."""
    resolved = Path(os.path.realpath(path))
    return any(resolved == (top := Path(os.path.realpath(f))) or resolved.is_relative_to(top) for f in folders)


def add_shortcuts(pane: SearchPane, window: QWidget) -> None:
    """Ctrl+Shift+F (focus the search box), F3 and Shift+F3 (next and previous hit) in `window`."""

    def focus() -> None:
        pane.show()
        pane.raise_()
        pane.box.setFocus()
        pane.box.selectAll()

    for keys, slot, name, description in (
        ("Ctrl+Shift+F", focus, "searchLibraryShortcut",
         QCoreApplication.translate("SearchPane", "Search the library")),
        ("F3", lambda: pane.step(True), "nextHitShortcut", QCoreApplication.translate("SearchPane", "Next search hit")),
        ("Shift+F3", lambda: pane.step(False), "previousHitShortcut",
         QCoreApplication.translate("SearchPane", "Previous search hit")),
    ):
        shortcut = QShortcut(QKeySequence(keys), window)
        shortcut.setObjectName(name)
        shortcut.setWhatsThis(description)  # the name the shortcuts dialog lists
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
