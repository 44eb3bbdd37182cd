"""Ranking: the listed documents are reranked by their best passages (outline sections), on a real index."""

from __future__ import annotations

import json
from pathlib import Path

from reader.search import SearchService
from reader.search.prepare import prepare
from reader.search.query import parse_query, positive_terms
from reader.search.rank import passage_score, term_idfs
from reader.search.scan import term_spans

FILLER = "The committee met again and reviewed the minutes of the previous session in detail. "


def _section(title: str, body: str, filler: int) -> str:
    return f"## {title}\n\n{body}\n\n" + FILLER * filler + "\n\n"


def _index(tmp_path: Path, files: dict[str, str]) -> tuple[SearchService, Path]:
    lib = tmp_path / "lib"
    lib.mkdir()
    for name, text in files.items():
        (lib / name).write_text(text, encoding="utf-8")
    service = SearchService(tmp_path / "index")
    report = service.update([lib])
    assert len(report.added) == len(files)
    return service, lib


def _order(service: SearchService, lib: Path, query: str) -> list[str]:
    response = service.search(query, [lib])
    assert response.error is None
    return [r.path.name for r in response.results]


def test_both_words_in_one_section_beats_the_same_hits_scattered(tmp_path: Path) -> None:
    # Same hits (one alpha, one beta each); A is even the LONGER document, which whoosh's per-document
    # BM25F holds against it; but A has both words in one section, B has them in two long sections.
    together = (
        "# Report A\n\n"
        + _section("Findings", "The alpha beta result was confirmed.", 2)
        + _section("Budget", "Nothing else here.", 12)
        + _section("Staff", "Nothing else here.", 12)
    )
    scattered = (
        "# Report B\n\n"
        + _section("Findings", "The alpha result was confirmed.", 10)
        + _section("Budget", "The beta result was confirmed.", 10)
    )
    service, lib = _index(tmp_path, {"a.md": together, "b.md": scattered})
    response = service.search("alpha beta", [lib])
    assert [r.path.name for r in response.results] == ["a.md", "b.md"]
    assert [len(r.hits) for r in response.results] == [2, 2]

    # the passage scores alone decide it: together = both terms in the best passage
    query = parse_query("alpha beta")
    terms = positive_terms(query)
    idfs = term_idfs(terms, {}, 0)
    scores = {}
    for name in ("a.md", "b.md"):
        doc = prepare(lib / name)
        scores[name] = passage_score(doc, {t: term_spans(doc, t) for t in terms}, idfs)
    assert scores["a.md"] > scores["b.md"] > 0


def test_a_heading_match_ranks_above_a_body_match_with_similar_counts(tmp_path: Path) -> None:
    heading = "# Annual notes\n\n" + _section("Gamma rays", "We measured gamma once more.", 6) + _section(
        "Other", "Nothing.", 6)
    body = "# Annual notes\n\n" + _section("Measurements", "We measured gamma, gamma and gamma.", 6) + _section(
        "Other", "Nothing.", 6)
    # "z" sorts after "b": a tie broken by path would put body.md first; body.md even has one hit more
    service, lib = _index(tmp_path, {"zheading.md": heading, "body.md": body})
    response = service.search("gamma", [lib])
    assert [r.path.name for r in response.results] == ["zheading.md", "body.md"]
    assert [len(r.hits) for r in response.results] == [2, 3]
    assert response.results[0].score > response.results[1].score

    # the heading line's boost decides the passages too, not only whoosh's heading field
    terms = positive_terms(parse_query("gamma"))
    idfs = term_idfs(terms, {}, 0)
    scores = {}
    for name in ("zheading.md", "body.md"):
        doc = prepare(lib / name)
        scores[name] = passage_score(doc, {t: term_spans(doc, t) for t in terms}, idfs)
    assert scores["zheading.md"] > scores["body.md"]


def test_a_title_match_counts_as_a_heading_match(tmp_path: Path) -> None:
    titled = "Delta survey\n\n" + "We saw delta near the coast. " + FILLER * 6
    plain = "Coastal survey\n\n" + "We saw delta near the coast, delta again. " + FILLER * 6
    service, lib = _index(tmp_path, {"titled.txt": titled, "aplain.txt": plain})
    assert _order(service, lib, "delta") == ["titled.txt", "aplain.txt"]
    terms = positive_terms(parse_query("delta"))
    doc = prepare(lib / "titled.txt")
    assert doc.title == "Delta survey" and not doc.section_starts
    boosted = passage_score(doc, {t: term_spans(doc, t) for t in terms}, term_idfs(terms, {}, 0))
    doc.title = "Something else"
    assert passage_score(doc, {t: term_spans(doc, t) for t in terms}, term_idfs(terms, {}, 0)) < boosted


def test_ties_are_ordered_by_path_and_the_order_is_stable(tmp_path: Path) -> None:
    text = "# Notes\n\n" + _section("Part", "The epsilon value is known.", 3)
    names = ["c.md", "a.md", "d.md", "b.md"]
    service, lib = _index(tmp_path, {name: text for name in names})
    orders = {tuple(_order(service, lib, "epsilon")) for _ in range(3)}
    assert orders == {("a.md", "b.md", "c.md", "d.md")}
    response = service.search("epsilon", [lib])
    assert len({r.score for r in response.results}) == 1


def test_scores_are_normalised_and_shown_in_json(tmp_path: Path) -> None:
    files = {
        "one.md": "# One\n\n" + _section("Zeta", "zeta zeta zeta", 2),
        "two.md": "# Two\n\n" + _section("Part", "a single zeta", 8),
    }
    service, lib = _index(tmp_path, files)
    response = service.search("zeta", [lib])
    scores = [r.score for r in response.results]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == 1.0 and all(0 < s <= 1 for s in scores)
    payload = json.loads(json.dumps(response.to_json()))
    assert [r["score"] for r in payload["results"]] == [round(s, 4) for s in scores]


def test_unindexed_documents_are_reranked_too(tmp_path: Path) -> None:
    service, lib = _index(tmp_path, {"old.md": "# Old\n\n" + _section("Part", "one theta here", 8)})
    (lib / "new.md").write_text("# New\n\n" + _section("Theta", "theta and theta", 2), encoding="utf-8")
    response = service.search("theta", [lib])
    assert [r.path.name for r in response.results] == ["new.md", "old.md"]
    assert any("not indexed" in note for note in response.status)
