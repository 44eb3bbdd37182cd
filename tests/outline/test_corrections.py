"""Outline corrections without Qt: anchoring, replaying the log, and the per-document store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.documents import load_document
from reader.outline import extract_outline, nest
from reader.outline.corrections import (
    Correction,
    anchor_at,
    apply_corrections,
    apply_document_corrections,
    load_corrections,
    record,
    save_corrections,
    store_path,
)

SPEECH = Path(__file__).resolve().parents[2] / "corpus" / "在“大学习、大调研、大讨论”活动动员部署会上的讲话.txt"


@pytest.fixture
def text() -> str:
    return load_document(SPEECH).text


def _titles(headings) -> list[tuple[int, str]]:
    return [(h.level, h.title) for h in headings]


def _correct(text: str, action: str, needle: str, level: int = 0) -> Correction:
    return Correction(action, anchor_at(text, text.index(needle)), level)


def test_marking_a_line_adds_a_heading_in_document_order(text: str) -> None:
    headings = extract_outline(text)
    added = apply_corrections(headings, text, [_correct(text, "add", "同志们", 2)])
    assert len(added) == len(headings) + 1
    first = added[0]
    assert (first.level, first.title, first.line) == (2, "同志们:", 3)
    assert text[first.offset : first.offset + first.length] == "同志们:"
    assert [h.offset for h in added] == sorted(h.offset for h in added)
    assert added[1:] == headings


def test_marking_an_existing_heading_only_sets_its_level(text: str) -> None:
    headings = extract_outline(text)
    changed = apply_corrections(headings, text, [_correct(text, "add", "二、怎么开展", 3)])
    assert len(changed) == len(headings)
    assert [h.level for h in changed if h.title.startswith("二、")] == [3]


def test_removing_an_entry_drops_only_that_heading(text: str) -> None:
    headings = extract_outline(text)
    removed = apply_corrections(headings, text, [_correct(text, "remove", "二、怎么开展")])
    assert [h.title for h in removed] == [h.title for h in headings if not h.title.startswith("二、")]
    tree = nest(removed)
    assert [h.title[:2] for h in tree] == ["一、", "三、"]
    assert len(tree[0].children) == 3 + 3, "the removed chapter's sections join the chapter before"


def test_promote_and_demote_move_the_subtree(text: str) -> None:
    headings = extract_outline(text)
    demoted = apply_corrections(headings, text, [_correct(text, "shift", "二、怎么开展", +1)])
    chapter = next(h for h in demoted if h.title.startswith("二、"))
    assert chapter.level == 2
    sections = [h for h in demoted if h.title in ("(一)深入开展大学习", "(三)深入开展大讨论")]
    assert [h.level for h in sections] == [3, 3], "children keep their relative nesting"
    assert next(h for h in demoted if h.title.startswith("三、")).level == 1, "the next chapter is untouched"
    promoted = apply_corrections(demoted, text, [_correct(text, "shift", "二、怎么开展", -1)])
    assert _titles(promoted) == _titles(headings)


def test_levels_stay_between_one_and_nine(text: str) -> None:
    headings = extract_outline(text)
    top = apply_corrections(headings, text, [_correct(text, "shift", "一、为什么", -3)])
    assert top[0].level == 1
    deep = apply_corrections(headings, text, [_correct(text, "add", "同志们", 40)])
    assert deep[0].level == 9


def test_corrections_survive_an_inserted_paragraph_and_a_changed_word(text: str) -> None:
    corrections = [
        _correct(text, "add", "同志们", 2),
        _correct(text, "remove", "三、开展"),
        _correct(text, "shift", "(二)深入开展大调研", +1),
    ]
    expected = _titles(apply_corrections(extract_outline(text), text, corrections))
    edited = text.replace("同志们:\n", "同志们:\n\n这是新插入的一段话,用来改变后面所有的位置。\n", 1)
    edited = edited.replace("自选动作", "自主动作")
    assert edited != text and len(edited) > len(text)
    assert _titles(apply_corrections(extract_outline(edited), edited, corrections)) == expected


def test_an_edited_heading_line_is_still_found(text: str) -> None:
    corrections = [Correction("add", anchor_at(text, 0), 1)]
    edited = text.replace("活动动员部署会上的讲话", "活动动员大会上的讲话", 1)
    corrected = apply_corrections(extract_outline(edited), edited, corrections)
    assert (corrected[0].title, corrected[0].line) == ("在“大学习、大调研、大讨论”活动动员大会上的讲话", 1)


def test_a_repeated_line_is_told_apart_by_its_neighbours_and_offset() -> None:
    text = "Intro\n\nNotes\n\nfirst body\n\nNotes\n\nsecond body\n"
    second = text.rindex("Notes")
    correction = Correction("add", anchor_at(text, second), 1)
    moved = "A new opening paragraph.\n\n" + text
    added = apply_corrections([], moved, [correction])
    assert [(h.title, h.offset) for h in added] == [("Notes", moved.rindex("Notes"))]


def test_a_lost_line_is_skipped_and_the_rest_applies(text: str) -> None:
    corrections = [Correction("add", anchor_at("完全不同的一行字\n", 0), 1), _correct(text, "add", "同志们", 2)]
    assert [h.title for h in apply_corrections([], text, corrections)] == ["同志们:"]


def test_markdown_lines_become_plain_titles() -> None:
    text = "# Guide\n\n**Setting up** the `tool`\n\n- *Step* one\n"
    marks = [Correction("add", anchor_at(text, 12), 2), Correction("add", anchor_at(text, text.index("- ")), 3)]
    added = apply_corrections(extract_outline(text, "markdown"), text, marks, "markdown")
    assert _titles(added) == [(1, "Guide"), (2, "Setting up the tool"), (3, "Step one")]


def test_blank_lines_cannot_be_anchored(text: str) -> None:
    assert anchor_at(text, text.index("\n\n") + 1) is None


def test_record_merges_shifts_and_cancels_them(text: str) -> None:
    down = _correct(text, "shift", "二、怎么开展", +1)
    log = record(record([], down), down)
    assert [(c.action, c.level) for c in log] == [("shift", 2)]
    up = _correct(text, "shift", "二、怎么开展", -2)
    assert record(log, up) == []
    add = _correct(text, "add", "同志们", 2)
    assert record([add], _correct(text, "add", "同志们", 3)) == [_correct(text, "add", "同志们", 3)]


def test_the_store_remembers_per_path_and_finds_moved_files(text: str, tmp_path: Path) -> None:
    log = [_correct(text, "add", "同志们", 2), _correct(text, "remove", "三、开展")]
    original = tmp_path / "speech.txt"
    save_corrections(original, "hash-1", log)
    assert load_corrections(original, "other") == log
    assert load_corrections(tmp_path / "moved.txt", "hash-1") == log
    assert load_corrections(tmp_path / "unrelated.txt", "hash-2") == []
    stored = json.loads(store_path().read_text(encoding="utf-8"))
    assert list(stored["documents"]) == [str(original)]
    assert [p.name for p in store_path().parent.iterdir()] == [store_path().name], "no temp files left"
    save_corrections(original, "hash-1", [])
    assert load_corrections(original, "hash-1") == []


def test_a_damaged_store_is_kept_aside(text: str) -> None:
    store_path().write_text("{not json", encoding="utf-8")
    assert load_corrections("/nowhere.txt", "x") == []
    assert store_path().with_name(store_path().name + ".damaged").read_text(encoding="utf-8") == "{not json"
    save_corrections("/nowhere.txt", "x", [_correct(text, "add", "同志们", 2)])
    assert len(load_corrections("/nowhere.txt", "x")) == 1


def test_the_loader_step_applies_a_documents_corrections(text: str, tmp_path: Path) -> None:
    copy = tmp_path / "speech.txt"
    copy.write_text(text, encoding="utf-8")
    document = load_document(copy)
    headings = extract_outline(document.text)
    assert apply_document_corrections(headings, document) == headings
    save_corrections(copy, document.content_hash, [_correct(text, "add", "同志们", 2)])
    assert apply_document_corrections(headings, document)[0].title == "同志们:"
