"""The index as a cache: incremental updates, skipped files, corruption, locks and schema changes."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from whoosh import index

from reader.search import SearchService, schema


@pytest.fixture
def folder(library_folder) -> Path:
    return library_folder({
        "one.txt": "第一份文件，讲学习。\n",
        "two.md": "# 调研\n\n第二份文件。\n",
        "gbk.txt": "第三份文件，学习红楼梦。\n".encode("gb18030"),
        "empty.txt": b"",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00",
    })


def _names(service: SearchService, folder: Path, query: str) -> list[str]:
    return sorted(r.path.name for r in service.search(query, [folder]).results)


def test_first_build_skips_unreadable_files_with_reasons(tmp_path: Path, folder: Path) -> None:
    service = SearchService(tmp_path / "index")
    report = service.update([folder])
    assert sorted(p.name for p in report.added) == ["gbk.txt", "one.txt", "two.md"]
    reasons = {p.name: reason for p, reason in report.skipped}
    assert set(reasons) == {"empty.txt", "binary.txt"}
    assert "empty" in reasons["empty.txt"] and "PNG" in reasons["binary.txt"]
    assert _names(service, folder, "学习") == ["gbk.txt", "one.txt"]
    assert service.search("学习", [folder]).status == []


def test_incremental_update_modify_delete_add(tmp_path: Path, folder: Path) -> None:
    service = SearchService(tmp_path / "index")
    service.update([folder])
    again = service.update([folder])
    assert (again.added, again.updated, again.removed, again.unchanged) == ([], [], [], 3)
    one = folder / "one.txt"
    one.write_text("第一份文件，改成了苹果。\n", encoding="utf-8")
    os.utime(one, (time.time() + 5, time.time() + 5))
    (folder / "two.md").unlink()
    (folder / "new.txt").write_text("新的学习文件\n", encoding="utf-8")
    touched = folder / "gbk.txt"
    os.utime(touched, (time.time() + 9, time.time() + 9))  # same content: only metadata
    report = service.update([folder])
    assert [p.name for p in report.updated] == ["one.txt"]
    assert [p.name for p in report.added] == ["new.txt"]
    assert [Path(p).name for p in report.removed] == ["two.md"]
    assert report.unchanged == 1
    assert _names(service, folder, "学习") == ["gbk.txt", "new.txt"]
    assert _names(service, folder, "苹果") == ["one.txt"]
    assert _names(service, folder, "调研") == []


def test_unindexed_documents_are_scanned(tmp_path: Path, folder: Path) -> None:
    service = SearchService(tmp_path / "index")
    service.update([folder])
    (folder / "late.txt").write_text("后来的学习材料\n", encoding="utf-8")
    response = service.search("学习", [folder])
    assert "late.txt" in [r.path.name for r in response.results]
    assert any("scanned" in note for note in response.status)


def _garble(directory: Path) -> None:
    for path in directory.glob("*.seg"):
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3] + b"\x00garbage" * 50)


@pytest.mark.parametrize("damage", ["segments", "toc"])
def test_damaged_index_is_rebuilt(tmp_path: Path, folder: Path, damage: str) -> None:
    directory = tmp_path / "index"
    SearchService(directory).update([folder])
    if damage == "segments":
        _garble(directory)
    else:
        for toc in directory.glob("*.toc"):
            toc.write_bytes(b"this is not a table of contents")
    service = SearchService(directory)
    report = service.update([folder])
    assert any("damaged" in note for note in report.status)
    assert len(report.added) == 3
    assert _names(service, folder, "学习") == ["gbk.txt", "one.txt"]


def test_damage_found_while_searching_falls_back_to_scanning(tmp_path: Path, folder: Path) -> None:
    directory = tmp_path / "index"
    service = SearchService(directory)
    service.update([folder])
    service.search("学习", [folder])
    _garble(directory)
    fresh = SearchService(directory)
    response = fresh.search("学习", [folder])
    assert sorted(r.path.name for r in response.results) == ["gbk.txt", "one.txt"]
    assert response.status


def test_schema_version_change_rebuilds(tmp_path: Path, folder: Path, monkeypatch) -> None:
    directory = tmp_path / "index"
    SearchService(directory).update([folder])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    service = SearchService(directory)
    report = service.update([folder])
    assert any("another version" in note for note in report.status)
    assert len(report.added) == 3
    assert index.exists_in(str(directory), indexname=schema.index_name())
    assert len(list(directory.glob("*.toc"))) == 1


def test_locked_index_reports_and_search_still_answers(tmp_path: Path, folder: Path) -> None:
    directory = tmp_path / "index"
    SearchService(directory).update([folder])
    (folder / "late.txt").write_text("后来的学习材料\n", encoding="utf-8")
    holder = index.open_dir(str(directory), indexname=schema.index_name()).writer()
    try:
        service = SearchService(directory, lock_timeout=0.2)
        report = service.update([folder])
        assert report.locked and report.status and not report.added
        assert "late.txt" in _names(service, folder, "学习")
    finally:
        holder.cancel()
    assert [p.name for p in SearchService(directory).update([folder]).added] == ["late.txt"]


def test_cancelled_update_keeps_what_it_did(tmp_path: Path, folder: Path) -> None:
    service = SearchService(tmp_path / "index")
    seen: list[str] = []
    report = service.update(
        [folder], progress=lambda done, total, path: seen.append(path.name), cancelled=lambda: len(seen) >= 3
    )
    assert report.cancelled and seen == ["binary.txt", "empty.txt", "gbk.txt"]
    assert len(service.update([folder]).added) == 2


def test_search_before_the_first_build_scans_and_breaks_nothing(tmp_path: Path, folder: Path) -> None:
    service = SearchService(tmp_path / "index")
    response = service.search("学习", [folder])
    assert sorted(r.path.name for r in response.results) == ["gbk.txt", "one.txt"]
    report = service.update([folder])
    assert report.status == [] and len(report.added) == 3


def test_two_process_first_build_answers_like_one_process(tmp_path: Path, folder: Path, monkeypatch) -> None:
    from reader.search import indexer

    single = SearchService(tmp_path / "one")
    single.update([folder])
    monkeypatch.setattr(indexer, "MULTIPROCESS_BYTES", 0)
    double = SearchService(tmp_path / "two")
    report = double.update([folder])
    assert sorted(p.name for p in report.added) == ["gbk.txt", "one.txt", "two.md"]
    ix = index.open_dir(str(tmp_path / "two"), indexname=schema.index_name())
    segments = ix._segments()  # one per worker that got documents (an idle worker writes none)
    assert 1 <= len(segments) <= 2 and sum(segment.doc_count_all() for segment in segments) == 3
    for query in ("学习", "调研", "第三份", "文件 -红楼梦"):
        one, two = single.search(query, [folder]), double.search(query, [folder])
        assert [(r.path, [(h.offset, h.length) for h in r.hits]) for r in one.results] == [
            (r.path, [(h.offset, h.length) for h in r.hits]) for r in two.results
        ], query
    assert double.search("学习", [folder]).status == []


def test_segment_files_are_read_in_place_not_copied() -> None:
    import pickle

    from whoosh.filedb.structfile import BufferFile

    from reader.search import schema  # noqa: F401  (patches BufferFile)

    data = b"head\nline two\n" + pickle.dumps({"a": [1, 2]}) + b"tail"
    buf = memoryview(bytearray(data))
    f = BufferFile(buf)
    assert f.file.buf is buf  # no copy of the buffer
    assert f.read(4) == b"head" and f.file.readline() == b"\n" and f.file.readline() == b"line two\n"
    assert f.read_pickle() == {"a": [1, 2]} and f.read() == b"tail" and f.read(3) == b""
    f.seek(-4, 2)
    assert f.tell() == len(data) - 4 and f.get(0, 4) == b"head"
    assert f.subset(5, 8).read() == b"line two"
