"""Recall and precision against a brute-force substring scan, on a real index of corpus/ and testdata."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader.documents import load_document
from reader.documents.library import iter_documents
from reader.search import SearchService
from reader.search.analysis import is_cjk
from reader.text import fold, strip_glosses

REPO = Path(__file__).resolve().parents[2]
CORPUS, TESTDATA = REPO / "corpus", REPO.parent / "shared" / "testdata"

FORBIDDEN = set('"()*-') | {"\u3000"}


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> tuple[SearchService, list[Path]]:
    if not TESTDATA.is_dir():
        pytest.skip("shared test documents not found")
    folders = [CORPUS, TESTDATA]
    service = SearchService(tmp_path_factory.mktemp("index") / "index")
    report = service.update(folders)
    assert report.added and not report.skipped
    return service, folders


def _brute(texts: dict[str, str], query: str) -> set[tuple[str, int]]:
    needle, found = fold(query), set()
    for path, text in texts.items():
        haystack = fold(text)
        index = haystack.find(needle)
        while index >= 0:
            found.add((path, index))
            index = haystack.find(needle, index + 1)
    return found


def _samples(texts: dict[str, str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    chinese = sorted(p for p, t in texts.items() if is_cjk(t[:2000]))
    out: list[str] = []
    while len(out) < count:
        text = texts[rng.choice(chinese)]
        size = rng.randint(1, 6)
        start = rng.randrange(len(text) - size)
        piece = text[start : start + size]
        if is_cjk(piece) and not any(c.isspace() or c in FORBIDDEN for c in piece):
            out.append(piece)
    return out


def test_every_substring_is_found_at_its_exact_offset(library) -> None:
    service, folders = library
    texts = {str(p): load_document(p).text for p in iter_documents(folders)}
    queries = _samples(texts, 120, seed=20240611) + ["的", "学习", "大学习、大调研"]
    for query in queries:
        response = service.search(query, folders, limit=100)
        assert response.error is None, query
        got = {(str(r.path), h.offset) for r in response.results for h in r.hits}
        expected = _brute(texts, query)
        assert expected <= got, f"missed {len(expected - got)} hits of {query!r}"
        for result in response.results:
            text = texts[str(result.path)]
            for hit in result.hits:
                matched = fold(text[hit.offset : hit.offset + hit.length])
                assert fold(query) in (matched, strip_glosses(matched)), (query, matched)


def test_one_character_queries_list_every_hit(library) -> None:
    service, folders = library
    texts = {str(p): load_document(p).text for p in iter_documents(folders)}
    response = service.search("的", folders, limit=100)
    assert response.total_hits == len(_brute(texts, "的")) > 1000
    assert response.results == sorted(response.results, key=lambda r: -r.score)


def test_hits_carry_sections_titles_and_marked_snippets(library) -> None:
    service, folders = library
    response = service.search("贾宝玉", folders)
    (result,) = [r for r in response.results if "hongloumeng" in r.path.name]
    assert result.title == "红楼梦"
    text = load_document(result.path).text
    hit = result.hits[5]
    assert text[hit.offset : hit.offset + hit.length] == "贾宝玉"
    assert hit.section.startswith("第") and "回" in hit.section
    assert "«贾宝玉»" in hit.snippet and hit.match == "贾宝玉"


def test_heading_matches_rank_first(library) -> None:
    service, folders = library
    response = service.search("命令行", folders)
    assert response.results[0].path.name.startswith("art-of-command-line.zh")
