"""Loading a document with what a reader shows of it: its corrected outline, its Markdown rendered, its reading time."""

from __future__ import annotations

import os
from dataclasses import dataclass

from reader.documents import Document, DocumentError, load_document
from reader.documents.model import reading_minutes
from reader.documents.render import render_markdown

from . import extract_outline
from .corrections import CorrectionEditor
from .model import Heading, nest

RENDER_LIMIT_BYTES = 2 * 1024 * 1024  # larger Markdown files are shown as plain text
NO_RENDERING = -1  # render_limit_bytes for callers that never show HTML (the CLI)
NESTED_TOO_DEEPLY = "Shown as plain text: the Markdown is nested too deeply to render."


@dataclass
class LoadedDocument:
    """A document with everything the window shows of it (the outline is None until it is worked out)."""

    document: Document
    outline: list[Heading] | None = None  # nested, with the reader's corrections unless asked otherwise
    html: str | None = None  # rendered Markdown, when the document is shown rendered
    reading_minutes: int = 0
    note: str | None = None  # for the reader, e.g. NESTED_TOO_DEEPLY
    editor: CorrectionEditor | None = None  # the corrections behind `outline` (None: the raw detection)


def load_with_outline(path: str | os.PathLike[str], encoding: str | None = None, corrections: bool = True,
                      render_limit_bytes: int = RENDER_LIMIT_BYTES) -> LoadedDocument:
    """Load `path`, render it if it is Markdown of at most `render_limit_bytes`, and outline it with the
    reader's corrections (or as detected, `corrections=False`). Raises DocumentError."""
    return add_outline(load_text(path, encoding, render_limit_bytes), corrections)


def load_text(path: str | os.PathLike[str], encoding: str | None = None,
              render_limit_bytes: int = RENDER_LIMIT_BYTES) -> LoadedDocument:
    """Everything `load_with_outline` does but the outline (for showing the text first). Raises DocumentError."""
    document = load_document(path, encoding=encoding)
    html, note = _rendered(document, render_limit_bytes)
    return LoadedDocument(document, None, html, reading_minutes(document.text), note)


def add_outline(loaded: LoadedDocument, corrections: bool = True) -> LoadedDocument:
    """`loaded` with its outline (and, with corrections, the editor that holds them)."""
    document = loaded.document
    headings = extract_outline(document.text, document.kind)
    if corrections:
        loaded.editor = CorrectionEditor(document, headings)
        loaded.outline = loaded.editor.nested()
    else:
        loaded.editor, loaded.outline = None, nest(headings)
    return loaded


def _rendered(document: Document, limit: int) -> tuple[str | None, str | None]:
    """(html, note): the HTML of Markdown within `limit`, or None and why not when the reader should know."""
    if document.kind != "markdown" or document.size_bytes > limit:
        return None, None
    try:
        return render_markdown(document.text), None
    except (RecursionError, DocumentError):  # DocumentError: the renderer may name the same problem itself
        return None, NESTED_TOO_DEEPLY
