"""The bookmark core's state has owners: store notices (StoreNotices) and the outline cache (OutlineCache)."""

from __future__ import annotations

from pathlib import Path

from reader.bookmarks import take_notices
from reader.bookmarks.service import OutlineCache
from reader.bookmarks.store import StoreNotices, open_store
from reader.documents import load_document


def test_a_store_opened_with_its_own_notices_tells_them_and_not_the_process(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    notices = StoreNotices()
    with open_store(path, notices) as store:
        assert store.bookmarks() == []
    [notice] = notices.take()
    assert "kept as" in notice and notices.take() == [] and take_notices() == []
    assert notices.checked == {str(path)}
    with open_store(path, notices):  # checked once per owner: nothing more to say
        pass
    assert notices.take() == []


def test_notices_said_once_are_collected_once() -> None:
    notices = StoreNotices()
    notices.add("row 3 is damaged", once=True)
    notices.add("row 3 is damaged", once=True)
    notices.add("kept aside")
    notices.add("kept aside")
    assert notices.take() == ["row 3 is damaged", "kept aside", "kept aside"]


def test_the_outline_cache_keeps_the_last_documents_by_content(tmp_path: Path) -> None:
    cache = OutlineCache(size=1)
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text("# One\n\ntext\n", encoding="utf-8")
    second.write_text("# Two\n\ntext\n", encoding="utf-8")
    one = load_document(first)
    assert [h.title for h in cache.headings(one)] == ["One"]
    assert cache.headings(load_document(first)) is cache.headings(one)  # same content: detected once
    assert [h.title for h in cache.headings(load_document(second))] == ["Two"]
    assert list(cache.outlines) == [(load_document(second).content_hash, "markdown")]
