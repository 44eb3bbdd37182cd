"""Every DocumentError message, exactly: one line that says what is wrong with which file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.documents import DocumentError, load_document


@pytest.mark.parametrize(
    ("payload", "encoding", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(8), None, "This is a PNG image, not a text document."),
        (b"PK\x03\x04" + bytes(8), None, "This is a zip archive (or an Office/EPUB file), not a text document."),
        (b"%PDF-1.7\n", None, "This is a PDF file, not a text document."),
        (b"\x7fELF\x02", None, "This is a program, not a text document."),
        (b"text\x00more", None, "This file holds binary data (NUL bytes), not text."),
        (b"", None, "doc.txt is empty."),
        (b"\xef\xbb\xbf \r\n", None, "doc.txt is empty."),
        ("\ufeff\n".encode("utf-16-le"), None, "doc.txt is empty."),
        ("\u3000\u00a0\n".encode(), None, "doc.txt is empty."),  # ideographic and no-break spaces
        (b"caf\xe9", "utf-8", "The file does not decode as utf-8 (bad byte at 3)."),
        (b"cafe", "no-such-codec", "Unknown encoding: no-such-codec."),
    ],
)
def test_content_messages(tmp_path: Path, payload: bytes, encoding: str | None, message: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(payload)
    with pytest.raises(DocumentError) as caught:
        load_document(path, encoding=encoding)
    assert str(caught.value) == message


def test_a_huge_file_is_refused_before_reading_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / os.fsdecode(b"big\xff.txt")
    with path.open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert str(caught.value) == "big\\xff.txt is 300 MB; the reader opens files up to 200 MB."
