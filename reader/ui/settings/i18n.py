"""The UI language: Qt translations (resources/translations/reader_<lang>.ts, compiled to .qm at build time).

`install_translator(app, language)` loads the reader's catalogue and Qt's own (qtbase: standard
dialogs and buttons) for "en", "zh_CN" or "system" (the system locale), replacing the catalogues a
previous call installed; a `UiTranslators` object, a child of the application, owns them. The .qm
files are compiled from the .ts by `make translations` (which `make run`, `make test` and `make dist`
do first) and bundled by build.spec; without them the UI stays in English (and a log line says so).

Translations are looked up by context, the class name of the object whose tr() is called. One
context of the catalogue is not a class name, and is looked up too for the class that uses it
(ALIASES): "window", for module functions that call `window.tr("…")` (MainWindow at run time).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from reader.paths import resource_path

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}  # the UI languages, each named in itself
LANGUAGE_SETTINGS = ("system", *LANGUAGES)  # the language settings: the system's, or one of LANGUAGES
CATALOGUE = "reader"
_log = logging.getLogger(__name__)


def resolve_language(language: str) -> str:
    """The concrete language ("en" or "zh_CN") that `language` ("system" too) stands for."""
    if language in LANGUAGES:
        return language
    for name in QLocale.system().uiLanguages():
        name = name.replace("-", "_")
        if name.startswith("zh"):
            return "zh_CN"  # Traditional Chinese readers get Simplified rather than English
        if name.startswith("en"):
            return "en"
    return "en"


# run-time context (a class name) -> the catalogue's contexts that pyside6-lupdate files its strings under
ALIASES: dict[str, tuple[str, ...]] = {
    "MainWindow": ("window",),
}


def qm_path(language: str) -> Path | None:
    """The compiled catalogue for `language` (built by `make translations`), None if it is missing."""
    path = resource_path("translations", f"{CATALOGUE}_{language}.qm")
    return path if path.is_file() else None


class ReaderTranslator(QTranslator):
    """The reader's catalogue, looked up in the caller's context, then in its ALIASES."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        found = super().translate(context, source_text, disambiguation, n)
        if found:
            return found
        for alias in ALIASES.get(context, ()):
            found = super().translate(alias, source_text, disambiguation, n)
            if found:
                return found
        return None  # a null string: "not here", so Qt asks the next catalogue or keeps the source (not "")


class UiTranslators(QObject):
    """The catalogues installed in the application (its child): one language at a time."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("readerTranslators")
        self.language = "en"
        self.installed: list[QTranslator] = []

    @classmethod
    def of(cls, app: QCoreApplication) -> "UiTranslators":
        """The application's translators, created on first use."""
        return app.findChild(cls, "readerTranslators") or cls(app)

    def switch(self, language: str) -> None:
        """Install the catalogues of a concrete `language` ("en" or "zh_CN"), removing the previous ones."""
        app = QCoreApplication.instance()
        for old in self.installed:
            app.removeTranslator(old)
            old.deleteLater()
        self.installed = self._load(language)  # English too: its catalogue holds the plural forms ("1 hit")
        for translator in self.installed:
            app.installTranslator(translator)
        self.language = language

    def _load(self, language: str) -> list[QTranslator]:
        loaded: list[QTranslator] = []
        qt_catalogue = QTranslator(self)
        if language != "en" and qt_catalogue.load(
                f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            loaded.append(qt_catalogue)
        path = qm_path(language)
        ours = ReaderTranslator(self)
        if path is not None and ours.load(str(path)):
            loaded.append(ours)
        else:
            _log.warning("No compiled translation for %s: run make translations", language)
        return loaded


def install_translator(app: QCoreApplication, language: str) -> str:
    """Translate the UI into `language` ("system", "en", "zh_CN"); returns the concrete language.

    Installing fires a LanguageChange event at every widget, so windows that retranslate on it
    (the menus do) change at once.
    """
    concrete = resolve_language(language)
    QLocale.setDefault(QLocale(concrete))  # dates and month names (the statistics heatmap) follow the UI too
    UiTranslators.of(app).switch(concrete)
    return concrete
