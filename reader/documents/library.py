"""The library: the sample corpus plus folders the user added, and the documents inside them."""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader.documents.model import is_supported
from reader.paths import corpus_dir, data_dir

LIBRARY_FILE = "library.json"


def _config_path() -> Path:
    return data_dir() / LIBRARY_FILE


def added_folders() -> list[Path]:
    """Folders the user added to the library (remembered in the data dir)."""
    try:
        raw = json.loads(_config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    folders = raw.get("folders", []) if isinstance(raw, dict) else []
    return [Path(folder) for folder in folders if isinstance(folder, str)]


def library_folders() -> list[Path]:
    """The default library: corpus/ first, then the added folders, without duplicates."""
    seen: list[Path] = []
    for folder in [corpus_dir(), *added_folders()]:
        resolved = folder.expanduser().resolve()
        if resolved not in seen:
            seen.append(resolved)
    return seen


def save_added_folders(folders: list[Path]) -> None:
    """Remember `folders` atomically (write a temporary file, then rename)."""
    target = _config_path()
    temporary = target.with_suffix(".tmp")
    payload = {"folders": [str(Path(folder).resolve()) for folder in folders]}
    temporary.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, target)


def add_folder(folder: Path) -> list[Path]:
    """Add `folder` to the remembered library; returns the new library."""
    folders = added_folders()
    resolved = folder.expanduser().resolve()
    if resolved not in [f.resolve() for f in folders] and resolved != corpus_dir().resolve():
        save_added_folders([*folders, resolved])
    return library_folders()


def remove_folder(folder: Path) -> list[Path]:
    """Forget `folder`; the corpus cannot be removed."""
    resolved = folder.expanduser().resolve()
    save_added_folders([f for f in added_folders() if f.resolve() != resolved])
    return library_folders()


def iter_documents(folders: list[Path]) -> list[Path]:
    """Every supported document below `folders` (recursively, hidden folders skipped), sorted."""
    found: set[Path] = set()
    for folder in folders:
        folder = Path(folder).expanduser().resolve()
        if folder.is_file():
            if is_supported(folder):
                found.add(folder)
            continue
        for root, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.update(Path(root) / name for name in files if is_supported(Path(name)))
    return sorted(found)
