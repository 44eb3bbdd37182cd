"""`reader index` and `reader search` through reader.cli.main."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.cli import main


@pytest.fixture
def folder(library_folder) -> Path:
    return library_folder({
        "a.txt": "大学习、大调研\n\n我们要學習。\n",
        "b.md": "# Turtles\n\nThe mock turtle sings.\n",
        "bad.txt": b"\x00\x01\x02binary",
    })


def test_index_prints_a_summary_with_skips(folder: Path, capsys) -> None:
    assert main(["index", "--library", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "2 added" in out and "1 skipped" in out and "bad.txt" in out
    assert main(["index", "--library", str(folder)]) == 0
    assert "2 unchanged" in capsys.readouterr().out


def test_search_json_shape(folder: Path, capsys) -> None:
    assert main(["search", "学习", "--library", str(folder), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"query", "elapsed_ms", "total_hits", "total_exact", "results"}
    assert payload["query"] == "学习" and payload["total_hits"] == 2
    (result,) = payload["results"]
    assert set(result) == {"path", "title", "score", "hits"}
    assert Path(result["path"]).is_absolute() and result["path"].endswith("a.txt")
    text = (folder / "a.txt").read_text(encoding="utf-8")
    for hit in result["hits"]:
        assert set(hit) == {"offset", "length", "section", "snippet"}
    assert [text[h["offset"] : h["offset"] + h["length"]] for h in result["hits"]] == ["学习", "學習"]
    assert "«学习»" in result["hits"][0]["snippet"]


def test_search_limit_and_text_output(folder: Path, capsys) -> None:
    assert main(["search", "turtle OR 学习", "--library", str(folder), "--limit", "1", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert len(payload["results"]) == 1
    assert payload["total_hits"] == 2 + 2  # every matching document counts, not only the listed one
    assert main(["search", "turtle OR 学习", "--library", str(folder), "--limit", "1"]) == 0
    assert "4 hits in 2 documents, 1 listed" in capsys.readouterr().out
    assert main(["search", "turtles", "--library", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "«Turtles»" in out and "b.md" in out


def test_batch_prints_one_object_per_line(folder: Path, tmp_path: Path, capsys) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_text("学习\n\"mock turtle\"\n\"broken\n", encoding="utf-8")
    assert main(["search", "--batch", str(queries), "--library", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["query"] for line in lines] == ["学习", '"mock turtle"', '"broken']
    assert json.loads(lines[1])["total_hits"] == 1
    assert "error" in json.loads(lines[2])


def test_malformed_query_is_a_clean_error(folder: Path, capsys) -> None:
    assert main(["search", "学习 OR", "--library", str(folder)]) == 2
    assert "OR needs a term" in capsys.readouterr().err


def test_missing_library_folder(tmp_path: Path, capsys) -> None:
    assert main(["search", "x", "--library", str(tmp_path / "nope")]) == 2
    assert "no such folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    "query, message",
    [
        ("", "Type something to search for."),
        ("   ", "Type something to search for."),
        ('""', "There is nothing to search for between the quotation marks."),
        ("AND", "AND needs a term on both sides."),
        ("学习 AND", "AND needs a term on both sides."),
        ("AND 学习", "AND needs a term on both sides."),
        ("OR", "OR needs a term on both sides."),
        ("OR 学习", "OR needs a term on both sides."),
        ("学习 OR", "OR needs a term on both sides."),
        ("()", "There is nothing inside the parentheses."),
    ],
)
def test_each_malformed_query_gets_its_own_message(folder: Path, capsys, query: str, message: str) -> None:
    assert main(["search", query, "--library", str(folder)]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"reader: {message}\n"
    assert captured.out == ""


def test_batch_reads_utf16_with_a_bom(folder: Path, tmp_path: Path, capsys) -> None:
    for encoding in ("utf-16", "utf-16-be", "utf-8-sig"):
        queries = tmp_path / f"queries-{encoding}.txt"
        data = "学习\r\nturtle\r\n".encode(encoding)
        queries.write_bytes(data if encoding != "utf-16-be" else b"\xfe\xff" + data)
        assert main(["search", "--batch", str(queries), "--library", str(folder)]) == 0
        lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert [(line["query"], line["total_hits"]) for line in lines] == [("学习", 2), ("turtle", 2)]


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", "it looks like a binary file, not one query per line"),
        ("学习\n".encode("gb18030") + b"\xff\xfe\xfd", "it is not UTF-8 text (or UTF-16 with a byte order mark)"),
        ("学习\nturtle\n".encode("utf-16-le"), "it looks like a binary file, not one query per line"),
    ],
)
def test_batch_with_a_binary_or_unknown_file_is_a_clear_error(
    folder: Path, tmp_path: Path, capsys, content: bytes, reason: str
) -> None:
    queries = tmp_path / "queries.bin"
    queries.write_bytes(content)
    assert main(["search", "--batch", str(queries), "--library", str(folder)]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"reader: cannot read {queries}: {reason}\n"
    assert captured.out == ""


def test_batch_from_a_fifo_is_refused_without_waiting(folder: Path, tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "queries.fifo"
    os.mkfifo(fifo)
    assert main(["search", "--batch", str(fifo), "--library", str(folder)]) == 2
    assert capsys.readouterr().err == f"reader: cannot read {fifo}: not a regular file\n"


def test_search_json_total_is_exact_beyond_the_listed_documents(library_folder, capsys) -> None:
    line = "The mock turtle sang. 贾宝玉笑道，哈哈哈哈。\n"
    folder = library_folder({f"d{n}.txt": line for n in range(5)}, name="many")
    assert main(["index", "--library", str(folder)]) == 0
    capsys.readouterr()
    for query, per_document in (('"mock turtle"', 1), ("哈哈哈", 2), ("贾宝玉笑", 1)):
        assert main(["search", query, "--library", str(folder), "--limit", "1", "--json"]) == 0
        payload = json.loads(capsys.readouterr().out)
        assert payload["total_exact"] is True and len(payload["results"]) == 1, query
        assert payload["total_hits"] == 5 * per_document, query
