"""Hostile inputs against every interface: each finishes, prints no traceback, says what is wrong, keeps the data."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BOUND = 60  # seconds: a hang guard, not a speed check
GOOD = "第一章 学习\n\n学习贯彻会议精神，推动工作落实。\n"
NON_UTF8 = os.fsdecode(b"\xd6\xd0\xce\xc4 a\xff.txt")  # a GBK name unpacked on Linux


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _zero_link(folder: Path) -> Path:
    path = folder / "zero.txt"
    path.symlink_to("/dev/zero")
    return path


def _loop(folder: Path) -> Path:
    path = folder / "loop.txt"
    path.symlink_to(path)
    return path


def _folder(folder: Path) -> Path:
    path = folder / "chapters.txt"
    path.mkdir()
    return path


def _binary(folder: Path) -> Path:
    path = folder / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return path


def _empty(folder: Path) -> Path:
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path


def _huge(folder: Path) -> Path:
    path = folder / "huge.txt"
    with path.open("wb") as handle:  # sparse: 201 MB on paper, nothing on disk
        handle.truncate(201 * 1024 * 1024)
    return path


def _mixed(folder: Path) -> Path:
    path = folder / "mixed.txt"
    path.write_bytes(("学习贯彻会议精神。\n" * 20).encode("utf-8") + "推动工作落实。\n".encode("gb18030"))
    return path


def _truncated_utf16(folder: Path) -> Path:
    path = folder / "utf16.txt"
    path.write_bytes(("学习贯彻会议精神。\n" * 20).encode("utf-16")[:-1])
    return path


def _non_utf8_name(folder: Path) -> Path:
    path = folder / NON_UTF8
    path.write_text(GOOD, encoding="utf-8")
    return path


def _deep_markdown(folder: Path) -> Path:
    path = folder / "deep.md"
    path.write_text("# 学习\n\n" + "- " * 5000 + "学习\n", encoding="utf-8")
    return path


# name -> (factory, opens: whether it is a readable document, what a refusal must mention)
INPUTS: dict[str, tuple[Callable[[Path], Path], bool, str]] = {
    "fifo": (_fifo, False, r"pipe|FIFO"),
    "zero-link": (_zero_link, False, r"device"),
    "symlink-loop": (_loop, False, r"link"),
    "folder": (_folder, False, r"folder"),
    "binary": (_binary, False, r"PNG image"),
    "empty": (_empty, False, r"empty"),
    "huge": (_huge, False, r"201 MB"),
    "mixed-encoding": (_mixed, True, r"replacement"),
    "truncated-utf16": (_truncated_utf16, True, r"replacement"),
    "non-utf8-name": (_non_utf8_name, True, r""),
    "deep-markdown": (_deep_markdown, True, r""),
}


def _reader(data: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), *args],
        capture_output=True, text=True, errors="surrogateescape", timeout=BOUND, env=env, input=stdin,
    )


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file below `folder` with the sha256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def _clean(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert "Fatal Python error" not in result.stderr, result.stderr


@pytest.fixture
def library(library_folder) -> Path:
    return library_folder({"good.txt": GOOD}, name="library")


@pytest.mark.parametrize("name", INPUTS)
def test_outline(name: str, library: Path, data_dir: Path) -> None:
    factory, opens, mention = INPUTS[name]
    path = factory(library)
    before = _snapshot(data_dir)
    result = _reader(data_dir, "outline", str(path), "--json")
    _clean(result)
    if opens:
        assert result.returncode == 0, result.stderr
        assert isinstance(json.loads(result.stdout), list)
        assert len(result.stderr.splitlines()) == (1 if mention else 0), result.stderr
        _assert_mentions(result.stderr, mention)
    else:
        _assert_refused(result, mention)
    assert _snapshot(data_dir) == before


@pytest.mark.parametrize("name", INPUTS)
def test_bookmark_add(name: str, library: Path, data_dir: Path) -> None:
    factory, opens, mention = INPUTS[name]
    path = factory(library)
    before = _snapshot(data_dir)
    result = _reader(data_dir, "bookmarks", "add", str(path), "--offset", "0", "--length", "2", "--json")
    _clean(result)
    if opens:
        assert result.returncode == 0, result.stderr
        added = json.loads(result.stdout)
        assert os.fsencode(added["path"]) == os.fsencode(str(path))
        listed = _reader(data_dir, "bookmarks", "list", "--json")
        _clean(listed)
        assert [item["id"] for item in json.loads(listed.stdout)] == [added["id"]]
    else:
        _assert_refused(result, mention)
        assert _snapshot(data_dir) == before


@pytest.mark.parametrize("name", INPUTS)
def test_index_and_search_keep_the_rest_of_the_library(name: str, library: Path, data_dir: Path) -> None:
    factory, opens, mention = INPUTS[name]
    path = factory(library)
    indexed = _reader(data_dir, "index", "--library", str(library))
    _clean(indexed)
    assert indexed.returncode == 0, indexed.stderr
    skipped = [line for line in indexed.stdout.splitlines() if "skipped" in line and path.name in line]
    if opens or name == "folder":  # a folder named like a document is walked into, like any folder
        assert skipped == [], indexed.stdout
    else:
        assert len(skipped) == 1, indexed.stdout
        _assert_mentions(skipped[0], mention)
    found = _reader(data_dir, "search", "学习", "--library", str(library), "--json")
    _clean(found)
    assert found.returncode == 0, found.stderr
    paths = {os.fsencode(result["path"]) for result in json.loads(found.stdout)["results"]}
    assert os.fsencode(str(library / "good.txt")) in paths
    assert (os.fsencode(str(path)) in paths) == (name in {"non-utf8-name", "deep-markdown", "mixed-encoding",
                                                           "truncated-utf16"})
    again = _reader(data_dir, "index", "--library", str(library))
    _clean(again)
    assert again.returncode == 0 and " 0 added, 0 updated, 0 removed" in again.stdout, again.stdout


@pytest.mark.parametrize("name", INPUTS)
def test_an_imported_bookmark_on_it_lists_and_exports(name: str, library: Path, data_dir: Path) -> None:
    factory, opens, mention = INPUTS[name]
    path = factory(library)
    entry = {"id": "a" * 32, "path": str(path), "offset": 0, "length": 2, "quote": "学习", "note": "",
             "color": "yellow", "created": "2026-01-01T00:00:00+00:00"}
    exported = library.parent / "import.json"
    exported.write_text(json.dumps([entry]), encoding="utf-8")
    imported = _reader(data_dir, "bookmarks", "import", str(exported))
    _clean(imported)
    assert imported.returncode == 0, imported.stderr
    listed = _reader(data_dir, "bookmarks", "list", "--json")
    _clean(listed)
    assert listed.returncode == 0, listed.stderr
    (item,) = json.loads(listed.stdout)
    assert item["id"] == "a" * 32
    if not opens:
        assert item["status"] == "orphaned"
    for form in ("md", "json", "csv"):
        export = _reader(data_dir, "bookmarks", "export", "--format", form)
        _clean(export)
        assert export.returncode == 0 and export.stdout, export.stderr


BAD_IMPORTS = {
    "huge-offset": ('[{"id": "x1", "path": "/a.txt", "offset": %d, "length": 1}]' % 2**70, r"offset"),
    "bool-offset": ('[{"id": "x1", "path": "/a.txt", "offset": true, "length": 1}]', r"offset"),
    "far-offset": ('[{"id": "x1", "path": "/a.txt", "offset": 1000000000, "length": 1}]', r"offset"),
    "bad-colour": ('[{"id": "x1", "path": "/a.txt", "offset": 1, "length": 1, "color": "notacolor"}]', r"colou?r"),
    "empty-id": ('[{"id": "", "path": "/a.txt", "offset": 1, "length": 1}]', r"\bid\b"),
    "lone-surrogate": ('[{"id": "x1", "path": "/a.txt", "offset": 1, "length": 1, "quote": "\\ud800"}]', r"quote"),
    "deep-nesting": ("[" * 100_000 + "]" * 100_000, r"nest"),
    "not-json": ("this is not JSON", r"JSON"),
}


@pytest.mark.parametrize("name", BAD_IMPORTS)
def test_a_bad_import_is_refused_whole(name: str, tmp_path: Path, data_dir: Path, library: Path) -> None:
    kept = _reader(data_dir, "bookmarks", "add", str(library / "good.txt"), "--offset", "0", "--length", "3")
    assert kept.returncode == 0, kept.stderr
    before = _snapshot(data_dir)
    text, mention = BAD_IMPORTS[name]
    good = '{"id": "y2", "path": "/b.txt", "offset": 1, "length": 1}'
    if text.startswith("[{"):
        text = text[:-1] + ", " + good + "]"  # all or nothing: the good entry is not imported either
    source = tmp_path / "bad.json"
    source.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = _reader(data_dir, "bookmarks", "import", str(source))
    _clean(result)
    assert result.returncode == 2, result.stderr
    _assert_mentions(result.stderr, mention)
    assert _snapshot(data_dir) == before


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00", "学习\nOR\n".encode("utf-16")])
def test_search_batch_files(content: bytes, tmp_path: Path, data_dir: Path, library: Path) -> None:
    batch = tmp_path / "queries.txt"
    batch.write_bytes(content)
    result = _reader(data_dir, "search", "--batch", str(batch), "--library", str(library))
    _clean(result)
    if content.startswith(b"\x89PNG"):
        assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    else:
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        assert [line["query"] for line in lines] == ["学习", "OR"]


def _assert_refused(result: subprocess.CompletedProcess[str], mention: str) -> None:
    """Exit 2, nothing on stdout, and one line on stderr that says what is wrong."""
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    _assert_mentions(result.stderr, mention)


def _assert_mentions(text: str, pattern: str) -> None:
    assert re.search(pattern, text, re.IGNORECASE), f"{pattern!r} not in {text!r}"


@pytest.mark.parametrize("name", INPUTS)
def test_window_open(name: str, library: Path, qtbot) -> None:
    from reader.app import build_main_window

    factory, opens, mention = INPUTS[name]
    path = factory(library)
    window = build_main_window([str(library / "good.txt")])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.current_document is not None, timeout=BOUND * 1000)
    window.open_document(path)
    expected = Path(path).absolute()
    qtbot.waitUntil(
        lambda: window.last_error is not None or window.current_document.path == expected, timeout=BOUND * 1000
    )
    if opens:
        assert window.last_error is None and window.current_document.path == expected
        _assert_mentions(window.statusBar().currentMessage() + window.windowTitle(), mention)
    else:
        assert window.current_document.path == library / "good.txt", "the open document stays"
        _assert_mentions(window.last_error, mention)
