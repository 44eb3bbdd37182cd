"""One source of truth for the themes (themes.THEMES) and the UI languages (i18n.LANGUAGES): the settings,
the View ▸ Theme menu and the preferences offer exactly those."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from reader.ui.settings import i18n, themes
from reader.ui.settings.settings import ReaderSettings
from reader.ui.shell.menus import THEME_CHOICES


def test_the_themes_are_system_and_those_with_colours() -> None:
    assert themes.THEMES == ("system", "light", "dark", "sepia") == ("system", *themes.COLORS)
    assert [theme for theme, _label in THEME_CHOICES] == list(themes.THEMES)


def test_the_settings_keep_the_known_themes_and_languages_only() -> None:
    for theme in themes.THEMES:
        assert ReaderSettings(theme=theme).validated().theme == theme
    for language in i18n.LANGUAGE_SETTINGS:
        assert ReaderSettings(language=language).validated().language == language
    assert ReaderSettings(theme="solarized", language="fr").validated() == ReaderSettings().validated()
    assert i18n.LANGUAGE_SETTINGS == ("system", "en", "zh_CN")


def test_the_menu_and_the_preferences_offer_the_themes_and_languages(make_window) -> None:
    window = make_window()
    assert [action.objectName() for action in window.menus.theme.actions()] == [f"theme_{t}" for t in themes.THEMES]
    window.findChild(type(window.file_menu.actions()[0]), "preferencesAction").trigger()
    dialog = window.findChild(QDialog, "preferencesDialog")
    themes_offered = [dialog.theme_box.itemData(i) for i in range(dialog.theme_box.count())]
    languages = [(dialog.language_box.itemData(i), dialog.language_box.itemText(i))
                 for i in range(dialog.language_box.count())]
    assert themes_offered == list(themes.THEMES)
    assert languages == [("system", "Follow the system"), ("en", "English"), ("zh_CN", "简体中文")]
    dialog.close()
