"""Structured notes and errors of search: a code and its arguments, rendered in English for the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# code -> English template (str.format over the message's args). The UI translates by code.
TEMPLATES: dict[str, str] = {
    # a malformed query (QueryError)
    "query.empty": "Type something to search for.",
    "query.unclosed_quote": 'A quotation mark is not closed: add the closing ".',
    "query.unopened_parenthesis": "A closing parenthesis has no opening one.",
    "query.unclosed_parenthesis": "A parenthesis is not closed.",
    "query.empty_quotes": "There is nothing to search for between the quotation marks.",
    "query.empty_parentheses": "There is nothing inside the parentheses.",
    "query.or_operands": "OR needs a term on both sides.",
    "query.and_operands": "AND needs a term on both sides.",
    "query.not_operand": "NOT (or -) needs a term after it.",
    "query.unexpected": "Unexpected {token!r} in the query.",
    "query.only_excluded": "The query needs at least one term that is not excluded.",
    # a search's notes (SearchResponse.status)
    "search.scanned": "{count} documents not indexed yet were scanned.",
    "search.uncounted": "{count} documents not indexed yet were not counted.",
    # the index (IndexReport.status, IndexUnavailable)
    "index.unreadable": "The search index could not be read; scanning documents instead.",
    "index.rebuilt_damaged": "The search index was damaged; rebuilt it.",
    "index.being_built": "The search index is being built; scanning documents meanwhile.",
    "index.cannot_create": "Cannot create the search index ({reason}); scanning documents instead.",
    "index.cannot_create_folder": "Cannot create the search index folder {folder}: {reason}; "
    "scanning documents instead.",
    "index.not_a_folder": "The search index {folder} is not a folder; scanning documents instead "
    "(reader index replaces it).",
    "index.not_a_folder_kept": "The search index {folder} is not a folder and cannot be replaced: {reason}.",
    "index.not_a_folder_replaced": "The search index {folder} was not a folder; kept it as {aside} and "
    "rebuilt the index.",
    "index.rebuilding": "Rebuilding the search index from scratch.",
    "index.other_version": "The search index was made by another version of the reader; rebuilding it.",
    "index.damaged": "The search index was damaged ({error}); rebuilding it.",
    "index.cannot_lock": "Cannot lock the search index: {reason}.",
    "index.busy": "Another reader is indexing this library; try again when it finishes.",
    "index.deleted": "The search index {folder} was deleted during the update; it is rebuilt on the next run.",
    "index.stopped": "Indexing stopped ({reason}); the index is brought up to date on the next run.",
    # the prepared texts beside the index (reader.search.texts)
    "texts.not_a_folder_kept": "The saved texts {folder} are not a folder: {reason}.",
    "texts.replaced": "The saved texts {folder} were not a folder; replaced it (texts are prepared again).",
    "texts.cannot_save": "Cannot save prepared texts in {folder} ({reason}); searching from the documents "
    "themselves.",
    "texts.not_a_folder": "The saved texts {folder} are not a folder; searching from the documents themselves "
    "(reader index repairs it).",
}


@dataclass(frozen=True)
class Message:
    """A note or error for the user: `code` (a key of TEMPLATES) and its `args`; `text` is its English."""

    code: str
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return TEMPLATES[self.code].format(**self.args)

    def __str__(self) -> str:
        return self.text

    def to_json(self) -> dict:
        return {"code": self.code, "args": dict(self.args)}


def message(code: str, **args: Any) -> Message:
    """Message(code, args), checking that `code` is known."""
    if code not in TEMPLATES:
        raise KeyError(f"unknown message code {code!r}")
    return Message(code, args)
