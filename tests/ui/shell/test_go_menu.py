"""Go ▸ Next/Previous Section (same level), Start, End, Go to Position; Edit ▸ Find, Find in Library; the
F1 list files the find shortcuts under Find."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLineEdit

from reader.ui.dialogs.shortcuts import ShortcutsDialog
from reader.ui.shell.navigation import parse_position, sibling_heading

CORPUS_FILES = sorted(Path(__file__).resolve().parents[3].joinpath("corpus").glob("*.txt"))


def _headings(window) -> list[tuple[int, int, str]]:
    from reader.ui.outline.model import LEVEL_ROLE, OFFSET_ROLE, TITLE_ROLE

    return [(i.data(LEVEL_ROLE), i.data(OFFSET_ROLE), i.data(TITLE_ROLE))
            for i in window.outline_pane.model.items_in_order()]


def _trigger(window, name: str) -> None:
    window.findChild(QAction, name).trigger()


def test_next_and_previous_section_keep_the_level(make_window, qtbot) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    headings = _headings(window)
    level = max(level for level, _o, _t in headings)
    same = [(offset, title) for lvl, offset, title in headings if lvl == level]
    assert len(same) >= 3 and len(same) < len(headings)  # other levels lie between them
    window.jump_to(same[0][0])
    _trigger(window, "nextSectionAction")
    assert window.text_view.selected_text().strip() == same[1][1].strip()
    _trigger(window, "nextSectionAction")
    assert window.text_view.selected_text().strip() == same[2][1].strip()
    _trigger(window, "previousSectionAction")
    assert window.text_view.selected_text().strip() == same[1][1].strip()
    window.go_back()
    assert window.session.reading_offset() == same[2][0]  # section steps are in the history


def test_start_end_and_go_to_position(make_window, qtbot) -> None:
    window = make_window([str(CORPUS_FILES[0])])
    text = window.current_document.text
    _trigger(window, "endAction")
    qtbot.waitUntil(lambda: window.status_labels["position"].text() == "100%")
    _trigger(window, "startAction")
    qtbot.waitUntil(lambda: window.status_labels["position"].text() == "0%")
    _trigger(window, "goToPositionAction")
    dialog = window.findChild(QDialog, "goToPositionDialog")
    edit = dialog.findChild(QLineEdit, "goToPositionEdit")
    edit.setText("abc")
    dialog.go()
    assert dialog.isVisible() and dialog.findChild(type(dialog.prompt), "goToPositionError").text()
    edit.setText("5")  # line 5
    dialog.go()
    line_start = len("\n".join(text.split("\n")[:4])) + 1
    qtbot.waitUntil(lambda: abs(window.session.reading_offset() - line_start) < 200)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "goToPositionDialog") is None
                    or not window.findChild(QDialog, "goToPositionDialog").isVisible())
    _trigger(window, "goToPositionAction")
    dialog = [d for d in window.findChildren(QDialog, "goToPositionDialog") if d.isVisible()][0]
    dialog.findChild(QLineEdit, "goToPositionEdit").setText("50%")
    dialog.go()
    qtbot.waitUntil(lambda: 45 <= int(window.status_labels["position"].text().rstrip("%")) <= 55)


@pytest.mark.parametrize(("entry", "expected"), [("0%", 0), ("100%", 10), ("50 %", 5), ("1", 0), ("2", 4),
                                                 ("99", 8), ("0", None), ("101%", None), ("x", None)])
def test_positions_typed_as_percent_or_line(entry: str, expected: int | None) -> None:
    assert parse_position(entry, "abc\ndef\nxy") == expected


def test_sibling_heading_skips_other_levels_and_stops_at_the_ends() -> None:
    headings = [(1, 0), (2, 10), (2, 20), (1, 30), (2, 40)]
    assert sibling_heading(headings, 15, 1) == 2
    assert sibling_heading(headings, 20, 1) == 4  # into the next chapter
    assert sibling_heading(headings, 5, 1) == 3
    assert sibling_heading(headings, 35, 1) is None
    assert sibling_heading(headings, 45, -1) == 2
    assert sibling_heading([(1, 10)], 0, 1) == 0  # before the first heading, next is the first


def test_edit_menu_has_find_and_find_in_library(make_window) -> None:
    window = make_window()
    names = [a.objectName() for a in window.edit_menu.actions()]
    assert "findAction" in names and "findInLibraryAction" in names
    _trigger(window, "findAction")
    assert window.find_toolbar.isVisible()


def test_the_shortcuts_list_files_find_keys_under_find(make_window) -> None:
    window = make_window()
    dialog = ShortcutsDialog(window)
    groups = {keys.split(",")[0]: entry.group for entry in dialog.entries for keys in [", ".join(entry.keys)]}
    for keys in ("Ctrl+F", "Ctrl+Shift+F", "F3", "Shift+F3"):
        assert groups[keys] == "Find", keys
    assert "Other" not in {entry.group for entry in dialog.entries}
    order = [entry.group for entry in dialog.entries]
    assert all(order.index(g) + order.count(g) - 1 == len(order) - 1 - order[::-1].index(g) for g in order)
    dialog.close()
