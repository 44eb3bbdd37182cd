"""The reader's own outline corrections: headings added, removed and re-levelled, remembered per document.

A correction names its line by an `Anchor` (the line's stripped text, its non-blank neighbours and the
offset it had; see `anchoring`), so it finds the line again after an edit elsewhere in the file.

Corrections form a log replayed in order over the engine's flat outline:
- "add" makes the line a heading at `level` (if the line already is one, only its level is set);
- "remove" drops that heading (its children then belong to the heading before it);
- "shift" changes the heading's level by `level` (-1 promotes, +1 demotes) and shifts its subtree (the
  headings after it that are deeper than it) by the same amount, so children keep their relative nesting.
Levels stay within 1..9. A correction whose line cannot be found is skipped and kept for later.

The store is one JSON file in the data dir, keyed by document path and also found by content hash when the
file has moved; it is written atomically (temp file + os.replace).

`CorrectionEditor` is what a view uses: one document's outline with its corrections, each operation
recorded, applied and saved at once, and answered with an `Edit` (what to refresh, select and tell).
"""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Protocol

from reader.documents.names import path_from_key, path_key
from reader.paths import chosen_data_dir, data_dir, write_atomically

from . import extract_outline
from .anchoring import Anchor, Lines, anchor_at, find_line
from .inline import strip_inline
from .model import Heading, nest

__all__ = [
    "Anchor", "Lines", "anchor_at", "find_line", "Correction", "record", "apply_corrections",
    "CorrectionStore", "store_path", "load_corrections", "save_corrections", "apply_document_corrections",
    "Edit", "BLANK_LINE", "CorrectionEditor", "CorrectableDocument",
]

STORE_NAME = "outline-corrections.json"
MIN_LEVEL, MAX_LEVEL = 1, 9
TITLE_CHARS = 120
_MARKDOWN_PREFIX = re.compile(r"^(?:#{1,6}|[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|$)")
_lock = threading.Lock()


class CorrectableDocument(Protocol):
    """What corrections need of a document (`reader.documents.Document` is one)."""

    path: Path
    text: str
    kind: str

    @property
    def content_hash(self) -> str: ...


@dataclass(frozen=True)
class Correction:
    """One step of the log: action "add" (level: the level), "remove", or "shift" (level: the change)."""

    action: str
    anchor: Anchor
    level: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "level": self.level, **vars(self.anchor)}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Correction":
        anchor = Anchor(str(raw["text"]), int(raw["offset"]), str(raw.get("before", "")), str(raw.get("after", "")))
        if raw["action"] not in ("add", "remove", "shift"):
            raise ValueError(f"unknown correction {raw['action']!r}")
        return cls(raw["action"], anchor, int(raw.get("level", 0)))


def record(corrections: list[Correction], new: Correction) -> list[Correction]:
    """The log with `new` appended; consecutive shifts of one line are merged, and cancel out."""
    log = list(corrections)
    last = log[-1] if log else None
    if last is not None and last.anchor == new.anchor and last.action == new.action == "shift":
        log.pop()
        new = replace(new, level=last.level + new.level)
        return log + [new] if new.level else log
    if last is not None and last.anchor == new.anchor and last.action == new.action == "add":
        log.pop()
    return log + [new]


def apply_corrections(
    headings: list[Heading], text: str, corrections: list[Correction], kind: str = "text"
) -> list[Heading]:
    """`headings` (flat, any order) corrected by the log `corrections`: a new flat list in document order."""
    out = sorted((replace(h, children=[]) for h in headings), key=lambda h: h.offset)
    if not corrections:
        return out
    lines = Lines(text)
    for correction in corrections:
        index = find_line(lines, correction.anchor)
        if index is not None:
            out = _apply_one(out, lines, index, correction, kind)
    return out


def _apply_one(out: list[Heading], lines: Lines, index: int, correction: Correction, kind: str) -> list[Heading]:
    position = _heading_on_line(out, lines, index)
    if correction.action == "add":
        level = _clamp(correction.level)
        if position is None:
            out.append(_heading_from_line(lines, index, level, kind))
            return sorted(out, key=lambda h: h.offset)
        out[position] = replace(out[position], level=level)
    elif position is None:
        return out
    elif correction.action == "remove":
        del out[position]
    elif correction.action == "shift":
        _shift(out, position, correction.level)
    return out


def _heading_on_line(out: list[Heading], lines: Lines, index: int) -> int | None:
    start, end = lines.starts[index], lines.starts[index] + len(lines.lines[index])
    for position, heading in enumerate(out):
        if heading.line == index + 1 or heading.offset <= start < heading.offset + heading.length:
            return position
        if heading.offset > end:
            break
    return None


def _heading_from_line(lines: Lines, index: int, level: int, kind: str) -> Heading:
    stripped = lines.lines[index].strip()
    title = _MARKDOWN_PREFIX.sub("", stripped) if kind == "markdown" else stripped
    title = " ".join((strip_inline(title) if kind == "markdown" else title).split()) or stripped
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1] + "…"
    return Heading(level=level, title=title, offset=lines.stripped_start(index), length=len(stripped), line=index + 1)


def _shift(out: list[Heading], position: int, delta: int) -> None:
    level = out[position].level
    end = position + 1
    while end < len(out) and out[end].level > level:
        end += 1
    for moved in range(position, end):
        out[moved] = replace(out[moved], level=_clamp(out[moved].level + delta))


def _clamp(level: int) -> int:
    return max(MIN_LEVEL, min(MAX_LEVEL, level))


# --- the store ------------------------------------------------------------------------------------


class CorrectionStore:
    """Every document's corrections in one JSON file (by default outline-corrections.json in the data dir).

    Documents are keyed by `path_key` of their absolute path (a clean path is its own key) and found by
    content hash when the file has moved. Reading creates nothing; writing is atomic."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self._path = Path(path) if path is not None else None

    @property
    def path(self) -> Path:
        """Where the store is (or would be); the data dir is not created for asking."""
        return self._path if self._path is not None else chosen_data_dir() / STORE_NAME

    def load(self, path: str | os.PathLike[str], content_hash: str | Callable[[], str] = "") -> list[Correction]:
        """The corrections of the document at `path` (or, if none, of the document with `content_hash`)."""
        with _lock:
            entry = _find(self._read(), _key(path), content_hash)
        return _parse(entry["corrections"]) if entry else []

    def for_document(self, document: CorrectableDocument) -> list[Correction]:
        """The corrections of `document` (path, content_hash); none, without hashing, if there is no store."""
        if not self.path.exists():
            return []
        return self.load(document.path, lambda: document.content_hash)

    def save(self, path: str | os.PathLike[str], content_hash: str, corrections: list[Correction]) -> None:
        """Remember `corrections` for the document at `path` (atomically); an empty list forgets them."""
        key = _key(path)
        with _lock:
            documents = self._read()
            for other in [k for k, v in documents.items() if k != key and v.get("hash") == content_hash]:
                if not path_from_key(other).exists():
                    del documents[other]
            if corrections:
                documents[key] = {"hash": content_hash, "corrections": [c.to_dict() for c in corrections]}
            else:
                documents.pop(key, None)
            self._write(documents)

    def _read(self) -> dict[str, Any]:
        path = self.path
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            os.replace(path, path.with_name(path.name + ".damaged"))  # kept aside, never silently lost
            return {}
        documents = raw.get("documents") if isinstance(raw, dict) else None
        return documents if isinstance(documents, dict) else {}

    def _write(self, documents: dict[str, Any]) -> None:
        path = self._path if self._path is not None else data_dir() / STORE_NAME  # data_dir() creates it
        write_atomically(path, json.dumps({"version": 1, "documents": documents}, ensure_ascii=False, indent=1))


def store_path() -> Path:
    """The default store's file (the data dir is created)."""
    return data_dir() / STORE_NAME


def load_corrections(path: str | Path, content_hash: str | Callable[[], str] = "") -> list[Correction]:
    """The corrections of the document at `path` in the default store (see `CorrectionStore.load`)."""
    return CorrectionStore().load(path, content_hash)


def save_corrections(path: str | Path, content_hash: str, corrections: list[Correction]) -> None:
    """Remember `corrections` in the default store (see `CorrectionStore.save`)."""
    CorrectionStore().save(path, content_hash, corrections)


def apply_document_corrections(headings: list[Heading], document: CorrectableDocument) -> list[Heading]:
    """The loader's step: `headings` of `document` (path, text, kind, content_hash) with its corrections."""
    try:
        corrections = CorrectionStore().for_document(document)
    except OSError:
        return headings  # an unreadable store never stops a document from opening
    return apply_corrections(headings, document.text, corrections, document.kind) if corrections else headings


def _key(path: str | os.PathLike[str]) -> str:
    return path_key(Path(path).absolute())


def _find(documents: dict[str, Any], key: str, content_hash: str | Callable[[], str]) -> dict[str, Any] | None:
    if key in documents or not documents:
        return documents.get(key)
    wanted = content_hash() if callable(content_hash) else content_hash
    moved = [v for v in documents.values() if wanted and v.get("hash") == wanted]
    return moved[0] if moved else None


def _parse(raw: list[dict[str, Any]]) -> list[Correction]:
    parsed = []
    for item in raw:
        try:
            parsed.append(Correction.from_dict(item))
        except (KeyError, TypeError, ValueError):
            continue
    return parsed


# --- the editor -----------------------------------------------------------------------------------

BLANK_LINE = "blank-line"  # Edit.refused: a blank line cannot be a heading


@dataclass(frozen=True)
class Edit:
    """What one editor operation did, for the view: whether to refresh, what to select, what to tell."""

    changed: bool = False  # the outline is to be shown again (the log changed, and was saved if it could be)
    select: int | None = None  # offset of the entry to select now; None: keep the current one if still there
    refused: str | None = None  # why nothing was done, as a code (BLANK_LINE)
    save_error: OSError | None = None  # the change holds in this editor but could not be saved


class CorrectionEditor:
    """One document's outline as the reader corrected it: mark, remove, promote, demote and reset entries.

    `document` needs path, text, kind and content_hash; `headings` is the engine's flat outline of it
    (detected here when omitted). The stored corrections are applied at once; each operation is recorded,
    saved to `store` and applied to the outline shown. An unreadable store leaves the outline as detected
    (`load_error` says why)."""

    def __init__(self, document: CorrectableDocument, headings: list[Heading] | None = None,
                 store: CorrectionStore | None = None) -> None:
        if headings is None:
            headings = extract_outline(document.text, document.kind)
        self.document = document
        self.store = store if store is not None else CorrectionStore()
        self.load_error: OSError | None = None
        self.source: object | None = None  # what produced `headings` (loading.OutlineSource), set by the loader
        self._detected = [replace(h, children=[]) for h in headings]
        self._log = self._load()
        self._headings = apply_corrections(self._detected, document.text, self._log, document.kind)

    @property
    def headings(self) -> list[Heading]:
        """The corrected outline, flat, in document order."""
        return list(self._headings)

    def nested(self) -> list[Heading]:
        """The corrected outline as a tree (copies)."""
        return nest(self._headings)

    @property
    def corrections(self) -> list[Correction]:
        """The log of this document's corrections (empty: the outline is as detected)."""
        return list(self._log)

    def entry_at(self, offset: int) -> Heading | None:
        """The entry that starts at `offset`, if any."""
        return next((h for h in self._headings if h.offset == offset), None)

    def mark(self, offset: int, level: int) -> Edit:
        """Make the line holding `offset` a heading at `level` (1..9); refused (BLANK_LINE) on a blank line."""
        anchor = anchor_at(self.document.text, offset)
        if anchor is None:
            return Edit(refused=BLANK_LINE)
        return self._correct(Correction("add", anchor, level), select=anchor.offset)

    def remove(self, offset: int) -> Edit:
        """Remove the entry starting at `offset` (its children join the entry before it)."""
        anchor = self._entry_anchor(offset)
        if anchor is None:
            return Edit()
        return self._correct(Correction("remove", anchor), select=None)

    def promote(self, offset: int) -> Edit:
        """Move the entry starting at `offset`, with its subentries, one level up (not above level 1)."""
        return self.shift(offset, -1)

    def demote(self, offset: int) -> Edit:
        """Move the entry starting at `offset`, with its subentries, one level down (not below level 9)."""
        return self.shift(offset, +1)

    def shift(self, offset: int, delta: int) -> Edit:
        """Change the level of the entry starting at `offset` by `delta`, with its subentries."""
        entry, anchor = self.entry_at(offset), self._entry_anchor(offset)
        if entry is None or anchor is None or not MIN_LEVEL <= entry.level + delta <= MAX_LEVEL:
            return Edit()
        return self._correct(Correction("shift", anchor, delta), select=entry.offset)

    def reset(self) -> Edit:
        """Forget this document's corrections: the outline is the engine's again."""
        self._log = []
        error = self._save()
        self._headings = [replace(h, children=[]) for h in self._detected]
        return Edit(changed=True, select=None, save_error=error)

    def _entry_anchor(self, offset: int) -> Anchor | None:
        """The anchor of the line of the entry starting at `offset` (None: no such entry)."""
        return anchor_at(self.document.text, offset) if self.entry_at(offset) is not None else None

    def _correct(self, correction: Correction, select: int | None) -> Edit:
        self._log = record(self._log, correction)
        error = self._save()
        document = self.document
        self._headings = apply_corrections(self._headings, document.text, [correction], document.kind)
        return Edit(changed=True, select=select, save_error=error)

    def _load(self) -> list[Correction]:
        try:
            return self.store.for_document(self.document)
        except OSError as error:
            self.load_error = error
            return []

    def _save(self) -> OSError | None:
        try:
            self.store.save(self.document.path, self.document.content_hash, self._log)
        except OSError as error:
            return error
        return None
