"""Exports are escaped: CSV formulas neutralised (OWASP), Markdown text cannot break out of its entry."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from reader.bookmarks import add_bookmark, list_bookmarks
from reader.bookmarks.export import to_csv, to_markdown
from reader.documents.render import EXTENSIONS

HOSTILE_LINES = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(1)", "\tTAB", "# Fake heading",
                 "<script>alert(1)</script>", "```", "> not a quote", "1. not a list", "==="]
NOTES = ["<script>alert('note')</script>", "# fake heading\nsecond line", "```python\nunclosed fence",
         "=1+2", "@cmd", "-x", "+x", "line\n===", "[link](http://x) *em* _u_ `code` & &amp; | ~~~"]


@pytest.fixture
def hostile_library(library: Path) -> list[Path]:
    first = library / "first.md"
    first.write_text("# Real heading\n\n" + "\n\n".join(HOSTILE_LINES) + "\n", encoding="utf-8")
    second = library / "second.txt"
    second.write_text("Plain text.\n\n" + "\n".join(HOSTILE_LINES) + "\n", encoding="utf-8")
    return [first, second]


def _bookmark_everything(documents: list[Path]) -> int:
    count = 0
    for document in documents:
        text = document.read_text(encoding="utf-8")
        for index, line in enumerate(HOSTILE_LINES):
            add_bookmark(document, text.index(line), len(line), note=NOTES[index % len(NOTES)])
            count += 1
    return count


class _Tree(HTMLParser):
    """Top-level elements of rendered HTML, with their tags inside and their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.top: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.depth == 0:
            self.top.append({"tag": tag, "inner": [], "text": ""})
        else:
            self.top[-1]["inner"].append(tag)
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth > 0:
            self.top[-1]["text"] += data


def test_markdown_keeps_each_bookmark_one_entry(hostile_library: list[Path]) -> None:
    count = _bookmark_everything(hostile_library)
    bookmarks = list_bookmarks()
    tree = _Tree()
    tree.feed(markdown.markdown(to_markdown(bookmarks), extensions=EXTENSIONS))
    tags = [element["tag"] for element in tree.top]
    assert tags.count("h1") == 1
    assert [e["text"] for e in tree.top if e["tag"] == "h2"] == ["first.md", "second.txt"]
    in_order = sorted(bookmarks, key=lambda b: (b.path, b.offset))
    sections = list(dict.fromkeys((b.path, b.heading_path) for b in in_order if b.heading_path))
    assert len(sections) >= 2
    assert [e["text"] for e in tree.top if e["tag"] == "h3"] == [s for _, s in sections]
    assert set(tags) == {"h1", "h2", "h3", "p", "blockquote"}
    quotes = [e for e in tree.top if e["tag"] == "blockquote"]
    assert {tag for quote in quotes for tag in quote["inner"]} == {"p"}, "no script, code, heading…"
    metas = [e for e in tree.top if e["tag"] == "p" and e["inner"] == ["em"] and ", offset " in e["text"]]
    assert len(quotes) == 2 * count and len(metas) == count
    texts = [" ".join(q["text"].split()) for q in quotes]
    for index, line in enumerate(HOSTILE_LINES):
        note = NOTES[index % len(NOTES)]
        assert " ".join(line.split()) in texts and " ".join(note.split()) in texts


def test_csv_neutralises_formulas_in_notes_and_quotes(hostile_library: list[Path]) -> None:
    count = _bookmark_everything(hostile_library)
    rows = list(csv.DictReader(io.StringIO(to_csv(list_bookmarks()))))
    assert len(rows) == count
    for row in rows:
        for name, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
    quotes = {row["quote"] for row in rows}
    assert {"'=HYPERLINK(\"http://x\",\"y\")", "'+1+1", "'-2+3", "'@SUM(1)", "'\tTAB", "# Fake heading"} <= quotes
    notes = {row["note"] for row in rows}
    assert {"'=1+2", "'@cmd", "'-x", "'+x", "<script>alert('note')</script>"} <= notes
