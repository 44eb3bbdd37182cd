"""The library: the sample corpus plus folders the user added, and the documents inside them."""

from __future__ import annotations

import errno
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from reader.documents.loader import not_a_file_kind
from reader.documents.model import SUPPORTED_SUFFIXES, is_supported
from reader.documents.names import path_from_key, path_key
from reader.paths import corpus_dir, data_dir

LIBRARY_FILE = "library.json"


def real_path(path: str | os.PathLike[str]) -> Path:
    """`path` absolute, with `~` and symlinks resolved; a symlink loop does not raise (it is
    reported when the path is used)."""
    return Path(os.path.realpath(os.path.expanduser(os.fspath(path))))


def _config_path() -> Path:
    return data_dir() / LIBRARY_FILE


def added_folders() -> list[Path]:
    """Folders the user added to the library (remembered in the data dir)."""
    try:
        raw = json.loads(_config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    folders = raw.get("folders", []) if isinstance(raw, dict) else []
    return [path_from_key(folder) for folder in folders if isinstance(folder, str)]


def library_folders() -> list[Path]:
    """The default library: corpus/ first, then the added folders, without duplicates."""
    seen: list[Path] = []
    for folder in [corpus_dir(), *added_folders()]:
        resolved = real_path(folder)
        if resolved not in seen:
            seen.append(resolved)
    return seen


def save_added_folders(folders: list[Path]) -> None:
    """Remember `folders` atomically (write a temporary file, then rename)."""
    target = _config_path()
    temporary = target.with_suffix(".tmp")
    payload = {"folders": [path_key(real_path(folder)) for folder in folders]}
    temporary.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, target)


def add_folder(folder: Path) -> list[Path]:
    """Add `folder` to the remembered library; returns the new library."""
    folders = added_folders()
    resolved = real_path(folder)
    if resolved not in [real_path(f) for f in folders] and resolved != real_path(corpus_dir()):
        save_added_folders([*folders, resolved])
    return library_folders()


@dataclass
class LibraryScan:
    """One walk of the library. `files`: path_key -> (path, mtime, size) of every document (regular
    files only), sorted by key; `stats`: their stat results; `skipped`: (path, reason) for every
    entry that looked like a document or folder but cannot be one (a pipe, a device, a socket, a
    symlink loop, an unreadable folder); `dirs`: folder -> st_mtime_ns (-1: missing), to notice
    files added, removed or renamed."""

    files: dict[str, tuple[Path, float, int]] = field(default_factory=dict)
    stats: dict[str, os.stat_result] = field(default_factory=dict)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    dirs: dict[str, int] = field(default_factory=dict)

    @property
    def documents(self) -> list[Path]:
        """The documents' paths, sorted as paths."""
        return sorted(entry[0] for entry in self.files.values())


def _kind(mode: int) -> str:
    """What an entry that is not a regular file (nor a folder we walk) is, in words."""
    return not_a_file_kind(mode) or "not a regular file"


def skip_reason(error: OSError) -> str:
    """Why a library entry that could not be stat'ed or listed is skipped, in a few words."""
    if error.errno == errno.ELOOP:
        return "a symbolic link loop"
    if error.errno == errno.ENOENT:
        return "a broken symbolic link"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read: permission denied"
    return f"cannot be read: {error.strerror or error}"


def _add_file(scan: LibraryScan, path: str, entry: os.DirEntry | None = None) -> None:
    """Add `path` (a supported name) as a document if it is, or leads by symlink to, a regular file."""
    try:
        info = entry.stat() if entry is not None else os.stat(path)
    except OSError as error:
        scan.skipped.append((Path(path), skip_reason(error)))
        return
    if not stat.S_ISREG(info.st_mode):
        scan.skipped.append((Path(path), f"{_kind(info.st_mode)}, not a document"))
        return
    key = path_key(path)
    scan.files[key] = (Path(path), info.st_mtime, info.st_size)
    scan.stats[key] = info


def _supported_name(name: str) -> bool:
    """`is_supported` for a bare file name, without making a Path (the walk's hot loop)."""
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES


def _walk_folder(scan: LibraryScan, top: str) -> None:
    """Every supported regular file below `top`; hidden folders and symlinked folders not entered."""
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            scan.dirs[folder] = os.stat(folder).st_mtime_ns
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            scan.dirs.setdefault(folder, -1)
            scan.skipped.append((Path(folder), f"folder {skip_reason(error)}"))
            continue
        for entry in entries:
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                if not entry.name.startswith("."):
                    pending.append(entry.path)
            elif _supported_name(entry.name):
                _add_file(scan, entry.path, entry)


def scan_library(folders: list[Path]) -> LibraryScan:
    """Walk `folders` (a folder, or a single document) once: documents, skipped entries, folders."""
    scan = LibraryScan()
    for folder in folders:
        top = os.fspath(real_path(folder))
        try:
            mode = os.stat(top).st_mode
        except OSError as error:
            scan.dirs[top] = -1
            if error.errno != errno.ENOENT or os.path.lexists(top):
                scan.skipped.append((Path(top), skip_reason(error)))
            continue
        if stat.S_ISDIR(mode):
            _walk_folder(scan, top)
        elif is_supported(Path(top)):
            scan.dirs[top] = os.stat(top).st_mtime_ns
            _add_file(scan, top)
        else:
            scan.dirs[top] = -1
            scan.skipped.append((Path(top), f"{_kind(mode)}, not a document or folder"))
    scan.files = dict(sorted(scan.files.items()))
    scan.skipped.sort(key=lambda item: path_key(item[0]))
    global _last_scan
    _last_scan = ([os.fspath(folder) for folder in folders], scan)
    return scan


_last_scan: tuple[list[str], LibraryScan] | None = None


def skipped_in(folders: list[Path], documents: list[Path]) -> list[tuple[Path, str]]:
    """What a walk of `folders` skipped: from the latest walk if it was of these folders and found
    these `documents` (the list a caller just got from `iter_documents`), else from a new walk."""
    last = _last_scan
    if last is not None and last[0] == [os.fspath(f) for f in folders] and last[1].documents == documents:
        return list(last[1].skipped)
    return scan_library(folders).skipped


def iter_documents(folders: list[Path]) -> list[Path]:
    """Every supported document below `folders` (recursively, hidden folders skipped), sorted.
    Only regular files (or symlinks to them) are documents: see `scan_library` for what is skipped."""
    return scan_library(folders).documents
