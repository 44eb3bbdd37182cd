"""The reader's saved rule sets and which set each document (or folder) uses, in one JSON file in the data dir.

Written atomically (temp file + fsync + os.replace); saving a set that is already saved as it is writes
nothing. A document's choice is keyed by its path and found again by content hash when the file moved; a
folder's default applies to the documents below it that have no choice of their own.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any, Callable

from reader.documents.names import path_key
from reader.paths import chosen_data_dir, data_dir, write_atomically

from .rules import RuleSet, RuleSetError, rule_set_from_json
from .rules_builtin import AUTO, builtin_sets

STORE_NAME = "outline-rules.json"
ADDED, REPLACED, UNCHANGED = "added", "replaced", "unchanged"
_lock = threading.Lock()


class RuleStore:
    """Saved rule sets ("sets": name -> set) and choices ("documents": key -> {hash, rules}; "folders")."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self._path = Path(path) if path is not None else None

    @property
    def path(self) -> Path:
        return self._path if self._path is not None else chosen_data_dir() / STORE_NAME

    # --- sets -----------------------------------------------------------------------------------

    def saved(self) -> dict[str, RuleSet]:
        """The saved sets by name (a damaged entry is skipped)."""
        out = {}
        for name, raw in self._read().get("sets", {}).items():
            try:
                out[name] = rule_set_from_json(raw)
            except RuleSetError:
                continue
        return out

    def all_sets(self) -> dict[str, RuleSet]:
        """Built-in sets, then saved ones."""
        return {**builtin_sets(), **self.saved()}

    def find(self, name: str) -> RuleSet | None:
        """The set called `name` (built-in or saved), or None; `auto` is None too (no rules)."""
        return None if name == AUTO else self.all_sets().get(name)

    def save(self, rule_set: RuleSet) -> str:
        """Save `rule_set` under its name: ADDED, REPLACED, or UNCHANGED (then nothing is written)."""
        if rule_set.name == AUTO or rule_set.name in builtin_sets():
            raise RuleSetError(f"'{rule_set.name}' is the name of a built-in rule set; choose another name")
        with _lock:
            data = self._read()
            sets = data.setdefault("sets", {})
            before = sets.get(rule_set.name)
            if before == rule_set.to_json():
                return UNCHANGED
            sets[rule_set.name] = rule_set.to_json()
            self._write(data)
        return ADDED if before is None else REPLACED

    def delete(self, name: str) -> bool:
        with _lock:
            data = self._read()
            if data.get("sets", {}).pop(name, None) is None:
                return False
            self._write(data)
        return True

    # --- choices --------------------------------------------------------------------------------

    def choice_for(self, path: str | os.PathLike[str], content_hash: str | Callable[[], str] = "") -> str | None:
        """The set chosen for the document at `path` (or with `content_hash`), else its folders' default."""
        if not self.path.exists():
            return None
        data = self._read()
        documents = data.get("documents", {})
        entry = documents.get(_key(path))
        if entry is None and documents:
            wanted = content_hash() if callable(content_hash) else content_hash
            entry = next((v for v in documents.values() if wanted and v.get("hash") == wanted), None)
        if entry is not None:
            return entry.get("rules")
        return self.folder_default(Path(path).absolute().parent, data)

    def folder_default(self, folder: str | os.PathLike[str], data: dict | None = None) -> str | None:
        """The default set of `folder` or of the nearest folder above it that has one."""
        folders = (data if data is not None else self._read()).get("folders", {})
        current = Path(folder).absolute()
        for candidate in (current, *current.parents):
            if _key(candidate) in folders:
                return folders[_key(candidate)]
        return None

    def choose_for_document(self, path: str | os.PathLike[str], content_hash: str, name: str | None) -> None:
        """Use set `name` for the document (None: forget the choice, the folder's default applies)."""
        with _lock:
            data = self._read()
            documents = data.setdefault("documents", {})
            if name is None:
                documents.pop(_key(path), None)
            else:
                documents[_key(path)] = {"hash": content_hash, "rules": name}
            self._write(data)

    def choose_for_folder(self, folder: str | os.PathLike[str], name: str | None) -> None:
        """Make set `name` the default below `folder` (None: no default there)."""
        with _lock:
            data = self._read()
            folders = data.setdefault("folders", {})
            if name is None:
                folders.pop(_key(folder), None)
            else:
                folders[_key(folder)] = name
            self._write(data)

    # --- the file -------------------------------------------------------------------------------

    def _read(self) -> dict[str, Any]:
        path = self.path
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except ValueError:
            os.replace(path, path.with_name(path.name + ".damaged"))  # kept aside, never silently lost
            return {}
        if not isinstance(raw, dict):
            return {}
        return {key: raw[key] for key in ("sets", "documents", "folders") if isinstance(raw.get(key), dict)}

    def _write(self, data: dict[str, Any]) -> None:
        path = self._path if self._path is not None else data_dir() / STORE_NAME
        write_json(path, {"version": 1, **data})


def write_json(path: Path, value: Any) -> None:
    """Write `value` as JSON to `path` atomically: a temp file beside it, fsynced, then renamed over it."""
    write_atomically(path, json.dumps(value, ensure_ascii=False, indent=1) + "\n")


def _key(path: str | os.PathLike[str]) -> str:
    return path_key(Path(path).absolute())
