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


def extract_with_convention(text: str, kind: str = "text") -> tuple[list[Heading], str]:
    """(flat headings in document order, the id of the convention in CONVENTIONS that found them)."""
    if kind == "markdown":
        return extract_markdown(text), "markdown"
    headings = extract_text(text)
    return headings, ("chinese-report" if headings else "none")
