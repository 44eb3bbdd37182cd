"""The compact form search keeps: folded text plus differences (snippets rebuilt exactly), saved
preparations read by a new service, and total_hits counted over every matching document."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.search import SearchService
from reader.search import prepare as prepare_module
from reader.search.prepare import prepare
from reader.text import fold, strip_glosses

MIXED = ("＃ 標題 Title\n\n他們在學習，ＡＢＣ１２３。大家要學(xué)習(xí)新思想！\n\nThe Mock TURTLE（甲）\n"
         + "这一行是普通的简体文字没有需要折叠的字符只让差别少一点\n" * 4) * 3


def test_source_rebuilds_the_original_exactly(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text(MIXED, encoding="utf-8")
    doc = prepare(path)
    compact = doc.compact()
    assert compact.document is None and compact.folded.full == fold(MIXED)
    assert compact.source.original is None and 0 < len(compact.source.positions) < len(MIXED)
    assert compact.source.text == MIXED
    for start in range(0, len(MIXED), 7):
        for size in (0, 1, 5, 40):
            assert compact.source.window(start, start + size) == MIXED[start : start + size]


def test_a_mostly_traditional_text_keeps_its_original(tmp_path: Path) -> None:
    path = tmp_path / "hant.txt"
    text = "這個國家與這個時間們開發應該說書。\n" * 50
    path.write_text(text, encoding="utf-8")
    compact = prepare(path).compact()
    assert compact.source.original == text and len(compact.source.positions) == 0


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "a.txt").write_text("学习学习，學習。\n" * 5, encoding="utf-8")
    (folder / "b.md").write_text("# 學習\n\n要学习。哈哈哈\n", encoding="utf-8")
    (folder / "c.txt").write_text("大家要學(xué)習(xí)。学习\n", encoding="utf-8")
    (folder / "d.txt").write_text("没有那个词。哈哈哈哈\n", encoding="utf-8")
    (folder / "e.txt").write_text("Turtles and a turtle; the mock turtle.\n", encoding="utf-8")
    return folder


def _brute(folder: Path, needle: str) -> tuple[int, int]:
    hits = docs = 0
    for path in folder.iterdir():
        text = strip_glosses(fold(path.read_text(encoding="utf-8")))
        found = sum(text.startswith(needle, i) for i in range(len(text)))
        hits, docs = hits + found, docs + (found > 0)
    return hits, docs


@pytest.mark.parametrize("limit", [1, 2, 20])
def test_total_hits_counts_every_matching_document(tmp_path: Path, library: Path, limit: int) -> None:
    service = SearchService(tmp_path / "index")
    service.update([library])
    for query, needle in (("學習", "学习"), ("哈哈", "哈哈")):  # overlapping occurrences count
        response = service.search(query, [library], limit=limit)
        expected_hits, expected_docs = _brute(library, needle)
        assert expected_docs > 1
        assert len(response.results) == min(limit, expected_docs)
        assert response.total_documents == expected_docs
        assert response.total_hits == expected_hits, (query, limit)
        assert response.more == (limit < expected_docs)
        assert response.to_json()["total_hits"] == expected_hits
    every = service.search("学习 OR turtle", [library], limit=100)
    assert every.total_hits == sum(len(r.hits) for r in every.results)
    for query in ("学习 OR turtle", "turtle turtles", "turtle tur*", "学习 -哈哈", "学习 哈哈", '"mock turtle"'):
        listed = service.search(query, [library], limit=100)
        assert service.search(query, [library], limit=1).total_hits == listed.total_hits, query
        assert listed.total_hits == sum(len(r.hits) for r in listed.results), query


def test_a_new_service_reads_saved_preparations(tmp_path: Path, library: Path, monkeypatch) -> None:
    first = SearchService(tmp_path / "index")
    first.update([library])
    expected = first.search("学习", [library]).to_json()
    assert len(list((tmp_path / "index" / "texts").glob("*.fold"))) == 5

    def refuse(*_args, **_kwargs):
        raise AssertionError("prepared a document again")

    monkeypatch.setattr("reader.search.service.prepare", refuse)
    second = SearchService(tmp_path / "index")
    answer = second.search("学习", [library]).to_json()
    assert answer["results"] == expected["results"] and answer["total_hits"] == expected["total_hits"]
    from reader.search import analysis

    monkeypatch.setattr(analysis, "_VARIANTS", {})  # as in a new process: no words learnt yet
    monkeypatch.setattr(analysis, "_KNOWN", set())
    third = SearchService(tmp_path / "index")
    assert [h.match for r in third.search("turtle", [library]).results for h in r.hits] == ["Turtles", "turtle", "turtle"]
    assert second.warm([library]) == 5


def test_damaged_or_stale_saved_preparations_are_ignored(tmp_path: Path, library: Path) -> None:
    first = SearchService(tmp_path / "index")
    first.update([library])
    expected = first.search("学习", [library]).to_json()["results"]
    for saved in (tmp_path / "index" / "texts").glob("*.fold"):
        saved.write_bytes(saved.read_bytes()[:40])
    again = SearchService(tmp_path / "index")
    assert again.search("学习", [library]).to_json()["results"] == expected
    (library / "a.txt").write_text("换了学习\n", encoding="utf-8")  # stale: a new size
    (library / "b.md").unlink()
    assert SearchService(tmp_path / "index").search("学习", [library], limit=1).total_hits == 1 + 2 + 0
    report = again.update([library])
    assert [Path(p).name for p in report.removed] == ["b.md"]
    assert len(list((tmp_path / "index" / "texts").glob("*.fold"))) == 4
