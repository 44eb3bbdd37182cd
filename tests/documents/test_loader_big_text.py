"""A text longer than the loader's slice decodes and normalises exactly as one call over the whole file would."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.documents import load_document

LINE = "　　却说雨村忙回头看时，不是别人，乃是当日同僚一案参革的号张如圭者。😀 mixed ASCII é\r\n"


def _expected(data: bytes, encoding: str) -> str:
    return data.decode(encoding).removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize(("encoding", "bom"), [("utf-8", b"\xef\xbb\xbf"), ("utf-8", b""),
                                               ("utf-16", b""), ("gb18030", b"")])
def test_a_big_file_loads_like_one_decode(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = "第一回 开篇\r" + LINE * 60_000 + "\ufeff kept inside\rlast line without newline"
    if encoding == "gb18030":
        text = text.replace("😀", "").replace("é", "e")
    data = bom + text.encode(encoding)
    assert len(data) > 4 * 1024 * 1024  # several of the loader's slices, a CR/LF pair likely split by one
    path = tmp_path / "big.txt"
    path.write_bytes(data)

    document = load_document(path, encoding=encoding)

    assert document.text == _expected(data, encoding)
    assert "\r" not in document.text
    assert document.text.startswith("第一回 开篇\n")


def test_a_big_file_with_a_leading_bom_twice_keeps_the_second(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + "\ufeffsecond\n".encode() + LINE.encode() * 60_000
    path = tmp_path / "boms.txt"
    path.write_bytes(data)
    assert load_document(path, encoding="utf-8").text.startswith("\ufeffsecond\n")
