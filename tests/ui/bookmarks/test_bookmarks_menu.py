"""The Bookmarks menu: export to every format and import a JSON export, merged by id."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.bookmarks import add_bookmark, list_bookmarks, remove_bookmark
from reader.ui.bookmarks.menu import export_bookmarks, import_bookmarks

CORPUS_FILES = sorted(Path(__file__).resolve().parents[3].joinpath("corpus").glob("*.txt"))


def test_menu_lists_bookmark_export_and_import(make_window) -> None:
    window = make_window()
    menu = window.findChild(QMenu, "bookmarksMenu")
    names = [action.objectName() for action in menu.actions()]
    assert {"bookmarkSelectionAction", "exportBookmarksAction", "importBookmarksAction"} <= set(names)
    assert window.findChild(QAction, "exportBookmarksAction").shortcut().toString() == "Ctrl+Shift+E"


def test_export_in_each_format_then_import_restores_a_deleted_bookmark(make_window, tmp_path: Path) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    text = window.current_document.text
    offset = text.index("项目建设")
    kept = add_bookmark(CORPUS_FILES[0], offset, 4, note="重点")
    assert export_bookmarks(tmp_path / "b.json", "json") == 1
    assert export_bookmarks(tmp_path / "b.md", "md") == 1
    assert export_bookmarks(tmp_path / "b.csv", "csv") == 1
    assert "> 项目建设" in (tmp_path / "b.md").read_text(encoding="utf-8")
    rows = list(csv.DictReader((tmp_path / "b.csv").read_text(encoding="utf-8").splitlines()))
    assert rows[0]["quote"] == "项目建设" and rows[0]["note"] == "重点"
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))

    remove_bookmark(kept.id)
    window.bookmarks_pane.refresh()
    assert window.bookmarks_pane.list.count() == 0
    message = import_bookmarks(window.bookmarks_pane, tmp_path / "b.json")
    assert "1" in message
    assert [b.id for b in list_bookmarks()] == [kept.id]
    assert window.bookmarks_pane.list.count() == 1
    import_bookmarks(window.bookmarks_pane, tmp_path / "b.json")
    assert len(list_bookmarks()) == 1


def test_importing_a_bad_file_says_so(make_window, tmp_path: Path) -> None:
    window = make_window()
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert "Could not import bad.json" in import_bookmarks(window.bookmarks_pane, bad)


def test_import_accepts_a_utf8_bom_and_reports_counts(make_window, tmp_path: Path) -> None:
    window = make_window()
    kept = add_bookmark(CORPUS_FILES[0], 0, 4)
    assert export_bookmarks(tmp_path / "b.json", "json") == 1
    remove_bookmark(kept.id)
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + (tmp_path / "b.json").read_bytes())
    assert import_bookmarks(window.bookmarks_pane, bom) == (
        "Imported bom.json: 1 imported, 0 rejected (1 added, 0 updated, 0 unchanged).")
    assert [b.id for b in list_bookmarks()] == [kept.id]


def test_a_rejected_import_is_shown_in_a_message_box(make_window, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window = make_window()
    kept = add_bookmark(CORPUS_FILES[0], 0, 4)
    assert export_bookmarks(tmp_path / "b.json", "json") == 1
    payload = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    payload["bookmarks"][0].update(id="x" * 32, offset=2**70)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(payload), encoding="utf-8")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    window.findChild(QAction, "importBookmarksAction").trigger()
    expected = ("Could not import bad.json: 0 imported, 1 rejected (of 1; the import is all-or-nothing, "
                'so nothing was changed): entry 0 "offset": 1180591620717411303424 is out of range '
                "(0 to 209715200)")
    assert shown == [("Import bookmarks", expected)]
    assert window.statusBar().currentMessage() == expected
    assert [b.id for b in list_bookmarks()] == [kept.id]
