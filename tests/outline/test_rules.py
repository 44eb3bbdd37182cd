"""Rule sets in the core: parsing, validation, exact offsets, built-in sets, the store and the time budget."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from reader.documents import load_document
from reader.outline.conventions import CONVENTIONS
from reader.outline.loading import add_outline, load_text
from reader.outline.rules import RuleSet, RuleSetError, apply_rules, check_rule, parse_rule_set, sample_check
from reader.outline.rules_builtin import AUTO, builtin_sets
from reader.outline.rules_runner import RulesTooSlow, run_rules
from reader.outline.rules_store import ADDED, REPLACED, UNCHANGED, RuleStore

TEXT = "序\n\n  第一卷　风起  \n\t第一章 初见\n第一次见面的时候。\n第十一章里写到的…\n第二章 夜雨\n"


def _set(*rules: tuple[str, int]) -> RuleSet:
    return RuleSet("t", tuple(check_rule(pattern, level) for pattern, level in rules))


def test_offsets_are_exact_titles_come_from_the_title_group_and_the_first_rule_wins() -> None:
    rules = _set(("^第.卷", 1), (r"^第.章\s+(?P<title>.+)", 2), ("^第", 3))
    result = apply_rules(TEXT, rules)
    assert [(h.level, h.title, h.line) for h in result.headings] == [  # white space in titles made one space
        (1, "第一卷 风起", 3), (2, "初见", 4), (3, "第一次见面的时候。", 5), (3, "第十一章里写到的…", 6),
        (2, "夜雨", 7)]
    for heading in result.headings:
        line = TEXT.split("\n")[heading.line - 1]
        assert TEXT[heading.offset:heading.offset + heading.length] == line.strip()
    assert result.counts == [1, 2, 2]  # lines each rule took (the first rule that matches a line takes it)
    assert result.rule_of == [0, 1, 2, 2, 1]


@pytest.mark.parametrize("name", sorted(set(CONVENTIONS) - {"none"}))
def test_every_convention_family_has_a_built_in_set_whose_examples_match(name: str) -> None:
    rule_set = builtin_sets()[name]
    assert rule_set.builtin and rule_set.rules
    sample_check(rule_set)  # no rule matches every line; each example matches its own rule
    for rule in rule_set.rules:
        assert rule.example and rule.regex.search(rule.example)


def test_the_chinese_novel_set_skips_body_lines_that_start_like_headings() -> None:
    found = apply_rules(TEXT, builtin_sets()["chinese-novel"]).headings
    assert [h.title for h in found] == ["第一卷 风起", "第一章 初见", "第二章 夜雨"]


def test_built_in_sets_outline_the_corpus_with_exact_offsets(corpus: Path) -> None:
    for path in sorted(corpus.glob("*.txt")):
        document = load_document(path)
        for rule_set in builtin_sets().values():
            for heading in apply_rules(document.text, rule_set).headings:
                stripped = document.text.split("\n")[heading.line - 1].strip()
                assert document.text[heading.offset:heading.offset + heading.length] == stripped


@pytest.mark.parametrize(("pattern", "problem"), [
    ("(a+)+$", "exponential"), (r"(\w+\s?)*x", "exponential"), ("(", "invalid regular expression"),
    ("", "empty"), ("a?", "matches an empty line"), ("^", "matches an empty line"),
])
def test_patterns_refused_up_front(pattern: str, problem: str) -> None:
    with pytest.raises(RuleSetError, match=problem):
        check_rule(pattern, 1)


def test_bounded_atomic_and_possessive_repetitions_are_allowed() -> None:
    for pattern in (r"^x(?:\s+\S+){0,8}", r"^(?>a+)+b", r"^(a++)+b", "^第.{1,9}章"):
        check_rule(pattern, 1)


def test_rule_set_errors_name_the_rule() -> None:
    with pytest.raises(RuleSetError) as raised:
        parse_rule_set('{"name": "x", "rules": [{"pattern": "^a", "level": 1}, {"pattern": "^b", "level": 0}]}')
    assert str(raised.value) == "rule 2 (^b): level 0 is outside 1–6" and raised.value.rule == 1
    for bad_level in ('"2"', "true", "1.5"):
        with pytest.raises(RuleSetError, match="whole number"):
            parse_rule_set(f'{{"name": "x", "rules": [{{"pattern": "^a", "level": {bad_level}}}]}}')
    with pytest.raises(RuleSetError, match="needs a \"name\""):
        parse_rule_set('{"rules": [{"pattern": "^a", "level": 1}]}')


def test_a_slow_pattern_is_stopped_by_the_budget_and_named() -> None:
    slow = _set(("^x", 1), ("(a|aa)+$", 2))
    started = time.monotonic()
    with pytest.raises(RulesTooSlow) as raised:
        run_rules("x\n" + "a" * 60 + "b\n", slow, budget=0.5)
    assert time.monotonic() - started < 30  # a hang guard
    assert raised.value.rule == 1 and str(raised.value).startswith("rule 2 ((a|aa)+$) took longer than 0.5 s")


def test_a_run_can_be_cancelled() -> None:
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    with pytest.raises(RulesTooSlow) as raised:
        run_rules("a" * 60 + "b\n", _set(("(a|aa)+$", 1)), budget=60, cancel=cancel)
    assert raised.value.cancelled


def test_a_user_set_gives_the_same_headings_in_the_worker_as_in_process() -> None:
    rules = _set(("^第.卷", 1), (r"^第.章\s+(?P<title>.+)", 2))
    assert run_rules(TEXT, rules).headings == apply_rules(TEXT, rules).headings


def test_the_store_saves_atomically_and_saving_the_same_set_writes_nothing(data_dir: Path) -> None:
    store = RuleStore()
    rules = _set(("^第.卷", 1))
    assert store.save(rules) == ADDED
    stamp = store.path.stat().st_mtime_ns
    assert store.save(_set(("^第.卷", 1))) == UNCHANGED
    assert store.path.stat().st_mtime_ns == stamp
    assert store.save(_set(("^第.卷", 2))) == REPLACED
    assert store.find("t").rules[0].level == 2 and store.find(AUTO) is None
    with pytest.raises(RuleSetError, match="built-in"):
        store.save(RuleSet("chinese-novel", rules.rules))


def test_choices_by_document_by_content_hash_and_by_folder(tmp_path: Path, data_dir: Path) -> None:
    folder = tmp_path / "books" / "novels"
    folder.mkdir(parents=True)
    first, second = folder / "a.txt", folder / "b.txt"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text(TEXT + "尾声\n", encoding="utf-8")
    store = RuleStore()
    store.choose_for_folder(tmp_path / "books", "chinese-novel")
    assert store.choice_for(second) == "chinese-novel"  # the nearest folder above with a default
    document = load_document(first)
    store.choose_for_document(first, document.content_hash, "regulation")
    moved = tmp_path / "moved.txt"
    first.rename(moved)
    assert store.choice_for(moved, document.content_hash) == "regulation"  # found by content hash


def test_the_loader_uses_the_chosen_set_and_corrections_apply_on_top(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text(TEXT, encoding="utf-8")
    store = RuleStore()
    store.save(_set(("^第.卷", 1), (r"^第.章\s", 2)))
    store.choose_for_document(path, load_document(path).content_hash, "t")
    loaded = add_outline(load_text(path))
    assert loaded.source.kind == "rules" and loaded.source.name == "t"
    assert [h.title for h in loaded.editor.headings] == ["第一卷 风起", "第一章 初见", "第二章 夜雨"]
    loaded.editor.demote(loaded.editor.headings[2].offset)
    again = add_outline(load_text(path))
    assert [h.level for h in again.editor.headings] == [1, 2, 3]
    store.delete("t")
    gone = add_outline(load_text(path))
    assert gone.source.kind == "convention" and "no longer exists" in gone.outline_note
