"""A document prepared for search, in a compact form: folded text, offset map, title and sections.

Search keeps, for every document, only its folded text (fold is length-preserving, so offsets are
the same as in the source) and a `Source` that rebuilds windows of the ORIGINAL text for snippets
from the sparse places where the source differs from its folding (full-width punctuation, upper
case, traditional characters): their positions (`array('I')`) and the original characters (a str).
"""

from __future__ import annotations

import os
import re
import sys
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reader.documents import Document, load_document
from reader.documents.names import display_name
from reader.outline import document_title, extract_outline
from reader.outline.sections import SEPARATOR, section_index, section_paths
from reader.search.analysis import Folded, Vocabulary, fold, strip_folded
from reader.text.fold import _table

SECTION_SEPARATOR = SEPARATOR  # between the titles of a section path (reader.outline.sections)
DENSE = 0.3  # keep the original text itself when more than this share of characters fold


@lru_cache(maxsize=1)
def _foldable() -> re.Pattern:
    """Runs of characters that fold to something else."""
    chars = "".join(sorted(chr(code) for code, value in _table().items() if value != chr(code)))
    return re.compile("[" + re.escape(chars) + "]+")


class Source:
    """The original text of a document, rebuilt on demand from its folded text and the differences.

    `window(start, end)` is `original[start:end]`; paragraph breaks and lengths are the same in the
    folded text (`full_window`), so snippets are cut on it and only their windows are rebuilt."""

    __slots__ = ("folded", "positions", "chars", "original")

    def __init__(self, folded: Folded, positions: array, chars: str, original: str | None = None) -> None:
        self.folded, self.positions, self.chars, self.original = folded, positions, chars, original

    @classmethod
    def of(cls, original: str, folded: Folded) -> "Source":
        """The differences between `original` and its folding."""
        positions, parts = array("I"), []
        for match in _foldable().finditer(original):
            start, run = match.start(), match.group()
            positions.extend(range(start, start + len(run))) if len(run) > 1 else positions.append(start)
            parts.append(run)
        if len(positions) > DENSE * max(1, len(original)):
            return cls(folded, array("I"), "", original)
        return cls(folded, positions, "".join(parts))

    def __len__(self) -> int:
        return len(self.folded)

    def full_window(self, start: int, end: int) -> str:
        """The folded source (glosses kept) from `start` to `end`."""
        return self.folded.full_window(start, end)

    def window(self, start: int, end: int) -> str:
        """`original[start:end]`."""
        if self.original is not None:
            return self.original[start:end]
        positions = self.positions
        first, last = bisect_left(positions, start), bisect_left(positions, end)
        window = self.folded.full_window(start, end)
        if first == last:
            return window
        chars = list(window)
        for i in range(first, last):
            chars[positions[i] - start] = self.chars[i]
        return "".join(chars)

    @property
    def text(self) -> str:
        """The whole original text (slow for big documents: for tests and tools)."""
        return self.window(0, len(self))

    @property
    def nbytes(self) -> int:
        """Memory held beyond the folded text."""
        size = self.positions.itemsize * len(self.positions) + sys.getsizeof(self.chars)
        return size + (sys.getsizeof(self.original) if self.original is not None else 0)


@dataclass
class Prepared:
    """Everything search needs about one document. `document` (the loaded source) is set only while
    indexing; the cached form (`compact()`) drops it and rebuilds snippets from `source`."""

    path: Path
    folded: Folded  # gloss-free folded text (and the removed glosses, if any)
    source: Source
    title: str
    mtime: float
    section_starts: list[int] = field(default_factory=list)
    section_paths: list[str] = field(default_factory=list)
    document: Document | None = None

    @property
    def text(self) -> str:
        """The original text (from the document while indexing, else rebuilt: slow)."""
        return self.document.text if self.document is not None else self.source.text

    @property
    def raw_folded(self) -> str | None:
        """The folded source with its glosses kept (None when it has none: then it is `folded.text`).

        A literal is also looked for here, so a query that types a gloss still finds it. Rebuilt on
        each call (rarely needed: only for a literal holding a character a gloss can hold)."""
        return None if self.folded.glosses is None else self.folded.full

    @property
    def nbytes(self) -> int:
        """Roughly how many bytes this holds in memory (for cache budgets)."""
        size = sys.getsizeof(self.folded.text) + self.source.nbytes
        if self.folded.glosses is not None:
            size += self.folded.glosses.nbytes
        return size + sum(map(sys.getsizeof, self.section_paths)) + 16 * len(self.section_starts) + 500

    def compact(self) -> "Prepared":
        """This without the loaded document."""
        if self.document is None:
            return self
        return Prepared(self.path, self.folded, self.source, self.title, self.mtime,
                        self.section_starts, self.section_paths)

    def section_at(self, offset: int) -> str:
        """The heading path enclosing `offset` ('' before the first heading)."""
        index = section_index(self.section_starts, offset)
        return self.section_paths[index] if index >= 0 else ""


def _outline(text: str, kind: str) -> tuple[list, str]:
    try:
        return extract_outline(text, kind), document_title(text, kind)
    except Exception:  # a heading bug must not stop indexing
        return [], ""


def prepare_text(
    path: Path,
    text: str,
    mtime: float = 0.0,
    title: str = "",
    compact: bool = True,
    vocabulary: Vocabulary | None = None,
) -> Prepared:
    """Prepare a loaded text (no outline), registering its words in `vocabulary` if given.
    `compact=False` keeps `text` itself as the source (for a one-off search in an open document: no
    differences to compute)."""
    full = fold(text)
    folded = strip_folded(full)
    if vocabulary is not None:
        vocabulary.register_words(folded.text)
    source = Source.of(text, folded) if compact else Source(folded, array("I"), "", text)
    return Prepared(path, folded, source, title or display_name(path.stem), mtime)


def prepare(
    path: str | os.PathLike[str], document: Document | None = None, vocabulary: Vocabulary | None = None
) -> Prepared:
    """Load (unless given) and prepare `path`, registering its words in `vocabulary` if given;
    raises DocumentError for files that cannot be read."""
    path = Path(path)
    mtime = path.stat().st_mtime if path.exists() else 0.0
    document = document or load_document(path)
    headings, title = _outline(document.text, document.kind)
    starts, paths = [heading.offset for heading in headings], section_paths(headings)
    doc = prepare_text(document.path, document.text, mtime=mtime, title=title, vocabulary=vocabulary)
    doc.section_starts, doc.section_paths, doc.document = starts, paths, document
    return doc
