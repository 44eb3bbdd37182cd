"""The reader's own outline corrections: headings added, removed and re-levelled, remembered per document.

A correction names its line by the line's text (stripped), the nearest non-blank lines before and after it,
and the offset it had; so after an edit elsewhere it finds the line again (the matching line nearest the old
offset, preferring one whose neighbours still match; failing an exact match, a very similar line nearby).

Corrections form a log replayed in order over the engine's flat outline:
- "add" makes the line a heading at `level` (if the line already is one, only its level is set);
- "remove" drops that heading (its children then belong to the heading before it);
- "shift" changes the heading's level by `level` (-1 promotes, +1 demotes) and shifts its subtree (the
  headings after it that are deeper than it) by the same amount, so children keep their relative nesting.
Levels stay within 1..9. A correction whose line cannot be found is skipped and kept for later.

The store is one JSON file in the data dir, keyed by document path and also found by content hash when the
file has moved; it is written atomically (temp file + os.replace).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from bisect import bisect_right
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Callable

from reader.paths import data_dir

from .inline import strip_inline
from .model import Heading

STORE_NAME = "outline-corrections.json"
CONTEXT_CHARS = 40
MIN_LEVEL, MAX_LEVEL = 1, 9
TITLE_CHARS = 120
FUZZY_RATIO = 0.8
FUZZY_WINDOW = 50_000
_MARKDOWN_PREFIX = re.compile(r"^(?:#{1,6}|[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|$)")
_lock = threading.Lock()


@dataclass(frozen=True)
class Anchor:
    """A line found by its stripped text, its non-blank neighbours and the offset it had."""

    text: str
    offset: int
    before: str = ""
    after: str = ""


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


class Lines:
    """The lines of a text with their start offsets, and a lookup of lines by stripped text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.starts: list[int] = []
        total = 0
        for line in self.lines:
            self.starts.append(total)
            total += len(line) + 1
        self._by_text: dict[str, list[int]] | None = None

    def index_at(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, max(0, offset)) - 1)

    def stripped_start(self, index: int) -> int:
        line = self.lines[index]
        return self.starts[index] + len(line) - len(line.lstrip())

    def neighbour(self, index: int, step: int) -> str:
        index += step
        while 0 <= index < len(self.lines):
            if self.lines[index].strip():
                return self.lines[index].strip()[:CONTEXT_CHARS]
            index += step
        return ""

    def with_text(self, text: str) -> list[int]:
        if self._by_text is None:
            self._by_text = {}
            for index, line in enumerate(self.lines):
                self._by_text.setdefault(line.strip(), []).append(index)
        return self._by_text.get(text, [])


def anchor_at(text: str | Lines, offset: int) -> Anchor | None:
    """The anchor of the line holding `offset`; None if that line is blank."""
    lines = text if isinstance(text, Lines) else Lines(text)
    index = lines.index_at(offset)
    stripped = lines.lines[index].strip()
    if not stripped:
        return None
    return Anchor(stripped, lines.stripped_start(index), lines.neighbour(index, -1), lines.neighbour(index, 1))


def find_line(lines: Lines, anchor: Anchor) -> int | None:
    """The index of the line `anchor` names in `lines`, or None."""
    exact = lines.with_text(anchor.text)
    if exact:
        return min(exact, key=lambda i: (_mismatches(lines, i, anchor), abs(lines.starts[i] - anchor.offset)))
    return _fuzzy_line(lines, anchor)


def _mismatches(lines: Lines, index: int, anchor: Anchor) -> int:
    return (lines.neighbour(index, -1) != anchor.before) + (lines.neighbour(index, 1) != anchor.after)


def _fuzzy_line(lines: Lines, anchor: Anchor) -> int | None:
    first = lines.index_at(anchor.offset - FUZZY_WINDOW)
    last = lines.index_at(anchor.offset + FUZZY_WINDOW)
    best: tuple[tuple[int, float, int], int] | None = None
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(anchor.text)
    for index in range(first, last + 1):
        candidate = lines.lines[index].strip()
        if not candidate or abs(len(candidate) - len(anchor.text)) > len(anchor.text) // 3 + 2:
            continue
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() < FUZZY_RATIO or matcher.quick_ratio() < FUZZY_RATIO:
            continue
        ratio = matcher.ratio()
        if ratio >= FUZZY_RATIO:
            score = (_mismatches(lines, index, anchor), -ratio, abs(lines.starts[index] - anchor.offset))
            if best is None or score < best[0]:
                best = (score, index)
    return best[1] if best else None


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


def apply_corrections(headings: list[Heading], text: str, corrections: list[Correction], kind: str = "text") -> list[Heading]:
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


def store_path() -> Path:
    return data_dir() / STORE_NAME


def load_corrections(path: str | Path, content_hash: str | Callable[[], str] = "") -> list[Correction]:
    """The corrections of the document at `path` (or, if none, of the document with `content_hash`)."""
    with _lock:
        entry = _find(_read(), str(Path(path).absolute()), content_hash)
    return _parse(entry["corrections"]) if entry else []


def apply_document_corrections(headings: list[Heading], document: Any) -> list[Heading]:
    """The loader's step: `headings` of `document` (path, text, kind, content_hash) with its corrections."""
    try:
        if not store_path().exists():
            return headings
        corrections = load_corrections(document.path, lambda: document.content_hash)
    except OSError:
        return headings  # an unreadable store never stops a document from opening
    return apply_corrections(headings, document.text, corrections, document.kind) if corrections else headings


def save_corrections(path: str | Path, content_hash: str, corrections: list[Correction]) -> None:
    """Remember `corrections` for the document at `path` (atomically); an empty list forgets them."""
    key = str(Path(path).absolute())
    with _lock:
        documents = _read()
        for other in [k for k, v in documents.items() if k != key and v.get("hash") == content_hash]:
            if not Path(other).exists():
                del documents[other]
        if corrections:
            documents[key] = {"hash": content_hash, "corrections": [c.to_dict() for c in corrections]}
        else:
            documents.pop(key, None)
        _write(documents)


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


def _read() -> dict[str, Any]:
    path = store_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        os.replace(path, path.with_name(path.name + ".damaged"))  # kept aside, never silently lost
        return {}
    documents = raw.get("documents") if isinstance(raw, dict) else None
    return documents if isinstance(documents, dict) else {}


def _write(documents: dict[str, Any]) -> None:
    path = store_path()
    handle, temporary = tempfile.mkstemp(prefix=".corrections-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump({"version": 1, "documents": documents}, stream, ensure_ascii=False, indent=1)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
