"""A damaged search cache (the saved texts or the index folder replaced by a file) is reported in one
line, searches still answer, and `reader index` repairs it without losing the stray file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.search import SearchService

REPO = Path(__file__).resolve().parents[2]


def run_reader(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=60, cwd=REPO)


@pytest.fixture
def library(library_folder) -> Path:
    return library_folder({"one.txt": "第一篇：独角兽\n", "two.md": "# 第二篇\n\n独角兽，独角兽。\n"})


def _replace_with_file(path: Path) -> None:
    for child in path.iterdir():
        child.unlink()
    path.rmdir()
    path.write_text("not a folder\n", encoding="utf-8")


def test_saved_texts_being_a_file_still_answers_with_a_note(library: Path, tmp_path: Path) -> None:
    SearchService(tmp_path / "index").update([library])
    _replace_with_file(tmp_path / "index" / "texts")
    response = SearchService(tmp_path / "index").search("独角兽", [library])
    assert response.total_hits == 3 and response.error is None
    assert response.status == [
        f"The saved texts {tmp_path / 'index' / 'texts'} are not a folder; searching from the documents "
        "themselves (reader index repairs it)."
    ]


def test_saved_texts_being_a_file_is_repaired_by_the_cli(library: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_reader(data, "index", "--library", str(library)).returncode == 0
    texts = data / "index" / "texts"
    _replace_with_file(texts)
    found = run_reader(data, "search", "独角兽", "--library", str(library), "--json")
    assert found.returncode == 0 and "Traceback" not in found.stderr
    assert json.loads(found.stdout)["total_hits"] == 3
    assert found.stderr == (
        f"reader: The saved texts {texts} were not a folder; replaced it (texts are prepared again).\n"
    )
    assert texts.is_dir()
    again = run_reader(data, "search", "独角兽", "--library", str(library), "--json")
    assert again.stderr == "" and json.loads(again.stdout)["total_hits"] == 3


def test_the_index_path_being_a_file_is_scanned_then_moved_aside(library: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    index_dir.write_text("a stray file\n", encoding="utf-8")
    response = SearchService(index_dir).search("独角兽", [library])
    assert response.total_hits == 3 and response.error is None
    assert response.status[0] == (
        f"The search index {index_dir} is not a folder; scanning documents instead (reader index replaces it)."
    )

    data = tmp_path / "data"
    data.mkdir()
    (data / "index").write_text("a stray file\n", encoding="utf-8")
    done = run_reader(data, "index", "--library", str(library))
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert done.stdout.startswith("Index: 2 added, 0 updated, 0 removed, 0 skipped, 0 unchanged")
    (aside,) = data.glob("index.not-a-folder-*")
    assert aside.read_text(encoding="utf-8") == "a stray file\n"  # kept, not deleted
    assert done.stderr == (
        f"reader: The search index {data / 'index'} was not a folder; kept it as {aside.name} and rebuilt the index.\n"
    )
    found = run_reader(data, "search", "独角兽", "--library", str(library), "--json")
    assert found.returncode == 0 and found.stderr == "" and json.loads(found.stdout)["total_hits"] == 3
