"""Preferences ▸ Notes folder and Statistics: the note follows the bookmarks; statistics can be stopped and cleared."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QLineEdit, QMessageBox

from reader.bookmarks import add_bookmark
from reader.stats import Reading, StatsStore


def test_a_notes_folder_keeps_the_documents_note_current(qtbot, make_window, notes_doc: Path, tmp_path: Path) -> None:
    window = make_window([str(notes_doc)])
    dialog = window.open_preferences()
    vault = tmp_path / "vault"
    window.preferences.change(notes_folder=str(vault))
    assert dialog.findChild(QLineEdit, "notesFolderEdit").text() == str(vault)
    text = window.current_document.text
    add_bookmark(window.current_document, text.index("second passage"), len("second passage"), note="keep")
    with qtbot.waitSignal(window.note_sync.written, timeout=10_000):
        window.session.bookmarksChanged.emit()
    note = (vault / "notes.md").read_text(encoding="utf-8")
    assert "> second passage" in note and "keep" in note


def test_unticking_keep_statistics_stops_recording(make_window, notes_doc: Path) -> None:
    window = make_window([str(notes_doc)])
    dialog = window.open_preferences()
    check = dialog.findChild(QCheckBox, "keepStatisticsCheck")
    assert check.isChecked() and window.statistics.enabled
    check.setChecked(False)
    assert not window.preferences.settings.keep_statistics and not window.statistics.enabled
    check.setChecked(True)
    assert window.statistics.enabled


def test_clear_statistics_asks_then_empties_the_store(make_window, notes_doc: Path, monkeypatch) -> None:
    StatsStore().record([Reading(str(notes_doc), date.today(), "notes.md", 100, 60.0, 10, 1, 0)])
    window = make_window([str(notes_doc)])
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.No)
    assert not window.clear_statistics() and len(StatsStore().documents()) == 1
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    assert window.clear_statistics() and StatsStore().documents() == []
