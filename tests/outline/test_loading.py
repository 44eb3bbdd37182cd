"""The core loader without Qt: text, corrected outline, rendered Markdown, reading time and notes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.documents import DocumentError
from reader.outline import extract_outline, flatten, nest
from reader.outline.corrections import CorrectionEditor
from reader.outline.loading import (
    NESTED_TOO_DEEPLY,
    NO_RENDERING,
    add_outline,
    load_text,
    load_with_outline,
)

GUIDE = "# Guide\n\nSome *words*.\n\n## Setting up\n\nMore words.\n"


@pytest.fixture
def guide(tmp_path: Path) -> Path:
    path = tmp_path / "guide.md"
    path.write_text(GUIDE, encoding="utf-8")
    return path


def _titles(tree) -> list[tuple[int, str]]:
    return [(h.level, h.title) for h in flatten(tree)]


def test_a_text_document_comes_with_its_outline_and_reading_time(speech: Path) -> None:
    loaded = load_with_outline(speech)
    assert loaded.document.path == speech and loaded.document.kind == "text"
    assert loaded.outline == nest(extract_outline(loaded.document.text))
    assert (loaded.html, loaded.reading_minutes, loaded.note) == (None, 8, None)
    assert loaded.editor is not None and loaded.editor.nested() == loaded.outline


def test_the_outline_has_the_readers_corrections_unless_asked_not_to(speech: Path) -> None:
    editor = CorrectionEditor(load_with_outline(speech).document)
    editor.remove(next(h.offset for h in editor.headings if h.title.startswith("二、")))
    editor.mark(editor.document.text.index("同志们"), 2)
    corrected = load_with_outline(speech)
    assert _titles(corrected.outline) == [(h.level, h.title) for h in editor.headings]
    assert _titles(corrected.outline)[0] == (2, "同志们:")
    assert corrected.editor.corrections == editor.corrections
    raw = load_with_outline(speech, corrections=False)
    assert raw.outline == nest(extract_outline(raw.document.text))
    assert raw.editor is None


def test_markdown_is_rendered_within_the_limit_and_not_beyond(guide: Path) -> None:
    loaded = load_with_outline(guide)
    assert loaded.html is not None and "<h1>Guide</h1>" in loaded.html and "<em>words</em>" in loaded.html
    assert (_titles(loaded.outline), loaded.note) == ([(1, "Guide"), (2, "Setting up")], None)
    too_big = load_with_outline(guide, render_limit_bytes=len(GUIDE) - 1)
    assert (too_big.html, too_big.note) == (None, None), "plain text by size needs no note"
    assert load_with_outline(guide, render_limit_bytes=len(GUIDE)).html == loaded.html
    never = load_with_outline(guide, render_limit_bytes=NO_RENDERING)
    assert (never.html, never.note, _titles(never.outline)) == (None, None, _titles(loaded.outline))


def test_markdown_nested_too_deeply_is_plain_text_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text("# Deep\n\n" + "- " * 5000 + "x\n", encoding="utf-8")
    loaded = load_with_outline(path)
    assert (loaded.html, loaded.note) == (None, "Shown as plain text: the Markdown is nested too deeply to render.")
    assert loaded.note == NESTED_TOO_DEEPLY
    assert _titles(loaded.outline) == [(1, "Deep")]


def test_the_text_first_and_the_outline_after(speech: Path) -> None:
    loaded = load_text(speech, encoding="utf-8")
    assert (loaded.outline, loaded.editor, loaded.reading_minutes) == (None, None, 8)
    assert add_outline(loaded) is loaded
    assert loaded.outline == load_with_outline(speech).outline


def test_an_encoding_is_used_as_asked(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("第一回 开篇\n正文。\n".encode("gb18030"))
    loaded = load_with_outline(path, encoding="gb18030")
    assert (loaded.document.encoding, loaded.document.text) == ("gb18030", "第一回 开篇\n正文。\n")


def test_what_cannot_be_loaded_raises_the_loaders_error(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    expected = {fifo: f"{fifo} is a named pipe (FIFO), not a document file.", empty: "empty.md is empty."}
    for path, message in expected.items():
        with pytest.raises(DocumentError) as caught:
            load_with_outline(path)
        assert str(caught.value) == message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.md", "pipe.txt"]
