"""Every gold outline exactly: recall and precision 1.0, exact spans at each heading, the convention reported."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from outline_shared import GOLD, REPO, read_document

from reader.cli import main
from reader.documents import load_document
from reader.outline import nest
from reader.outline.conventions import CONVENTIONS, extract_with_convention
from reader.outline.loading import load_with_outline

GOLD_FILES = sorted(GOLD.glob("*.json"))
NEW_GOLD = ["novel-volumes", "regulation", "report-roman", "nested-markdown"]  # written for issue 11


def _gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _outline(gold: dict) -> tuple[str, list, str]:
    text = read_document(gold["file"], gold["encoding"])
    found, convention = extract_with_convention(text, gold["kind"])
    return text, found, convention


def _parents(found: list) -> dict[int, str | None]:
    parents: dict[int, str | None] = {}

    def walk(nodes: list, parent: str | None) -> None:
        for node in nodes:
            parents[node.offset] = parent
            walk(node.children, node.title)

    walk(nest(found), None)
    return parents


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_recall_and_precision_are_exactly_one(path: Path) -> None:
    gold = _gold(path)
    _, found, _ = _outline(gold)
    parents = _parents(found)
    expected = [tuple(entry) for entry in gold["entries"]]
    got = [(h.level, h.line, h.title, parents[h.offset]) for h in found]
    assert got == expected


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_each_offset_selects_exactly_its_heading(path: Path) -> None:
    gold = _gold(path)
    text, found, _ = _outline(gold)
    assert [text[h.offset:h.offset + h.length] for h in found] == gold["spans"]
    lines = text.split("\n")
    for heading, span in zip(found, gold["spans"], strict=True):
        line_start = sum(len(line) + 1 for line in lines[:heading.line - 1])
        assert heading.offset == text.index(span, line_start), span  # the first such text on its own line


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_the_convention_that_found_them_is_reported(path: Path) -> None:
    gold = _gold(path)
    _, found, convention = _outline(gold)
    assert convention == gold["convention"] and convention in CONVENTIONS
    assert [h.title for h in found if h.collapsed] == gold.get("collapsed", [])


def test_the_new_gold_documents_are_there_and_cover_each_kind() -> None:
    conventions = {_gold(GOLD / f"{name}.json")["convention"] for name in NEW_GOLD}
    assert conventions == {"chinese-novel", "regulation", "english-report", "markdown"}
    for name in NEW_GOLD:
        gold = _gold(GOLD / f"{name}.json")
        assert (REPO / gold["file"]).is_file() and len(gold["entries"]) >= 10, name


def test_the_novel_is_gb18030_with_crlf_and_the_loader_outlines_it_the_same() -> None:
    gold = _gold(GOLD / "novel-volumes.json")
    raw = (REPO / gold["file"]).read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") > 100
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    document = load_document(REPO / gold["file"])
    assert document.encoding.lower().replace("-", "") == "gb18030"
    found, convention = extract_with_convention(document.text, document.kind)
    assert [(h.level, h.line, h.title) for h in found] == [tuple(e[:3]) for e in gold["entries"]]
    assert [document.text[h.offset:h.offset + h.length] for h in found] == gold["spans"]


def test_regulation_articles_are_collapsed_one_level_below_their_chapter_or_section() -> None:
    gold = _gold(GOLD / "regulation.json")
    _, found, _ = _outline(gold)
    articles = [h for h in found if h.title.split()[0].endswith("条")]
    assert len(articles) == 12 and all(h.collapsed for h in articles)
    assert not any(h.collapsed for h in found if h not in articles)
    tree = nest(found)
    assert [h.title for h in tree] == \
        ["第一章 总则", "第二章 设立与管理", "第三章 借阅服务", "第四章 法律责任", "第五章 附则"]
    assert [h.title for h in tree[1].children] == ["第一节 设立", "第二节 日常管理"]
    assert all(child.collapsed for child in tree[1].children[0].children)


def test_the_window_and_cli_loader_keeps_articles_collapsed_through_corrections(capsys) -> None:
    path = REPO / _gold(GOLD / "regulation.json")["file"]
    loaded = load_with_outline(path)
    first_article = loaded.outline[0].children[0]
    assert first_article.title.startswith("第一条") and first_article.collapsed
    assert loaded.editor is not None
    loaded.editor.promote(first_article.offset)
    promoted = next(h for h in loaded.editor.headings if h.offset == first_article.offset)
    assert promoted.level == 1 and promoted.collapsed
    assert main(["outline", str(path), "--json", "--no-corrections"]) == 0
    entries = json.loads(capsys.readouterr().out)
    keys = {"level", "title", "offset", "line", "length", "collapsed"}  # fields are only ever added
    assert all(set(entry) == keys for entry in entries)
    assert sum(1 for entry in entries if entry["title"].startswith("第") and "条" in entry["title"][:5]) == 12
    assert sum(entry["collapsed"] for entry in entries) == 12  # the articles, folded by default
