"""File names that are not UTF-8: shown readably, stored and printed losslessly."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from reader.documents.names import display_name, escape_surrogates, path_from_key, path_key, resolved

RAW = os.fsdecode(b"/library/\xd6\xd0\xce\xc4 a\xff.txt")  # "中文" in GBK, unpacked on Linux


def test_a_non_utf8_name_is_shown_with_byte_escapes() -> None:
    assert display_name(RAW) == "/library/\\xd6\\xd0\\xce\\xc4 a\\xff.txt"
    assert display_name("/library/第一章.txt") == "/library/第一章.txt"


def test_keys_survive_a_utf8_store_and_give_back_the_same_bytes(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "keys.db")
    connection.execute("CREATE TABLE t (path TEXT)")
    connection.execute("INSERT INTO t VALUES (?)", (path_key(RAW),))
    (stored,) = connection.execute("SELECT path FROM t").fetchone()
    connection.close()
    assert os.fsencode(path_from_key(stored)) == os.fsencode(RAW)
    assert path_key("/library/第一章.txt") == "/library/第一章.txt", "clean names keep their old keys"


def test_escaped_json_is_valid_utf8_and_round_trips() -> None:
    text = escape_surrogates(json.dumps({"path": RAW}, ensure_ascii=False))
    text.encode("utf-8")
    assert json.loads(text)["path"] == RAW


def test_resolving_a_symlink_loop_keeps_the_path(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    (tmp_path / "real.txt").write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    assert resolved(loop) == loop
    assert resolved(tmp_path / "link.txt") == (tmp_path / "real.txt").resolve()
