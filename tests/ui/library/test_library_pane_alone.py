"""The library pane alone: a folder, a session, the pane, and no main window."""

from __future__ import annotations

from pathlib import Path

from reader.documents.library import iter_documents
from reader.ui.library.pane import LibraryPane


def test_the_pane_alone_lists_a_folder_and_opens_a_document_in_the_session(make_session, qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    for name, text in (("b.txt", "Second\n"), ("a.md", "# First\n"), ("c.bin", "\x00\x01")):
        (folder / name).write_text(text, encoding="utf-8")
    session = make_session()
    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.documentActivated.connect(session.open)
    session.documentChanged.connect(lambda document: pane.mark_current(document.path))
    pane.set_library([folder], iter_documents([folder]))
    assert pane.document_paths() == [str(folder / "a.md"), str(folder / "b.txt")]
    item = pane.tree.topLevelItem(0).child(1)
    pane.tree.itemActivated.emit(item, 0)
    assert session.document is not None and session.document.path == folder / "b.txt"
    assert session.document.text == "Second\n" and session.view is session.plain_view
    pane.tree.setCurrentItem(pane.tree.topLevelItem(0))
    session.open(folder / "a.md")
    assert pane.tree.currentItem() is pane.tree.topLevelItem(0).child(0) and session.view is session.rich_view
