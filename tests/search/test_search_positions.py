"""CJK strings of 3+ characters counted from bigram positions: the totals of unlisted documents (read
from the index) equal a brute-force count of the folded text, across line breaks, glosses, overlaps and
scripts; `exact_total=False` gives the same first results with a lower-bound total."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.documents import load_document
from reader.search import SearchService
from reader.search.analysis import fold_for_search, fold_query
from reader.search.query import parse_query

DOCUMENTS = {
    "breaks.txt": "贾宝\n玉来了。贾宝玉笑道：“贾宝玉贾宝玉”\n贾\n宝玉\n",
    "crlf.txt": b"\xe7\xac\xac\xe4\xb8\x80\xe5\x9b\x9e\r\n" + "贾宝玉\r\n林黛玉\r\n贾宝玉和林黛玉\r\n".encode("utf-8"),
    "glosses.md": "# 注音\n\n大家要學(xué)習(xí)新思想，学习新思想。\n银行(yínháng)工作很忙。\n",
    "laugh.txt": "哈哈哈哈\n哈哈哈\n哈哈\n哈哈哈哈哈。\n",
    "traditional.txt": "紅樓夢是一部小說。红楼梦也是。\n",
}
QUERIES = ["贾宝玉", "宝玉来", "学习新思想", "學習新", "行工作", "哈哈哈", "哈哈哈哈", "红楼梦", "紅樓夢",
           "贾宝玉和林黛玉"]


def _brute(folder: Path, query: str) -> int:
    """Overlapping occurrences of the folded query in every document's gloss-free folded text."""
    needle, total = fold_query(query), 0
    for path in folder.iterdir():
        text = fold_for_search(load_document(path).text).text
        total += sum(text.startswith(needle, i) for i in range(len(text)))
    return total


@pytest.fixture
def library(library_folder) -> Path:
    copies = {f"{n}-{name}": content for n in range(3) for name, content in DOCUMENTS.items()}
    return library_folder(copies)


@pytest.mark.parametrize("limit", [1, 100])
def test_positions_count_every_occurrence_like_a_scan(tmp_path: Path, library: Path, limit: int) -> None:
    service = SearchService(tmp_path / "index")
    service.update([library])
    for query in QUERIES:
        response = service.search(query, [library], limit=limit)
        assert response.total_hits == _brute(library, query), query
        assert response.total_exact and not response.notes


def test_overlapping_occurrences_count_each_start(tmp_path: Path, library_folder) -> None:
    folder = library_folder({f"d{n}.txt": "哈哈哈哈\n" for n in range(4)})
    service = SearchService(tmp_path / "index")
    service.update([folder])
    response = service.search("哈哈哈", [folder], limit=1)
    assert response.total_hits == 8 and response.total_documents == 4
    assert [(hit.offset, hit.length) for hit in response.results[0].hits] == [(0, 3), (1, 3)]


def test_hits_across_line_breaks_are_not_phrases_and_offsets_stay_exact(tmp_path: Path, library: Path) -> None:
    service = SearchService(tmp_path / "index")
    service.update([library])
    response = service.search("贾宝玉", [library], limit=100)
    by_name = {result.path.name: result for result in response.results}
    breaks = by_name["0-breaks.txt"]
    text = load_document(breaks.path).text
    assert [text[hit.offset : hit.offset + hit.length] for hit in breaks.hits] == ["贾宝玉"] * 3
    crlf = by_name["0-crlf.txt"]
    text = load_document(crlf.path).text
    assert "\r" not in text and [text[h.offset : h.offset + h.length] for h in crlf.hits] == ["贾宝玉"] * 2


def test_glossed_text_is_matched_through_its_glosses(tmp_path: Path, library: Path) -> None:
    service = SearchService(tmp_path / "index")
    service.update([library])
    response = service.search("学习新思想", [library], limit=1)
    assert response.total_hits == 6  # two a copy, three copies; the unlisted two counted from positions
    text = load_document(response.results[0].path).text
    assert [text[h.offset : h.offset + h.length] for h in response.results[0].hits] == [
        "學(xué)習(xí)新思想", "学习新思想"]


def test_an_update_after_many_small_ones_keeps_every_document_indexed(tmp_path: Path, library_folder) -> None:
    """Each update adds a segment; whoosh merges small ones on commit, which must keep their positions."""
    folder = library_folder({"seed.txt": "开始\n"})
    service = SearchService(tmp_path / "index")
    service.update([folder])
    for n in range(12):
        (folder / f"d{n}.txt").write_text(f"第{n}篇：贾宝玉笑道\n", encoding="utf-8")
        report = service.update([folder])
        assert not report.failed and len(report.added) == 1, report.status
    response = service.search("贾宝玉笑", [folder], limit=1)
    assert response.total_hits == 12 and not response.notes  # nothing left to scan


def test_first_results_without_an_exact_total_are_the_same_results(tmp_path: Path, library: Path) -> None:
    (library / "turtles.txt").write_text("The mock turtle sang.\n" * 3, encoding="utf-8")
    (library / "more-turtles.txt").write_text("A mock turtle.\n", encoding="utf-8")
    service = SearchService(tmp_path / "index")
    service.update([library])
    lowered = 0
    for query in ['"mock turtle"', "贾宝玉", "的 OR 哈哈", "学习"]:
        exact = service.search(query, [library], limit=1)
        first = service.search(query, [library], limit=1, exact_total=False)
        assert exact.total_exact and exact.total_hits == service.search(query, [library], limit=100).total_hits
        assert [r.path for r in first.results] == [r.path for r in exact.results]
        assert [list(r.hits) for r in first.results] == [list(r.hits) for r in exact.results]
        assert first.total_hits <= exact.total_hits
        assert first.total_exact is False or first.total_hits == exact.total_hits
        lowered += not first.total_exact
    assert lowered  # the word phrase beyond the listed document is left uncounted


def test_two_process_updates_of_an_indexed_library_keep_counts_exact(tmp_path: Path, library: Path,
                                                                     monkeypatch) -> None:
    """Every large update uses both cores (not only the first build), each worker writing a segment per
    SEGMENT_CHARS of text; small updates then merge the segments."""
    import reader.search.bulk as bulk
    import reader.search.indexer as indexer

    if (os.cpu_count() or 1) < 2:
        pytest.skip("the two-process writer needs 2 CPUs")
    service = SearchService(tmp_path / "index")
    service.update([library])
    monkeypatch.setattr(indexer, "MULTIPROCESS_BYTES", 1)
    monkeypatch.setattr(bulk, "SEGMENT_CHARS", 1)  # a segment per job (two documents)
    for n in range(4):
        (library / f"new{n}.txt").write_text("贾宝玉笑道：哈哈哈哈\n" * (n + 1), encoding="utf-8")
    (library / "0-laugh.txt").write_text("哈哈哈\n", encoding="utf-8")
    report = service.update([library])
    assert len(report.added) == 4 and len(report.updated) == 1 and not report.failed, report.status
    assert len(service.store.open()[0]._segments()) >= 4  # the first build's, and at least 3 from the workers
    monkeypatch.setattr(indexer, "MULTIPROCESS_BYTES", 1 << 40)
    for n in range(8):
        (library / f"later{n}.txt").write_text("贾宝玉\n", encoding="utf-8")
        assert not service.update([library]).failed
    for query in ("贾宝玉", "哈哈哈", "贾宝玉笑道"):
        response = service.search(query, [library], limit=1)
        assert response.total_hits == _brute(library, query) and not response.notes, query


def test_updates_merge_small_segments_and_never_read_back_a_large_one(tmp_path: Path, library: Path,
                                                                      monkeypatch) -> None:
    """One file changed in a large library costs what it changes: the build's segment stays untouched,
    the updates' small segments are merged among themselves, so their number stays bounded."""
    import reader.search.bulk as bulk

    service = SearchService(tmp_path / "index")
    service.update([library])
    ix = service.store.open()[0]
    (built,) = ix._segments()
    monkeypatch.setattr(bulk, "SMALL_SEGMENT_BYTES", bulk.segment_bytes(ix.storage, built) - 1)
    for n in range(3 * bulk.MERGE_FROM_SEGMENTS):
        (library / f"note{n}.txt").write_text(f"第{n}条：贾宝玉笑道\n", encoding="utf-8")
        assert not service.update([library]).failed
        segments = service.store.open()[0]._segments()
        assert built in segments and len(segments) <= 1 + bulk.MERGE_FROM_SEGMENTS
    for query in ("贾宝玉", "贾宝玉笑道", "第7条"):
        response = service.search(query, [library], limit=1)
        assert response.total_hits == _brute(library, query) and not response.notes, query


def test_a_cjk_string_broken_by_punctuation_is_read_only_where_its_runs_line_up(tmp_path: Path,
                                                                                  library_folder) -> None:
    """大学习、大调研: the runs 大学习 and 大调研 must stand one character apart; documents holding both
    elsewhere are not read, and what is between them (、 or ，) is still checked in the text."""
    folder = library_folder({
        "hit.txt": "开展大学习、大调研活动。\n又一次大学习、大调研。\n",
        "comma.txt": "开展大学习，大调研活动。\n",
        "apart.txt": "大学习很重要。\n后来大调研也开始了。\n",
        "one.txt": "只有大学习。\n",
    })
    service = SearchService(tmp_path / "index")
    service.update([folder])
    helpers = service._open()
    node = parse_query("大学习、大调研")
    docs, exact = helpers.term_docs(node)
    assert {Path(path).name for path in docs} == {"hit.txt", "comma.txt"} and not exact
    response = service.search("大学习、大调研", [folder], limit=5)
    assert response.total_hits == 2 and [Path(r.path).name for r in response.results] == ["hit.txt"]
    response = service.search("习、大调", [folder], limit=5)  # runs of 1+ characters at both ends
    assert response.total_hits == 2


def test_a_segment_whose_documents_all_changed_is_dropped(tmp_path: Path, library_folder) -> None:
    """Changing a file that had a segment to itself leaves no dead segment behind (nor its disk space)."""
    folder = library_folder({"seed.txt": "开始\n"})
    service = SearchService(tmp_path / "index")
    service.update([folder])
    (folder / "big.txt").write_text("贾宝玉笑道\n", encoding="utf-8")
    service.update([folder])
    for n in range(3):
        (folder / "big.txt").write_text(f"贾宝玉笑道，第{n}次\n", encoding="utf-8")
        assert not service.update([folder]).failed
    segments = service.store.open()[0]._segments()
    assert all(segment.doc_count() > 0 for segment in segments) and len(segments) == 2
    assert service.search("贾宝玉笑道", [folder], limit=1).total_hits == 1
