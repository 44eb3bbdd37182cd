"""The UI language: Qt translations (resources/translations/reader_<lang>.ts, compiled to .qm).

`install_translator(app, language)` loads the reader's catalogue and Qt's own (qtbase: standard
dialogs and buttons) for "en", "zh_CN" or "system" (the system locale), replacing the catalogues a
previous call installed. The .qm files are compiled from the .ts by `make translations` (which `make
run`, `make test` and `make dist` do first); when they are missing or older than the .ts (a checkout
without make), they are compiled into the data dir with PySide6's lrelease.

Translations are looked up by context, the class name of the object whose tr() is called. Code in
module functions that calls `window.tr("…")` is catalogued by pyside6-lupdate under the context
"window", not "MainWindow"; the reader's translator falls back to the other contexts of its
catalogue, so those strings are translated too.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.paths import data_dir, resource_path

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
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


def ts_path(language: str) -> Path:
    return resource_path("translations", f"{CATALOGUE}_{language}.ts")


def qm_path(language: str) -> Path | None:
    """The compiled catalogue for `language`: the bundled .qm, else one compiled into the data dir."""
    source = ts_path(language)
    bundled = source.with_suffix(".qm")
    if bundled.is_file() and (not source.is_file() or bundled.stat().st_mtime >= source.stat().st_mtime):
        return bundled
    if not source.is_file():
        return None
    compiled = data_dir() / "translations" / bundled.name
    if compiled.is_file() and compiled.stat().st_mtime >= source.stat().st_mtime:
        return compiled
    return compiled if compile_catalogue(source, compiled) else (bundled if bundled.is_file() else None)


def lrelease_command() -> list[str] | None:
    """How to run Qt's lrelease: PySide6's binary, or pyside6-lrelease on the PATH."""
    import PySide6

    package = Path(PySide6.__file__).parent
    for candidate in (package / "lrelease", package / "lrelease.exe", package / "Qt" / "libexec" / "lrelease"):
        if candidate.is_file():
            return [str(candidate)]
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def compile_catalogue(source: Path, target: Path) -> bool:
    """Compile a .ts into a .qm with lrelease; False (and a log line) if that cannot be done."""
    command = lrelease_command()
    if command is None:
        _log.warning("Cannot compile %s: lrelease not found", source.name)
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([*command, "-silent", str(source), "-qm", str(target)], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as error:
        _log.warning("Cannot compile %s: %s", source.name, error)
        return False
    return target.is_file()


class ReaderTranslator(QTranslator):
    """The reader's catalogue, looked up in the caller's context first, then in the others."""

    def __init__(self, contexts: list[str], parent=None) -> None:
        super().__init__(parent)
        self._contexts = contexts

    def translate(self, context, source_text, disambiguation=None, n=-1):
        found = super().translate(context, source_text, disambiguation, n)
        if found:
            return found
        for other in self._contexts:
            if other != context:
                found = super().translate(other, source_text, disambiguation, n)
                if found:
                    return found
        return None  # a null string: "not here", so Qt asks the next catalogue or keeps the source (not "")


def catalogue_contexts(language: str) -> list[str]:
    """The context names of a language's .ts, in file order."""
    source = ts_path(language)
    if not source.is_file():
        return []
    root = ElementTree.parse(source).getroot()
    return [name.text or "" for name in root.iter("name")]


def install_translator(app: QCoreApplication, language: str) -> str:
    """Translate the UI into `language` ("system", "en", "zh_CN"); returns the concrete language.

    Installing fires a LanguageChange event at every widget, so windows that retranslate on it
    (the menus do) change at once.
    """
    concrete = resolve_language(language)
    for old in getattr(app, "_reader_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    if concrete != "en":
        qt_catalogue = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_catalogue.load(f"qtbase_{concrete}", qt_dir):
            installed.append(qt_catalogue)
        path = qm_path(concrete)
        ours = ReaderTranslator(catalogue_contexts(concrete), app)
        if path is not None and ours.load(str(path)):
            installed.append(ours)
        else:
            _log.warning("No compiled translation for %s", concrete)
    for translator in installed:
        app.installTranslator(translator)
    app._reader_translators = installed
    app.setProperty("readerLanguage", concrete)
    return concrete


def current_language() -> str:
    app = QCoreApplication.instance()
    return str(app.property("readerLanguage") or "en") if app else "en"
