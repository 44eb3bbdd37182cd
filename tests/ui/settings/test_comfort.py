"""Themes, reading settings, the preferences dialog, shortcuts and keyboard access to the panes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QDoubleSpinBox, QSpinBox

from reader.ui.settings.settings import SETTINGS_VERSION, ReaderSettings, open_settings
from reader.ui.settings.themes import COLORS, resolve_theme
from reader.ui.shell.menus import cycle_focus

CORPUS_FILES = sorted(Path(__file__).resolve().parents[3].joinpath("corpus").glob("*.txt"))


def _page(view) -> str:
    return view.palette().color(QPalette.ColorRole.Base).name()


def _ink(view) -> str:
    return view.palette().color(QPalette.ColorRole.Text).name()


def _open_preferences(window, qtbot) -> QDialog:
    window.findChild(QAction, "preferencesAction").trigger()
    dialog = window.findChild(QDialog, "preferencesDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def _line_pitch(view) -> float:
    """The distance between the first two lines of the text, in line heights (as laid out and painted)."""
    block = view.document_view().firstBlock()
    view.blockBoundingRect(block)
    layout = block.layout()
    assert layout.lineCount() >= 2
    return (layout.lineAt(1).y() - layout.lineAt(0).y()) / layout.lineAt(0).height()


def test_the_default_theme_follows_the_system(make_window) -> None:
    assert ReaderSettings().theme == "system"
    window = make_window([str(CORPUS_FILES[0])])
    system_dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    expected = "dark" if system_dark else "light"
    assert resolve_theme("system") == expected
    assert window.preferences.theme == expected
    assert _page(window.text_view) == COLORS[expected].page


def test_dark_and_sepia_recolour_the_text_and_the_application_at_once(make_window, qtbot) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    light_page = _page(window.text_view)
    dialog = _open_preferences(window, qtbot)
    themes = dialog.findChild(QComboBox, "themeCombo")

    themes.setCurrentIndex(themes.findData("dark"))
    assert _page(window.text_view) == COLORS["dark"].page != light_page
    assert QColor(_ink(window.text_view)).lightness() > QColor(_page(window.text_view)).lightness()
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == COLORS["dark"].window
    assert _page(window.rich_view) == COLORS["dark"].page  # the Markdown view too

    themes.setCurrentIndex(themes.findData("sepia"))
    page = QColor(_page(window.text_view))
    assert page.name() == COLORS["sepia"].page
    assert page.red() > page.green() > page.blue()  # warm paper
    assert QColor(_ink(window.text_view)).lightness() < page.lightness()

    window.findChild(QAction, "theme_light").trigger()  # View ▸ Theme ▸ Light
    assert _page(window.text_view) == COLORS["light"].page
    assert window.preferences.settings.theme == "light"


def test_settings_changed_in_the_dialog_apply_at_once_and_persist(make_window, qtbot) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    dialog = _open_preferences(window, qtbot)
    dialog.findChild(QDoubleSpinBox, "fontSizeSpin").setValue(17)
    dialog.findChild(QDoubleSpinBox, "lineSpacingSpin").setValue(1.8)
    dialog.findChild(QSpinBox, "textWidthSpin").setValue(20)
    themes = dialog.findChild(QComboBox, "themeCombo")
    themes.setCurrentIndex(themes.findData("dark"))

    view = window.text_view
    assert view.font().pointSizeF() == 17
    assert _line_pitch(view) == pytest.approx(1.8, rel=1e-3)
    margins = view.viewportMargins()
    assert margins.left() == margins.right() > 0
    assert _page(view) == COLORS["dark"].page
    window.close()

    again = make_window([str(CORPUS_FILES[1])])
    again.resize(1400, 820)  # the offscreen screen is small, and the restored geometry fits it
    assert again.preferences.settings == ReaderSettings(theme="dark", font_size=17, line_spacing=1.8, max_text_width=20)
    view = again.text_view
    assert view.font().pointSizeF() == 17
    assert _line_pitch(view) == pytest.approx(1.8, rel=1e-3)  # a newly opened document gets the spacing too
    assert view.viewportMargins().left() > 0
    assert _page(view) == COLORS["dark"].page
    stored = open_settings()
    assert int(stored.value("settings/version")) == SETTINGS_VERSION


def test_text_width_limits_the_column_and_no_limit_gives_the_whole_width(make_window) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    window.resize(1800, 900)
    view = window.text_view
    assert view.viewportMargins().left() == 0
    window.preferences.change(max_text_width=20)
    narrow = view.viewport().width()
    assert narrow < view.width() / 2
    window.preferences.change(max_text_width=0)
    assert view.viewportMargins().left() == 0 and view.viewport().width() > narrow


def test_zoom_adds_to_the_chosen_font_size_and_actual_size_returns_to_it(make_window) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    window.preferences.change(font_size=15)
    assert window.text_view.font().pointSizeF() == 15
    window.findChild(QAction, "zoomInAction").trigger()
    assert window.text_view.font().pointSizeF() == 16
    window.preferences.change(font_size=20)  # the zoom stays on top of a new size
    assert window.text_view.font().pointSizeF() == 21
    window.findChild(QAction, "zoomResetAction").trigger()
    assert window.text_view.font().pointSizeF() == 20


def test_restore_defaults(make_window, qtbot) -> None:
    window = make_window()
    window.preferences.change(theme="sepia", font_size=30, line_spacing=2.5)
    dialog = _open_preferences(window, qtbot)
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert window.preferences.settings == ReaderSettings()
    assert dialog.findChild(QDoubleSpinBox, "fontSizeSpin").value() == ReaderSettings().font_size


def test_settings_of_an_older_version_are_migrated() -> None:
    old = {"version": 1, "view/dark": "true", "view/font": "Noto Serif CJK SC,15", "view/line_height": "150"}
    settings = ReaderSettings.from_dict(old)
    assert settings == ReaderSettings(theme="dark", font_family="Noto Serif CJK SC", font_size=15.0, line_spacing=1.5)
    assert settings.version == SETTINGS_VERSION
    # no version key, but the old layout's keys: still version 1
    assert ReaderSettings.from_dict({"view/dark": "false"}).theme == "light"


def test_an_old_settings_file_is_migrated_on_load_and_rewritten_on_save(make_window) -> None:
    store = open_settings()
    store.setValue("view/dark", True)
    store.setValue("view/line_height", 140)
    store.setValue("recent/files", ["/nowhere/a.txt"])
    store.sync()
    window = make_window()
    assert window.preferences.settings.theme == "dark"
    assert window.preferences.settings.line_spacing == 1.4
    window.preferences.change(font_size=14)
    store = QSettings(open_settings().fileName(), QSettings.Format.IniFormat)
    assert store.value("view/dark") is None and store.value("appearance/theme") == "dark"
    assert store.value("recent/files") == ["/nowhere/a.txt"]  # the window's own keys are left alone


@pytest.mark.parametrize(
    "stored",
    [
        {"theme": "purple", "font_size": "huge", "line_spacing": "nan", "language": "klingon"},
        {"font_size": "-4", "line_spacing": "99", "max_text_width": "100000"},
        {"version": "7", "font_family": 12},
    ],
)
def test_bad_stored_values_fall_back_or_are_clamped(stored) -> None:
    settings = ReaderSettings.from_dict(stored)
    assert settings.theme in ("system", "light", "dark", "sepia")
    assert settings.language in ("system", "en", "zh_CN")
    assert 6 <= settings.font_size <= 48 and 1 <= settings.line_spacing <= 3
    assert 0 <= settings.max_text_width <= 400 and isinstance(settings.font_family, str)


def _rows(dialog) -> dict[str, str]:
    return dict(dialog.listed())


def test_the_shortcuts_dialog_lists_the_real_actions_and_shortcuts(make_window, qtbot) -> None:
    window = make_window()
    # a colleague's pane adds an action and a QShortcut later: they are listed too
    extra = QAction("Find in Library", window, objectName="findInLibraryAction")
    extra.setShortcut(QKeySequence("Ctrl+Shift+F"))
    window.addAction(extra)
    shortcut = QShortcut(QKeySequence("Ctrl+Alt+J"), window)
    shortcut.setWhatsThis("Jump to the reading position")
    window.findChild(QAction, "shortcutsAction").trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    assert dialog is not None and dialog.isVisible()
    rows = _rows(dialog)
    native = QKeySequence.SequenceFormat.NativeText
    assert rows["Open"].split(",")[0] == QKeySequence(QKeySequence.StandardKey.Open).toString(native)
    assert "Ctrl+O" in rows["Open"]
    assert rows["Back"].startswith("Alt+Left") and rows["Forward"].startswith("Alt+Right")
    assert "Ctrl+," in rows["Preferences"] and "F11" in rows["Full Screen"]
    assert rows["Find in Library"] == "Ctrl+Shift+F"
    assert rows["Jump to the reading position"] == "Ctrl+Alt+J"
    # every action with a shortcut is listed
    listed = set(rows)
    for action in window.findChildren(QAction):
        if not action.shortcut().isEmpty():
            assert action.text().replace("&", "").replace("…", "").strip() in listed
    dialog.findChild(type(dialog.filter_edit), "shortcutsFilter").setText("zoom")
    assert {name for name, _ in dialog.listed()} == {"Zoom In", "Zoom Out"}


def test_window_shortcuts_are_unambiguous(make_window) -> None:
    window = make_window()
    owners: dict[str, str] = {}
    for action in window.findChildren(QAction):
        if action.shortcutContext() not in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
            continue
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in owners, f"{key} is bound to both {owners[key]} and {action.objectName() or action.text()}"
            owners[key] = action.objectName() or action.text()


def test_every_menu_command_has_a_shortcut(make_window) -> None:
    window = make_window()
    without = []
    for menu in (window.file_menu, window.edit_menu, window.view_menu, window.go_menu, window.help_menu):
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None or action.objectName() in ("aboutAction",):
                continue
            if action.shortcut().isEmpty():
                without.append(action.text())
    assert without == []


def test_f6_moves_the_focus_through_the_panes_and_back(make_window, qtbot) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    window.activateWindow()
    targets = [cycle_focus(window, 1) for _ in range(4)]
    assert targets[0].objectName() == "libraryList"
    assert targets[1].objectName() == "outlineTree"
    assert targets[2] is window.text_view
    assert window.focusWidget() is targets[-1]
    assert cycle_focus(window, -1) is targets[-2]
    for widget in (window.text_view, window.findChild(QComboBox) or window.text_view):
        assert widget.accessibleName() or widget is not window.text_view
    assert window.text_view.accessibleName()
    assert window.outline_pane.tree.accessibleName()


def test_the_about_box_shows_the_version_and_the_bundled_licences(make_window) -> None:
    from reader import __version__

    window = make_window()
    window.findChild(QAction, "aboutAction").trigger()
    dialog = window.findChild(QDialog, "aboutDialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(type(dialog.licences), "aboutLicences").toPlainText()
    assert __version__ in dialog.findChild(type(dialog.layout().itemAt(0).widget()), "aboutTitle").text()
    for name, licence in (("PySide6", "LGPL-3.0"), ("Python-Markdown", "BSD"), ("whoosh-reloaded", "BSD"),
                          ("charset-normalizer", "MIT"), ("platformdirs", "MIT"), ("HanziConv", "Apache-2.0")):
        row = text[text.index(name):][:120]
        assert licence in row, row
