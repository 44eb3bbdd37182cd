"""File names are bytes on Linux: shown readably (`display_name`), stored losslessly (`path_key`)."""

from __future__ import annotations

import os
import re
from pathlib import Path

_BYTES_PREFIX = "fsbytes:"
_SURROGATES = re.compile("[\ud800-\udfff]")


def is_clean(text: str) -> bool:
    """Whether `text` has no lone surrogates (so UTF-8 encoders, SQLite and whoosh accept it)."""
    return _SURROGATES.search(text) is None


def display_name(path: str | os.PathLike[str]) -> str:
    """`path` for people: bytes that are not UTF-8 (surrogate escapes) shown as `\\xff`."""
    text = os.fspath(path)
    if is_clean(text):
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def path_key(path: str | os.PathLike[str]) -> str:
    """A str that UTF-8 stores accept and `path_from_key` turns back into exactly `path`.

    Clean paths are their own key (stores written before keep working); a path with bytes that are not
    UTF-8 becomes `fsbytes:` and the hex of its bytes (no absolute path starts like that)."""
    text = os.fspath(path)
    if is_clean(text):
        return text
    return _BYTES_PREFIX + os.fsencode(text).hex()


def path_from_key(key: str) -> Path:
    """The path `path_key` stored."""
    if key.startswith(_BYTES_PREFIX):
        try:
            return Path(os.fsdecode(bytes.fromhex(key[len(_BYTES_PREFIX):])))
        except ValueError:
            pass
    return Path(key)


def escape_surrogates(text: str) -> str:
    """`text` with lone surrogates written as `\\udcff` escapes (for JSON that must stay valid UTF-8)."""
    if is_clean(text):
        return text
    return _SURROGATES.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def resolved(path: str | os.PathLike[str]) -> Path:
    """`path` absolute with its symlinks resolved where they can be; a link loop (which `Path.resolve`
    raises RuntimeError for on Python 3.11) or an unreadable part leaves the rest as it is."""
    path = Path(path).expanduser()
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()
