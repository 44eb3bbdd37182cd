"""The window's menus: File, View (panes, encoding), Library and Help."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from reader import __version__
from reader.documents.library import add_folder

ENCODINGS = (
    ("utf-8", "UTF-8"),
    ("gb18030", "GB18030 / GBK (Simplified Chinese)"),
    ("cp950", "Big5 (Traditional Chinese)"),
    ("utf-16", "UTF-16"),
    ("utf-32", "UTF-32"),
    ("shift_jis", "Shift-JIS (Japanese)"),
    ("euc-kr", "EUC-KR (Korean)"),
    ("cp1252", "Windows-1252 (Western)"),
    ("latin-1", "ISO-8859-1 (Latin-1)"),
)
DOCUMENT_FILTER = "Documents (*.txt *.md *.markdown);;All files (*)"


def build_menus(window: QMainWindow) -> None:
    """Create the menu bar of `window` (a MainWindow)."""
    _file_menu(window)
    _view_menu(window)
    _go_menu(window)
    _library_menu(window)
    _help_menu(window)


def _action(window: QMainWindow, text: str, slot, shortcut=None, name: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if name:
        action.setObjectName(name)
    action.triggered.connect(slot)
    return action


def _file_menu(window: QMainWindow) -> None:
    menu = window.menuBar().addMenu(window.tr("&File"))
    menu.setObjectName("fileMenu")
    menu.addAction(_action(window, window.tr("&Open…"), lambda: _ask_open(window), QKeySequence.StandardKey.Open, "openAction"))
    menu.addAction(_action(window, window.tr("Open &Folder…"), lambda: _ask_folder(window), "Ctrl+Shift+O", "openFolderAction"))
    recent = menu.addMenu(window.tr("Open &Recent"))
    recent.setObjectName("recentMenu")
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    window.recent_menu = recent
    menu.addSeparator()
    menu.addAction(_action(window, window.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit, "quitAction"))
    window.file_menu = menu


def _view_menu(window: QMainWindow) -> None:
    menu = window.menuBar().addMenu(window.tr("&View"))
    menu.setObjectName("viewMenu")
    window.panes_menu = menu.addMenu(window.tr("&Panes"))
    for dock in (window.library_pane, window.outline_pane):
        window.panes_menu.addAction(dock.toggleViewAction())
    encoding_menu = menu.addMenu(window.tr("&Encoding"))
    encoding_menu.setObjectName("encodingMenu")
    group = QActionGroup(window)
    detect = _action(window, window.tr("Detect automatically"), lambda: window.reload_with_encoding(None), name="encoding_auto")
    encoding_menu.addAction(detect)
    encoding_menu.addSeparator()
    for codec, label in ENCODINGS:
        action = _action(window, label, lambda _=False, c=codec: window.reload_with_encoding(c), name=f"encoding_{codec}")
        action.setCheckable(True)
        group.addAction(action)
        encoding_menu.addAction(action)
    window.encoding_menu = encoding_menu
    menu.addSeparator()
    menu.addAction(_action(window, window.tr("Zoom &In"), lambda: window.zoom(1), QKeySequence.StandardKey.ZoomIn, "zoomInAction"))
    menu.addAction(_action(window, window.tr("Zoom &Out"), lambda: window.zoom(-1), QKeySequence.StandardKey.ZoomOut, "zoomOutAction"))
    menu.addAction(_action(window, window.tr("&Actual Size"), lambda: window.zoom(0), "Ctrl+0", "zoomResetAction"))
    menu.addAction(_action(window, window.tr("&Full Screen"), window.toggle_full_screen, QKeySequence.StandardKey.FullScreen, "fullScreenAction"))
    window.view_menu = menu


def _go_menu(window: QMainWindow) -> None:
    menu = window.menuBar().addMenu(window.tr("&Go"))
    menu.setObjectName("goMenu")
    menu.addAction(_action(window, window.tr("&Back"), window.go_back, QKeySequence.StandardKey.Back, "backAction"))
    menu.addAction(_action(window, window.tr("&Forward"), window.go_forward, QKeySequence.StandardKey.Forward, "forwardAction"))
    window.go_menu = menu


def _fill_recent(window: QMainWindow, menu) -> None:
    menu.clear()
    for path in window.recent_files():
        menu.addAction(Path(path).name, lambda p=path: window.open_document(p)).setToolTip(path)
    if menu.isEmpty():
        menu.addAction(window.tr("(none)")).setEnabled(False)


def _library_menu(window: QMainWindow) -> None:
    menu = window.menuBar().addMenu(window.tr("&Library"))
    menu.setObjectName("libraryMenu")
    menu.addAction(_action(window, window.tr("&Add Folder…"), lambda: _ask_folder(window), name="addFolderAction"))
    menu.addAction(_action(window, window.tr("&Refresh"), window.refresh_library, "F5", "refreshLibraryAction"))
    window.library_menu = menu


def _help_menu(window: QMainWindow) -> None:
    menu = window.menuBar().addMenu(window.tr("&Help"))
    menu.setObjectName("helpMenu")
    menu.addAction(_action(window, window.tr("&About Reader"), lambda: _about(window), name="aboutAction"))
    window.help_menu = menu


def _ask_open(window: QMainWindow) -> None:
    paths, _ = QFileDialog.getOpenFileNames(window, window.tr("Open documents"), "", DOCUMENT_FILTER)
    if paths:
        window.open_paths([Path(p) for p in paths])


def _ask_folder(window: QMainWindow) -> None:
    folder = QFileDialog.getExistingDirectory(window, window.tr("Add a folder to the library"))
    if folder:
        add_folder(Path(folder))
        window.refresh_library()


def _about(window: QMainWindow) -> None:
    QMessageBox.about(
        window,
        window.tr("About Reader"),
        window.tr("Reader %s\nAn offline reader for long documents.") % __version__,
    )
