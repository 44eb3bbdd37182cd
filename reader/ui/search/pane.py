"""The search pane: library search as you type, on a worker thread, results grouped by document and section."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QFileSystemWatcher, QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeySequence,
    QPalette,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
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
from reader.outline.sections import SEPARATOR
from reader.search import Message, SearchResponse, SearchService
from reader.ui.search.controller import SearchController
from reader.ui.search.messages import translate, translate_all

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # (path_key(path), offset, length) on hit rows
PARTS_ROLE = Qt.ItemDataRole.UserRole + 2  # (before, match, after) on hit rows
TITLE_ROLE = Qt.ItemDataRole.UserRole + 3  # the title of a document or section row
COUNT_ROLE = Qt.ItemDataRole.UserRole + 4  # its hits
TEXT_MARGIN = 3  # pixels between a row's text and its edges
COUNT_GAP = 12  # pixels between a title and its count
DEBOUNCE_MS = 200
RETRY_MS = 3000  # while another reader holds the index, try again this often


class ResultsModel(QStandardItemModel):
    """Documents > sections > hits. Documents and sections carry their titles and hit counts (TITLE_ROLE,
    COUNT_ROLE); hits their snippet in parts (PARTS_ROLE: before, match, after) and where they are (HIT_ROLE)."""

    def set_results(self, response: SearchResponse) -> None:
        self.clear()
        root = self.invisibleRootItem()
        for result in response.results:
            title = display_name(result.title)
            doc = _counted(title, len(result.hits))
            doc.setToolTip(display_name(result.path))
            sections: dict[str, QStandardItem] = {}
            for hit in result.hits:
                parent = sections.get(hit.section)
                if parent is None:
                    parent = sections[hit.section] = QStandardItem(self._section_label(hit.section, result.title))
                    doc.appendRow(parent)
                item = QStandardItem(hit.snippet)
                item.setData((path_key(result.path), hit.offset, hit.length), HIT_ROLE)
                item.setData((hit.before, hit.match, hit.after), PARTS_ROLE)
                parent.appendRow(item)
            for section in sections.values():
                _set_count(section, section.text(), section.rowCount())
            root.appendRow(doc)

    def _section_label(self, section: str, title: str) -> str:
        """The section's heading path without the document's title (its row is right above)."""
        if section == title:
            return self.tr("(under the title)")
        if section.startswith(title + SEPARATOR):
            section = section[len(title + SEPARATOR):]
        return section or self.tr("(before the first heading)")

    def hit_indexes(self) -> list[QModelIndex]:
        """Every hit row, in display order."""
        out: list[QModelIndex] = []
        for d in range(self.rowCount()):
            doc = self.index(d, 0)
            for s in range(self.rowCount(doc)):
                section = self.index(s, 0, doc)
                out.extend(self.index(h, 0, section) for h in range(self.rowCount(section)))
        return out


def _counted(title: str, count: int) -> QStandardItem:
    item = QStandardItem()
    _set_count(item, title, count)
    return item


def _set_count(item: QStandardItem, title: str, count: int) -> None:
    item.setText(f"{title} ({count})")  # what accessibility and a copy see; the delegate draws the parts
    item.setData(title, TITLE_ROLE)
    item.setData(count, COUNT_ROLE)


class ResultDelegate(QStyledItemDelegate):
    """One line per row. A hit keeps its match in view at any width: the left context is elided at its
    start ("…"), the right one at its end. A document or section elides its title, never its count."""

    def _fonts(self, font: QFont) -> tuple[QFont, QFont]:
        bold = QFont(font)
        bold.setBold(True)
        return font, bold

    def elided_parts(self, font: QFont, width: int, parts: tuple[str, str, str]) -> tuple[str, str, str]:
        """(before, match, after) as shown in `width` pixels: the match whole if it fits, as much context
        before it as leaves room for the context after (at most a third of the row when space is short)."""
        before, match, after = parts
        plain, bold = (QFontMetrics(f) for f in self._fonts(font))
        match_width = bold.horizontalAdvance(match)
        if match_width >= width:
            return "", bold.elidedText(match, Qt.TextElideMode.ElideRight, width), ""
        room = width - match_width
        budget = min(plain.horizontalAdvance(before), max(room - plain.horizontalAdvance(after), room // 3))
        shown_before = plain.elidedText(before, Qt.TextElideMode.ElideLeft, budget) if budget > 0 else ""
        if shown_before == "…" and before != "…":
            shown_before = ""  # an ellipsis alone says nothing
        room -= plain.horizontalAdvance(shown_before)
        return shown_before, match, plain.elidedText(after, Qt.TextElideMode.ElideRight, max(0, room))

    def text_rect(self, option: QStyleOptionViewItem, index: QModelIndex) -> QRect:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        style = options.widget.style() if options.widget else QApplication.style()
        return style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, options, options.widget)

    def shown_text(self, option: QStyleOptionViewItem, index: QModelIndex) -> str:
        """The row's text as painted at `option.rect` (for tests and accessibility)."""
        width = self.text_rect(option, index).width() - 2 * TEXT_MARGIN
        parts = index.data(PARTS_ROLE)
        if parts:
            return "".join(self.elided_parts(option.font, width, parts))
        title, count = index.data(TITLE_ROLE), index.data(COUNT_ROLE)
        if title is None:
            return index.data() or ""
        count_text, metrics = f"{count}", QFontMetrics(option.font)
        room = width - metrics.horizontalAdvance(count_text) - COUNT_GAP
        return f"{metrics.elidedText(title, Qt.TextElideMode.ElideRight, max(0, room))} {count_text}"

    def paint(self, painter, option, index) -> None:
        parts, title = index.data(PARTS_ROLE), index.data(TITLE_ROLE)
        if parts is None and title is None:
            return super().paint(painter, option, index)
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        rect = self.text_rect(option, index).adjusted(TEXT_MARGIN, 0, -TEXT_MARGIN, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(option.palette.color(role))
        if parts is not None:
            self._paint_hit(painter, rect, option.font, parts)
        else:
            self._paint_counted(painter, rect, option, title, index.data(COUNT_ROLE), selected)
        painter.restore()

    def _paint_hit(self, painter, rect: QRect, font: QFont, parts: tuple[str, str, str]) -> None:
        x = rect.left()
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        plain, bold = self._fonts(font)
        for text, face in zip(self.elided_parts(font, rect.width(), parts), (plain, bold, plain), strict=True):
            if not text:
                continue
            painter.setFont(face)
            width = QFontMetrics(face).horizontalAdvance(text)
            painter.drawText(QRect(x, rect.top(), width + 1, rect.height()), flags, text)
            x += width

    def _paint_counted(self, painter, rect: QRect, option, title: str, count: int, selected: bool) -> None:
        metrics = QFontMetrics(option.font)
        count_text = f"{count}"
        count_width = metrics.horizontalAdvance(count_text)
        room = max(0, rect.width() - count_width - COUNT_GAP)
        painter.setFont(option.font)
        painter.drawText(QRect(rect.left(), rect.top(), room, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight, room))
        if not selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(QRect(rect.right() - count_width, rect.top(), count_width + 1, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, count_text)

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        bold = QFontMetrics(self._fonts(option.font)[1])
        return QSize(min(hint.width(), 120), max(hint.height(), bold.height() + 4))


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
        self.outside: Path | None = None  # the open document searched with the library, being outside it
        self._status: tuple = ("", )  # what the status line says, kept so it can be said in another language
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
        self.tree.clicked.connect(self.activate)  # one click on a hit jumps; arrows only move the selection
        self.tree.activated.connect(self.activate)  # Enter (and a double click)

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
        self.model.set_results(response)
        self.tree.expandAll()
        self.last_response, self.query_id_shown, self.counted = response, query_id, None
        self.hits = self.model.hit_indexes()
        self._show_results_or_hint()
        self._show_position()
        self._say_response()

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
        hits = getattr(self, "hits", []) if self.last_response is not None else []
        current = self.tree.currentIndex()
        if not hits or current.data(HIT_ROLE) is None:
            self.position.hide()
            return
        self.position.setText(self.tr("Hit %1 of %2").replace("%1", str(hits.index(current) + 1)).replace(
            "%2", str(len(hits))))
        self.position.show()

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
