"""`reader outline`, `--version` and `--help` through the real entry point."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import main
from reader.documents import load_document
from reader.outline import extract_outline
from reader.outline.corrections import CorrectionEditor, store_path

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
        assert set(entry) == {"level", "title", "offset", "line", "length", "collapsed"}
        assert entry["level"] >= 1
        assert entry["line"] == text.count("\n", 0, entry["offset"]) + 1
        assert entry["length"] > 0 and entry["collapsed"] is False
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


# -- the reader's corrections --------------------------------------------------------------------------

REPO = Path(__file__).resolve().parents[2]


def _reader(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=environment, timeout=60)


def _entries(headings) -> list[dict]:
    return [{"level": h.level, "title": h.title, "offset": h.offset, "line": h.line, "length": h.length,
             "collapsed": h.collapsed} for h in headings]


@pytest.fixture
def corrected(speech: Path) -> tuple[Path, CorrectionEditor]:
    """A copy of the speech whose outline the reader corrected: a line marked, a chapter removed, one demoted."""
    editor = CorrectionEditor(load_document(speech))
    editor.mark(editor.document.text.index("同志们"), 2)
    editor.remove(next(h.offset for h in editor.headings if h.title.startswith("二、")))
    editor.demote(next(h.offset for h in editor.headings if h.title.startswith("三、")))
    return speech, editor


def test_outline_shows_the_readers_corrections_and_no_corrections_the_detection(corrected, data_dir: Path) -> None:
    path, editor = corrected
    detected = extract_outline(editor.document.text)
    assert _entries(editor.headings) != _entries(detected)
    result = _reader(data_dir, "outline", str(path), "--json")
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout) == _entries(editor.headings)
    assert json.loads(result.stdout)[0] == {"level": 2, "title": "同志们:", "offset": 27, "line": 3, "length": 4,
                                            "collapsed": False}
    raw = _reader(data_dir, "outline", str(path), "--json", "--no-corrections")
    assert (raw.returncode, raw.stderr) == (0, "")
    assert json.loads(raw.stdout) == _entries(detected)


def test_the_text_outline_indents_by_the_corrected_levels(corrected, data_dir: Path, capsys) -> None:
    path, editor = corrected
    assert main(["outline", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "  同志们:  [line 3]"
    assert "  三、开展“三大”活动的基本要求  [line 23]" in lines
    assert len(lines) == len(editor.headings)
    assert main(["outline", str(path), "--no-corrections"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "一、为什么开展“三大”行动  [line 7]"


def test_corrections_follow_a_moved_file_and_outline_changes_no_store(corrected, data_dir: Path) -> None:
    path, editor = corrected
    moved = path.with_name("moved.txt")
    path.rename(moved)
    store = store_path().read_bytes()
    result = _reader(data_dir, "outline", str(moved), "--json")
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout) == _entries(editor.headings)
    assert store_path().read_bytes() == store
    assert sorted(p.name for p in data_dir.iterdir()) == [store_path().name]


def test_an_unreadable_store_is_one_line_and_the_outline_as_detected(corrected) -> None:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run as an unprivileged user")
    path, editor = corrected
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"reader-corrections-{os.getpid()}"
    folder.mkdir(mode=0o755)
    try:
        document = folder / "speech.txt"
        shutil.copyfile(path, document)
        document.chmod(0o644)
        data = folder / "data"
        data.mkdir(mode=0o755)
        store = data / "outline-corrections.json"
        shutil.copyfile(store_path(), store)
        store.chmod(0o600)  # root's: the unprivileged user can neither read it nor move it aside
        environment = {**os.environ, "PYTHONPATH": str(REPO)}
        result = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
             sys.executable, "-m", "reader", "--data-dir", str(data), "outline", str(document), "--json"],
            capture_output=True, text=True, cwd="/", env=environment, timeout=60,
        )
        assert (result.returncode, result.stderr) == (0, (
            f"reader: cannot read the outline corrections in {store}: permission denied; "
            "the outline is shown as detected\n"
        ))
        assert json.loads(result.stdout) == _entries(extract_outline(editor.document.text))
        assert sorted(p.name for p in data.iterdir()) == ["outline-corrections.json"]
    finally:
        shutil.rmtree(folder)
