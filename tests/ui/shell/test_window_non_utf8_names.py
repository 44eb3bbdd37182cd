"""A document whose file name is not UTF-8: opened, bookmarked, remembered and shown with \\xff escapes."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QLabel

from reader.bookmarks import list_bookmarks

TEXT = "".join(f"第{n}章\n\n这一章的内容写在这里，足够长，可以滚动。\n\n" for n in range(1, 400))


def test_open_bookmark_close_and_reopen_a_file_named_in_latin1(make_window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / os.fsdecode(b"a\xff.txt")
    path.write_text(TEXT, encoding="utf-8")
    shown = "a\\xff.txt"
    window = make_window([str(path)])
    assert window.last_error is None and window.current_document.path == path
    assert window.findChild(QLabel, "status_name").text() == shown
    assert window.windowTitle() == "a\\xff — Reader"
    target = TEXT.index("第200章")
    window.jump_to(target, len("第200章"))
    mark = window.bookmarks_pane.bookmark_selection()
    assert mark is not None
    window.bookmarks_pane.editor.reject()
    assert [b.path for b in list_bookmarks()] == [str(path)]
    label = window.bookmarks_pane.model.index(0, 0).data()
    assert label == "“第200章”"
    window.bookmarks_pane.all_documents.setChecked(True)
    assert window.bookmarks_pane.model.index(0, 0).data() == f"“第200章” [{shown}]"
    left_at = window.text_view.top_offset()
    assert left_at > 0
    window.close()

    again = make_window([])  # the session brings the document back
    assert again.current_document is not None and again.current_document.path == path
    assert again.text_view.top_offset() == left_at
    assert again.recent_files() == [str(path)]
    assert again.findChild(QLabel, "status_name").text() == shown
    again.recent_menu.aboutToShow.emit()
    [entry] = again.recent_menu.actions()
    assert entry.text() == shown and "a\\xff.txt" in entry.toolTip()
    entry.trigger()
    assert again.last_error is None and again.current_document.path == path
    again.bookmarks_pane.refresh()
    assert again.bookmarks_pane.visible_ids() == [mark.id]
