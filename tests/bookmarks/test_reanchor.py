"""Re-anchoring after edits around and inside bookmarked passages."""

from __future__ import annotations

import random
from pathlib import Path

from bookmark_data import TEXT, span

from reader.bookmarks import add_bookmark, list_bookmarks
from reader.bookmarks.reanchor import locate
from reader.bookmarks.store import open_store

PASSAGE = "A kingfisher flashed blue across the water"


def _status(path: Path) -> dict[str, tuple[str, int, int]]:
    return {b.id: (b.status, b.offset, b.length) for b in list_bookmarks(path)}


def test_unchanged_document_is_ok(notes: Path) -> None:
    offset, length = span(TEXT, PASSAGE)
    mark = add_bookmark(notes, offset, length)
    assert mark.quote == PASSAGE
    assert mark.heading_path == "Field notes › Morning"
    assert _status(notes)[mark.id] == ("ok", offset, length)


def test_edit_after_the_passage_keeps_it_ok(notes: Path) -> None:
    offset, length = span(TEXT, PASSAGE)
    mark = add_bookmark(notes, offset, length)
    notes.write_text(TEXT + "\nA postscript.\n", encoding="utf-8")
    assert _status(notes)[mark.id] == ("ok", offset, length)


def test_insertion_before_moves_it(notes: Path) -> None:
    offset, length = span(TEXT, PASSAGE)
    mark = add_bookmark(notes, offset, length)
    inserted = "An added first line.\n\n"
    notes.write_text(inserted + TEXT, encoding="utf-8")
    assert _status(notes)[mark.id] == ("moved", offset + len(inserted), length)
    text = notes.read_text(encoding="utf-8")
    stored = list_bookmarks(notes)[0]
    assert text[stored.offset : stored.offset + stored.length] == PASSAGE


def test_new_offset_is_persisted(notes: Path) -> None:
    offset, length = span(TEXT, PASSAGE)
    mark = add_bookmark(notes, offset, length)
    notes.write_text("xyz\n" + TEXT, encoding="utf-8")
    list_bookmarks(notes)
    with open_store() as store:
        stored = store.get(mark.id)
    assert stored is not None and stored.offset == offset + 4 and stored.status == "moved"
    assert _status(notes)[mark.id] == ("moved", offset + 4, length), "stable on a second listing"


def test_small_change_inside_is_fuzzy(notes: Path) -> None:
    offset, length = span(TEXT, PASSAGE)
    mark = add_bookmark(notes, offset, length)
    edited = TEXT.replace("flashed blue", "flashed bright blue")
    notes.write_text("Preface.\n" + edited, encoding="utf-8")
    status, new_offset, new_length = _status(notes)[mark.id]
    assert status == "fuzzy"
    assert edited.index("A kingfisher") + len("Preface.\n") == new_offset
    quote = ("Preface.\n" + edited)[new_offset : new_offset + new_length]
    assert quote == "A kingfisher flashed bright blue across the water"


def test_deleted_passage_is_orphaned_and_kept(notes: Path) -> None:
    offset, length = span(TEXT, PASSAGE)
    mark = add_bookmark(notes, offset, length, note="remember")
    edited = TEXT.replace(
        "A kingfisher flashed blue across the water and vanished into the reeds.\n", ""
    )
    notes.write_text(edited, encoding="utf-8")
    listed = {b.id: b for b in list_bookmarks(notes)}
    assert listed[mark.id].status == "orphaned"
    assert listed[mark.id].quote == PASSAGE and listed[mark.id].note == "remember"


def test_restored_text_brings_an_orphan_back(notes: Path) -> None:
    offset, length = span(TEXT, PASSAGE)
    mark = add_bookmark(notes, offset, length)
    notes.write_text(TEXT.replace(PASSAGE, "Nothing"), encoding="utf-8")
    assert _status(notes)[mark.id][0] == "orphaned"
    notes.write_text(TEXT, encoding="utf-8")
    assert _status(notes)[mark.id] == ("ok", offset, length)


def test_context_picks_the_right_duplicate(library: Path) -> None:
    repeated = "Stir the pot and wait."
    text = f"Soup.\n{repeated}\nThen salt it.\n\nStew.\n{repeated}\nThen pepper it.\n"
    path = library / "recipes.txt"
    path.write_text(text, encoding="utf-8")
    second = add_bookmark(path, *span(text, repeated, 1))
    first = add_bookmark(path, *span(text, repeated, 0))
    changed = "Intro line.\n" + text.replace("Soup.", "Soup, hot.")
    path.write_text(changed, encoding="utf-8")
    status = _status(path)
    assert status[second.id] == ("moved", *span(changed, repeated, 1))
    assert status[first.id] == ("moved", *span(changed, repeated, 0))


def test_position_bookmark_follows_its_context(notes: Path) -> None:
    offset = TEXT.index("Fog lifted")
    mark = add_bookmark(notes, offset, 0)
    assert mark.length == 0 and mark.quote == ""
    notes.write_text("New top line.\n" + TEXT, encoding="utf-8")
    assert _status(notes)[mark.id] == ("moved", offset + len("New top line.\n"), 0)


def test_fuzzy_search_in_a_big_text_finds_the_passage() -> None:
    rng = random.Random(7)
    words = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta"]
    filler = " ".join(rng.choice(words) for _ in range(200_000))
    passage = "The quick brown fox jumps over the lazy dog near the riverbank"
    text = filler[:500_000] + " " + passage + " " + filler[500_000:]
    offset = text.index(passage)
    from reader.bookmarks.anchor import new_bookmark

    mark = new_bookmark("/x", text, "h", offset, len(passage), [])
    changed = "lead " * 1000 + text.replace("lazy dog", "sleepy dog")
    place = locate(mark, changed)
    assert place.status == "fuzzy"
    assert changed[place.offset : place.offset + place.length].startswith("The quick brown fox")
    assert changed[place.offset : place.offset + place.length].endswith("riverbank")


def test_fuzzy_in_repetitive_text_uses_longer_rare_ngrams_and_context() -> None:
    from reader.bookmarks.anchor import new_bookmark

    text = "".join(f"{i:05d} the quick brown fox jumps over the lazy dog.\n" for i in range(1000))
    passage = "the quick brown fox jumps over the lazy dog"
    offset = text.index("00500 ") + 6
    mark = new_bookmark("/x", text, "h", offset, len(passage), [])
    changed = "A new first line.\n" + text.replace("lazy", "sleepy")
    place = locate(mark, changed)
    assert place.status == "fuzzy"
    assert place.offset == changed.index("00500 ") + 6
    assert changed[place.offset : place.offset + place.length].startswith("the quick brown fox")
