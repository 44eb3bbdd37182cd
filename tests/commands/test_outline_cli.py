"""`reader outline`, `--version` and `--help` through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import main

CORPUS_FILES = sorted(Path(__file__).resolve().parents[2].joinpath("corpus").glob("*.txt"))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.stem[:12])
def test_outline_json_on_every_corpus_file(path: Path, capsys) -> None:
    assert main(["outline", str(path), "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    text = path.read_text(encoding="utf-8")
    assert entries, "every corpus document has headings"
    offsets = [entry["offset"] for entry in entries]
    assert offsets == sorted(offsets)
    for entry in entries:
        assert set(entry) == {"level", "title", "offset", "line"}
        assert entry["level"] >= 1
        assert entry["line"] == text.count("\n", 0, entry["offset"]) + 1
        assert text[entry["offset"]] not in " \n"


def test_outline_text_is_indented(capsys, testdata: Path) -> None:
    assert main(["outline", str(testdata / "art-of-command-line.en.md")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("  ") for line in lines)
    assert not lines[0].startswith(" ")


def test_outline_of_a_binary_file_is_a_clear_error(tmp_path: Path, capsys) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"PK\x03\x04" + bytes(20))
    assert main(["outline", str(path)]) == 2
    error = capsys.readouterr().err
    assert "zip" in error and "Traceback" not in error


def test_version_and_help_from_a_real_process(tmp_path: Path) -> None:
    run = [sys.executable, "-m", "reader"]
    version = subprocess.run([*run, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.strip() == f"reader {__version__}"
    help_text = subprocess.run([*run, "--help"], capture_output=True, text=True, check=True).stdout
    for word in ("outline", "--data-dir"):
        assert word in help_text


def test_data_dir_option_keeps_files_there(tmp_path: Path, monkeypatch) -> None:
    from reader import paths

    target = tmp_path / "mine"
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    main(["--data-dir", str(target), "outline", str(CORPUS_FILES[0]), "--json"])
    assert paths.data_dir() == target.resolve()
    paths.set_data_dir(None)
