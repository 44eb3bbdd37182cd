"""Run-on text: line breaks lost with a space or with nothing in their place (scraped pages)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from outline_shared import GOLD, read_document

from reader.outline import Heading, extract_outline, nest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_GOLD = sorted(FIXTURES.glob("*.json"))
SEEDS = sorted(p for p in GOLD.glob("*.json") if p.stem.isdigit())
_GLOSS = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]")
_MIN_PREFIX = 6
_BODY = "会议强调，要坚持以人民为中心的发展思想，认真贯彻落实各项决策部署。" * 6


def _norm(text: str) -> str:
    return "".join(_GLOSS.sub("", text).split())


def _same(found: tuple[int, str], expected: tuple[int, str]) -> bool:
    """Same level, and one title starts the other: a title glued to its body or cut at a comma."""
    (level, got), (want_level, want) = found, expected
    short, long = sorted((got, want), key=len)
    return level == want_level and len(short) >= _MIN_PREFIX and long.startswith(short)


def _recall_precision(found: list[Heading], expected: list[tuple[int, str]]) -> tuple[float, float]:
    got = [(h.level, _norm(h.title)) for h in found]
    recall = sum(any(_same(g, e) for g in got) for e in expected) / len(expected)
    precision = sum(any(_same(g, e) for e in expected) for g in got) / len(got) if got else 0.0
    return recall, precision


def _seed(path: Path) -> tuple[str, list[tuple[int, str]]]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = read_document(gold["file"], gold["encoding"])
    return text, [(level, _norm(title)) for level, _, title, _ in gold["entries"]]


def _fixture(path: Path) -> tuple[str, list[list]]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return (FIXTURES / gold["file"]).read_text(encoding="utf-8"), gold["entries"]


def _spans_start_at_numbering(text: str, found: list[Heading]) -> None:
    for heading in found:
        span = text[heading.offset:heading.offset + heading.length]
        assert _norm(heading.title)[:3] == _norm(span)[:3], (heading.title, span)


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_with_breaks_turned_into_spaces_keeps_its_outline_exactly(path: Path) -> None:
    text, expected = _seed(path)
    run_on = text.replace("\n", " ")
    found = extract_outline(run_on)
    assert [(h.level, _norm(h.title)) for h in found] == expected
    _spans_start_at_numbering(run_on, found)


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_with_breaks_removed_keeps_its_outline(path: Path) -> None:
    text, expected = _seed(path)
    run_on = text.replace("\n", "")
    found = extract_outline(run_on)
    recall, precision = _recall_precision(found, expected)
    assert recall >= 0.9 and precision >= 0.9, [(h.level, h.title) for h in found]
    _spans_start_at_numbering(run_on, found)


def test_no_space_seed_finds_top_level_yi_headings() -> None:
    text, _ = _seed(GOLD / "000.json")
    found = extract_outline(text.replace("\n", ""))
    assert [h.title for h in found if h.level == 1] == [
        "一、为什么开展“三大”行动", "二、怎么开展“三大”活动", "三、开展“三大”活动的基本要求"]
    assert found[1].title == "(一)国家乡村振兴局为开展“三大”行动作出了示范和表率"


@pytest.mark.parametrize("squash", [None, "", " "], ids=["lines", "no-space", "space"])
@pytest.mark.parametrize("path", FIXTURE_GOLD, ids=[p.stem for p in FIXTURE_GOLD])
def test_written_documents_in_every_squash_variant(path: Path, squash: str | None) -> None:
    text, entries = _fixture(path)
    run_on = text if squash is None else text.replace("\n", squash)
    found = extract_outline(run_on)
    expected = [(level, _norm(title)) for level, title, _ in entries]
    if squash == "":
        assert min(_recall_precision(found, expected)) >= 0.9, [(h.level, h.title) for h in found]
    else:
        assert [(h.level, _norm(h.title)) for h in found] == expected
    _spans_start_at_numbering(run_on, found)


@pytest.mark.parametrize("path", FIXTURE_GOLD, ids=[p.stem for p in FIXTURE_GOLD])
def test_written_documents_nest_the_same_without_breaks(path: Path) -> None:
    text, entries = _fixture(path)
    for squashed in (text, text.replace("\n", "")):
        parents = _levels_and_parents(nest(extract_outline(squashed)), None)
        assert parents == [(level, parent and _norm(parent)[:6]) for level, _, parent in entries]


def _levels_and_parents(nodes: list[Heading], parent: str | None) -> list[tuple[int, str | None]]:
    """(level, start of the parent's title) of every node of the tree, depth first."""
    found: list[tuple[int, str | None]] = []
    for node in nodes:
        found.append((node.level, parent and _norm(parent)[:6]))
        found += _levels_and_parents(node.children, node.title)
    return found


def test_four_levels_without_breaks() -> None:
    text, _ = _fixture(FIXTURES / "report.json")
    found = extract_outline(text.replace("\n", ""))
    assert [(h.level, h.title) for h in found[:6]] == [
        (1, "一、2023年工作回顾"), (2, "(一)粮食生产稳中有增"), (3, "1.高标准农田建设提速"),
        (4, "(1)资金投入持续加大"), (4, "(2)管护机制逐步健全"), (3, "2.种业振兴行动深入推进")]


@pytest.mark.parametrize("middle", [
    "会议。一是加强领导；二是压实责任；三是强化督查。",
    "会议。第一,加强领导；第二,压实责任；第三,强化督查。",
    "会议。一、加强领导；二、压实责任；三、强化督查。",
    "要求：(1)加强组织领导；(2)压实工作责任；(3)强化督促检查。",
    "城市。一、二线城市房价上涨较快，三四线城市库存压力较大。",
    "考虑，第一、要加强领导，第二、要压实责任，第三、要强化督查。",
    "2019年以来，经济稳中向好。1.5亿元资金已经拨付。同志们:今天开会。",
    "工作。一、这是一个孤立的编号，后面再也没有第二项。",
    "本文关键词:一、讲话,二、会议本文简介:一、加强领导。二、压实责任。本文内容:",
    "上一篇:一、在会上的讲话下一篇:二、在会上的讲话查看更多相关文章",
])
def test_no_space_traps_are_not_headings(middle: str) -> None:
    assert extract_outline(_BODY + middle + _BODY) == []


def test_numbered_list_inside_a_paragraph_of_a_lined_document_is_not_outlined() -> None:
    paragraph = _BODY * 3 + "重点做好以下工作。1、精心组织动员。正文。2、举办专题培训。正文。3、开展学习宣讲。正文。"
    text = "一、总体要求\n" + paragraph + "\n二、主要任务\n" + _BODY + "\n"
    assert [h.title for h in extract_outline(text)] == ["一、总体要求", "二、主要任务"]
    glued = extract_outline(text.replace("\n", ""))  # titles without a stop run into the body
    assert [h.title[:6] for h in glued] == ["一、总体要求", "二、主要任务"]


def test_title_repeated_by_the_site_template_is_kept_once() -> None:
    body = _BODY * 2
    text = (f"{body}篇2:乙会议讲话稿乙会议讲话稿本文关键词:乙,会议{body}一、甲要点。{body}"
            f"二、乙要点。{body}篇3:丙会议讲话稿丙会议讲话稿本文关键词:丙{body}")
    found = extract_outline(text)
    assert [h.title for h in found if h.title.startswith("篇")] == ["篇2:乙会议讲话稿", "篇3:丙会议讲话稿"]
