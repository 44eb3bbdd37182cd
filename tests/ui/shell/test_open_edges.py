"""Opening what is not an ordinary document in the window: pipes, devices, folders, deep Markdown, bad bytes."""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit

from reader.ui.shell.loader import load_with_outline

HANG_GUARD_S = 20


def _unblock_later(fifo: Path) -> threading.Timer:
    """If the window ever opens the FIFO for reading it blocks; a late writer ends that (and the test fails)."""
    def write_nothing() -> None:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            return  # nobody is reading: nothing is blocked
        os.close(fd)

    timer = threading.Timer(HANG_GUARD_S, write_nothing)
    timer.start()
    return timer


def _refused(window, path: Path, expected: str) -> None:
    started = time.monotonic()
    assert window.open_document(path) is False
    assert time.monotonic() - started < HANG_GUARD_S, "the window blocked on it"
    assert window.last_error == expected
    assert window.statusBar().currentMessage() == expected
    assert window.current_document is None
    box = window.findChild(QMessageBox, "errorDialog")
    assert box is not None and box.text() == expected


def test_a_fifo_is_refused_at_once_without_opening_it(make_window, tmp_path: Path) -> None:
    fifo = tmp_path / os.fsdecode(b"pipe\xff.txt")
    os.mkfifo(fifo)
    guard = _unblock_later(fifo)
    try:
        _refused(make_window(), fifo, f"{tmp_path}/pipe\\xff.txt is a named pipe (FIFO), not a document file.")
    finally:
        guard.cancel()


def test_a_symlink_to_dev_zero_is_refused_as_a_device(make_window, tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    _refused(make_window(), link, f"{link} is a device, not a document file.")


def test_a_large_fifo_name_never_reaches_the_worker(make_window, tmp_path: Path) -> None:
    """Non-regular files are refused before the small/large choice, so no worker thread is stuck on one."""
    fifo = tmp_path / "big.md"
    os.mkfifo(fifo)
    guard = _unblock_later(fifo)
    try:
        window = make_window()
        _refused(window, fifo, f"{fifo} is a named pipe (FIFO), not a document file.")
        assert window.loader.pool.activeThreadCount() == 0
        assert not window.load_progress.isVisible()
    finally:
        guard.cancel()


def test_deeply_nested_markdown_is_shown_as_plain_text_with_a_note(make_window, tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    text = "# Deep\n\n" + "- " * 5000 + "x\n"
    path.write_text(text, encoding="utf-8")
    window = make_window([str(path)])
    assert window.last_error is None
    assert window.current_document.text == text
    assert isinstance(window.text_view, QPlainTextEdit) and window.text_view.objectName() == "textView"
    assert window.text_view.document_view().toPlainText() == text
    assert window.statusBar().currentMessage() == "Shown as plain text: the Markdown is nested too deeply to render."
    assert [item.text() for item in window.outline_pane.model.items_in_order()] == ["Deep"]


def test_deeply_nested_markdown_falls_back_on_the_worker_too(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text("".join("  " * depth + "- a\n" for depth in range(1000)), encoding="utf-8")
    loaded = load_with_outline(path, None)
    assert loaded.html is None and loaded.plain_reason == "nested"


def test_replacement_characters_are_told_in_the_status_bar(make_window, tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(
        "第一段是好的 UTF-8。\n".encode() * 40 + "第二段是GB18030。\n".encode("gb18030") + "完。\n".encode()
    )
    window = make_window([str(path)])
    document = window.current_document
    assert document.replacements > 0
    note = f"Decoded as {document.encoding} with {document.replacements} replacement characters; try View ▸ Encoding."
    no_font = "No Chinese font is installed, so Chinese text may show as boxes (install fonts-noto-cjk)."
    has_font = bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    assert window.statusBar().currentMessage() == (note if has_font else f"{note} {no_font}")


def test_the_replacement_note_names_the_encoding_and_the_count(make_window, tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Just text\ufffd with one odd character.\n", encoding="utf-8")
    window = make_window()
    loaded = load_with_outline(path, None)
    loaded = dataclasses.replace(loaded, document=dataclasses.replace(loaded.document, replacements=3))
    window._show_loaded(loaded, (None, True))
    assert window.statusBar().currentMessage() == (
        f"Decoded as {loaded.document.encoding} with 3 replacement characters; try View ▸ Encoding.")


def test_a_folder_given_as_a_document_is_refused_at_once(make_window, tmp_path: Path) -> None:
    folder = tmp_path / "notes.txt"
    folder.mkdir()
    _refused(make_window(), folder, f"{folder} is a folder, not a document file.")
