"""`reader bookmarks …`: the exact shapes the CLI prints, and clean errors."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from notes_data import NOTES_TEXT as TEXT

from reader.bookmarks import store as store_module
from reader.bookmarks.store import store_path
from reader.cli import main

KEYS = {"id", "path", "offset", "length", "quote", "note", "color", "created", "status", "style"}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _add(capsys, doc: Path, passage: str, *extra: str) -> dict:
    offset = TEXT.index(passage)
    status, out, _ = _run(capsys, "bookmarks", "add", str(doc), "--offset", str(offset),
                          "--length", str(len(passage)), "--json", *extra)
    assert status == 0
    return json.loads(out)


def _list(capsys, *extra: str) -> list[dict]:
    status, out, _ = _run(capsys, "bookmarks", "list", "--json", *extra)
    assert status == 0
    return json.loads(out)


def test_add_prints_one_object_with_an_id(capsys, notes_doc: Path) -> None:
    added = _add(capsys, notes_doc, "second passage", "--note", "mine", "--color", "green")
    assert len(added["id"]) == 32 and KEYS <= set(added)
    assert (added["quote"], added["note"], added["color"], added["status"]) == (
        "second passage", "mine", "green", "ok")
    assert added["path"] == str(notes_doc.resolve())


def test_list_shape_and_status_after_an_edit(capsys, notes_doc: Path) -> None:
    first = _add(capsys, notes_doc, "first passage")
    second = _add(capsys, notes_doc, "second passage")
    notes_doc.write_text("Preamble.\n" + TEXT.replace("The first passage is here.\n", ""), "utf-8")
    listed = {item["id"]: item for item in _list(capsys)}
    assert all(set(item) == KEYS for item in listed.values())
    assert listed[first["id"]]["status"] == "orphaned"
    assert listed[second["id"]]["status"] == "moved"
    new_text = notes_doc.read_text("utf-8")
    assert listed[second["id"]]["offset"] == new_text.index("second passage")
    assert [i["id"] for i in _list(capsys, "--document", str(notes_doc))] == [first["id"], second["id"]]


def test_position_bookmark_and_range_errors(capsys, notes_doc: Path) -> None:
    status, out, _ = _run(capsys, "bookmarks", "add", str(notes_doc), "--offset", "3", "--length", "0")
    assert status == 0 and "Added" in out
    status, _, err = _run(capsys, "bookmarks", "add", str(notes_doc), "--offset", "3",
                          "--length", str(len(TEXT)))
    assert status == 2 and "past the end" in err and "Traceback" not in err
    status, _, err = _run(capsys, "bookmarks", "add", str(notes_doc.parent / "missing.txt"),
                          "--offset", "0", "--length", "1")
    assert status == 2 and "cannot open" in err


def test_export_formats_and_import_round_trip(capsys, notes_doc: Path, tmp_path: Path) -> None:
    added = _add(capsys, notes_doc, "first passage", "--note", "a note")
    status, markdown, _ = _run(capsys, "bookmarks", "export", "--format", "md")
    assert status == 0 and "> first passage" in markdown and "a note" in markdown
    status, text, _ = _run(capsys, "bookmarks", "export", "--format", "csv")
    assert status == 0 and text.startswith("id,path,") and added["id"] in text
    target = tmp_path / "out.json"
    status, _, _ = _run(capsys, "bookmarks", "export", "--format", "json", "-o", str(target))
    assert status == 0
    assert _run(capsys, "bookmarks", "remove", added["id"])[0] == 0
    assert _list(capsys) == []
    status, out, _ = _run(capsys, "bookmarks", "import", str(target))
    assert status == 0 and "1 added" in out
    status, out, _ = _run(capsys, "bookmarks", "import", str(target))
    assert status == 0 and "0 added, 0 updated, 1 unchanged" in out
    assert [item["id"] for item in _list(capsys)] == [added["id"]]


def test_remove_unknown_id_and_bad_import(capsys, tmp_path: Path) -> None:
    status, _, err = _run(capsys, "bookmarks", "remove", "0123456789")
    assert status == 2 and "no bookmark" in err
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    status, _, err = _run(capsys, "bookmarks", "import", str(bad))
    assert status == 2 and "JSON" in err and "Traceback" not in err


def test_corrupt_store_is_reported_and_kept(capsys, notes_doc: Path, data_dir: Path) -> None:
    store_path().write_bytes(b"garbage" * 500)
    status, out, err = _run(capsys, "bookmarks", "list", "--json")
    assert status == 0 and json.loads(out) == []
    assert "kept as" in err
    assert len(list(data_dir.glob("bookmarks.sqlite3.corrupt-*"))) == 1


def test_locked_store_is_a_clean_error(capsys, notes_doc: Path, monkeypatch) -> None:
    _add(capsys, notes_doc, "first passage")
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.05)
    with closing(sqlite3.connect(str(store_path()))) as other:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        status, out, err = _run(capsys, "bookmarks", "list", "--json")
        other.rollback()
    assert status == 2 and "locked" in err and "Traceback" not in err and out == ""


def _export_file(capsys, doc: Path, tmp_path: Path) -> tuple[Path, dict]:
    _add(capsys, doc, "first passage", "--note", "a note")
    target = tmp_path / "export.json"
    assert _run(capsys, "bookmarks", "export", "--format", "json", "-o", str(target))[0] == 0
    return target, json.loads(target.read_text("utf-8"))


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("offset", 2**70, '"offset": 1180591620717411303424 is out of range (0 to 209715200)'),
    ("offset", True, '"offset": must be a whole number, not true'),
    ("color", "notacolor",
     '"color": "notacolor" is not a colour (yellow, green, blue, pink, purple, orange, red, gray)'),
    ("id", "", '"id": is empty'),
    ("quote", "first\ud800passage", '"quote": has a lone surrogate (\\ud800) at character 5'),
])
def test_import_rejects_a_bad_entry_and_changes_nothing(capsys, notes_doc: Path, tmp_path: Path,
                                                        field: str, value: object, reason: str) -> None:
    target, payload = _export_file(capsys, notes_doc, tmp_path)
    good = payload["bookmarks"][0]
    payload["bookmarks"] = [{**good, "id": "a" * 32}, {**good, "id": "b" * 32, field: value}]
    target.write_text(json.dumps(payload), encoding="utf-8")
    before = _list(capsys)
    status, out, err = _run(capsys, "bookmarks", "import", str(target))
    assert (status, out) == (2, "")
    assert err == (f"reader: {target}: 0 imported, 1 rejected (of 2; the import is all-or-nothing, "
                   f"so nothing was changed): entry 1 {reason}\n")
    assert _list(capsys) == before


def test_import_reports_counts_accepts_a_bom_and_survives_deep_nesting(capsys, notes_doc: Path,
                                                                       tmp_path: Path) -> None:
    target, payload = _export_file(capsys, notes_doc, tmp_path)
    [only] = _list(capsys)
    assert _run(capsys, "bookmarks", "remove", only["id"])[0] == 0
    target.write_bytes(b"\xef\xbb\xbf" + json.dumps(payload).encode("utf-8"))
    status, out, err = _run(capsys, "bookmarks", "import", str(target))
    assert (status, out, err) == (0, f"{target}: 1 imported, 0 rejected (1 added, 0 updated, "
                                     "0 unchanged).\n", "")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    status, out, err = _run(capsys, "bookmarks", "import", str(deep))
    assert (status, out, err) == (2, "", f"reader: {deep}: not a JSON bookmark export: it is nested "
                                         "too deeply\n")
    assert [item["id"] for item in _list(capsys)] == [only["id"]]


def test_import_help_says_it_is_all_or_nothing(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["bookmarks", "import", "--help"])
    assert "all-or-nothing" in " ".join(capsys.readouterr().out.split())


def test_add_style_is_listed_and_a_bad_style_is_one_line(capsys, notes_doc: Path) -> None:
    added = _add(capsys, notes_doc, "second passage", "--style", "wavy", "--color", "blue")
    assert (added["style"], added["color"]) == ("wavy", "blue")
    plain = _add(capsys, notes_doc, "first passage")
    assert plain["style"] == "highlight"
    assert {item["id"]: item["style"] for item in _list(capsys)} == {added["id"]: "wavy", plain["id"]: "highlight"}
    status, out, err = _run(capsys, "bookmarks", "add", str(notes_doc), "--offset", "0", "--length", "3",
                            "--style", "glow")
    assert (status, out) == (2, "")
    assert err == "reader: unknown style 'glow'; choose one of highlight, underline, wavy, strike, box\n"
    status, out, _ = _run(capsys, "bookmarks", "list")
    assert status == 0 and "blue wavy" in out


def test_a_store_from_before_styles_keeps_its_bookmarks_through_the_real_cli(capsys, notes_doc: Path,
                                                                            data_dir: Path) -> None:
    """A schema-2 store (as the previous Reader wrote it) read by `reader bookmarks list` in a subprocess."""
    from reader.bookmarks.schema import MIGRATIONS

    with closing(sqlite3.connect(str(data_dir / "bookmarks.sqlite3"))) as db:
        for statements in MIGRATIONS[:2]:
            for statement in statements:
                db.execute(statement)
        db.execute("PRAGMA user_version = 2")
        db.execute("INSERT INTO bookmarks (id, path, content_hash, offset, length, quote, note, color, created, "
                   "updated) VALUES (?, ?, '', ?, ?, ?, 'old note', 'red', '2024-05-06T07:08:09+00:00', "
                   "'2024-05-06T07:08:09+00:00')",
                   ("c" * 32, str(notes_doc.resolve()), TEXT.index("first passage"), len("first passage"),
                    "first passage"))
        db.commit()
    command = [sys.executable, "-m", "reader", "--data-dir", str(data_dir)]
    listed = subprocess.run([*command, "bookmarks", "list", "--json"], capture_output=True, text=True,
                            timeout=120, check=True)
    [item] = json.loads(listed.stdout)
    assert (item["id"], item["note"], item["color"], item["style"], item["status"]) == (
        "c" * 32, "old note", "red", "highlight", "ok")
    added = subprocess.run([*command, "bookmarks", "add", str(notes_doc), "--offset", "0", "--length", "3",
                            "--style", "box", "--json"], capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(added.stdout)["style"] == "box"
