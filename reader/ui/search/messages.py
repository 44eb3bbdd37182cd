"""The search core's notes and errors (reader.search.messages codes) in the UI language."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from reader.search import Message

CONTEXT = "SearchMessages"

# code -> (template with %1, %2… in the order of `args`, the argument names); the English is that of the core.
TEMPLATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "query.empty": (QT_TRANSLATE_NOOP("SearchMessages", "Type something to search for."), ()),
    "query.unclosed_quote": (
        QT_TRANSLATE_NOOP("SearchMessages", 'A quotation mark is not closed: add the closing ".'), ()),
    "query.unopened_parenthesis": (
        QT_TRANSLATE_NOOP("SearchMessages", "A closing parenthesis has no opening one."), ()),
    "query.unclosed_parenthesis": (QT_TRANSLATE_NOOP("SearchMessages", "A parenthesis is not closed."), ()),
    "query.empty_quotes": (
        QT_TRANSLATE_NOOP("SearchMessages", "There is nothing to search for between the quotation marks."), ()),
    "query.empty_parentheses": (QT_TRANSLATE_NOOP("SearchMessages", "There is nothing inside the parentheses."), ()),
    "query.or_operands": (QT_TRANSLATE_NOOP("SearchMessages", "OR needs a term on both sides."), ()),
    "query.and_operands": (QT_TRANSLATE_NOOP("SearchMessages", "AND needs a term on both sides."), ()),
    "query.not_operand": (QT_TRANSLATE_NOOP("SearchMessages", "NOT (or -) needs a term after it."), ()),
    "query.unexpected": (QT_TRANSLATE_NOOP("SearchMessages", "Unexpected %1 in the query."), ("token",)),
    "query.only_excluded": (
        QT_TRANSLATE_NOOP("SearchMessages", "The query needs at least one term that is not excluded."), ()),
    "index.unreadable": (
        QT_TRANSLATE_NOOP("SearchMessages", "The search index could not be read; scanning documents instead."), ()),
    "index.rebuilt_damaged": (QT_TRANSLATE_NOOP("SearchMessages", "The search index was damaged; rebuilt it."), ()),
    "index.being_built": (
        QT_TRANSLATE_NOOP("SearchMessages", "The search index is being built; scanning documents meanwhile."), ()),
    "index.cannot_create": (
        QT_TRANSLATE_NOOP("SearchMessages", "Cannot create the search index (%1); scanning documents instead."),
        ("reason",)),
    "index.cannot_create_folder": (
        QT_TRANSLATE_NOOP("SearchMessages",
                          "Cannot create the search index folder %1: %2; scanning documents instead."),
        ("folder", "reason")),
    "index.not_a_folder": (QT_TRANSLATE_NOOP(
        "SearchMessages",
        "The search index %1 is not a folder; scanning documents instead (reader index replaces it).",
    ), ("folder",)),
    "index.not_a_folder_kept": (
        QT_TRANSLATE_NOOP("SearchMessages", "The search index %1 is not a folder and cannot be replaced: %2."),
        ("folder", "reason")),
    "index.not_a_folder_replaced": (QT_TRANSLATE_NOOP(
        "SearchMessages", "The search index %1 was not a folder; kept it as %2 and rebuilt the index.",
    ), ("folder", "aside")),
    "index.rebuilding": (QT_TRANSLATE_NOOP("SearchMessages", "Rebuilding the search index from scratch."), ()),
    "index.other_version": (
        QT_TRANSLATE_NOOP("SearchMessages",
                          "The search index was made by another version of the reader; rebuilding it."), ()),
    "index.damaged": (
        QT_TRANSLATE_NOOP("SearchMessages", "The search index was damaged (%1); rebuilding it."), ("error",)),
    "index.cannot_lock": (QT_TRANSLATE_NOOP("SearchMessages", "Cannot lock the search index: %1."), ("reason",)),
    "index.busy": (
        QT_TRANSLATE_NOOP("SearchMessages",
                          "Another reader is indexing this library; try again when it finishes."), ()),
    "index.deleted": (
        QT_TRANSLATE_NOOP("SearchMessages",
                          "The search index %1 was deleted during the update; it is rebuilt on the next run."),
        ("folder",)),
    "index.stopped": (
        QT_TRANSLATE_NOOP("SearchMessages",
                          "Indexing stopped (%1); the index is brought up to date on the next run."), ("reason",)),
    "texts.not_a_folder_kept": (
        QT_TRANSLATE_NOOP("SearchMessages", "The saved texts %1 are not a folder: %2."), ("folder", "reason")),
    "texts.replaced": (
        QT_TRANSLATE_NOOP("SearchMessages",
                          "The saved texts %1 were not a folder; replaced it (texts are prepared again)."),
        ("folder",)),
    "texts.cannot_save": (
        QT_TRANSLATE_NOOP("SearchMessages",
                          "Cannot save prepared texts in %1 (%2); searching from the documents themselves."),
        ("folder", "reason")),
    "texts.not_a_folder": (QT_TRANSLATE_NOOP(
        "SearchMessages",
        "The saved texts %1 are not a folder; searching from the documents themselves (reader index repairs it).",
    ), ("folder",)),
}
_PLACEHOLDER = re.compile(r"%(\d)")


def _argument(name: str, value: object) -> str:
    return repr(value) if name == "token" else str(value)  # the core quotes the token: Unexpected 'AND'


class SearchMessages(QObject):
    """The notes that count documents, in plain words and the right plural (a class: lupdate finds the plural
    forms of self.tr calls only)."""

    def counted(self, code: str, count: int) -> str:
        if code == "search.scanned":
            return self.tr("%n documents are not in the search index yet: searched them one by one.", "", count)
        return self.tr("%n documents are not in the search index yet: their hits are not counted.", "", count)


PLURALS = ("search.scanned", "search.uncounted")  # codes told by SearchMessages.counted


def translate(note: Message) -> str:
    """`note` in the UI language, its arguments filled in (the core's English for a code not listed here)."""
    if note.code in PLURALS:
        return SearchMessages().counted(note.code, int(note.args.get("count", 0) or 0))
    entry = TEMPLATES.get(note.code)
    if entry is None:
        return note.text
    template, names = entry
    values = [_argument(name, note.args.get(name, "")) for name in names]
    text = QCoreApplication.translate(CONTEXT, template)
    return _PLACEHOLDER.sub(lambda match: values[int(match.group(1)) - 1], text)


def translate_all(notes: list[Message]) -> str:
    """Several notes, in the UI language, one after another."""
    return " ".join(translate(note) for note in notes)
