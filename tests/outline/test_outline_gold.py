"""Outlines of real documents against hand-checked gold outlines (tests/outline/gold/*.json)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from outline_shared import GOLD, read_document

from reader.outline import Heading, document_title, extract_outline, nest

GOLD_FILES = sorted(GOLD.glob("*.json"))
_GLOSS = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]")


def _norm(text: str) -> str:
    return "".join(_GLOSS.sub("", text).split())


def _load(path: Path) -> tuple[dict, str, list[Heading]]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = read_document(gold["file"], gold["encoding"])
    return gold, text, extract_outline(text, gold["kind"])


def _parents(headings: list[Heading]) -> dict[str, str | None]:
    parents: dict[str, str | None] = {}

    def walk(nodes: list[Heading], parent: str | None) -> None:
        for node in nodes:
            parents.setdefault(_norm(node.title), parent)
            walk(node.children, node.title)

    walk(nest(headings), None)
    return parents


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_recall_and_precision(path: Path) -> None:
    gold, _, found = _load(path)
    expected = [_norm(entry[2]) for entry in gold["entries"]]
    got = [_norm(h.title) for h in found]
    hits = sum(1 for title in got if title in expected)
    recall = sum(1 for title in expected if title in got) / len(expected)
    precision = hits / len(got) if got else 0.0
    assert recall >= 0.95, sorted(set(expected) - set(got))
    assert precision >= 0.95, sorted(set(got) - set(expected))


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_levels_lines_and_nesting(path: Path) -> None:
    gold, _, found = _load(path)
    by_title = {_norm(h.title): h for h in found}
    parents = _parents(found)
    for level, line, title, parent in gold["entries"]:
        heading = by_title.get(_norm(title))
        if heading is None:
            continue
        assert (heading.level, heading.line) == (level, line), title
        assert parents[_norm(title)] == parent, title


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_offsets_select_the_heading(path: Path) -> None:
    _, text, found = _load(path)
    assert found
    for heading in found:
        span = text[heading.offset:heading.offset + heading.length]
        assert heading.length > 0 and span == span.strip(), heading
        assert text.count("\n", 0, heading.offset) + 1 == heading.line
        assert _norm(heading.title)[:4] in _norm(span), (heading.title, span)
        assert not text[heading.offset].isspace()


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_document_title(path: Path) -> None:
    gold, text, _ = _load(path)
    assert document_title(text, gold["kind"]) == gold["title"]


def test_markdown_offsets_point_at_the_hashes() -> None:
    text = read_document("testdata/art-of-command-line.en.md")
    for heading in extract_outline(text, "markdown"):
        span = text[heading.offset:heading.offset + heading.length]
        assert span.startswith("#" * heading.level + " "), span


def test_multi_article_entries_are_top_level() -> None:
    text = read_document("corpus/全区重大重点项目推进工作动员部署会讲话稿.txt")
    top = [h for h in nest(extract_outline(text))]
    assert [h.title[:3] for h in top] == ["全区重", "篇2:", "篇3:"]
    assert top[0].offset == 0
    assert text[top[1].offset:].startswith("篇2:全县易地扶贫搬迁工作视频会议讲话稿")


def test_boilerplate_summary_line_yields_no_headings() -> None:
    text = read_document("corpus/全区重大重点项目推进工作动员部署会讲话稿.txt")
    summary_line = 28  # '… 本文简介:…一、前期工作中存在的主要问题(一)政策宣传不彻底。…'
    assert "本文简介" in text.split("\n")[summary_line - 1]
    assert all(h.line != summary_line for h in extract_outline(text))


def test_run_on_document_finds_mid_paragraph_headings() -> None:
    text = read_document("corpus/省委组织部长在全省抓党建促脱贫攻坚推进会议上的讲话.txt")
    found = extract_outline(text)
    assert {h.line for h in found} == {9}
    first = next(h for h in found if h.title.startswith("(一)"))
    assert text[first.offset - 2:first.offset] == "。 "
    assert text[first.offset:first.offset + first.length] == "(一)着力筑牢骨干队伍"
    assert not any("第一书记" in h.title for h in found)


def test_alice_contents_list_is_not_emitted() -> None:
    text = read_document("testdata/alice.en.txt")
    found = extract_outline(text)
    assert all(h.line >= 19 for h in found)
    assert text[found[0].offset:found[0].offset + found[0].length] == \
        "CHAPTER I.\nDown the Rabbit-Hole"


SEEDS = [p for p in GOLD_FILES if p.stem.isdigit()]


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_flattened_to_one_run_on_line_keeps_its_outline(path: Path) -> None:
    """Scraping loses line breaks: the same speech on one line must outline the same way."""
    gold, text, _ = _load(path)
    run_on = " ".join(line for line in text.split("\n") if line.strip())
    found = extract_outline(run_on)
    assert [(h.level, _norm(h.title)) for h in found] == \
        [(level, _norm(title)) for level, _, title, _ in gold["entries"]]
    for heading in found:
        span = run_on[heading.offset:heading.offset + heading.length]
        assert _norm(heading.title)[:4] in _norm(span)
