"""The compact form search keeps: folded text plus differences (snippets rebuilt exactly), saved
preparations read by a new service, and total_hits counted over every matching document."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.search import SearchService
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
def library(library_folder) -> Path:
    return library_folder({
        "a.txt": "学习学习，學習。\n" * 5,
        "b.md": "# 學習\n\n要学习。哈哈哈\n",
        "c.txt": "大家要學(xué)習(xí)。学习\n",
        "d.txt": "没有那个词。哈哈哈哈\n",
        "e.txt": "Turtles and a turtle; the mock turtle.\n",
    })


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

    analysis.stem.cache_clear()  # as in a new process: nothing stemmed yet (a new service learns its own words)
    stemmed: list[str] = []
    real_stem = analysis._porter_stem
    monkeypatch.setattr(analysis, "_porter_stem", lambda word: stemmed.append(word) or real_stem(word))
    third = SearchService(tmp_path / "index")
    hits = [h.match for r in third.search("turtle", [library]).results for h in r.hits]
    assert hits == ["Turtles", "turtle", "turtle"]
    assert set(stemmed) == {"turtle", "turtl"}  # the query only: the documents' words and stems were saved
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


def _brute_words(folder: Path, word: str) -> int:
    from reader.search.analysis import WORD_RE, stem

    root = stem(word)
    return sum(
        stem(token) == root
        for path in folder.iterdir()
        for token in WORD_RE.findall(strip_glosses(fold(path.read_text(encoding="utf-8"))))
    )


@pytest.fixture
def bigger(library_folder) -> Path:
    lines = ["學習學習，学习。", "大家要學(xué)習(xí)新思想", "哈哈哈哈 哈", "紅樓夢里的贾宝玉和林黛玉",
             "The mock turtle sang; turtles, TURTLE and a turtleneck.", "没有那个词", "习学习学习"]
    files = {}
    for number in range(9):
        text = "\n".join(lines[(number + k) % len(lines)] for k in range(number % 4 + 2)) * (number + 1)
        files[f"d{number}.txt"] = f"# 第{number}篇\n\n{text}\n"
    return library_folder(files, name="bigger")


@pytest.mark.parametrize("limit", [1, 3])
def test_total_hits_match_brute_force_beyond_the_limit(tmp_path: Path, bigger: Path, limit: int) -> None:
    """Unlisted documents are counted from the index (CJK strings, from the positions of their bigrams
    beyond 2 characters; single words) or by scanning (word phrases): either way total_hits is every
    hit in every matching document."""
    service = SearchService(tmp_path / "index")
    service.update([bigger])

    def check() -> None:
        for query, needle in (("学", "学"), ("习", "习"), ("學習", "学习"), ("学习", "学习"), ("哈哈", "哈哈"),
                              ("哈哈哈", "哈哈哈"), ("紅樓夢", "红楼梦"), ("习学习", "习学习"), ("的", "的")):
            hits, docs = _brute(bigger, needle)
            response = service.search(query, [bigger], limit=limit)
            assert docs > limit and response.total_hits == hits, (query, response.total_hits, hits)
            assert response.total_documents == docs, query
        for word in ("turtle", "turtles", "mock", "turtleneck"):
            assert service.search(word, [bigger], limit=limit).total_hits == _brute_words(bigger, word), word
        listed = service.search("学习 turtle", [bigger], limit=100)
        assert service.search("学习 turtle", [bigger], limit=limit).total_hits == listed.total_hits > 0
        listed = service.search("哈哈 -turtle", [bigger], limit=100)
        assert service.search("哈哈 -turtle", [bigger], limit=limit).total_hits == listed.total_hits > 0

    check()
    (bigger / "d4.txt").write_text("学习哈哈哈 turtle\n", encoding="utf-8")  # an update deletes the old record
    (bigger / "d9.txt").write_text("学学学习\n", encoding="utf-8")
    service.update([bigger])
    check()


def test_unlisted_documents_are_counted_from_the_index(tmp_path: Path, bigger: Path, monkeypatch) -> None:
    service = SearchService(tmp_path / "index")
    service.update([bigger])
    loaded: list[str] = []
    real = service.cache.get
    monkeypatch.setattr(service.cache, "get", lambda path, *a, **k: loaded.append(path.name) or real(path, *a, **k))
    for query in ("学", "學習", "哈哈 -turtle", "turtle OR 学习", "习学习", "哈哈哈"):  # 3+: bigram positions
        loaded.clear()
        response = service.search(query, [bigger], limit=1)
        assert response.total_documents > 1 and len(loaded) == 1, (query, loaded)
    loaded.clear()
    assert service.search('"mock turtle"', [bigger], limit=1).total_documents > 1 and len(loaded) > 1  # scanned
