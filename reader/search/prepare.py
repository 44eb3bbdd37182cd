"""A document prepared for search: folded text with its offset map, title and sections."""

from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from reader.documents import Document, load_document
from reader.search.analysis import Folded, fold, fold_for_search, register_words

SECTION_SEPARATOR = " › "


@dataclass
class Prepared:
    """Everything search needs about one document."""

    document: Document
    folded: Folded
    title: str
    mtime: float
    section_starts: list[int] = field(default_factory=list)
    section_paths: list[str] = field(default_factory=list)
    _raw_folded: str | None = None

    @property
    def path(self) -> Path:
        return self.document.path

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def raw_folded(self) -> str | None:
        """The folded source with its glosses kept (None when it has none: then it is `folded.text`).

        A literal is also looked for here, so a query that types a gloss still finds it."""
        if self.folded.origin is None:
            return None
        if self._raw_folded is None:
            self._raw_folded = fold(self.document.text)
        return self._raw_folded

    @property
    def chars(self) -> int:
        """Roughly how many characters this holds in memory (for cache budgets)."""
        folded = 0 if self.folded.text is self.document.text else len(self.folded.text)
        origin = 0 if self.folded.origin is None else 4 * len(self.folded.origin)
        raw = len(self._raw_folded) if self._raw_folded is not None else 0
        return len(self.document.text) + folded + origin + raw

    def section_at(self, offset: int) -> str:
        """The heading path enclosing `offset` ('' before the first heading)."""
        index = bisect_right(self.section_starts, offset) - 1
        return self.section_paths[index] if index >= 0 else ""

    def folded_index(self, offset: int) -> int:
        """The index in the folded text of the first character at or after source `offset`."""
        origin = self.folded.origin
        return offset if origin is None else bisect_left(origin, offset)


def _outline(text: str, kind: str) -> tuple[list, str]:
    try:
        from reader.outline import document_title, extract_outline
    except ImportError:  # the outline engine is optional for search
        return [], ""
    try:
        return extract_outline(text, kind), document_title(text, kind)
    except Exception:  # a heading bug must not stop indexing
        return [], ""


def _sections(headings: list) -> tuple[list[int], list[str]]:
    starts: list[int] = []
    paths: list[str] = []
    stack: list = []
    for heading in headings:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        stack.append(heading)
        starts.append(heading.offset)
        paths.append(SECTION_SEPARATOR.join(h.title for h in stack))
    return starts, paths


def prepare(path: str | os.PathLike[str], document: Document | None = None) -> Prepared:
    """Load (unless given) and prepare `path`; raises DocumentError for files that cannot be read."""
    path = Path(path)
    mtime = path.stat().st_mtime if path.exists() else 0.0
    document = document or load_document(path)
    headings, title = _outline(document.text, document.kind)
    starts, paths = _sections(headings)
    folded = fold_for_search(document.text)
    register_words(folded.text)
    return Prepared(
        document=document,
        folded=folded,
        title=title or document.path.stem,
        mtime=mtime,
        section_starts=starts,
        section_paths=paths,
    )

