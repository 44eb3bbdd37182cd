"""On a text longer than a few slices, the outline found a slice at a time is the one found in one go."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.outline import extract_outline
from reader.text import lines

DOCS = Path(__file__).parent / "docs"


def _big(text: str) -> str:
    copies = 2 * lines.SLICE_CHARS // len(text) + 2
    return text * copies


@pytest.mark.parametrize(("name", "encoding", "kind"), [("novel-volumes.gb18030.txt", "gb18030", "text"),
                                                       ("regulation.txt", "utf-8", "text"),
                                                       ("report-roman.en.txt", "utf-8", "text"),
                                                       ("nested.md", "utf-8", "markdown")])
def test_a_big_text_outlines_the_same_in_slices(monkeypatch: pytest.MonkeyPatch, name: str, encoding: str,
                                                kind: str) -> None:
    text = _big((DOCS / name).read_bytes().decode(encoding).replace("\r\n", "\n"))
    slices = 2 * lines.SLICE_CHARS
    assert len(text) > slices

    sliced = extract_outline(text, kind)
    monkeypatch.setattr(lines, "SLICE_CHARS", len(text))  # one split over the whole text
    whole = extract_outline(text, kind)

    assert sliced == whole
    assert len(sliced) > 100
    assert sliced[-1].offset > slices  # headings past the first slices are found
