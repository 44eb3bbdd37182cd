"""Loading real documents: encodings, newlines, BOMs, and every kind of bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.documents import (
    BinaryFileError,
    DecodingError,
    EmptyFileError,
    TooLargeError,
    UnreadableError,
    decode_bytes,
    load_document,
)
from reader.documents.encoding import detect_encoding
from reader.text.t2s_table import SIMPLIFIED, TRADITIONAL

TO_TRADITIONAL = str.maketrans(SIMPLIFIED, TRADITIONAL)


@pytest.fixture
def novel_text(testdata: Path) -> str:
    return (testdata / "hongloumeng.gb18030.txt").read_bytes().decode("gb18030").replace("\r\n", "\n")


def test_gb18030_novel_is_detected_and_decoded(testdata: Path, novel_text: str) -> None:
    document = load_document(testdata / "hongloumeng.gb18030.txt")
    assert document.encoding == "gb18030"
    assert document.text == novel_text
    assert "第一百二十回" in document.text
    assert "\r" not in document.text


@pytest.mark.parametrize(
    ("codec", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
        ("utf-32-be", b"\x00\x00\xfe\xff"),
        ("gb18030", b""),
    ],
)
def test_each_encoding_round_trips_real_text(tmp_path: Path, novel_text: str, codec: str, bom: bytes) -> None:
    sample = novel_text[:5000]
    path = tmp_path / "doc.txt"
    path.write_bytes(bom + sample.replace("\n", "\r\n").encode(codec))
    document = load_document(path)
    assert document.text == sample
    assert not document.text.startswith("\ufeff")


@pytest.mark.parametrize("length", [2, 4, 8, 30, 400])
def test_short_texts_tell_gb18030_from_big5(novel_text: str, length: int) -> None:
    start = novel_text.index("甄士隐")
    simplified = "".join(c for c in novel_text[start : start + 3 * length] if "\u4e00" <= c <= "\u9fff")[:length]
    traditional = simplified.translate(TO_TRADITIONAL)
    assert detect_encoding(simplified.encode("gb18030")) == "gb18030"
    big5 = traditional.encode("cp950", errors="ignore")
    assert detect_encoding(big5) == "cp950"
    assert decode_bytes(big5)[0] == big5.decode("cp950")


def test_corpus_traditional_document_in_big5(corpus: Path, tmp_path: Path) -> None:
    source = corpus / "民政局第二批實踐科學發展觀動員會講話.txt"
    text = source.read_text(encoding="utf-8")
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("cp950", errors="replace"))
    assert load_document(path).encoding == "cp950"


def test_override_encoding_is_applied(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("café".encode("latin-1"))
    assert load_document(path, encoding="latin-1").text == "café"
    with pytest.raises(DecodingError, match="utf-8"):
        load_document(path, encoding="utf-8")
    with pytest.raises(DecodingError, match="Unknown encoding"):
        load_document(path, encoding="no-such-codec")


def test_crlf_and_cr_become_lf(tmp_path: Path) -> None:
    path = tmp_path / "mac.txt"
    path.write_bytes(b"one\r\ntwo\rthree\n")
    assert load_document(path).text == "one\ntwo\nthree\n"


@pytest.mark.parametrize(
    ("payload", "needle"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG"),
        (b"PK\x03\x04" + bytes(50), "zip"),
        (b"%PDF-1.7\n", "PDF"),
        (b"hello\x00world" * 10, "NUL"),
    ],
)
def test_binary_files_are_refused_with_a_message(tmp_path: Path, payload: bytes, needle: str) -> None:
    path = tmp_path / "file.txt"
    path.write_bytes(payload)
    with pytest.raises(BinaryFileError, match=needle):
        load_document(path)


@pytest.mark.parametrize("payload", [b"", b"\xef\xbb\xbf", b"\n\n  \n"])
def test_empty_files_are_refused(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(payload)
    with pytest.raises(EmptyFileError, match="empty"):
        load_document(path)


def test_huge_files_are_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(201 * 1024 * 1024)
    with pytest.raises(TooLargeError, match="200 MB"):
        load_document(path)


def test_missing_folder_and_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(UnreadableError, match="does not exist"):
        load_document(tmp_path / "nope.txt")
    with pytest.raises(UnreadableError, match="folder"):
        load_document(tmp_path)
    with pytest.raises(UnreadableError, match="cannot be read"):
        load_document(tmp_path / ("x" * 300 + ".txt"))
    locked = tmp_path / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any file")
        with pytest.raises(UnreadableError, match="permission"):
            load_document(locked)
    finally:
        locked.chmod(0o644)
