"""Per-document encoding choices the user made, remembered in the data dir."""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader.documents.names import resolved
from reader.paths import data_dir

OVERRIDES_FILE = "encodings.json"


def _load() -> dict[str, str]:
    try:
        raw = json.loads((data_dir() / OVERRIDES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in raw.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(raw, dict) else {}


def remembered_encoding(path: Path) -> str | None:
    """The encoding the user chose for `path`, if any."""
    return _load().get(str(resolved(path)))


def remember_encoding(path: Path, encoding: str | None) -> None:
    """Remember (or, with None, forget) the user's encoding for `path`."""
    choices = _load()
    key = str(resolved(path))
    if encoding:
        choices[key] = encoding
    else:
        choices.pop(key, None)
    target = data_dir() / OVERRIDES_FILE
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(choices, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, target)
