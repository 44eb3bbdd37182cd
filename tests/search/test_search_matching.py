"""Folding, glosses, English stemming and the query syntax (find_in_text and a small real index)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.search import QueryError, SearchService, find_in_text, parse_query


def _matches(text: str, query: str) -> list[str]:
    return [text[o : o + n] for o, n in find_in_text(text, query)]


def test_traditional_and_simplified_find_each_other() -> None:
    text = "我们要学习。他們在學習。"
    assert _matches(text, "學習") == ["学习", "學習"]
    assert _matches(text, "学习") == ["学习", "學習"]


def test_pinyin_glosses_are_skipped_with_offsets_kept() -> None:
    text = "大家要學(xué)習(xí)新思想"
    [(offset, length)] = find_in_text(text, "学习")
    assert (offset, length) == (3, 7)
    assert text[offset : offset + length] == "學(xué)習"
    assert _matches(text, "习新") == ["習(xí)新"]


def test_width_and_case_folding() -> None:
    text = "Ｐｙｔｈｏｎ and PYTHON, ＡＢＣ１２３"
    assert _matches(text, "python") == ["Ｐｙｔｈｏｎ", "PYTHON"]
    assert _matches(text, "abc123") == ["ＡＢＣ１２３"]


def test_phrase_across_punctuation_and_overlaps() -> None:
    text = "开展大学习、大调研、大讨论活动。哈哈哈"
    assert _matches(text, "大学习、大调研") == ["大学习、大调研"]
    assert find_in_text(text, "哈哈") == [(16, 2), (17, 2)]


def test_english_stemming_phrases_and_prefixes() -> None:
    text = "The Mock Turtle sighed. Two turtles swam. Turnips are odd. mock  turtles"
    assert _matches(text, "turtles") == ["Turtle", "turtles", "turtles"]
    assert _matches(text, '"mock turtle"') == ["Mock Turtle", "mock  turtles"]
    assert _matches(text, "tur*") == ["Turtle", "turtles", "Turnips", "turtles"]


@pytest.mark.parametrize(
    "query",
    ['"unclosed', "a OR", "OR a", "NOT", "-a", "()", "(a", "a)", "", "   "],
)
def test_malformed_queries_give_messages(query: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    assert str(caught.value)


@pytest.fixture
def small_library(tmp_path: Path, library_folder) -> tuple[SearchService, Path]:
    folder = library_folder({
        "a.txt": "学习文件\n苹果 apples and pears\n",
        "b.txt": "調研報告\n苹果 and cherries\n",
        "c.md": "# 学习\n\n调研 pears only\n",
    })
    service = SearchService(tmp_path / "index")
    service.update([folder])
    return service, folder


def _names(service: SearchService, folder: Path, query: str) -> list[str]:
    response = service.search(query, [folder])
    assert response.error is None
    return sorted(result.path.name for result in response.results)


def test_boolean_syntax(small_library) -> None:
    service, folder = small_library
    assert _names(service, folder, "苹果 调研") == ["b.txt"]
    assert _names(service, folder, "学习 OR 调研") == ["a.txt", "b.txt", "c.md"]
    assert _names(service, folder, "苹果 -学习") == ["b.txt"]
    assert _names(service, folder, "苹果 NOT 学习") == ["b.txt"]
    assert _names(service, folder, "pear") == ["a.txt", "c.md"]
    assert _names(service, folder, '"apples and pears"') == ["a.txt"]
    assert _names(service, folder, "cherr*") == ["b.txt"]
    assert _names(service, folder, "(学习 OR 调研) -pears") == ["b.txt"]


def test_malformed_query_in_service_is_a_message(small_library) -> None:
    service, folder = small_library
    response = service.search('"学习', [folder])
    assert response.error and not response.results


def test_headings_boost_ranking(small_library) -> None:
    service, folder = small_library
    response = service.search("学习", [folder])
    assert response.results[0].path.name == "c.md"
    assert response.results[0].hits[0].section == "学习"


def test_index_hits_counts_every_document_as_count_document_does() -> None:
    """The bulk count from the index's per-document counts agrees with the per-document one, for every
    operator: AND, OR, NOT and nesting."""
    from reader.search.query import all_terms, parse_query, positive_terms
    from reader.search.scan import count_document, index_hits

    documents = {"a": "贾宝玉 黛玉", "b": "贾宝玉", "c": "黛玉 黛玉 宝钗", "d": "宝钗", "e": "无"}
    for query in ("宝玉", "宝玉 黛玉", "宝玉 OR 宝钗", "黛玉 NOT 宝钗", "(宝玉 OR 宝钗) NOT 黛玉", "NOT 宝钗 宝玉"):
        node = parse_query(query)
        terms, positive = all_terms(node), positive_terms(node)
        counts = {term: {key: text.count(term.text) for key, text in documents.items() if term.text in text}
                  for term in terms}
        expected = {key: count_document(None, node, terms, positive, {t: counts[t].get(key, 0) for t in terms})
                    for key in documents}
        assert index_hits(node, positive, counts, set(documents)) == {k: c for k, c in expected.items() if c}, query
