"""The chapter rules editor in the window: type a rule, see the preview, apply it, and find it again after a restart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton

from reader.ui.outline import rules_dialog
from reader.ui.outline.model import LEVEL_ROLE, TITLE_ROLE
from reader.ui.outline.pane import OutlinePane
from reader.ui.outline.rules_dialog import PATTERN, RulesDialog

SCENES = ["开端", "风起", "夜雨", "归途"]
BODY = "他们在港口等了很久，船一直没有来。" * 30


def _story(folder: Path) -> Path:
    """A long plain text whose scene headings (@@ 开端 …) no built-in convention knows."""
    folder.mkdir(parents=True, exist_ok=True)
    parts = []
    for scene in SCENES:
        parts += [f"@@ {scene}", ""] + [BODY + "\n"] * 12
    path = folder / "story.txt"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _titles(pane: OutlinePane) -> list[str]:
    return [item.data(TITLE_ROLE) for item in pane.model.items_in_order()]


def _open_editor(window, qtbot) -> RulesDialog:
    window.findChild(QAction, "chapterRulesAction").trigger()
    dialog = window.findChild(QDialog, "chapterRulesDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _pattern(dialog: RulesDialog, row: int) -> QLineEdit:
    return dialog.table.cellWidget(row, PATTERN)


def _matches(dialog: RulesDialog, row: int) -> str:
    return dialog.table.cellWidget(row, rules_dialog.MATCHES).text()


def test_type_a_rule_see_the_preview_apply_it_and_it_is_remembered(make_window, qtbot, tmp_path: Path) -> None:
    path = _story(tmp_path / "stories")
    window = make_window([str(path)])
    pane = window.findChild(OutlinePane, "outlinePane")
    assert _titles(pane) == []
    assert pane.findChild(QPushButton, "outlineRulesButton").isVisible()  # offered instead of an empty tree
    assert "no headings found" in pane.findChild(QLabel, "outlineSource").text()

    dialog = _open_editor(window, qtbot)
    qtbot.mouseClick(dialog.findChild(QPushButton, "rulesAddButton"), rules_dialog.Qt.MouseButton.LeftButton)
    qtbot.keyClicks(_pattern(dialog, 0), "^@@ (")
    qtbot.waitUntil(lambda: "missing )" in dialog.problem(), timeout=5000)  # marked inline with the regex error
    assert "missing )" in _matches(dialog, 0)
    assert not dialog.apply_button.isEnabled()
    qtbot.keyClicks(_pattern(dialog, 0), "?P<title>.+)")
    qtbot.waitUntil(lambda: _matches(dialog, 0) == "4 lines", timeout=20000)
    assert dialog.problem() == ""
    assert dialog.preview_list.count() == 4

    third = dialog.preview_list.item(2)
    dialog.preview_list.itemClicked.emit(third)  # jumps to that line
    text = window.session.document.text
    start, length = window.session.view.selected_range()
    assert text[start:start + length] == "@@ 夜雨"

    qtbot.waitUntil(dialog.apply_button.isEnabled, timeout=5000)
    qtbot.mouseClick(dialog.apply_button, rules_dialog.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _titles(pane) == SCENES, timeout=5000)
    assert "My rules" in pane.findChild(QLabel, "outlineSource").text()
    assert not pane.findChild(QPushButton, "outlineRulesButton").isVisible()
    window.close()

    again = make_window([str(path)])  # a restart: a new window over the same data dir
    pane = again.findChild(OutlinePane, "outlinePane")
    assert _titles(pane) == SCENES
    assert "My rules" in pane.findChild(QLabel, "outlineSource").text()
    dialog = _open_editor(again, qtbot)
    assert dialog.name_edit.text() == "My rules"
    assert _pattern(dialog, 0).text() == "^@@ (?P<title>.+)"


def test_corrections_still_apply_on_top_of_a_rule_set(make_window, qtbot, tmp_path: Path) -> None:
    path = _story(tmp_path / "stories")
    window = make_window([str(path)])
    pane = window.findChild(OutlinePane, "outlinePane")
    dialog = _open_editor(window, qtbot)
    dialog.add_rule("^@@", 1)
    dialog.refresh_preview()
    qtbot.waitUntil(lambda: dialog.preview_ready() and dialog.apply_button.isEnabled(), timeout=20000)
    assert dialog.apply()
    qtbot.waitUntil(lambda: len(_titles(pane)) == 4, timeout=5000)
    second = pane.model.items_in_order()[1]
    pane.tree.setCurrentIndex(pane.proxy.mapFromSource(second.index()))
    pane.shift_current(+1)  # demoted under the first scene
    assert [item.data(LEVEL_ROLE) for item in pane.model.items_in_order()] == [1, 2, 1, 1]
    assert "My rules" in pane.findChild(QLabel, "outlineSource").text()


def test_a_catastrophic_pattern_neither_freezes_the_window_nor_is_kept(make_window, qtbot, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules_dialog, "PREVIEW_BUDGET_S", 1.0)
    path = tmp_path / "aaa.txt"
    path.write_text(("a" * 40 + "b\n") * 3 + "正文。\n", encoding="utf-8")
    window = make_window([str(path)])
    dialog = _open_editor(window, qtbot)
    dialog.add_rule()
    qtbot.keyClicks(_pattern(dialog, 0), "(a+)+$")  # refused before it runs
    qtbot.waitUntil(lambda: "exponential" in dialog.problem(), timeout=5000)
    _pattern(dialog, 0).clear()
    qtbot.keyClicks(_pattern(dialog, 0), "(a|aa)+$")  # not spotted: the preview's budget stops it
    ticks = []
    timer = rules_dialog.QTimer(dialog, interval=20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    qtbot.waitUntil(lambda: "took longer than" in dialog.problem(), timeout=60000)  # a hang guard
    assert len(ticks) > 5  # the event loop ran all along
    assert "rule 1" in dialog.problem().lower() and not dialog.apply_button.isEnabled()


def test_import_and_export_rule_sets_as_files(make_window, qtbot, tmp_path: Path) -> None:
    path = _story(tmp_path / "stories")
    window = make_window([str(path)])
    dialog = _open_editor(window, qtbot)
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x", "rules": [{"pattern": "^@@", "level": 9}]}', encoding="utf-8")
    assert not dialog.import_file(bad)
    assert "level 9 is outside 1–6" in dialog.problem()
    good = tmp_path / "scenes.json"
    good.write_text('{"name": "Scenes", "rules": [{"pattern": "^@@", "level": 1, "example": "@@ 开端"}]}',
                    encoding="utf-8")
    assert dialog.import_file(good)
    assert dialog.name_edit.text() == "Scenes"
    qtbot.waitUntil(lambda: _matches(dialog, 0) == "4 lines", timeout=20000)
    out = tmp_path / "out.json"
    assert dialog.export_file(out)
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(good.read_text(encoding="utf-8"))
