"""Outline engine: heading detection for Markdown and plain text (Qt-free, stdlib only)."""
from __future__ import annotations

from .doctitle import document_title
from .markdown import extract_markdown
from .model import Heading, flatten, nest
from .plain import extract_text

__all__ = ["Heading", "extract_outline", "nest", "flatten", "document_title"]


def extract_outline(text: str, kind: str = "text") -> list[Heading]:
    """Flat list of headings in document order; kind is "markdown" or "text"."""
    if kind == "markdown":
        return extract_markdown(text)
    return extract_text(text)
