"""Loading a document with what a reader shows of it: its corrected outline, its Markdown rendered, its reading time."""

from __future__ import annotations

import os
from dataclasses import dataclass

from reader.documents import Document, DocumentError, load_document
from reader.documents.model import reading_minutes
from reader.documents.render import render_markdown

from .conventions import extract_with_convention
from .corrections import CorrectionEditor
from .model import Heading, nest
from .rules import RuleSet, RuleSetError
from .rules_builtin import AUTO
from .rules_runner import run_rules
from .rules_store import RuleStore

RENDER_LIMIT_BYTES = 2 * 1024 * 1024  # larger Markdown files are shown as plain text
NO_RENDERING = -1  # render_limit_bytes for callers that never show HTML (the CLI)
NESTED_TOO_DEEPLY = "Shown as plain text: the Markdown is nested too deeply to render."


@dataclass
class LoadedDocument:
    """A document with everything the window shows of it (the outline is None until it is worked out)."""

    document: Document
    outline: list[Heading] | None = None  # nested, with the reader's corrections unless asked otherwise
    html: str | None = None  # rendered Markdown, when the document is shown rendered
    note: str | None = None  # for the reader, e.g. NESTED_TOO_DEEPLY
    editor: CorrectionEditor | None = None  # the corrections behind `outline` (None: the raw detection)
    source: OutlineSource | None = None  # what produced the outline (a convention, or a rule set)
    outline_note: str | None = None  # why the rule set chosen for the document was not used, if it was not

    @property
    def reading_minutes(self) -> int:
        """The minutes a reader needs (a pass over the whole text, so counted when asked, not while loading:
        0.43 s of a 60 MB novel's 0.76 s)."""
        return reading_minutes(self.document.text)


@dataclass(frozen=True)
class OutlineSource:
    """What produced an outline: `kind` "convention" (automatic detection; `name` a CONVENTIONS id) or
    "rules" (`name` the rule set's name)."""

    kind: str
    name: str


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
    return LoadedDocument(document, None, html, note=note)


def add_outline(loaded: LoadedDocument, corrections: bool = True, rules: RuleSet | str | None = None) -> LoadedDocument:
    """`loaded` with its outline (and, with corrections, the editor that holds them). The headings come from
    `rules` (its RuleSetError, RulesTooSlow included, is raised; AUTO: automatic detection), else from the rule
    set chosen for the document (if it fails, `outline_note` says why and detection is used), else from
    automatic detection."""
    document = loaded.document
    if rules == AUTO:
        headings, loaded.source = detected_outline(document)
    elif isinstance(rules, RuleSet):
        headings, loaded.source = run_rules(document.text, rules).headings, OutlineSource("rules", rules.name)
    else:
        headings, loaded.source, loaded.outline_note = chosen_outline(document)
    if corrections:
        loaded.editor = CorrectionEditor(document, headings)
        loaded.editor.source = loaded.source
        loaded.outline = loaded.editor.nested()
    else:
        loaded.editor, loaded.outline = None, nest(headings)
    return loaded


def detected_outline(document: Document) -> tuple[list[Heading], OutlineSource]:
    """The headings automatic detection finds, and the convention that found them."""
    headings, convention = extract_with_convention(document.text, document.kind)
    return headings, OutlineSource("convention", convention)


def chosen_outline(document: Document) -> tuple[list[Heading], OutlineSource, str | None]:
    """(headings, source, note): by the rule set chosen for `document` or its folder, else detected."""
    store = RuleStore()
    try:
        name = store.choice_for(document.path, lambda: document.content_hash)
        rule_set = store.find(name) if name and name != AUTO else None
    except OSError:
        name, rule_set = None, None
    if not name or name == AUTO:
        return (*detected_outline(document), None)
    if rule_set is None:
        return (*detected_outline(document), f"the rule set '{name}' chosen for this document no longer exists")
    try:
        return run_rules(document.text, rule_set).headings, OutlineSource("rules", name), None
    except RuleSetError as error:
        return (*detected_outline(document), f"the rule set '{name}' was not used: {error}")


def _rendered(document: Document, limit: int) -> tuple[str | None, str | None]:
    """(html, note): the HTML of Markdown within `limit`, or None and why not when the reader should know."""
    if document.kind != "markdown" or document.size_bytes > limit:
        return None, None
    try:
        return render_markdown(document.text), None
    except (RecursionError, DocumentError):  # DocumentError: the renderer may name the same problem itself
        return None, NESTED_TOO_DEEPLY
