"""The notes folder: a document's note is rewritten when its bookmarks change, off the UI thread."""

from __future__ import annotations

from pathlib import Path

from reader.bookmarks import add_bookmark
from reader.ui.bookmarks.note_sync import NoteSync


def test_the_note_follows_the_bookmarks(qtbot, make_session, notes_doc: Path, tmp_path: Path) -> None:
    session = make_session()
    vault = tmp_path / "vault"
    sync = NoteSync(session, lambda: str(vault))
    with qtbot.waitSignal(session.documentShown, timeout=10_000):
        session.open(notes_doc)
    text = session.document.text
    add_bookmark(session.document, text.index("first passage"), len("first passage"), note="remember this")
    with qtbot.waitSignal(sync.written, timeout=10_000) as written:
        session.bookmarksChanged.emit()
    (note,) = written.args[0]
    assert note == vault / "notes.md"
    content = note.read_text(encoding="utf-8")
    assert "> first passage" in content and "remember this" in content and "reader://bookmark/" in content


def test_no_folder_writes_nothing(qtbot, make_session, notes_doc: Path, tmp_path: Path) -> None:
    session = make_session()
    sync = NoteSync(session, lambda: "")
    with qtbot.waitSignal(session.documentShown, timeout=10_000):
        session.open(notes_doc)
    add_bookmark(session.document, 0, 3)
    with qtbot.assertNotEmitted(sync.written, wait=1000):
        session.bookmarksChanged.emit()
