"""Document.replacements counts the U+FFFD the decoding put in, never ones the source holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.documents import DecodingError, load_document

PASSAGE = "第一回 甄士隐梦幻识通灵\n列位看官：你道此书从何而来？\n" * 40
GB_LINE = "第二回 贾夫人仙逝扬州城\n"


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    return path


def test_utf8_with_a_gb18030_line_reads_as_utf8_and_counts_the_damage(tmp_path: Path) -> None:
    path = _write(tmp_path, PASSAGE.encode() + GB_LINE.encode("gb18030") + PASSAGE.encode())
    document = load_document(path)
    expected_damage = GB_LINE.encode("gb18030").decode("utf-8", "replace")
    assert document.encoding == "utf-8"
    assert document.text == PASSAGE + expected_damage + PASSAGE
    assert document.replacements == expected_damage.count("\ufffd") > 0


def test_gb18030_with_a_utf8_line_reads_as_gb18030(tmp_path: Path) -> None:
    data = PASSAGE.encode("gb18030") + GB_LINE.encode() + PASSAGE.encode("gb18030")
    document = load_document(_write(tmp_path, data))
    assert document.encoding == "gb18030"
    assert document.text == data.decode("gb18030", "replace")
    assert document.replacements == document.text.count("\ufffd")
    assert document.text.startswith(PASSAGE) and document.text.endswith(PASSAGE)


def test_truncated_utf16_and_utf8(tmp_path: Path) -> None:
    utf16 = load_document(_write(tmp_path, "\ufeff第一回 你好".encode("utf-16-le")[:-1]))
    assert (utf16.encoding, utf16.text, utf16.replacements) == ("utf-16-le", "第一回 你\ufffd", 1)
    utf8 = load_document(_write(tmp_path, "第一回 你好".encode()[:-2]))
    assert (utf8.encoding, utf8.text, utf8.replacements) == ("utf-8", "第一回 你\ufffd", 1)


def test_replacement_characters_written_in_the_source_are_not_counted(tmp_path: Path) -> None:
    clean = load_document(_write(tmp_path, "a \ufffd b \ufffd\n".encode()))
    assert (clean.text.count("\ufffd"), clean.replacements) == (2, 0)
    damaged = load_document(_write(tmp_path, ("第一回 \ufffd " * 20).encode() + b"\xff\n"))
    assert damaged.encoding == "utf-8"
    assert (damaged.text.count("\ufffd"), damaged.replacements) == (21, 1)


def test_a_clean_file_has_none_and_an_explicit_encoding_never_replaces(tmp_path: Path) -> None:
    path = _write(tmp_path, PASSAGE.encode("gb18030"))
    assert load_document(path).replacements == 0
    assert load_document(path, encoding="gb18030").replacements == 0
    with pytest.raises(DecodingError) as caught:
        load_document(path, encoding="utf-8")
    assert str(caught.value) == "The file does not decode as utf-8 (bad byte at 0)."


def test_counts_stay_apart_when_threads_decode_at_once() -> None:
    """The counting error handler is per thread: loaders on worker threads never mix their counts."""
    from concurrent.futures import ThreadPoolExecutor

    from reader.documents import decode_text

    def damaged(count: int) -> bytes:
        return (PASSAGE.encode() + b"\xff") * count + PASSAGE.encode() * 50

    samples = {count: damaged(count) for count in range(1, 9)}
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(20):
            results = pool.map(lambda item: (item[0], decode_text(item[1]).replacements), samples.items())
            assert dict(results) == {count: count for count in samples}
