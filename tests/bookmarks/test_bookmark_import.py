"""Importing: every field is checked, bad files never crash, and a rejected entry imports nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from bookmark_data import TEXT, span

from reader.bookmarks import BookmarkError, add_bookmark, import_json, list_bookmarks
from reader.bookmarks.errors import ImportRejectedError
from reader.bookmarks.export import to_json
from reader.bookmarks.importing import MAX_OFFSET, read_import_file
from reader.bookmarks.store import store_path

ALL_OR_NOTHING = "the import is all-or-nothing, so nothing was changed"


def _entry(notes: Path) -> dict[str, Any]:
    mark = add_bookmark(notes, *span(TEXT, "heron stood"), note="keep")
    [entry] = json.loads(to_json([mark]))["bookmarks"]
    return {**entry, "id": "f" * 32}


def _rejected(entries: list[Any]) -> ImportRejectedError:
    before = store_path().read_bytes()
    with pytest.raises(ImportRejectedError) as caught:
        import_json(json.dumps({"format": "reader-bookmarks", "version": 1, "bookmarks": entries}))
    assert store_path().read_bytes() == before
    return caught.value


BAD_FIELDS = [
    ("offset", 2**70, f'"offset": 1180591620717411303424 is out of range (0 to {MAX_OFFSET})'),
    ("offset", 10**9, f'"offset": 1000000000 is out of range (0 to {MAX_OFFSET})'),
    ("offset", True, '"offset": must be a whole number, not true'),
    ("offset", -1, f'"offset": -1 is out of range (0 to {MAX_OFFSET})'),
    ("offset", 3.0, '"offset": must be a whole number, not 3.0'),
    ("offset", "12", '"offset": must be a whole number, not "12"'),
    ("size_bytes", False, '"size_bytes": must be a whole number, not false'),
    ("color", "notacolor",
     '"color": "notacolor" is not a colour (yellow, green, blue, pink, purple, orange, red, gray)'),
    ("status", "lost", '"status": "lost" is not a status (ok, moved, fuzzy, orphaned)'),
    ("style", "glow", '"style": "glow" is not a style (highlight, underline, wavy, strike, box)'),
    ("style", 3, '"style": must be text, not 3'),
    ("id", "", '"id": is empty'),
    ("id", "   ", '"id": is empty'),
    ("id", 7, '"id": must be text, not 7'),
    ("quote", "heron\ud800stood", '"quote": has a lone surrogate (\\ud800) at character 5'),
    ("note", "\udcff", '"note": has a lone surrogate (\\udcff) at character 0'),
    ("note", None, '"note": must be text, not null'),
    ("note", "n" * 1_000_001, '"note": is 1000001 characters long; at most 1000000'),
    ("path", "relative/notes.md", '"path": "relative/notes.md" is not an absolute file path'),
    ("path", "/lib/a\x00b.md", '"path": "/lib/a\\u0000b.md" is not an absolute file path'),
    ("path", ["/lib/a.md"], '"path": must be text, not ["/lib/a.md"]'),
    ("path", "/lib/\ud800.md", '"path": has a lone surrogate (\\ud800) at character 5'),
    ("created", "yesterday", '"created": "yesterday" is not an ISO 8601 time'),
    ("quote", "heron", '"quote": has 5 characters but "length" is 11'),
]


@pytest.mark.parametrize(("field", "value", "reason"), BAD_FIELDS,
                         ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(BAD_FIELDS)])
def test_each_bad_value_is_rejected_by_entry_and_field(notes: Path, field: str, value: Any,
                                                       reason: str) -> None:
    good = _entry(notes)
    error = _rejected([good, {**good, "id": "e" * 32, field: value}])
    assert str(error) == f"0 imported, 1 rejected (of 2; {ALL_OR_NOTHING}): entry 1 {reason}"
    assert "f" * 32 not in {b.id for b in list_bookmarks()}


def test_missing_fields_other_shapes_and_duplicates(notes: Path) -> None:
    good = _entry(notes)
    lacking = {key: good[key] for key in ("id", "path")}
    error = _rejected([good, lacking, 5, dict(good)])
    assert str(error) == (
        f"0 imported, 3 rejected (of 4; {ALL_OR_NOTHING}): entry 1 \"offset\": missing; "
        "entry 1 \"length\": missing; entry 1 \"quote\": missing; entry 2 not an object but 5; "
        f"entry 3 \"id\": repeats entry 0's id")


def test_only_the_first_five_reasons_are_shown(notes: Path) -> None:
    good = _entry(notes)
    bad = [{**good, "id": f"{i}" * 4, "color": "mauve"} for i in range(8)]
    error = _rejected(bad)
    assert str(error).startswith(f"0 imported, 8 rejected (of 8; {ALL_OR_NOTHING}): entry 0 \"color\"")
    assert str(error).endswith("; and 3 more") and len(error.reasons) == 8


def test_an_offset_plus_length_past_the_bound_is_rejected(notes: Path) -> None:
    good = _entry(notes)
    error = _rejected([{**good, "offset": MAX_OFFSET - 5}])
    assert error.reasons == [f'entry 0 "length": offset + length is past {MAX_OFFSET}']


@pytest.mark.parametrize(("text", "message"), [
    ("[" * 100_000 + "]" * 100_000, "not a JSON bookmark export: it is nested too deeply"),
    ('{"bookmarks": [{"offset": ' + "9" * 5000 + "}]}",
     "not a JSON bookmark export: Exceeds the limit (4300 digits) for integer string conversion: "
     "value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"),
    ('{"format": "other"}', 'not a Reader bookmark export (format "other")'),
    ('{"version": 2, "bookmarks": []}',
     "the export was written by a newer Reader (version 2); this one reads version 1"),
    ('"just text"', 'not a JSON bookmark export: expected {"bookmarks": [...]} or a list'),
])
def test_bad_files_are_refused_with_a_message(text: str, message: str) -> None:
    with pytest.raises(BookmarkError) as caught:
        import_json(text)
    assert str(caught.value) == message


def test_a_good_file_imports_all_with_a_report(notes: Path) -> None:
    good = _entry(notes)
    text = "\ufeff" + json.dumps([good, {**good, "id": "e" * 32, "color": " Green "}])
    result = import_json(text)
    assert result.report() == "2 imported, 0 rejected (2 added, 0 updated, 0 unchanged)."
    assert {b.id: b.color for b in list_bookmarks()}["e" * 32] == "green"


def test_import_files_are_read_safely(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(BookmarkError, match=f"^cannot read {fifo}: not a regular file$"):
        read_import_file(fifo)
    with pytest.raises(BookmarkError, match="^cannot read /dev/zero: not a regular file$"):
        read_import_file("/dev/zero")
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'["caf\xe9"]')
    with pytest.raises(BookmarkError, match=r"^cannot read .*latin.json: not UTF-8 text \(bad byte at 5\)$"):
        read_import_file(latin)
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf[]")
    assert read_import_file(bom) == "[]"
