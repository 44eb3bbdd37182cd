"""Moved and renamed documents keep their bookmarks (same text hash at a new path)."""

from __future__ import annotations

from pathlib import Path

from bookmark_data import TEXT, span

from reader.bookmarks import add_bookmark, list_bookmarks, load_position, save_position
from reader.bookmarks.relocate import refresh_moved
from reader.documents import load_document
from reader.documents.library import iter_documents


def test_rename_within_the_library_is_found_by_a_scan(notes: Path, library: Path) -> None:
    mark = add_bookmark(notes, *span(TEXT, "ferryman"))
    save_position(notes, load_document(notes).content_hash, 99)
    (library / "decoy.md").write_text(TEXT.replace("heron", "egret"), encoding="utf-8")
    sub = library / "sub"
    sub.mkdir()
    moved = notes.rename(sub / "renamed.md")
    assert refresh_moved(iter_documents([library])) == 1
    [listed] = list_bookmarks(moved)
    assert (listed.id, listed.path, listed.status) == (mark.id, str(moved), "ok")
    assert load_position(moved) == 99
    assert refresh_moved(iter_documents([library])) == 0


def test_list_finds_a_renamed_file_in_the_library(notes: Path, library: Path) -> None:
    mark = add_bookmark(notes, *span(TEXT, "kingfisher"))
    moved = notes.rename(library / "kept.md")
    [listed] = list_bookmarks()
    assert (listed.id, listed.path, listed.status) == (mark.id, str(moved), "ok")


def test_listing_the_new_path_adopts_the_bookmarks(tmp_path: Path) -> None:
    old = tmp_path / "a" / "old.txt"
    old.parent.mkdir()
    old.write_text(TEXT, encoding="utf-8")
    mark = add_bookmark(old, 5, 10)
    new = tmp_path / "elsewhere.txt"
    old.rename(new)
    assert [(b.id, b.path) for b in list_bookmarks(new)] == [(mark.id, str(new))]


def test_a_vanished_file_with_no_copy_is_orphaned_but_kept(notes: Path) -> None:
    mark = add_bookmark(notes, 0, 7)
    notes.unlink()
    assert [(b.id, b.status) for b in list_bookmarks()] == [(mark.id, "orphaned")]
    notes.write_text(TEXT, encoding="utf-8")
    assert [(b.id, b.status) for b in list_bookmarks()] == [(mark.id, "ok")]


def test_a_moved_file_in_another_encoding_is_still_found(notes: Path, library: Path) -> None:
    mark = add_bookmark(notes, 0, 7)
    target = library / "utf16.txt"
    target.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-16"))
    notes.unlink()
    assert refresh_moved([target]) == 1
    assert [b.id for b in list_bookmarks(target)] == [mark.id]


def test_a_symlinked_path_names_the_same_document(notes: Path, tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(notes.parent, target_is_directory=True)
    mark = add_bookmark(link / notes.name, 0, 7)
    assert mark.path == str(notes.resolve())
    assert [b.id for b in list_bookmarks(notes)] == [mark.id]
