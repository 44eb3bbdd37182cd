"""Load a file into a Document: check it, detect or apply its encoding, normalise its text."""

from __future__ import annotations

import os
from pathlib import Path

from reader.documents.encoding import detect_bom, detect_encoding
from reader.documents.errors import (
    BinaryFileError,
    DecodingError,
    EmptyFileError,
    TooLargeError,
    UnreadableError,
)
from reader.documents.model import Document, document_kind

MAX_BYTES = 200 * 1024 * 1024
_SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (or an Office/EPUB file)"),
    (b"%PDF", "a PDF file"),
    (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"SQLite format 3", "an SQLite database"),
)


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_binary(data: bytes, encoding: str | None) -> None:
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise BinaryFileError(f"This is {what}, not a text document.")
    declared = (encoding or detect_bom(data) or "").lower().replace("_", "-")
    if not declared.startswith(("utf-16", "utf-32")) and b"\x00" in data[:65536]:
        raise BinaryFileError("This file holds binary data (NUL bytes), not text.")


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode `data` with `encoding` (or a detected one); returns (normalised text, encoding used)."""
    _check_binary(data, encoding)
    used = encoding or detect_encoding(data)
    try:
        text = data.decode(used)
    except LookupError as error:
        raise DecodingError(f"Unknown encoding: {used}.") from error
    except UnicodeDecodeError as error:
        if encoding:
            raise DecodingError(
                f"The file does not decode as {encoding} (bad byte at {error.start})."
            ) from error
        text = data.decode(used, errors="replace")
    text = text.removeprefix("\ufeff")
    return normalize_newlines(text), used


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise UnreadableError(f"{path} is a folder, not a document.")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise TooLargeError(
                f"{path.name} is {size / 1048576:.0f} MB; the reader opens files up to "
                f"{MAX_BYTES // 1048576} MB."
            )
        return path.read_bytes()
    except FileNotFoundError as error:
        raise UnreadableError(f"{path} does not exist.") from error
    except PermissionError as error:
        raise UnreadableError(f"{path} cannot be read: permission denied.") from error
    except OSError as error:
        raise UnreadableError(f"{path} cannot be read: {error.strerror or error}.") from error


def load_document(path: str | os.PathLike[str], encoding: str | None = None) -> Document:
    """Load `path`; raises a DocumentError whose message says what is wrong."""
    path = Path(path).expanduser().absolute()
    data = _read_bytes(path)
    if not data.strip(b"\xef\xbb\xbf\xff\xfe \t\r\n"):
        raise EmptyFileError(f"{path.name} is empty.")
    text, used = decode_bytes(data, encoding)
    if not text.strip():
        raise EmptyFileError(f"{path.name} is empty.")
    return Document(
        path=path,
        text=text,
        encoding=used,
        size_bytes=len(data),
        kind=document_kind(path),
        encoding_overridden=encoding is not None,
    )
