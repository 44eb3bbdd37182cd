"""`reader rules …` and `reader outline --rules` from real processes: sets listed, shown, imported, applied, refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.outline.conventions import CONVENTIONS

REPO = Path(__file__).resolve().parents[2]
NOVEL = "第一卷 风起\n\n  第一章 初见  \n第一次见面的时候，他没有说话。\n\n第二章 夜雨\n雨下了一夜。\n"
MY_SET = {"name": "My novels", "rules": [
    {"pattern": "^第[一二三四五六七八九十]+卷", "level": 1},
    {"pattern": r"^第.{1,9}章\s+(?P<title>.+)", "level": 2, "example": "第十二章 夜雨"},
]}


def _reader(data: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=environment, timeout=timeout)


@pytest.fixture
def novel(tmp_path: Path) -> Path:
    path = tmp_path / "novel.txt"
    path.write_text(NOVEL, encoding="utf-8")
    return path


@pytest.fixture
def my_set(tmp_path: Path) -> Path:
    path = tmp_path / "my.json"
    path.write_text(json.dumps(MY_SET, ensure_ascii=False), encoding="utf-8")
    return path


def test_list_names_auto_every_convention_family_and_saved_sets(data_dir: Path, my_set: Path) -> None:
    listed = json.loads(_reader(data_dir, "rules", "list", "--json").stdout)
    assert [row["name"] for row in listed][:1] == ["auto"]
    assert {row["name"] for row in listed if row["kind"] == "builtin"} == {"auto"} | (set(CONVENTIONS) - {"none"})
    assert _reader(data_dir, "rules", "import", str(my_set)).returncode == 0
    listed = json.loads(_reader(data_dir, "rules", "list", "--json").stdout)
    assert {"name": "My novels", "kind": "saved", "label": "My novels", "rules": 2} in listed
    text = _reader(data_dir, "rules", "list").stdout
    assert "Chinese novel (卷/章)" in text and "My novels" in text


def test_show_prints_a_set_that_imports_back(data_dir: Path, tmp_path: Path) -> None:
    shown = _reader(data_dir, "rules", "show", "regulation")
    assert shown.returncode == 0
    data = json.loads(shown.stdout)
    assert data["name"] == "regulation" and [rule["level"] for rule in data["rules"]] == [1, 2, 3, 4]
    unknown = _reader(data_dir, "rules", "show", "nope")
    assert unknown.returncode == 2 and unknown.stderr.count("\n") == 1 and "no rule set named 'nope'" in unknown.stderr


def test_importing_the_same_set_twice_changes_nothing(data_dir: Path, my_set: Path) -> None:
    first = _reader(data_dir, "rules", "import", str(my_set))
    assert first.returncode == 0 and "saved 'My novels' (2 rules)" in first.stdout
    store = data_dir / "outline-rules.json"
    before = (store.read_bytes(), store.stat().st_mtime_ns)
    second = _reader(data_dir, "rules", "import", str(my_set))
    assert second.returncode == 0 and "nothing changed" in second.stdout
    assert (store.read_bytes(), store.stat().st_mtime_ns) == before
    assert not list(data_dir.glob(".*.tmp"))  # no temp file left behind


def test_export_writes_the_set_as_json(data_dir: Path, my_set: Path, tmp_path: Path) -> None:
    _reader(data_dir, "rules", "import", str(my_set))
    out = tmp_path / "out.json"
    assert _reader(data_dir, "rules", "export", "My novels", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8")) == MY_SET


def test_outline_with_a_rules_file_and_with_a_saved_name(data_dir: Path, novel: Path, my_set: Path) -> None:
    by_file = _reader(data_dir, "outline", str(novel), "--rules", str(my_set), "--json")
    assert by_file.returncode == 0, by_file.stderr
    entries = json.loads(by_file.stdout)
    expected = [(1, "第一卷 风起", 1), (2, "初见", 3), (2, "夜雨", 6)]
    assert [(e["level"], e["title"], e["line"]) for e in entries] == expected
    assert all(set(e) == {"level", "title", "offset", "line", "length", "collapsed"} for e in entries)
    assert NOVEL[entries[1]["offset"]:].startswith("第一章 初见")
    _reader(data_dir, "rules", "import", str(my_set))
    by_name = _reader(data_dir, "outline", str(novel), "--rules", "My novels", "--json")
    assert json.loads(by_name.stdout) == entries
    builtin = json.loads(_reader(data_dir, "outline", str(novel), "--rules", "chinese-novel", "--json").stdout)
    assert [e["title"] for e in builtin] == ["第一卷 风起", "第一章 初见", "第二章 夜雨"]  # not 第一次见面…


BAD_SETS = {
    "not-json": ("{name: x", "not a JSON rule set"),
    "regex": ('{"name": "x", "rules": [{"pattern": "^第(.章", "level": 1}]}', "rule 1 (^第(.章): invalid regular"),
    "level": ('{"name": "x", "rules": [{"pattern": "^a", "level": 1}, {"pattern": "^b", "level": 7}]}',
              "rule 2 (^b): level 7 is outside 1–6"),
    "empty": ('{"name": "x", "rules": [{"pattern": "", "level": 1}]}', "rule 1: the pattern is empty"),
    "every-line": ('{"name": "x", "rules": [{"pattern": ".", "level": 1}]}', "rule 1 (.): the pattern matches every"),
    "empty-line": ('{"name": "x", "rules": [{"pattern": "\\\\s*", "level": 1}]}', "matches an empty line"),
    "rule-key": ('{"name": "x", "rules": [{"pattern": "^a", "lvl": 1}]}', "rule 1 (^a): unknown key 'lvl'"),
    "set-key": ('{"name": "x", "rules": [{"pattern": "^a", "level": 1}], "extra": 1}', "unknown key 'extra'"),
    "nested": ('{"name": "x", "rules": [{"pattern": "(a+)+$", "level": 1}]}', "rule 1 ((a+)+$): a group repeated"),
    "example": ('{"name": "x", "rules": [{"pattern": "^第.章", "level": 1, "example": "序"}]}',
                "the example '序' does not match"),
}


@pytest.mark.parametrize("kind", sorted(BAD_SETS))
def test_each_bad_set_gets_one_line_and_exit_2(kind: str, data_dir: Path, novel: Path, tmp_path: Path) -> None:
    text, expected = BAD_SETS[kind]
    bad = tmp_path / f"{kind}.json"
    bad.write_text(text, encoding="utf-8")
    for args in (("outline", str(novel), "--rules", str(bad)), ("rules", "import", str(bad))):
        result = _reader(data_dir, *args)
        assert result.returncode == 2, (args, result.stdout)
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith(f"reader: {bad}: ") and expected in result.stderr, result.stderr
    assert not (data_dir / "outline-rules.json").exists()


def test_a_catastrophic_pattern_does_not_hang_reader_outline(data_dir: Path, tmp_path: Path) -> None:
    document = tmp_path / "aaa.txt"
    document.write_text("标题\n" + "a" * 5000 + "\n", encoding="utf-8")
    refused = tmp_path / "refused.json"
    refused.write_text('{"name": "x", "rules": [{"pattern": "(a+)+$", "level": 1}]}', encoding="utf-8")
    result = _reader(data_dir, "outline", str(document), "--rules", str(refused), timeout=60)  # a hang guard
    assert result.returncode == 2 and "exponential" in result.stderr
    slow = tmp_path / "slow.json"
    slow.write_text('{"name": "x", "rules": [{"pattern": "^标题", "level": 1}, {"pattern": "(a|aa)+$", "level": 2}]}',
                    encoding="utf-8")
    document.write_text("标题\n" + "a" * 60 + "b\n", encoding="utf-8")
    result = _reader(data_dir, "outline", str(document), "--rules", str(slow), timeout=60)  # stopped by the budget
    assert result.returncode == 2 and result.stdout == ""
    assert "rule 2 ((a|aa)+$) took longer than" in result.stderr and result.stderr.count("\n") == 1


def test_a_saved_choice_is_what_reader_outline_uses(data_dir: Path, novel: Path, my_set: Path) -> None:
    from reader.documents import load_document
    from reader.outline.rules_store import RuleStore

    _reader(data_dir, "rules", "import", str(my_set))
    RuleStore(data_dir / "outline-rules.json").choose_for_document(novel, load_document(novel).content_hash,
                                                                   "My novels")
    entries = json.loads(_reader(data_dir, "outline", str(novel), "--json").stdout)
    assert [e["title"] for e in entries] == ["第一卷 风起", "初见", "夜雨"]
    auto = json.loads(_reader(data_dir, "outline", str(novel), "--rules", "auto", "--json").stdout)
    assert [e["title"] for e in auto] != ["第一卷 风起", "初见", "夜雨"]
