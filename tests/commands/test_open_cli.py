"""`reader open TARGET --resolve`: links and FILE:OFFSET:LENGTH land on the passage after edits and moves."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.bookmarks import add_bookmark, remove_bookmark
from reader.bookmarks.links import LinkError, make_link, parse_target

REPO = Path(__file__).resolve().parents[2]
TEXT = "第一章 起\n\n黛玉进府，宝玉初见。\n\n第二章 承\n\n宝钗来访，众人赏雪。\n"


def _resolve(target: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", "open", target, "--resolve", "--json"],
                          capture_output=True, text=True, cwd=REPO, env=os.environ.copy(), timeout=60)


def _json(target: str) -> dict:
    result = _resolve(target)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def novel(tmp_path: Path) -> Path:
    path = tmp_path / "红楼.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_a_link_resolves_ok_then_after_an_edit_moved(novel: Path) -> None:
    start = TEXT.index("宝钗来访")
    bookmark = add_bookmark(novel, start, 4)
    link = make_link(bookmark)
    assert link.startswith(f"reader://bookmark/{bookmark.id}?path=") and f"&offset={start}&length=4" in link
    assert _json(link) == {"path": str(novel), "offset": start, "length": 4, "status": "ok"}
    novel.write_text("序\n\n" + TEXT, encoding="utf-8")  # the passage moves down by three characters
    assert _json(link) == {"path": str(novel), "offset": start + 3, "length": 4, "status": "moved"}


def test_an_unknown_id_falls_back_on_path_and_quote(novel: Path) -> None:
    start = TEXT.index("众人赏雪")
    bookmark = add_bookmark(novel, start, 4)
    link = make_link(bookmark)
    remove_bookmark(bookmark.id)  # another machine: the id is unknown here
    novel.write_text(TEXT.replace("宝钗来访，", "宝钗来访了，"), encoding="utf-8")
    assert _json(link) == {"path": str(novel), "offset": start + 1, "length": 4, "status": "moved"}
    novel.write_text(TEXT.replace("众人赏雪", "众人赏梅"), encoding="utf-8")
    fuzzy = _json(link)
    assert fuzzy["status"] in ("fuzzy", "orphaned")


def test_a_moved_file_is_followed_and_a_missing_one_said(novel: Path, tmp_path: Path) -> None:
    start = TEXT.index("黛玉进府")
    link = make_link(add_bookmark(novel, start, 4))
    moved = tmp_path / "elsewhere.txt"
    novel.rename(moved)
    found = _json(link)
    assert (found["path"], found["offset"], found["status"]) == (str(moved), start, "moved")
    moved.unlink()
    assert _json(link)["status"] == "missing"


def test_file_offset_length_and_a_non_utf8_name(tmp_path: Path) -> None:
    name = tmp_path / os.fsdecode(b"gbk-\xc4\xe3.txt")
    name.write_text(TEXT, encoding="utf-8")
    assert _json(f"{name}:3:2") == {"path": str(name), "offset": 3, "length": 2, "status": "ok"}
    link = make_link(add_bookmark(name, 3, 2))
    assert "%C4%E3" in link  # the name's bytes, percent-encoded
    assert _json(link)["path"] == str(name)


@pytest.mark.parametrize(("target", "message"), [
    ("https://example.org/x", "not a reader link: https:// links are not Reader's"),
    ("reader://note/abc", "unknown reader link"),
    ("reader://bookmark/?path=/x", "the bookmark id is missing"),
    ("reader://bookmark/abc?path=/x&offset=ten", "offset must be a whole number"),
    ("reader://bookmark/abc", "unknown bookmark 'abc' and the link has no path"),
])
def test_bad_links_are_one_line_and_exit_2(target: str, message: str) -> None:
    result = _resolve(target)
    assert result.returncode == 2 and result.stdout == ""
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_parse_target_accepts_file_urls_and_rejects_nothing(tmp_path: Path) -> None:
    assert parse_target((tmp_path / "a b.txt").as_uri()).path == str(tmp_path / "a b.txt")
    with pytest.raises(LinkError):
        parse_target("  ")
