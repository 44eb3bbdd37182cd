"""The open document's bookmarks tint the text and mark the scrollbar exactly: every placed span in its layer,
sorted, whatever order the list shows them in; only those near the visible text are Qt selections."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox

from reader.bookmarks import add_bookmark
from reader.ui.bookmarks.pane import layer_key

LINES = 400


def _document(tmp_path: Path) -> Path:
    path = tmp_path / "tinted.txt"
    path.write_text("".join(f"Line {n:03d} holds a passage worth marking.\n" for n in range(LINES)), encoding="utf-8")
    return path


def test_each_layer_holds_its_bookmarks_spans_sorted_and_the_scrollbar_their_places(make_window, qtbot,
                                                                                   tmp_path: Path) -> None:
    path = _document(tmp_path)
    text = path.read_text(encoding="utf-8")
    looks = [("highlight", "yellow"), ("highlight", "green"), ("underline", "blue"), ("wavy", "red")]
    expected: dict[str, list[tuple[int, int]]] = {}
    offsets = []
    for n in reversed(range(0, LINES, 3)):  # added from the end: newest first is not document order
        style, color = looks[n % len(looks)]
        offset, length = text.index(f"Line {n:03d}") + 5, 3 + n % 4
        add_bookmark(path, offset, length, note=f"n{n}", color=color, style=style)
        offsets.append(offset)
        expected.setdefault(layer_key(style, color), []).append((offset, length))
        if style == "highlight" and color != "yellow":
            expected.setdefault(layer_key("highlight", "yellow"), []).append((offset, length))  # every highlight
    window = make_window([str(path)])
    pane = window.bookmarks_pane
    sort_box = pane.findChild(QComboBox, "bookmarksSort")
    if sort_box is not None:
        sort_box.setCurrentIndex(sort_box.findData("date"))
    qtbot.waitUntil(lambda: pane.model.rowCount() == len(offsets), timeout=30000)
    view = window.text_view

    for key, spans in expected.items():
        assert view.highlight_count(key) == len(spans)
        assert view._highlights[key].spans == sorted(spans)
    bar = view.verticalScrollBar()
    assert bar.marks("bookmarks") == sorted(offset / len(text) for offset in offsets)

    last = max(offsets)
    window.jump_to(last, 3)
    shown = {(s.cursor.selectionStart(), s.cursor.selectionEnd() - s.cursor.selectionStart())
             for s in view.extraSelections()}
    every = {span for spans in expected.values() for span in spans}
    assert any(start == last for start, _ in shown)
    assert {span for span in shown if span[1] > 0 and span[0] != last} <= every | {(last, 3)}
    assert min(offsets) not in {start for start, _ in shown}  # far from the view: not a Qt selection
