"""Help ▸ About Reader: the version, and the licences of the libraries the reader bundles."""

from __future__ import annotations

import platform
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMainWindow, QTextBrowser, QVBoxLayout

from reader import __version__

# (name, distribution on PyPI or None, licence, what it does for the reader, home page)
BUNDLED = (
    ("Qt", None, "LGPL-3.0", QT_TRANSLATE_NOOP("AboutDialog", "the window toolkit"), "https://www.qt.io/licensing/open-source-lgpl-obligations"),
    ("PySide6 / Shiboken6", "PySide6-Essentials", "LGPL-3.0", QT_TRANSLATE_NOOP("AboutDialog", "Qt for Python"), "https://doc.qt.io/qtforpython-6/licenses.html"),
    ("Python-Markdown", "Markdown", "BSD-3-Clause", QT_TRANSLATE_NOOP("AboutDialog", "renders Markdown"), "https://github.com/Python-Markdown/markdown"),
    ("whoosh-reloaded", "Whoosh-Reloaded", "BSD-2-Clause", QT_TRANSLATE_NOOP("AboutDialog", "the search index"), "https://github.com/Sygil-Dev/whoosh-reloaded"),
    ("charset-normalizer", "charset-normalizer", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "detects encodings"), "https://github.com/jawah/charset_normalizer"),
    ("platformdirs", "platformdirs", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "finds the data dir"), "https://github.com/tox-dev/platformdirs"),
    (
        "HanziConv table", None, "Apache-2.0",
        QT_TRANSLATE_NOOP("AboutDialog", "the traditional-to-simplified character table (derived)"),
        "https://github.com/berniey/hanziconv",
    ),
    ("Python", None, "PSF-2.0", QT_TRANSLATE_NOOP("AboutDialog", "the interpreter"), "https://docs.python.org/3/license.html"),
)


def _version(distribution: str | None, name: str) -> str:
    if name == "Qt":
        return qVersion()
    if name == "Python":
        return platform.python_version()
    if distribution is None:
        return ""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return pyside_version if distribution.startswith("PySide6") else ""


class AboutDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("aboutDialog")
        self.resize(600, 480)
        layout = QVBoxLayout(self)
        self.title = QLabel(self, objectName="aboutTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.licences = QTextBrowser(self, objectName="aboutLicences")
        self.licences.setOpenLinks(False)  # the reader never goes online by itself; links are shown, not followed
        layout.addWidget(self.licences)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("About Reader"))
        self.title.setText(
            f"<h2>Reader {__version__}</h2><p>"
            + self.tr("An offline reader for long documents: outline, library search and bookmarks.")
            + "</p>"
        )
        self.licences.setAccessibleName(self.tr("Bundled libraries and their licences"))
        self.licences.setHtml(self._licence_html())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _licence_html(self) -> str:
        rows = []
        for name, distribution, licence, role, url in BUNDLED:
            version = _version(distribution, name)
            rows.append(
                f"<tr><td><b>{name}</b> {version}</td><td>{licence}</td><td>{self.tr(role)}</td></tr>"
                f"<tr><td colspan='3' style='color:gray'>{url}</td></tr>"
            )
        return (
            "<p>" + self.tr("Reader is free software under the MIT licence. It bundles these libraries:") + "</p>"
            "<table cellspacing='4' width='100%'><tr><th align='left'>" + self.tr("Library") + "</th><th align='left'>"
            + self.tr("Licence") + "</th><th align='left'>" + self.tr("Used for") + "</th></tr>"
            + "".join(rows)
            + "</table><p>"
            + self.tr("Qt and PySide6 are used under the GNU LGPL version 3: you may replace them with your own "
                      "build of the same version. Their source is available from qt.io.")
            + "</p>"
        )


def show_about(window: QMainWindow) -> AboutDialog:
    dialog = AboutDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
