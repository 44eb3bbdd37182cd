"""The search pane: library search as you type, on a worker thread, results grouped by document and section."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.documents.library import iter_documents, library_folders
from reader.documents.names import display_name, is_clean, path_from_key, path_key
from reader.search import SearchResponse, SearchService
from reader.ui.search.controller import SearchController
from reader.ui.search.messages import translate, translate_all

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # (path_key(path), offset, length) on hit rows
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
DEBOUNCE_MS = 200
RETRY_MS = 3000  # while another reader holds the index, try again this often


class ResultsModel(QStandardItemModel):
    """Documents (with hit counts) > sections > hits; hit rows hold HTML with the match in bold."""

    def set_results(self, response: SearchResponse) -> None:
        self.clear()
        root = self.invisibleRootItem()
        for result in response.results:
            doc = QStandardItem(f"{display_name(result.title)} ({len(result.hits)})")
            doc.setToolTip(display_name(result.path))
            sections: dict[str, QStandardItem] = {}
            for hit in result.hits:
                parent = sections.get(hit.section)
                if parent is None:
                    parent = QStandardItem(hit.section or self.tr("(before the first heading)"))
                    sections[hit.section] = parent
                    doc.appendRow(parent)
                item = QStandardItem(hit.snippet)
                item.setData((path_key(result.path), hit.offset, hit.length), HIT_ROLE)
                item.setData(
                    f"{html.escape(hit.before)}<b>{html.escape(hit.match)}</b>{html.escape(hit.after)}", HTML_ROLE
                )
                parent.appendRow(item)
            root.appendRow(doc)

    def hit_indexes(self) -> list[QModelIndex]:
        """Every hit row, in display order."""
        out: list[QModelIndex] = []
        for d in range(self.rowCount()):
            doc = self.index(d, 0)
            for s in range(self.rowCount(doc)):
                section = self.index(s, 0, doc)
                out.extend(self.index(h, 0, section) for h in range(self.rowCount(section)))
        return out


class HtmlDelegate(QStyledItemDelegate):
    """Paints rows that carry HTML (the hits) as rich text."""

    def _document(self, option, index) -> QTextDocument | None:
        markup = index.data(HTML_ROLE)
        if not markup:
            return None
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(markup)
        return doc

    def paint(self, painter, option, index) -> None:
        doc = self._document(option, index)
        if doc is None:
            return super().paint(painter, option, index)
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        painter.save()
        painter.translate(options.rect.topLeft())
        painter.setClipRect(options.rect.translated(-options.rect.topLeft()))
        context = QAbstractTextDocumentLayout.PaintContext()
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        doc = self._document(option, index)
        if doc is None:
            return super().sizeHint(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


class SearchPane(QDockWidget):
    """Search box, scope, progress and results; activating a hit opens and selects it."""

    documentsChanged = Signal()  # indexing found new or deleted files: the library is to be listed again

    def __init__(self, session, parent: QWidget | None = None, service: SearchService | None = None,
                 find_bar=None) -> None:
        """`session`: the document "This document" means, and where hits open; `find_bar`: F3 steps through
        its matches while it is open."""
        super().__init__(self.tr("Search"), parent)
        self.setObjectName("searchPane")
        self.session = session
        self.find_bar = find_bar
        self.controller = SearchController(service, self)
        self.query_id_shown = 0
        self._build()
        self.controller.resultsReady.connect(self._show)
        self.controller.indexingStarted.connect(self._indexing_started)
        self.controller.indexProgress.connect(self._progress)
        self.controller.indexingFinished.connect(self._indexed)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._changed)
        self.watcher.fileChanged.connect(self._changed)
        self.rescan = QTimer(self, singleShot=True, interval=1000, timeout=self.start_indexing)
        self.retry = QTimer(self, singleShot=True, interval=RETRY_MS, timeout=self.start_indexing)
        self.retry_note = False

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.box = QLineEdit(body, objectName="searchBox", clearButtonEnabled=True)
        self.box.setPlaceholderText(self.tr('Search: words, "phrase", -exclude, a OR b'))
        self.scope = QComboBox(body, objectName="searchScope")
        self.scope.addItem(self.tr("Whole library"), None)
        self.scope.addItem(self.tr("This document"), "document")
        self._list_folders(library_folders())
        self.progress_bar = QProgressBar(body, objectName="searchProgress", visible=False)
        self.status = QLabel(body, objectName="searchStatus", wordWrap=True)
        self.model = ResultsModel(self)
        self.tree = QTreeView(body, objectName="searchResults", headerHidden=True, uniformRowHeights=False)
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(HtmlDelegate(self.tree))
        for widget in (self.box, self.scope, self.progress_bar, self.status, self.tree):
            layout.addWidget(widget)
        self.setWidget(body)
        self.debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self.run_search)
        self.box.textChanged.connect(lambda _text: self.debounce.start())
        self.box.returnPressed.connect(self.run_search)
        self.scope.currentIndexChanged.connect(lambda _i: self.debounce.start())
        self.tree.activated.connect(self.activate)

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
        data = self.scope.currentData()
        if data == "document":
            document = self.session.document
            return [document.path] if document else []
        return [path_from_key(data)] if data else None

    def run_search(self) -> None:
        self.debounce.stop()
        query = self.box.text().strip()
        if not query:
            self.controller.cancel()
            self.model.clear()
            self.status.setText("")
            return
        self.controller.search(query, self.scope_folders())

    def _show(self, query_id: int, response: SearchResponse) -> None:
        """The current query's results (the controller drops stale ones)."""
        self.model.set_results(response)
        self.tree.expandAll()
        if response.problem is not None:
            self.status.setText(translate(response.problem))
        else:
            notes = translate_all(response.notes)
            if len(response.results) < response.total_documents:
                notes = (self.tr("Listing the best %d.") % len(response.results) + " " + notes).strip()
            self.status.setText(
                self.tr("%d hits in %d documents (%.0f ms). %s")
                % (response.total_hits, response.total_documents, response.elapsed_ms, notes)
            )
        self.last_response, self.query_id_shown = response, query_id

    def activate(self, index: QModelIndex) -> bool | None:
        """Open a hit's document and select the hit (as ReadingSession.open); False for other rows."""
        hit = index.data(HIT_ROLE)
        if not hit:
            return False
        key, offset, length = hit
        return self.session.open(path_from_key(key), select=(offset, length))

    def step(self, forward: bool = True) -> None:
        """F3 / Shift+F3: the next or previous hit (the find bar's matches when it is open)."""
        find_bar = self.find_bar
        if find_bar is not None and not find_bar.toolbar.isHidden():
            find_bar.step(forward)
            return
        hits = self.model.hit_indexes()
        if not hits:
            return
        current = self.tree.currentIndex()
        position = hits.index(current) if current in hits else -1
        position = (position + (1 if forward else -1)) % len(hits)
        self.tree.setCurrentIndex(hits[position])
        self.activate(hits[position])

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
            self.status.setText(self.tr("Indexing failed: %s") % report)
        elif report.notes:
            self.status.setText(translate_all(report.notes))
        elif self.retry_note:
            self.status.setText("")  # the note that indexing waited for another reader is over
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
