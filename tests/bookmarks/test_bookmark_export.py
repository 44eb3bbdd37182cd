"""Export as Markdown, JSON and CSV; JSON import merges by id and is idempotent."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from bookmark_data import TEXT, span

from reader.bookmarks import BookmarkError, add_bookmark, import_json, list_bookmarks
from reader.bookmarks.export import import_bookmarks, to_csv, to_json, to_markdown
from reader.bookmarks.store import open_store, store_path


def _three(notes: Path):
    return [
        add_bookmark(notes, *span(TEXT, "lamps of the village"), note="evening"),
        add_bookmark(notes, *span(TEXT, "heron stood"), note="line one\nline two", color="blue"),
        add_bookmark(notes, *span(TEXT, "ferryman"), color="green"),
    ]


def test_markdown_groups_by_document_and_section_in_order(notes: Path) -> None:
    _three(notes)
    text = to_markdown(list_bookmarks())
    assert text.index("## notes.md") < text.index("### Field notes\n")
    order = ["### Field notes\n", "> heron stood", "> line one\n> line two",
             "### Field notes › Morning", "> ferryman", "### Field notes › Evening",
             "> lamps of the village", "evening"]
    positions = [text.index(piece) for piece in order]
    assert positions == sorted(positions)


def test_json_round_trips_into_an_empty_store(notes: Path) -> None:
    marks = _three(notes)
    exported = to_json(list_bookmarks())
    store_path().unlink()
    assert list_bookmarks() == []
    result = import_json(exported)
    assert (result.added, result.updated, result.unchanged) == (3, 0, 0)
    assert sorted(list_bookmarks(), key=lambda b: b.id) == sorted(marks, key=lambda b: b.id)
    assert to_json(list_bookmarks()) == exported


def test_importing_twice_changes_nothing(notes: Path) -> None:
    _three(notes)
    exported = to_json(list_bookmarks())
    before = to_json(list_bookmarks())
    first, second = import_json(exported), import_json(exported)
    assert (first.added, first.updated) == (0, 0) and (second.added, second.updated) == (0, 0)
    assert to_json(list_bookmarks()) == before
    with open_store() as store:
        assert store.query("SELECT count(*) FROM bookmarks") == [(3,)]


def test_import_keeps_the_newer_edit(notes: Path) -> None:
    mark = _three(notes)[0]
    newer = replace(mark, note="changed elsewhere", updated="2999-01-01T00:00:00+00:00")
    older = replace(mark, note="stale", updated="2000-01-01T00:00:00+00:00")
    assert import_bookmarks([older]).unchanged == 1
    assert import_bookmarks([newer]).updated == 1
    assert {b.id: b.note for b in list_bookmarks()}[mark.id] == "changed elsewhere"


def test_csv_has_every_field(notes: Path) -> None:
    _three(notes)
    rows = list(csv.DictReader(io.StringIO(to_csv(list_bookmarks()))))
    assert [r["note"] for r in rows] == ["line one\nline two", "", "evening"]
    assert {"id", "path", "offset", "quote", "color", "status", "heading_path"} <= set(rows[0])


@pytest.mark.parametrize("bad", ["{", "[1, 2]", json.dumps([{"id": "x"}]),
                                 json.dumps([{"id": "x", "path": "p", "offset": -1,
                                              "length": 1, "quote": "q"}])])
def test_bad_import_files_are_refused(bad: str) -> None:
    with pytest.raises(BookmarkError):
        import_json(bad)
