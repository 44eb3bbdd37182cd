"""Search cancellation (a counting callable on a real index) and structured messages (code + args)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.search import Message, QueryError, SearchService, parse_query
from reader.search.indexer import IndexStore, IndexUnavailable
from reader.search.locks import BUSY_MESSAGE
from reader.search.messages import TEMPLATES, message

DOCUMENTS = 8


@pytest.fixture
def library(library_folder) -> Path:
    return library_folder({f"doc{number}.txt": f"第{number}份文件，讲学习。\n" for number in range(DOCUMENTS)})


class Counter:
    """A `cancelled` callable that says True from its `stop_at`-th call on."""

    def __init__(self, stop_at: int) -> None:
        self.stop_at, self.calls = stop_at, 0

    def __call__(self) -> bool:
        self.calls += 1
        return self.calls >= self.stop_at


@pytest.mark.parametrize("checked", [0, 1, 3])
def test_a_search_cancelled_after_n_documents_stops_there(tmp_path: Path, library: Path, checked: int) -> None:
    service = SearchService(tmp_path / "index")
    service.update([library])
    full = service.search("学习", [library])
    assert (len(full.results), full.cancelled, full.to_json().get("cancelled")) == (DOCUMENTS, False, None)
    # asked after parsing, after ranking, then before each document: True at the call for document N + 1
    cancel = Counter(stop_at=2 + checked + 1)
    response = service.search("学习", [library], cancelled=cancel)
    assert response.cancelled and response.error is None
    assert len(response.results) == checked and cancel.calls == 2 + checked + 1
    assert response.to_json()["cancelled"] is True


def test_a_search_cancelled_before_it_starts_checks_nothing(tmp_path: Path, library: Path) -> None:
    service = SearchService(tmp_path / "index")
    service.update([library])
    cancel = Counter(stop_at=1)
    response = service.search("学习", [library], cancelled=cancel)
    assert (response.cancelled, response.results, response.total_hits, cancel.calls) == (True, [], 0, 1)
    ranked_only = Counter(stop_at=2)
    assert service.search("学习", [library], cancelled=ranked_only).results == [] and ranked_only.calls == 2


def test_a_search_that_is_never_cancelled_asks_once_per_document(tmp_path: Path, library: Path) -> None:
    service = SearchService(tmp_path / "index")
    service.update([library])
    never = Counter(stop_at=10**9)
    response = service.search("学习", [library], cancelled=never)
    assert (response.cancelled, len(response.results), never.calls) == (False, DOCUMENTS, 2 + DOCUMENTS)


# Every code with arguments, and the English text the core printed before messages had codes.
TODAY = {
    "query.empty": ({}, "Type something to search for."),
    "query.unclosed_quote": ({}, 'A quotation mark is not closed: add the closing ".'),
    "query.unopened_parenthesis": ({}, "A closing parenthesis has no opening one."),
    "query.unclosed_parenthesis": ({}, "A parenthesis is not closed."),
    "query.empty_quotes": ({}, "There is nothing to search for between the quotation marks."),
    "query.empty_parentheses": ({}, "There is nothing inside the parentheses."),
    "query.or_operands": ({}, "OR needs a term on both sides."),
    "query.and_operands": ({}, "AND needs a term on both sides."),
    "query.not_operand": ({}, "NOT (or -) needs a term after it."),
    "query.unexpected": ({"token": "AND"}, "Unexpected 'AND' in the query."),
    "query.only_excluded": ({}, "The query needs at least one term that is not excluded."),
    "search.scanned": ({"count": 3}, "3 documents not indexed yet were scanned."),
    "search.uncounted": ({"count": 2}, "2 documents not indexed yet were not counted."),
    "index.unreadable": ({}, "The search index could not be read; scanning documents instead."),
    "index.rebuilt_damaged": ({}, "The search index was damaged; rebuilt it."),
    "index.being_built": ({}, "The search index is being built; scanning documents meanwhile."),
    "index.cannot_create": ({"reason": "Read-only file system"},
                            "Cannot create the search index (Read-only file system); scanning documents instead."),
    "index.cannot_create_folder": ({"folder": "/d/ix", "reason": "Permission denied"},
                                   "Cannot create the search index folder /d/ix: Permission denied; "
                                   "scanning documents instead."),
    "index.not_a_folder": ({"folder": "/d/ix"}, "The search index /d/ix is not a folder; scanning documents "
                           "instead (reader index replaces it)."),
    "index.not_a_folder_kept": ({"folder": "/d/ix", "reason": "Permission denied"},
                                "The search index /d/ix is not a folder and cannot be replaced: Permission denied."),
    "index.not_a_folder_replaced": ({"folder": "/d/ix", "aside": "ix.not-a-folder-1"},
                                    "The search index /d/ix was not a folder; kept it as ix.not-a-folder-1 and "
                                    "rebuilt the index."),
    "index.rebuilding": ({}, "Rebuilding the search index from scratch."),
    "index.other_version": ({}, "The search index was made by another version of the reader; rebuilding it."),
    "index.damaged": ({"error": "EOFError"}, "The search index was damaged (EOFError); rebuilding it."),
    "index.cannot_lock": ({"reason": "Permission denied"}, "Cannot lock the search index: Permission denied."),
    "index.busy": ({}, "Another reader is indexing this library; try again when it finishes."),
    "index.deleted": ({"folder": "/d/ix"},
                      "The search index /d/ix was deleted during the update; it is rebuilt on the next run."),
    "index.stopped": ({"reason": "No space left on device"},
                      "Indexing stopped (No space left on device); the index is brought up to date on the next run."),
    "texts.not_a_folder_kept": ({"folder": "/d/t", "reason": "Permission denied"},
                                "The saved texts /d/t are not a folder: Permission denied."),
    "texts.replaced": ({"folder": "/d/t"},
                       "The saved texts /d/t were not a folder; replaced it (texts are prepared again)."),
    "texts.cannot_save": ({"folder": "/d/t", "reason": "No space left on device"},
                          "Cannot save prepared texts in /d/t (No space left on device); searching from the "
                          "documents themselves."),
    "texts.not_a_folder": ({"folder": "/d/t"}, "The saved texts /d/t are not a folder; searching from the "
                           "documents themselves (reader index repairs it)."),
}


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_each_code_renders_to_todays_english(code: str) -> None:
    args, english = TODAY[code]
    note = message(code, **args)
    assert (note.text, str(note), note.to_json()) == (english, english, {"code": code, "args": args})


def test_every_code_is_checked_and_unknown_codes_are_refused() -> None:
    assert set(TODAY) == set(TEMPLATES)
    assert BUSY_MESSAGE == TEMPLATES["index.busy"]
    with pytest.raises(KeyError, match="'query.nonsense'"):
        message("query.nonsense")


@pytest.mark.parametrize(
    ("query", "code", "args"),
    [
        ("", "query.empty", {}),
        ('"abc', "query.unclosed_quote", {}),
        ("abc)", "query.unopened_parenthesis", {}),
        ("(abc", "query.unclosed_parenthesis", {}),
        ('"  "', "query.empty_quotes", {}),
        ("abc OR", "query.or_operands", {}),
        ("AND abc", "query.and_operands", {}),
        ("abc NOT", "query.not_operand", {}),
        ("() abc", "query.empty_parentheses", {}),
        ("-abc", "query.only_excluded", {}),
    ],
)
def test_query_errors_carry_a_code_and_todays_text(query: str, code: str, args: dict) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    assert caught.value.message == Message(code, args)
    assert str(caught.value) == TODAY[code][1]


def test_a_malformed_query_gives_error_text_and_code(tmp_path: Path, library: Path) -> None:
    response = SearchService(tmp_path / "index").search('"学习', [library])
    assert response.problem == Message("query.unclosed_quote")
    assert response.error == 'A quotation mark is not closed: add the closing ".'
    payload = response.to_json()
    assert (payload["error"], payload["error_code"]) == (response.error, "query.unclosed_quote")


def test_notes_of_a_search_and_of_an_update_have_codes(tmp_path: Path, library: Path) -> None:
    service = SearchService(tmp_path / "index")
    response = service.search("学习", [library])  # nothing indexed yet: scanned
    assert response.notes == [Message("search.scanned", {"count": DOCUMENTS})]
    assert response.status == [f"{DOCUMENTS} documents not indexed yet were scanned."]
    report = SearchService(tmp_path / "index").update([library], rebuild=True)
    assert [note.code for note in report.notes] == ["index.rebuilding"]
    assert report.status == ["Rebuilding the search index from scratch."]


def test_an_index_that_is_not_a_folder_is_reported_with_its_name(tmp_path: Path) -> None:
    place = tmp_path / "index"
    place.write_bytes(b"not a folder")
    with pytest.raises(IndexUnavailable) as caught:
        IndexStore(place).open()
    assert caught.value.message == Message("index.not_a_folder", {"folder": os.fsdecode(place)})
    assert str(caught.value) == f"The search index {place} is not a folder; scanning documents instead " \
        "(reader index replaces it)."
