"""The names of heading conventions and built-in rule sets in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from reader.outline.rules_builtin import AUTO, label_of

CONTEXT = "Conventions"
_LABELS = {
    "markdown": QT_TRANSLATE_NOOP("Conventions", "Markdown"),
    "chinese-report": QT_TRANSLATE_NOOP("Conventions", "Chinese report (一、/（一）)"),
    "chinese-novel": QT_TRANSLATE_NOOP("Conventions", "Chinese novel (卷/章)"),
    "regulation": QT_TRANSLATE_NOOP("Conventions", "Regulation (章/节/条)"),
    "english-book": QT_TRANSLATE_NOOP("Conventions", "English book (Chapter/Part)"),
    "english-report": QT_TRANSLATE_NOOP("Conventions", "English report (I./A./1.)"),
    "none": QT_TRANSLATE_NOOP("Conventions", "no headings found"),
    AUTO: QT_TRANSLATE_NOOP("Conventions", "Automatic detection"),
}


def convention_label(name: str) -> str:
    """The label of convention (or built-in rule set) `name`; a convention this list does not know yet
    keeps the core's English label (CONVENTIONS)."""
    source = _LABELS.get(name)
    return QCoreApplication.translate(CONTEXT, source) if source else label_of(name)
