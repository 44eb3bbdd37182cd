"""Which heading convention produced an outline: ids, their labels, and detection that reports one."""

from __future__ import annotations

from .markdown import extract_markdown
from .model import Heading
from .plain import extract_text

# Convention id -> label the outline pane shows ("Outline: <label>"); ids are stable (rule-set names use them).
CONVENTIONS: dict[str, str] = {
    "markdown": "Markdown",
    "chinese-report": "Chinese report (一、/（一）)",
    "chinese-novel": "Chinese novel (卷/章)",
    "regulation": "Regulation (章/节/条)",
    "english-book": "English book (Chapter/Part)",
    "english-report": "English report (I./A./1.)",
    "none": "no headings found",
}

# Heading styles (Heading.style) that name a convention, strongest first: a document with any article is a
# regulation, one with 卷/章/回 or 楔子/番外 a novel, one with CHAPTER/PART/BOOK an English book.
_DECIDING: list[tuple[str, tuple[str, ...]]] = [
    ("regulation", ("chapter:条",)),
    ("chinese-novel", ("chapter:卷", "chapter:章", "chapter:回", "extra:")),
    ("english-book", ("en:chapter", "en:part", "en:book")),
    ("english-report", ("en:roman", "en:letter", "en:appendix", "sec")),
]


def extract_with_convention(text: str, kind: str = "text") -> tuple[list[Heading], str]:
    """(flat headings in document order, the id of the convention in CONVENTIONS that found them)."""
    if kind == "markdown":
        return extract_markdown(text), "markdown"
    headings = extract_text(text)
    return headings, convention_of(headings)


def convention_of(headings: list[Heading]) -> str:
    """The convention id of plain-text headings, from the numbering styles they were found by."""
    if not headings:
        return "none"
    styles = {heading.style for heading in headings}
    for convention, prefixes in _DECIDING:
        if any(style.startswith(prefixes) for style in styles):
            return convention
    return "chinese-report"
