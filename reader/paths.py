"""Where the reader keeps its data, and where bundled resources live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "READER_DATA_DIR"
_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Make every file the reader writes go below `path` (None restores the default)."""
    global _override
    _override = Path(path).expanduser().resolve() if path else None


def data_dir() -> Path:
    """The data dir: --data-dir, else $READER_DATA_DIR, else the platform's user data dir."""
    if _override is not None:
        path = _override
    elif os.environ.get(DATA_DIR_ENV):
        path = Path(os.environ[DATA_DIR_ENV]).expanduser().resolve()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir("reader", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
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
