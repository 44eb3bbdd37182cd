"""A reader:// link clicked in a rendered note opens its passage in the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl

from reader.bookmarks import add_bookmark
from reader.bookmarks.links import make_link


def test_a_link_in_a_rendered_note_lands_on_the_passage(qtbot, make_window, speech: Path, tmp_path: Path) -> None:
    text = speech.read_text(encoding="utf-8")
    start = text.index("同志们")
    link = make_link(add_bookmark(speech, start, 3))
    note = tmp_path / "note.md"
    note.write_text(f"# Note\n\n[Open in Reader]({link})\n", encoding="utf-8")
    window = make_window([str(note)])
    with qtbot.waitSignal(window.rich_view.readerLinkActivated, timeout=5000):
        window.rich_view.anchorClicked.emit(QUrl(link))
    qtbot.waitUntil(lambda: window.current_document is not None and window.current_document.path == speech,
                    timeout=10_000)
    qtbot.waitUntil(lambda: window.text_view.selected_text() == "同志们", timeout=10_000)
