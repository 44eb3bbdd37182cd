"""The window's menus: File, Edit, View (panes, theme, encoding, zoom), Go, Library and Help.

Every action has a shortcut where it makes sense, the platform's own (QKeySequence.StandardKey)
where Qt has one. Menu and action texts are marked with QT_TRANSLATE_NOOP("MainWindow", …) and
translated when they are set, so they change at once when the UI language changes (`retranslate`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QFileDialog, QMainWindow, QMenu, QWidget

from reader.documents.library import add_folder
from reader.documents.names import display_name
from reader.ui.settings.themes import THEMES
from reader.ui.views.plain import plain_tooltip

CONTEXT = "MainWindow"
ENCODINGS = (
    ("utf-8", "UTF-8"),
    ("gb18030", QT_TRANSLATE_NOOP("MainWindow", "GB18030 / GBK (Simplified Chinese)")),
    ("cp950", QT_TRANSLATE_NOOP("MainWindow", "Big5 (Traditional Chinese)")),
    ("utf-16", "UTF-16"),
    ("utf-32", "UTF-32"),
    ("shift_jis", QT_TRANSLATE_NOOP("MainWindow", "Shift-JIS (Japanese)")),
    ("euc-kr", QT_TRANSLATE_NOOP("MainWindow", "EUC-KR (Korean)")),
    ("cp1252", QT_TRANSLATE_NOOP("MainWindow", "Windows-1252 (Western)")),
    ("latin-1", QT_TRANSLATE_NOOP("MainWindow", "ISO-8859-1 (Latin-1)")),
)
THEME_CHOICES = tuple(zip(THEMES, (  # the labels of themes.THEMES, in its order
    QT_TRANSLATE_NOOP("MainWindow", "Follow the &System"),
    QT_TRANSLATE_NOOP("MainWindow", "&Light"),
    QT_TRANSLATE_NOOP("MainWindow", "&Dark"),
    QT_TRANSLATE_NOOP("MainWindow", "S&epia"),
), strict=True))
SCRIPT_CHOICES = (  # View ▸ Chinese Script: (reader.text.script.SCRIPTS id, label, action objectName)
    ("as-written", QT_TRANSLATE_NOOP("MainWindow", "As &Written"), "scriptAsWrittenAction"),
    ("simplified", QT_TRANSLATE_NOOP("MainWindow", "&Simplified"), "scriptSimplifiedAction"),
    ("traditional", QT_TRANSLATE_NOOP("MainWindow", "&Traditional"), "scriptTraditionalAction"),
    ("taiwan", QT_TRANSLATE_NOOP("MainWindow", "Traditional (T&aiwan phrases)"), "scriptTaiwanAction"),
    ("hongkong", QT_TRANSLATE_NOOP("MainWindow", "Traditional (&Hong Kong)"), "scriptHongKongAction"),
)
# Panes that F6 / Shift+F6 move the keyboard focus between, in order (the text view goes third).
FOCUS_PANES = ("libraryPane", "outlinePane", "textView", "searchPane", "bookmarksPane")


def tr(source: str) -> str:
    """`source` in the UI language (the MainWindow context)."""
    return QCoreApplication.translate(CONTEXT, source)


def keys(standard: QKeySequence.StandardKey | None, *fallback: str) -> list[QKeySequence]:
    """The platform's bindings for `standard` (first is the one menus show), else `fallback`."""
    bindings = list(QKeySequence.keyBindings(standard)) if standard is not None else []
    for extra in fallback:
        sequence = QKeySequence(extra)
        if sequence not in bindings:
            bindings.append(sequence)
    return bindings


@dataclass
class Menus:
    """The window's menus, and the actions other parts of the window refer to."""

    file: QMenu
    recent: QMenu
    edit: QMenu
    view: QMenu
    panes: QMenu
    theme: QMenu
    encoding: QMenu
    go: QMenu
    library: QMenu
    help: QMenu
    open_folder_action: QAction
    preferences_action: QAction
    language_watcher: QObject


def build_menus(window: QMainWindow, panes: tuple[QDockWidget, ...] = ()) -> Menus:
    """Create the menu bar of `window` (a MainWindow), listing `panes` in View ▸ Panes."""
    file, recent, open_folder = _file_menu(window)
    edit, preferences = _edit_menu(window)
    view, panes_menu, theme, encoding = _view_menu(window, panes)
    _outline_menu(window)
    return Menus(file, recent, edit, view, panes_menu, theme, encoding, _go_menu(window), _library_menu(window),
                 _help_menu(window), open_folder, preferences, _LanguageWatcher(window))


def _action(window: QMainWindow, source: str, slot, shortcuts=None, name: str = "") -> QAction:
    """An action whose text is `source` translated (and re-translated when the language changes)."""
    action = QAction(tr(source), window)
    action.setProperty("trSource", source)
    if shortcuts is not None:
        if isinstance(shortcuts, list):
            action.setShortcuts(shortcuts)
        else:
            action.setShortcut(QKeySequence(shortcuts))
    if name:
        action.setObjectName(name)
    action.triggered.connect(slot)
    window.addAction(action)  # its shortcut works with the menu bar hidden (focus mode) too
    return action


make_action = _action  # for the window's other parts (pane toggles, focus mode)


def _menu(parent, source: str, name: str) -> QMenu:
    menu = parent.addMenu(tr(source))
    menu.setObjectName(name)
    menu.menuAction().setProperty("trSource", source)
    return menu


def retranslate(window: QMainWindow) -> None:
    """Set the texts of the menus and their actions again, in the current UI language."""
    for action in window.findChildren(QAction):
        source = action.property("trSource")
        if source:
            action.setText(_translated(action, source))
    for menu in window.findChildren(QMenu):
        source = menu.menuAction().property("trSource")
        if source:
            menu.setTitle(_translated(menu.menuAction(), source))


def _translated(action: QAction, source: str) -> str:
    """`source` in the UI language, in the action's own context (trContext) or the window's."""
    return QCoreApplication.translate(action.property("trContext") or CONTEXT, source)


class _LanguageWatcher(QObject):
    """Re-translates the menus when the window gets a LanguageChange event."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            retranslate(self._window)
        return False


def _file_menu(window: QMainWindow) -> tuple[QMenu, QMenu, QAction]:
    menu = _menu(window.menuBar(), QT_TRANSLATE_NOOP("MainWindow", "&File"), "fileMenu")
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "&Open…"), lambda: _ask_open(window),
                           keys(QKeySequence.StandardKey.Open, "Ctrl+O"), "openAction"))
    open_folder = _action(window, QT_TRANSLATE_NOOP("MainWindow", "Open &Folder…"),
                          lambda: _ask_folder(window), "Ctrl+Shift+O", "openFolderAction")
    menu.addAction(open_folder)
    recent = _menu(menu, QT_TRANSLATE_NOOP("MainWindow", "Open &Recent"), "recentMenu")
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    menu.addSeparator()
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "&Quit"), window.close,
                           keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"), "quitAction"))
    return menu, recent, open_folder


def _edit_menu(window: QMainWindow) -> tuple[QMenu, QAction]:
    menu = _menu(window.menuBar(), QT_TRANSLATE_NOOP("MainWindow", "&Edit"), "editMenu")
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "&Copy"), lambda: window.text_view.copy(),
                           keys(QKeySequence.StandardKey.Copy, "Ctrl+C"), "copyAction"))
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "Select &All"), lambda: window.text_view.selectAll(),
                           keys(QKeySequence.StandardKey.SelectAll, "Ctrl+A"), "selectAllAction"))
    menu.addSeparator()
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "&Find…"), lambda: window.find_bar.open_bar(),
                           keys(QKeySequence.StandardKey.Find, "Ctrl+F"), "findAction"))
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "Find in &Library…"),
                           lambda: window.search_library(), "Ctrl+Shift+F", "findInLibraryAction"))
    menu.addSeparator()
    preferences = _action(window, QT_TRANSLATE_NOOP("MainWindow", "&Preferences…"), window.open_preferences,
                          keys(QKeySequence.StandardKey.Preferences, "Ctrl+,"), "preferencesAction")
    menu.addAction(preferences)
    return menu, preferences


def _view_menu(window: QMainWindow, panes: tuple[QDockWidget, ...]) -> tuple[QMenu, QMenu, QMenu, QMenu]:
    menu = _menu(window.menuBar(), QT_TRANSLATE_NOOP("MainWindow", "&View"), "viewMenu")
    panes_menu = _menu(menu, QT_TRANSLATE_NOOP("MainWindow", "&Panes"), "panesMenu")
    for dock in panes:
        panes_menu.addAction(dock.toggleViewAction())
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "Next Pa&ne"), lambda: cycle_focus(window, 1),
                           keys(None, "F6"), "nextPaneAction"))
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "Previous Pan&e"), lambda: cycle_focus(window, -1),
                           keys(None, "Shift+F6"), "previousPaneAction"))
    menu.addSeparator()
    theme_menu = _menu(menu, QT_TRANSLATE_NOOP("MainWindow", "&Theme"), "themeMenu")
    group = QActionGroup(window)
    for theme, label in THEME_CHOICES:
        action = _action(window, label, lambda _=False, t=theme: _set_theme(window, t), name=f"theme_{theme}")
        action.setCheckable(True)
        group.addAction(action)
        theme_menu.addAction(action)
    theme_menu.aboutToShow.connect(lambda: _check_theme(window, theme_menu))
    encoding_menu = _menu(menu, QT_TRANSLATE_NOOP("MainWindow", "&Encoding"), "encodingMenu")
    group = QActionGroup(window)
    detect = _action(window, QT_TRANSLATE_NOOP("MainWindow", "Detect automatically"),
                     lambda: window.reload_with_encoding(None), name="encoding_auto")
    encoding_menu.addAction(detect)
    encoding_menu.addSeparator()
    for codec, label in ENCODINGS:
        action = _action(
            window, label, lambda _=False, c=codec: window.reload_with_encoding(c), name=f"encoding_{codec}"
        )
        action.setCheckable(True)
        group.addAction(action)
        encoding_menu.addAction(action)
    _script_menu(window, menu)
    menu.addSeparator()
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "Zoom &In"), lambda: window.zoom(1),
                           keys(QKeySequence.StandardKey.ZoomIn, "Ctrl++", "Ctrl+="), "zoomInAction"))
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "Zoom &Out"), lambda: window.zoom(-1),
                           keys(QKeySequence.StandardKey.ZoomOut, "Ctrl+-"), "zoomOutAction"))
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "&Actual Size"), lambda: window.zoom(0),
                           "Ctrl+0", "zoomResetAction"))
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "&Full Screen"), window.toggle_full_screen,
                           "Shift+F11", "fullScreenAction"))  # F11 is focus mode
    return menu, panes_menu, theme_menu, encoding_menu


def _script_menu(window: QMainWindow, view_menu: QMenu) -> QMenu:
    """View ▸ Chinese Script: one exclusive choice per script; window.set_script(script) shows it."""
    menu = _menu(view_menu, QT_TRANSLATE_NOOP("MainWindow", "Chinese &Script"), "chineseScriptMenu")
    group = QActionGroup(window)
    for script, label, name in SCRIPT_CHOICES:
        action = _action(window, label, lambda _=False, s=script: window.set_script(s), name=name)
        action.setCheckable(True)
        action.setChecked(script == "as-written")
        group.addAction(action)
        menu.addAction(action)
    return menu


def check_script(window: QMainWindow, script: str) -> None:
    """Check the View ▸ Chinese Script entry of `script`."""
    for choice, _label, name in SCRIPT_CHOICES:
        action = window.findChild(QAction, name)
        if action is not None:
            action.setChecked(choice == script)


def _outline_menu(window: QMainWindow) -> QMenu:
    menu = _menu(window.menuBar(), QT_TRANSLATE_NOOP("MainWindow", "&Outline"), "outlineMenu")
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "Chapter &Rules…"),
                           lambda: window.outline_pane.open_rules_editor(), name="chapterRulesAction"))
    return menu


def _go_menu(window: QMainWindow) -> QMenu:
    menu = _menu(window.menuBar(), QT_TRANSLATE_NOOP("MainWindow", "&Go"), "goMenu")
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "&Back"), window.go_back,
                           keys(QKeySequence.StandardKey.Back, "Alt+Left"), "backAction"))
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "&Forward"), window.go_forward,
                           keys(QKeySequence.StandardKey.Forward, "Alt+Right"), "forwardAction"))
    menu.addSeparator()
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "&Previous Section"),
                           lambda: window.step_section(-1), "Alt+Up", "previousSectionAction"))
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "&Next Section"),
                           lambda: window.step_section(1), "Alt+Down", "nextSectionAction"))
    menu.addSeparator()
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "&Start"), lambda: window.go_to_offset(0),
                           "Ctrl+Home", "startAction"))
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "&End"), window.go_to_end, "Ctrl+End", "endAction"))
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "Go to &Position…"), window.ask_position,
                           "Ctrl+G", "goToPositionAction"))
    return menu


def _fill_recent(window: QMainWindow, menu) -> None:
    menu.clear()
    for path in window.recent_files():
        shown = display_name(Path(path).name).replace("&", "&&")
        menu.addAction(shown, lambda p=path: window.open_document(p)).setToolTip(plain_tooltip(display_name(path)))
    if menu.isEmpty():
        menu.addAction(tr(QT_TRANSLATE_NOOP("MainWindow", "(none)"))).setEnabled(False)


def _library_menu(window: QMainWindow) -> QMenu:
    menu = _menu(window.menuBar(), QT_TRANSLATE_NOOP("MainWindow", "&Library"), "libraryMenu")
    add = _action(
        window, QT_TRANSLATE_NOOP("MainWindow", "&Add Folder…"), lambda: _ask_folder(window), name="addFolderAction"
    )
    menu.addAction(add)
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "&Refresh"), window.refresh_library,
                           keys(QKeySequence.StandardKey.Refresh, "F5"), "refreshLibraryAction"))
    menu.addSeparator()
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "Reading &Statistics…"), window.open_statistics,
                           name="statisticsAction"))
    return menu


def _help_menu(window: QMainWindow) -> QMenu:
    menu = _menu(window.menuBar(), QT_TRANSLATE_NOOP("MainWindow", "&Help"), "helpMenu")
    menu.addAction(_action(
        window, QT_TRANSLATE_NOOP("MainWindow", "&Keyboard Shortcuts"), lambda: _show_shortcuts(window),
        keys(QKeySequence.StandardKey.HelpContents, "F1"), "shortcutsAction",
    ))
    menu.addAction(_action(window, QT_TRANSLATE_NOOP("MainWindow", "&About Reader"), lambda: _about(window),
                           name="aboutAction"))
    return menu


def _ask_open(window: QMainWindow) -> None:
    documents = tr(QT_TRANSLATE_NOOP("MainWindow", "Documents (*.txt *.md *.markdown);;All files (*)"))
    title = tr(QT_TRANSLATE_NOOP("MainWindow", "Open documents"))
    paths, _ = QFileDialog.getOpenFileNames(window, title, "", documents)
    if paths:
        window.open_paths([Path(p) for p in paths])


def _ask_folder(window: QMainWindow) -> None:
    title = tr(QT_TRANSLATE_NOOP("MainWindow", "Add a folder to the library"))
    folder = QFileDialog.getExistingDirectory(window, title)
    if folder:
        add_folder(Path(folder))
        window.refresh_library()


def _set_theme(window: QMainWindow, theme: str) -> None:
    window.preferences.change(theme=theme)


def _check_theme(window: QMainWindow, menu: QMenu) -> None:
    theme = window.preferences.settings.theme
    for action in menu.actions():
        action.setChecked(action.objectName() == f"theme_{theme}")


def _show_shortcuts(window: QMainWindow) -> None:
    from reader.ui.dialogs.shortcuts import show_shortcuts

    show_shortcuts(window)


def _about(window: QMainWindow) -> None:
    from reader.ui.dialogs.about import show_about

    show_about(window)


def focus_targets(window: QMainWindow) -> list[QWidget]:
    """The widgets F6 moves the focus between: each visible pane's main widget, and the text."""
    targets = []
    for name in FOCUS_PANES:
        if name == "textView":
            targets.append(window.text_view)
            continue
        dock = window.findChild(QDockWidget, name)
        if dock is None or not dock.isVisible() or dock.widget() is None:
            continue
        target = _focus_target(dock)
        if target is not None:
            targets.append(target)
    return targets


def _focus_target(dock: QDockWidget) -> QWidget | None:
    box = dock.findChild(QWidget, "searchBox")
    if box is not None and box.isVisible():
        return box
    for view in dock.findChildren(QAbstractItemView):
        if view.isVisible() and view.focusPolicy() != view.focusPolicy().NoFocus:
            return view
    widget = dock.widget()
    return widget if widget.focusPolicy() != widget.focusPolicy().NoFocus else widget.nextInFocusChain()


def cycle_focus(window: QMainWindow, step: int) -> QWidget | None:
    """Move the keyboard focus to the next (step 1) or previous (-1) pane; returns the focused widget."""
    targets = focus_targets(window)
    if not targets:
        return None
    focused = window.focusWidget()
    current = next(
        (i for i, t in enumerate(targets) if focused is not None and (t is focused or t.isAncestorOf(focused))), None
    )
    index = 0 if current is None and step > 0 else (-1 if current is None else (current + step) % len(targets))
    target = targets[index]
    from PySide6.QtCore import Qt

    target.setFocus(Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason)
    return target
