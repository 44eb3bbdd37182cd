"""Where the reader keeps its data, and where bundled resources live."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from reader.documents.names import display_name

DATA_DIR_ENV = "READER_DATA_DIR"
_override: Path | None = None


class DataDirError(OSError):
    """The data dir cannot be used (a file, or a folder that cannot be created); str() is one line."""


def _absolute(path: str | os.PathLike[str]) -> Path:
    """`path` with `~` expanded and symlinks resolved; a symlink loop is left as it is (no RuntimeError)."""
    return Path(os.path.realpath(os.path.expanduser(os.fspath(path))))


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Make every file the reader writes go below `path` (None restores the default)."""
    global _override
    _override = _absolute(path) if path else None


def chosen_data_dir() -> Path:
    """The data dir (--data-dir, else $READER_DATA_DIR, else the platform's user data dir), not created."""
    if _override is not None:
        return _override
    if os.environ.get(DATA_DIR_ENV):
        return _absolute(os.environ[DATA_DIR_ENV])
    import platformdirs

    return Path(platformdirs.user_data_dir("reader", appauthor=False))


def _not_a_folder(path: Path) -> str:
    """Why an existing `path` cannot be the data folder (symlinks are already resolved: one left is a loop)."""
    return "it is a symbolic link loop" if os.path.islink(path) else "it is not a folder"


def check_data_dir() -> None:
    """Raise DataDirError when the data dir is not a folder and cannot become one; creates nothing."""
    path = chosen_data_dir()
    if os.path.isdir(path):
        return
    if os.path.lexists(path):
        raise DataDirError(f"cannot use the data folder {display_name(path)}: {_not_a_folder(path)}.")
    parent = path.parent
    while not os.path.lexists(parent) and parent != parent.parent:
        parent = parent.parent
    if not os.path.isdir(parent):
        raise DataDirError(
            f"cannot create the data folder {display_name(path)}: {display_name(parent)} is not a folder"
            f"{' (a symbolic link loop)' if os.path.islink(parent) else ''}."
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise DataDirError(f"cannot create the data folder {display_name(path)}: permission denied.")


def data_dir() -> Path:
    """The data dir, created if needed: --data-dir, else $READER_DATA_DIR, else the user data dir."""
    path = chosen_data_dir()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:
        raise DataDirError(f"cannot use the data folder {display_name(path)}: it is not a folder.") from error
    except OSError as error:
        raise DataDirError(
            f"cannot create the data folder {display_name(path)}: {error.strerror or error}."
        ) from error
    return path


def bundle_root() -> Path:
    """The folder that holds `resources/` and `corpus/`: the source tree, or a frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource under `resources/`."""
    return bundle_root().joinpath("resources", *parts)


def corpus_dir() -> Path:
    """The sample library shipped with the reader."""
    return bundle_root() / "corpus"


def write_atomically(path: Path, text: str) -> None:
    """Write `text` (UTF-8, newlines as given) to `path` so that a reader or a kill -9 sees the old file or the
    new one, never half of one: a temporary file beside it, fsynced, then renamed over it."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
