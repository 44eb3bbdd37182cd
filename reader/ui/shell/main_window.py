"""The main window: library and outline panes beside the text, a breadcrumb, and a status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QFontDatabase, QKeyEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader.bookmarks import BookmarkError
from reader.bookmarks.links import parse_target, resolve
from reader.documents import Document, is_supported
from reader.documents.library import added_folders, iter_documents, library_folders, real_path, save_added_folders
from reader.documents.names import display_name, path_from_key, path_key
from reader.stats import StatsError, StatsStore, pace
from reader.ui.bookmarks.menu import BookmarksMenu
from reader.ui.bookmarks.note_sync import NoteSync
from reader.ui.bookmarks.pane import BookmarksPane
from reader.ui.dialogs.goto import GoToPositionDialog
from reader.ui.library.pane import LibraryPane
from reader.ui.outline.model import LENGTH_ROLE, LEVEL_ROLE, OFFSET_ROLE
from reader.ui.outline.pane import OutlinePane
from reader.ui.search.find_bar import FindBar
from reader.ui.search.pane import SearchPane
from reader.ui.search.pane import add_shortcuts as add_search_shortcuts
from reader.ui.settings.preferences import Preferences, PreferencesDialog
from reader.ui.settings.settings import open_settings
from reader.ui.shell.focus import FocusMode
from reader.ui.shell.instance import raise_window
from reader.ui.shell.layout import PaneLayout
from reader.ui.shell.loader import NESTED_TOO_DEEPLY, LoadedDocument
from reader.ui.shell.menus import build_menus, check_script, make_action, retranslate
from reader.ui.shell.navigation import sibling_heading
from reader.ui.shell.progress import (
    format_size,
    minutes_per_char,
    percent,
    reading_pace,
    set_reading_pace,
    time_left_text,
)
from reader.ui.shell.session import ReadingSession
from reader.ui.speech.controls import ReadAloudControls
from reader.ui.speech.read_aloud import ReadAloud
from reader.ui.stats.dialog import StatisticsDialog
from reader.ui.stats.recorder import ReadingRecorder
from reader.ui.views.breadcrumb import Breadcrumb
from reader.ui.views.plain import plain_label, plain_message_box
from reader.ui.views.text_views import PlainView, RichView

RECENT_LIMIT = 12


class MainWindow(QMainWindow):
    """The reader's window: builds the session, the panes, menus and status bar, and wires them in
    `_connect_signals()`. Tests drive it through open_document() and the named panes (thin delegates to the
    ReadingSession keep the attributes they use)."""

    documentChanged = Signal(object)
    libraryChanged = Signal(list)  # the library's folders, after one was added or removed

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.resize(1280, 820)
        self.setAcceptDrops(True)
        self._told_no_cjk_font = False
        self._library_folders: list[Path] | None = None
        self._opened: list[Path] = []  # documents opened from outside the library, this session
        self._pace: tuple = (None, None, 0.0)  # (document, pace, its reading minutes per character at that pace)
        self._bookmark_count: tuple[str | None, int] = (None, 0)  # (store key, bookmarks) as last listed
        self._preferences_dialog: PreferencesDialog | None = None
        self._build_central()
        self.session = ReadingSession(self.plain_view, self.rich_view, lambda: self.preferences.settings.line_spacing,
                                      self, lambda: self.preferences.settings.chinese_script)
        self.library_pane = LibraryPane(self)
        self.outline_pane = OutlinePane(self.session, self)
        self._build_status_bar()
        self.menus = build_menus(self, (self.library_pane, self.outline_pane))
        self.preferences = Preferences(self.session.views, self)  # theme, reading font, spacing, width (settings.ini)
        self.bookmarks_pane = BookmarksPane(self.session, self)
        self.bookmarks_menu = BookmarksMenu(self.bookmarks_pane, self.menuBar())
        self.find_toolbar = QToolBar(self.tr("Find"), self, objectName="findToolBar", movable=False)
        self.find_bar = FindBar(self.session, self.find_toolbar)
        self.search_pane = SearchPane(self.session, self, find_bar=self.find_bar)
        self.read_aloud = ReadAloud(self.session, self)
        self.read_aloud_controls = ReadAloudControls(self.read_aloud, self)
        self.statistics_store = StatsStore()
        self.statistics = ReadingRecorder(self.session, self.statistics_store,
                                          self.preferences.settings.keep_statistics, parent=self)
        self.note_sync = NoteSync(self.session, lambda: self.preferences.settings.notes_folder, self)
        self._statistics_dialog: StatisticsDialog | None = None
        self._place_children()
        self._connect_signals()
        self.retranslate_ui()
        self.refresh_library()

    # --- construction -------------------------------------------------------------------------

    def _build_central(self) -> None:
        central = QWidget(self)
        central.setObjectName("readingArea")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.breadcrumb = Breadcrumb(central)
        layout.addWidget(self.breadcrumb)
        self.stack = QStackedWidget(central)
        self.plain_view = PlainView(self.stack)
        self.rich_view = RichView(self.stack)
        self.rich_view.setObjectName("textViewInactive")
        for view in (self.plain_view, self.rich_view):
            self.stack.addWidget(view)
        layout.addWidget(self.stack)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.load_progress = QProgressBar(bar, objectName="loadProgress")
        self.load_progress.setRange(0, 0)  # busy: a document is loading on the worker
        self.load_progress.setMaximumWidth(120)
        self.load_progress.hide()
        bar.addPermanentWidget(self.load_progress)
        self.status_labels: dict[str, QLabel] = {}
        for key in ("name", "encoding", "size", "length", "timeLeft", "position"):
            label = plain_label(QLabel(bar, objectName=f"status_{key}"))
            bar.addPermanentWidget(label)
            self.status_labels[key] = label

    def _place_children(self) -> None:
        """Docks, the Bookmarks menu, the find bar, and the shortcuts that work anywhere in the window."""
        make = lambda source, slot, keys=None, name="": make_action(self, source, slot, keys, name)  # noqa: E731
        self.pane_layout = PaneLayout(self, (self.outline_pane, self.library_pane),
                                      (self.search_pane, self.bookmarks_pane), make)
        self.pane_layout.place()
        self.menus.panes.clear()  # the Ctrl+1…4 toggles replace the docks' own actions
        self.menus.panes.addActions(self.pane_layout.actions)
        self.focus_mode = FocusMode(self, self.centralWidget(), self.outline_pane.proxy, make, self._current_heading)
        self.pane_layout.intercept = self._outline_overlay
        self.menus.view.insertAction(self.findChild(QAction, "fullScreenAction"), self.focus_mode.action)
        self.addActions(self.bookmarks_pane.window_actions())
        self.menuBar().insertMenu(self.menus.library.menuAction(), self.bookmarks_menu)
        self.menuBar().insertMenu(self.menus.library.menuAction(), self.read_aloud_controls.menu)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.read_aloud_controls.toolbar)
        self._mark_bookmarks_menu()
        add_search_shortcuts(self.search_pane, self)
        library_search = self.findChild(QShortcut, "searchLibraryShortcut")
        if library_search is not None:  # Edit ▸ Find in Library carries Ctrl+Shift+F now
            library_search.setEnabled(False)
        self.find_toolbar.addWidget(self.find_bar)
        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.find_toolbar)
        self.find_toolbar.hide()

    def _mark_bookmarks_menu(self) -> None:
        """Let menus.retranslate set the Bookmarks menu's texts again (they are in its own context)."""
        menu = self.bookmarks_menu
        for action, source in ((menu.menuAction(), "&Bookmarks"),
                               (menu.findChild(QAction, "exportBookmarksAction"), "&Export Bookmarks…"),
                               (menu.findChild(QAction, "importBookmarksAction"), "&Import Bookmarks…")):
            if action is not None and not action.property("trSource"):
                action.setProperty("trSource", source)
                action.setProperty("trContext", "BookmarksMenu")

    def _connect_signals(self) -> None:
        """Every connection between the session, the panes and the window, in one place."""
        session = self.session
        session.loadingStarted.connect(self._show_loading)
        session.loadFailed.connect(self._show_failure)
        session.showingDocument.connect(self._show_document_status)
        session.viewChanged.connect(self.stack.setCurrentWidget)
        session.documentShown.connect(self._document_shown)
        session.documentChanged.connect(self.documentChanged)
        session.documentChanged.connect(lambda _document: self.preferences.format_documents())
        session.positionChanged.connect(self._show_position)
        session.positionError.connect(lambda message: self.statusBar().showMessage(message, 10000))
        session.scriptError.connect(lambda message: self.statusBar().showMessage(message, 10000))
        for follows in (lambda script: check_script(self, script), self.outline_pane.model.set_script,
                        self.breadcrumb.set_script, lambda _script: self.preferences.format_documents()):
            session.scriptChanged.connect(follows)
        for view in session.views:
            view.add_context_menu_provider(self._bookmark_menu_entry)
            view.add_context_menu_provider(self.outline_pane.extend_text_menu)
            view.historyStepRequested.connect(lambda step: self.go_back() if step < 0 else self.go_forward())
            view.zoomRequested.connect(self.zoom)
        self.rich_view.documentLinkActivated.connect(self._open_linked_document)
        self.rich_view.readerLinkActivated.connect(self.open_link)
        self.breadcrumb.crumbActivated.connect(lambda offset, length: self.jump_to(offset, length))
        self.library_pane.documentActivated.connect(lambda path: self.open_document(path))
        self.library_pane.pathsDropped.connect(self.open_paths)
        self.focus_mode.overlay.headingActivated.connect(lambda offset, length: self.jump_to(offset, length))
        self.library_pane.removeFolderRequested.connect(self.remove_library_folder)
        self.library_pane.reindexRequested.connect(lambda _folder: self.search_pane.start_indexing())
        session.bookmarksChanged.connect(self._show_new_bookmark)
        self.outline_pane.headingActivated.connect(lambda offset, length: self.jump_to(offset, length))
        self.outline_pane.outlineChanged.connect(session.sync_position)
        self.outline_pane.outlineChanged.connect(session.show_headings)  # corrections restyle the plain text
        for source in (self.outline_pane, self.bookmarks_pane, self.bookmarks_menu):
            source.message.connect(self.statusBar().showMessage)
        self.preferences.languageChanged.connect(lambda _language: self._retranslate())
        self.libraryChanged.connect(self.search_pane.library_changed)
        self.search_pane.documentsChanged.connect(self.refresh_library)
        search = self.search_pane
        self.bookmarks_pane.searchRequested.connect(lambda t: (search.show(), search.raise_(), search.box.setText(t)))
        for source in (self.statistics, self.note_sync):
            source.problem.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.preferences.statisticsChanged.connect(self.statistics.set_enabled)
        self.statistics.recorded.connect(self._feed_pace)
        QTimer.singleShot(0, self._feed_pace)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(search.shutdown)
        self.destroyed.connect(lambda *_: search.shutdown())
        self.bookmarks_pane.refresh()
        QTimer.singleShot(0, search.start_indexing)

    def _bookmark_menu_entry(self, menu: QMenu, _offset: int) -> None:
        menu.addSeparator()
        menu.addAction(self.bookmarks_pane.bookmark_action)

    def _retranslate(self) -> None:
        retranslate(self)
        self.retranslate_ui()
        if self._preferences_dialog is not None:
            self._preferences_dialog.retranslate()

    def retranslate_ui(self) -> None:
        """The window's own texts in the UI language: title, find toolbar, status bar."""
        loaded = self.loaded
        self.setWindowTitle(self.tr("%1 — Reader").replace("%1", display_name(loaded.document.path.stem))
                            if loaded else self.tr("Reader"))
        self.find_toolbar.setWindowTitle(self.tr("Find"))
        if loaded is not None:
            self._update_status(loaded)
            self._show_position(self.session.reading_offset())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- panes, focus mode, navigation ----------------------------------------------------------

    def search_library(self) -> None:
        """Edit ▸ Find in Library (Ctrl+Shift+F): open the search pane and put the cursor in its box."""
        self.pane_layout.show_pane(self.search_pane)
        shortcut = self.findChild(QShortcut, "searchLibraryShortcut")
        if shortcut is not None:
            shortcut.activated.emit()  # the pane's own focus (and whatever it does on Ctrl+Shift+F)
        else:
            self.search_pane.box.setFocus()
            self.search_pane.box.selectAll()

    def _show_new_bookmark(self) -> None:
        """A bookmark was added to the open document: open the bookmarks pane (closed until used)."""
        document = self.current_document
        offsets = self.session.bookmark_offsets(document) if document is not None else None
        if offsets is None:  # not listed for the open document (yet): its first listing adds nothing new
            self._bookmark_count = (None, 0)
            return
        key, count = path_key(document.path), len(offsets)
        if key == self._bookmark_count[0] and count > self._bookmark_count[1]:
            self.pane_layout.show_pane(self.bookmarks_pane)
        self._bookmark_count = (key, count)

    def step_section(self, step: int) -> None:
        """Go ▸ Next/Previous Section: the next (1) or previous (-1) heading of the current one's level."""
        items = self.outline_pane.model.items_in_order()
        headings = [(item.data(LEVEL_ROLE), item.data(OFFSET_ROLE)) for item in items]
        index = sibling_heading(headings, self.session.reading_offset(), step)
        if index is None:
            self.statusBar().showMessage(self.tr("No next section at this level.") if step > 0
                                         else self.tr("No previous section at this level."), 5000)
            return
        self.jump_to(headings[index][1], items[index].data(LENGTH_ROLE) or 0)

    def go_to_offset(self, offset: int) -> None:
        """Go ▸ Start, Go to Position: show `offset` (recorded in Back/Forward history)."""
        if self.current_document is not None:
            self.jump_to(min(offset, len(self.current_document.text)))

    def go_to_end(self) -> None:
        if self.current_document is not None:
            self.jump_to(len(self.current_document.text))
            bar = self.text_view.verticalScrollBar()
            bar.setValue(bar.maximum())

    def ask_position(self) -> GoToPositionDialog | None:
        """Go ▸ Go to Position: ask for a percentage or a line number, then go there."""
        document = self.current_document
        if document is None:
            return None
        dialog = GoToPositionDialog(document.text, document.text.count("\n") + 1, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.positionChosen.connect(self.go_to_offset)
        dialog.open()
        return dialog

    def _current_heading(self) -> QModelIndex:
        """The outline pane's (filtered) index of the section the reader is in."""
        item = self.outline_pane.heading_at(self.session.reading_offset()) if self.current_document else None
        return self.outline_pane.proxy.mapFromSource(item.index()) if item is not None else QModelIndex()

    def _outline_overlay(self, dock) -> bool:
        """In focus mode the outline's toggle (Ctrl+1) shows it over the text instead of as a pane."""
        if dock is not self.outline_pane or not self.focus_mode.active:
            return False
        self.focus_mode.toggle_overlay()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.focus_mode.escape():
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.pane_layout.fit()
        self.focus_mode.place()

    def open_preferences(self) -> PreferencesDialog:
        """Show the preferences dialog (one per window), and bring it to the front."""
        if self._preferences_dialog is None:
            self._preferences_dialog = PreferencesDialog(self.preferences, self)
            self._preferences_dialog.clearStatisticsRequested.connect(self.clear_statistics)
        dialog = self._preferences_dialog
        dialog.show()
        raise_window(dialog)
        return dialog

    # --- menus, for tests and callers that know the window --------------------------------------

    @property
    def file_menu(self) -> QMenu:
        return self.menus.file

    @property
    def edit_menu(self) -> QMenu:
        return self.menus.edit

    @property
    def view_menu(self) -> QMenu:
        return self.menus.view

    @property
    def go_menu(self) -> QMenu:
        return self.menus.go

    @property
    def help_menu(self) -> QMenu:
        return self.menus.help

    @property
    def recent_menu(self) -> QMenu:
        return self.menus.recent

    # --- the session, for tests and callers that know the window ------------------------------

    @property
    def text_view(self) -> PlainView | RichView:
        """The view showing the current document."""
        return self.session.view

    @property
    def current_document(self) -> Document | None:
        return self.session.document

    @property
    def loaded(self) -> LoadedDocument | None:
        return self.session.loaded

    @property
    def last_error(self) -> str | None:
        return self.session.last_error

    @property
    def loader(self):
        return self.session.loader

    @property
    def history(self):
        return self.session.history

    @property
    def positions(self):
        return self.session.positions

    @property
    def _sync_timer(self) -> QTimer:
        return self.session._sync_timer

    def open_document(self, path: str | Path, select: tuple[int, int] | None = None,
                      encoding: str | None = None) -> bool | None:
        """Open `path` (or switch to it) and select the source span `select`: True when it is shown, False
        when it failed, None while it loads on the worker (see ReadingSession.open)."""
        return self.session.open(path, select, encoding)

    def reload_with_encoding(self, encoding: str | None) -> None:
        """Decode the current document again with `encoding` (None: detect), and remember the choice."""
        self.session.reload_with_encoding(encoding)

    def set_script(self, script: str) -> None:
        """View ▸ Chinese Script: show the open document in `script`, and make it the default for others."""
        self.preferences.change(chinese_script=script)
        self.session.set_script(script)

    def jump_to(self, offset: int, length: int = 0) -> None:
        """Show and select the source span [offset, offset + length) of the current document."""
        self.session.jump_to(offset, length)

    def go_back(self) -> None:
        self.session.go_back()

    def go_forward(self) -> None:
        self.session.go_forward()

    def _show_loaded(self, loaded: LoadedDocument, request: tuple) -> None:
        self.session._show_loaded(loaded, request)

    def _sync_position(self) -> None:
        self.session.sync_position()

    # --- showing what the session does ----------------------------------------------------------

    def _show_document_status(self, loaded: LoadedDocument) -> None:
        self.load_progress.hide()
        self.statusBar().clearMessage()
        self.setWindowTitle(self.tr("%1 — Reader").replace("%1", display_name(loaded.document.path.stem)))
        self._update_status(loaded)

    def _document_shown(self, loaded: LoadedDocument) -> None:
        self._remember_opened(loaded.document.path)
        self.library_pane.mark_current(loaded.document.path)
        self._show_notes(loaded)
        self._add_recent(loaded.document.path)

    def _show_loading(self, path: str) -> None:
        self.statusBar().showMessage(self.tr("Opening %s…") % display_name(Path(path).name))
        self.load_progress.show()

    def _show_failure(self, path: str, message: str) -> None:
        self.load_progress.hide()
        self.statusBar().showMessage(message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot open document"), message, parent=self)
        box.setObjectName("errorDialog")
        box.setInformativeText(display_name(path))
        plain_message_box(box)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _open_linked_document(self, relative: str) -> None:
        document = self.current_document
        if document is not None:
            target = (document.path.parent / relative).resolve()
            if is_supported(target):
                self.open_document(target)

    def _show_position(self, offset: int) -> None:
        self.outline_pane.sync_to_offset(offset)
        self.breadcrumb.set_path(self.outline_pane.section_path(offset))
        document = self.current_document
        bar = self.text_view.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() and self.text_view.shown_document is document
        self.status_labels["position"].setText(f"{percent(self.text_view.top_offset(), len(document.text), at_end)}%")
        self._show_time_left(document, offset, at_end)

    def _show_time_left(self, document: Document, offset: int, at_end: bool) -> None:
        """Minutes left in the section and in the document, at the reader's pace (progress.reading_pace)."""
        pace = reading_pace()
        if self._pace[0] is not document or self._pace[1] != pace:
            self._pace = (document, pace, minutes_per_char(document.text, pace))
        per_char = self._pace[2]
        total = len(document.text)
        later = [start for start in self.outline_pane.model.offsets() if start > offset]
        section = (min(later) - offset) * per_char if later else None
        document_left = 0.0 if at_end else (total - offset) * per_char
        label = self.status_labels["timeLeft"]
        label.setText(time_left_text(None if at_end else section, document_left))
        label.setToolTip(self.tr("Reading time left, at about %1 Chinese characters or %2 words a minute")
                         .replace("%1", f"{pace.cjk_chars_per_minute:.0f}")
                         .replace("%2", f"{pace.words_per_minute:.0f}"))

    # --- library, status ------------------------------------------------------------------------

    def refresh_library(self) -> None:
        """List the library's documents again; say libraryChanged when its folders changed."""
        folders = library_folders()
        documents = iter_documents(folders)
        self.library_pane.set_library(folders, documents, removable=[real_path(f) for f in added_folders()])
        listed = set(documents)
        self._opened = [path for path in self._opened if path not in listed]
        self.library_pane.set_opened(self._opened)
        self.library_pane.mark_current(self.current_document.path if self.current_document else None)
        if self._library_folders is not None and folders != self._library_folders:
            self.libraryChanged.emit(folders)
        self._library_folders = folders

    def _remember_opened(self, path: Path) -> None:
        """List `path` under "Opened" in the library pane when it is in no library folder."""
        if path in self._opened or any(path.is_relative_to(folder) for folder in library_folders()):
            return
        self._opened.append(path)
        self.library_pane.set_opened(self._opened)

    def remove_library_folder(self, folder: Path) -> None:
        """Forget `folder` (one the user added) from the library; its files stay on disk."""
        target = real_path(folder)
        save_added_folders([f for f in added_folders() if real_path(f) != target])
        self.refresh_library()
        self.statusBar().showMessage(self.tr("Removed %1 from the library (its files are untouched).")
                                     .replace("%1", display_name(folder)), 10000)

    def _update_status(self, loaded: LoadedDocument) -> None:
        document = loaded.document
        self.status_labels["name"].setText(display_name(document.path.name))
        suffix = self.tr(" (chosen)") if document.encoding_overridden else ""
        self.status_labels["encoding"].setText(document.encoding + suffix)
        self.status_labels["size"].setText(format_size(document.size_bytes))
        self.status_labels["length"].setText(self.tr("%s characters") % f"{len(document.text):,}")
        self.status_labels["length"].setToolTip(self.tr("Characters in the document"))

    def _show_notes(self, loaded: LoadedDocument) -> None:
        """One status bar message for what the reader should know about how the text is shown."""
        notes = []
        if loaded.plain_reason == NESTED_TOO_DEEPLY:
            notes.append(self.tr("Shown as plain text: the Markdown is nested too deeply to render."))
        replacements = loaded.document.replacements
        if replacements:
            notes.append(self.tr("Decoded as %s with %d replacement characters; try View ▸ Encoding.")
                         % (loaded.document.encoding, replacements))
        no_font = self._no_cjk_font_note(loaded.document)
        if no_font:
            notes.append(no_font)
        if notes:
            self.statusBar().showMessage(" ".join(notes), 30000)

    def _no_cjk_font_note(self, document: Document) -> str:
        if self._told_no_cjk_font or not any("\u4e00" <= c <= "\u9fff" for c in document.text[:4000]):
            return ""
        if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
            return ""
        self._told_no_cjk_font = True
        return self.tr("No Chinese font is installed, so Chinese text may show as boxes (install fonts-noto-cjk).")

    # --- drag and drop, session -----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        self.open_paths(paths)
        event.acceptProposedAction()

    def open_paths(self, paths: list[Path], last: str = "") -> None:
        """Add folders to the library and show the first file; with folders only, show `last`
        (the previous session's document) if it is in one of them, else the first folder's first."""
        from reader.documents.library import add_folder

        files = [p for p in paths if p.is_file()]
        folders = [p for p in paths if p.is_dir()]
        for folder in folders:
            add_folder(folder)
        self.refresh_library()
        if not files and folders:
            last_path = Path(last).resolve() if last else None
            inside = last_path and last_path.is_file() and any(last_path.is_relative_to(f.resolve()) for f in folders)
            files = [last_path] if inside else iter_documents(folders)[:1]
        if files:
            self.open_document(files[0])

    def _add_recent(self, path: Path) -> None:
        """Remember `path` first among the recent files (stored as path keys: any file name fits)."""
        settings = open_settings()
        key = path_key(path)
        recent = [k for k in _stored_list(settings.value("recent/files")) if k != key and k != str(path)]
        settings.setValue("recent/files", [key, *recent][:RECENT_LIMIT])

    def recent_files(self) -> list[str]:
        """Recently opened documents, newest first."""
        return [str(path_from_key(key)) for key in _stored_list(open_settings().value("recent/files"))]

    def zoom(self, steps: int) -> None:
        """Make the text larger (steps > 0), smaller, or (steps == 0) the default size."""
        self.preferences.zoom_by(steps)

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def save_session(self) -> None:
        settings = open_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.pane_layout.save())
        document = self.current_document
        settings.setValue("session/last_document", path_key(document.path) if document else "")
        settings.sync()

    def restore_session(self) -> str:
        """Restore geometry and pane layout; returns the last open document's path ('' if none)."""
        settings = open_settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.pane_layout.restore(state)  # a state saved before the current layout version is ignored
        key = settings.value("session/last_document", "")
        return str(path_from_key(key)) if isinstance(key, str) and key else ""

    def open_statistics(self) -> StatisticsDialog:
        """Library ▸ Reading Statistics…: the heatmap and the per-document table (what was read so far included)."""
        self.statistics.flush(wait=True)
        if self._statistics_dialog is None:
            self._statistics_dialog = StatisticsDialog(self.statistics_store, self)
            self._statistics_dialog.openRequested.connect(lambda path: self.open_document(path))
            self._statistics_dialog.cleared.connect(self._feed_pace)
        self._statistics_dialog.refresh()
        self._statistics_dialog.show()
        raise_window(self._statistics_dialog)
        return self._statistics_dialog

    def open_link(self, link: str) -> bool:
        """Open a reader:// link (or FILE:OFFSET:LENGTH) at its passage, as `reader open` does."""
        try:
            where = resolve(parse_target(link))
        except BookmarkError as error:
            self.statusBar().showMessage(str(error), 10000)
            return False
        if where.status == "missing":
            self.statusBar().showMessage(self.tr("%s does not exist.") % display_name(where.path), 10000)
            return False
        self.open_document(where.path, (where.offset, where.length))
        return True

    def clear_statistics(self) -> bool:
        """Preferences ▸ Clear Statistics…: forget every reading statistic, after asking."""
        box = plain_message_box(QMessageBox(QMessageBox.Icon.Question, self.tr("Clear Statistics"),
                                            self.tr("Forget all reading statistics? This cannot be undone."),
                                            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self))
        if box.exec() != QMessageBox.StandardButton.Yes:
            return False
        self.statistics.flush(wait=True)
        try:
            self.statistics_store.clear()
        except StatsError as error:
            self.statusBar().showMessage(str(error), 10000)
            return False
        self.statusBar().showMessage(self.tr("Reading statistics cleared."), 5000)
        if self._statistics_dialog is not None:
            self._statistics_dialog.refresh()
        return True

    def _feed_pace(self) -> None:
        """Time-left estimates at the reader's measured pace, once the statistics can tell it."""
        try:
            measured = pace(self.statistics_store.documents())
        except StatsError:
            return
        if measured:
            set_reading_pace(cjk_chars_per_minute=measured)

    def closeEvent(self, event) -> None:
        self.read_aloud.stop()
        self.statistics.flush(wait=True)  # what was read this session, before the window goes
        self.focus_mode.leave()  # save the layout the reader chose, not focus mode's
        self.search_pane.shutdown()  # stop the workers before widgets go
        self.session.save_position()
        self.save_session()
        super().closeEvent(event)


def _stored_list(value) -> list[str]:
    """A list QSettings gives back (a single string for a one-item list, None for none)."""
    if isinstance(value, str):
        return [value]
    return [item for item in value or [] if isinstance(item, str)]
