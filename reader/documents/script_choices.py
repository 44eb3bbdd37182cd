"""Per-document Chinese script choices (reader.text.script.SCRIPTS), remembered in the data dir."""

from __future__ import annotations

import json
from pathlib import Path

from reader.documents.names import path_key, resolved
from reader.paths import data_dir, write_atomically
from reader.text.script import SCRIPTS

CHOICES_FILE = "scripts.json"


def _load() -> dict[str, str]:
    try:
        raw = json.loads((data_dir() / CHOICES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {k: v for k, v in raw.items() if isinstance(k, str) and v in SCRIPTS}


def remembered_script(path: Path) -> str | None:
    """The script the reader chose for the document at `path`, if any."""
    return _load().get(path_key(resolved(path)))


def remember_script(path: Path, script: str) -> None:
    """Remember `script` for the document at `path` (raises OSError if the data dir cannot be written)."""
    if script not in SCRIPTS:
        raise ValueError(f"unknown script {script!r}")
    choices = _load()
    choices[path_key(resolved(path))] = script
    target = data_dir() / CHOICES_FILE
    write_atomically(target, json.dumps(choices, ensure_ascii=False, indent=1))
