"""Load a file into a Document: check it, detect or apply its encoding, normalise its text."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from reader.documents.encoding import detect_bom, detect_encoding
from reader.documents.errors import (
    BinaryFileError,
    DecodingError,
    EmptyFileError,
    TooLargeError,
    UnreadableError,
)
from reader.documents.model import Document, document_kind
from reader.documents.names import display_name
from reader.text.lines import contains, join_slices

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
    """Turn CRLF and lone CR into LF (a slice at a time: see _SLICE)."""
    if not contains(text, "\r"):
        return text
    return join_slices(_crlf_to_lf(text[start:end]) for start, end in _slices(text))


def _crlf_to_lf(text: str) -> str:
    text = text.replace("\r\n", "\n")
    return text.replace("\r", "\n") if "\r" in text else text  # one copy fewer for CRLF files


def _slices(text: str):
    """(start, end) of _SLICE-long slices of `text`, never between a CR and its LF."""
    start = 0
    while start < len(text):
        end = min(len(text), start + _SLICE)
        if text[end - 1] == "\r" and end < len(text):
            end += 1
        yield start, end
        start = end


def _decode(data: bytes, encoding: str) -> str:
    """`data.decode(encoding)` without a leading U+FEFF, a slice at a time: one call on a 60 MB file holds the GIL
    ~50 ms, and a worker loading it would stall the UI thread that long. Raises LookupError or UnicodeDecodeError
    as decode does."""
    if len(data) <= 2 * _SLICE:
        return data.decode(encoding).removeprefix("\ufeff")
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        return join_slices(_decoded_slices(decoder, memoryview(data)))
    except UnicodeDecodeError:
        return data.decode(encoding).removeprefix("\ufeff")  # raises it again, with the position in the whole file


def _decoded_slices(decoder: codecs.IncrementalDecoder, data: memoryview) -> Iterator[str]:
    for start in range(0, len(data), _SLICE):
        part = decoder.decode(data[start : start + _SLICE])
        yield part.removeprefix("\ufeff") if start == 0 else part  # no copy of the whole text to drop it
    yield decoder.decode(b"", final=True)


def _check_binary(data: bytes, encoding: str | None) -> None:
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise BinaryFileError(f"This is {what}, not a text document.")
    declared = (encoding or detect_bom(data) or "").lower().replace("_", "-")
    if not declared.startswith(("utf-16", "utf-32")) and b"\x00" in data[:65536]:
        raise BinaryFileError("This file holds binary data (NUL bytes), not text.")


class Decoded(NamedTuple):
    """A decoded text, the encoding used and how many U+FFFD the decoding put in for undecodable bytes."""

    text: str
    encoding: str
    replacements: int


_replaced = threading.local()


def _count_and_replace(error: UnicodeError) -> tuple[str, int]:
    """The "replace" error handler that also counts (per thread) how often it replaced."""
    _replaced.count += 1
    return "\ufffd", error.end  # type: ignore[attr-defined]


codecs.register_error("reader-count-replace", _count_and_replace)


def _decode_replacing(data: bytes, encoding: str) -> tuple[str, int]:
    """`data` decoded as with errors="replace", and the number of U+FFFD that put in."""
    _replaced.count = 0
    text = data.decode(encoding, "reader-count-replace")
    return text, _replaced.count


def decode_text(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode `data` with `encoding` (or a detected one) into normalised text.

    With an `encoding` given, bytes that do not decode are an error; a detected encoding decodes them as
    U+FFFD, counted in `replacements` (U+FFFD written in the source are not counted)."""
    _check_binary(data, encoding)
    used = encoding or detect_encoding(data)
    replacements = 0
    try:
        text = _decode(data, used)
    except LookupError as error:
        raise DecodingError(f"Unknown encoding: {used}.") from error
    except UnicodeDecodeError as error:
        if encoding:
            raise DecodingError(
                f"The file does not decode as {encoding} (bad byte at {error.start})."
            ) from error
        text, replacements = _decode_replacing(data, used)
        text = text.removeprefix("\ufeff")
    return Decoded(normalize_newlines(text), used, replacements)


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode `data` with `encoding` (or a detected one); returns (normalised text, encoding used)."""
    decoded = decode_text(data, encoding)
    return decoded.text, decoded.encoding


# Blank-file checks that stop at the first real byte or character instead of copying the whole file.
_SOME_BYTE = re.compile(rb"[^\xef\xbb\xbf\xff\xfe \t\r\n]")
_SOME_CHARACTER = re.compile(r"\S")
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
_CHUNK = 1 << 20
_SLICE = 1 << 20  # long texts are decoded and normalised this many bytes or characters at a time


def not_a_file_kind(mode: int) -> str | None:
    """What a non-regular file is, in words ("a folder", "a device"…); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _open_error(path: Path, error: OSError) -> UnreadableError:
    """The message for a file that cannot even be opened."""
    shown = display_name(path)
    if error.errno == errno.ENOENT:
        if os.path.islink(path):
            return UnreadableError(f"{shown} is a symbolic link to a file that does not exist.")
        return UnreadableError(f"{shown} does not exist.")
    if error.errno in (errno.EACCES, errno.EPERM):
        return UnreadableError(f"{shown} cannot be read: permission denied.")
    if error.errno == errno.ELOOP:
        return UnreadableError(f"{shown} cannot be read: it is a symbolic link loop.")
    if error.errno == errno.ENAMETOOLONG:
        return UnreadableError(f"{shown} cannot be read: the name is too long.")
    if error.errno == errno.ENOTDIR:
        return UnreadableError(f"{shown} does not exist: part of its path is a file, not a folder.")
    if error.errno == errno.ENXIO:
        try:
            what = not_a_file_kind(os.stat(path).st_mode)
        except OSError:
            what = None
        if what is not None:
            return UnreadableError(f"{shown} is {what}, not a document file.")
    return UnreadableError(f"{shown} cannot be read: {error.strerror or error}.")


def _too_large(path: Path, size: int | None) -> TooLargeError:
    limit = MAX_BYTES // 1048576
    amount = f"{size / 1048576:.0f} MB" if size is not None else f"over {limit} MB"
    return TooLargeError(
        f"{display_name(path.name)} is {amount}; the reader opens files up to {limit} MB."
    )


def _read_capped(fd: int, size_hint: int, limit: int) -> bytes:
    """At most `limit` bytes from `fd`, never "until EOF": a file that grows while read stays capped."""
    chunks: list[bytes] = []
    total = 0
    want = max(_CHUNK, min(size_hint + 1, limit))  # a regular file usually comes in one read
    while total < limit:
        chunk = os.read(fd, min(want, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = _CHUNK
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


class NotARegularFile(OSError):
    """The path is a FIFO, a device, a socket or a folder; `kind` says which, in words."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class FileTooLarge(OSError):
    """The file holds more than the caller's limit; `size` is its size when its metadata said so."""

    def __init__(self, size: int | None) -> None:
        super().__init__("too large")
        self.size = size


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit`, opened without blocking (a FIFO or a
    device is never read) and never read "until EOF". Raises NotARegularFile, FileTooLarge (from its
    size, before reading, or when it grew past `limit` while read) or the OSError of opening or reading."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        kind = not_a_file_kind(info.st_mode)
        if kind is not None:
            raise NotARegularFile(kind)
        if info.st_size > limit:
            raise FileTooLarge(info.st_size)
        data = _read_capped(fd, info.st_size, limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileTooLarge(None)
    return data


def _read_bytes(path: Path) -> bytes:
    """The bytes of the regular file at `path`, capped at MAX_BYTES; anything else is refused."""
    try:
        return read_regular_file(path, MAX_BYTES)
    except NotARegularFile as error:
        raise UnreadableError(f"{display_name(path)} is {error.kind}, not a document file.") from error
    except FileTooLarge as error:
        raise _too_large(path, error.size) from error
    except OSError as error:
        raise _open_error(path, error) from error


def load_document(path: str | os.PathLike[str], encoding: str | None = None) -> Document:
    """Load the regular file at `path`; raises a DocumentError whose message says what is wrong."""
    path = Path(path).expanduser().absolute()
    data = _read_bytes(path)
    if not _SOME_BYTE.search(data):
        raise EmptyFileError(f"{display_name(path.name)} is empty.")
    decoded = decode_text(data, encoding)
    if not _SOME_CHARACTER.search(decoded.text):
        raise EmptyFileError(f"{display_name(path.name)} is empty.")
    return Document(
        path=path,
        text=decoded.text,
        encoding=decoded.encoding,
        size_bytes=len(data),
        kind=document_kind(path),
        encoding_overridden=encoding is not None,
        replacements=decoded.replacements,
    )
