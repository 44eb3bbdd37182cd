"""File names that are not UTF-8 (Latin-1 bytes, GBK names from old zips) are indexed, searched and
printed like any other, and stored losslessly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.documents.names import path_key
from reader.search import SearchService

REPO = Path(__file__).resolve().parents[2]
LATIN = os.fsdecode(b"a\xff.txt")
GBK = os.fsdecode(b"\xd6\xd0\xce\xc4.txt")  # 中文.txt in GBK
TEXTS = {
    LATIN: "第一行\n独角兽在这里。\n",
    GBK: "标题\n\n独角兽和独角兽。\n",
    "plain.txt": "普通文件：独角兽\n",
}


def run_reader(data_dir: Path, *args: str):
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        capture_output=True, timeout=60, cwd=REPO,
    )


@pytest.fixture
def library(library_folder) -> Path:
    return library_folder(TEXTS)


def _expected_hits(lib: Path) -> dict[bytes, list[int]]:
    return {
        os.fsencode(lib / name): [i for i in range(len(text)) if text.startswith("独角兽", i)]
        for name, text in TEXTS.items()
    }


def test_the_cli_indexes_and_finds_them_and_json_paths_round_trip(library: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = run_reader(data, "index", "--library", str(library))
    assert first.returncode == 0 and b"Traceback" not in first.stderr, first.stderr
    assert first.stdout.startswith(b"Index: 3 added, 0 updated, 0 removed, 0 skipped, 0 unchanged")

    found = run_reader(data, "search", "独角兽", "--library", str(library), "--json")
    assert found.returncode == 0 and found.stderr == b""
    payload = json.loads(found.stdout.decode("utf-8"))  # valid UTF-8: the bytes are \udcXX escapes
    hits = {os.fsencode(result["path"]): [h["offset"] for h in result["hits"]] for result in payload["results"]}
    assert hits == _expected_hits(library)
    for result in payload["results"]:
        text = TEXTS[Path(result["path"]).name]
        assert all(text[h["offset"]:h["offset"] + h["length"]] == "独角兽" for h in result["hits"])
    assert payload["total_hits"] == 4

    shown = run_reader(data, "search", "独角兽", "--library", str(library))
    assert shown.returncode == 0 and shown.stderr == b""
    assert f"  {library}/a\\xff.txt\n".encode() in shown.stdout
    assert f"  {library}/\\xd6\\xd0\\xce\\xc4.txt\n".encode() in shown.stdout
    assert shown.stdout.splitlines()[-1].startswith("4 hits in 3 documents".encode())

    again = run_reader(data, "index", "--library", str(library))
    assert again.returncode == 0 and again.stderr == b""
    assert again.stdout.startswith(b"Index: 0 added, 0 updated, 0 removed, 0 skipped, 3 unchanged")


def test_the_service_stores_keys_and_answers_from_saved_texts(library: Path, tmp_path: Path) -> None:
    service = SearchService(tmp_path / "index")
    report = service.update([library])
    assert sorted(p.name for p in report.added) == sorted(TEXTS)
    ix, _notes = service.store.open()
    with ix.searcher() as searcher:
        assert set(searcher.lexicon("path")) == {path_key(library / name).encode() for name in TEXTS}
    fresh = SearchService(tmp_path / "index")  # a new process: prepared texts read from texts/
    response = fresh.search("独角兽", [library])
    assert {os.fsencode(r.path): [h.offset for h in r.hits] for r in response.results} == _expected_hits(library)
    (library / LATIN).unlink()
    assert [Path(p).name for p in fresh.update([library]).removed] == [LATIN]
    assert {r.path.name for r in fresh.search("独角兽", [library]).results} == {GBK, "plain.txt"}
