"""The Bookmark record: an anchored passage plus the reader's note and colour."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timezone
from typing import Any

COLORS = ("yellow", "green", "blue", "pink", "purple", "orange", "red", "gray")
STATUSES = ("ok", "moved", "fuzzy", "orphaned")
STYLES = ("highlight", "underline", "wavy", "strike", "box")
CONTEXT_CHARS = 32


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string (seconds precision)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class Bookmark:
    """One bookmark; `offset`/`length` index the text whose sha1 is `content_hash`."""

    id: str
    path: str
    content_hash: str
    offset: int
    length: int
    quote: str
    before: str
    after: str
    heading_path: str = ""
    note: str = ""
    color: str = "yellow"
    status: str = "ok"
    created: str = ""
    updated: str = ""
    size_bytes: int = 0
    style: str = "highlight"

    @property
    def end(self) -> int:
        return self.offset + self.length

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> dict[str, Any]:
        """The fields `reader bookmarks list --json` prints."""
        keys = ("id", "path", "offset", "length", "quote", "note", "color", "created", "status", "style")
        return {key: getattr(self, key) for key in keys}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Bookmark":
        """Build from a dict (e.g. imported JSON); raises ValueError on a bad record."""
        names = {f.name: f.type for f in fields(cls)}
        values = {key: raw[key] for key in names if key in raw}
        missing = {"id", "path", "offset", "length", "quote"} - set(values)
        if missing:
            raise ValueError(f"a bookmark lacks {', '.join(sorted(missing))}")
        for key in ("offset", "length", "size_bytes"):
            if key in values and (not isinstance(values[key], int) or values[key] < 0):
                raise ValueError(f"bookmark {raw.get('id')}: {key} must be a whole number >= 0")
        for key, value in values.items():
            if key not in ("offset", "length", "size_bytes") and not isinstance(value, str):
                raise ValueError(f"bookmark {raw.get('id')}: {key} must be text")
        values.setdefault("content_hash", "")
        values.setdefault("before", "")
        values.setdefault("after", "")
        if values.get("status") not in STATUSES:
            values["status"] = "ok"
        if values.get("style", "highlight") not in STYLES:
            raise ValueError(f"bookmark {raw.get('id')}: style must be one of {', '.join(STYLES)}")
        return cls(**values)


COLUMNS = tuple(f.name for f in fields(Bookmark))

