"""The corrections editor without Qt: each operation, what to select after it, the store, edits and moves."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.documents import load_document
from reader.outline import extract_outline
from reader.outline.corrections import BLANK_LINE, CorrectionEditor, CorrectionStore, Edit, store_path

REPO = Path(__file__).resolve().parents[2]
SPEECH = REPO / "corpus" / "在“大学习、大调研、大讨论”活动动员部署会上的讲话.txt"
CHAPTER_2 = "二、怎么开展“三大”活动"
CHAPTER_3 = "三、开展“三大”活动的基本要求"


def _editor(path: Path, store: CorrectionStore | None = None) -> CorrectionEditor:
    return CorrectionEditor(load_document(path), store=store)


def _levels(editor: CorrectionEditor) -> list[tuple[int, str]]:
    return [(h.level, h.title) for h in editor.headings]


def _offset(editor: CorrectionEditor, title: str) -> int:
    return next(h.offset for h in editor.headings if h.title == title)


def _stored() -> dict:
    return json.loads(store_path().read_text(encoding="utf-8"))


def test_a_new_editor_shows_the_engines_outline(speech: Path) -> None:
    editor = _editor(speech)
    detected = extract_outline(editor.document.text)
    assert editor.headings == detected
    assert editor.corrections == [] and editor.load_error is None
    assert [h.title for h in editor.nested()] == [h.title for h in detected if h.level == 1]
    assert not store_path().exists(), "looking creates no store"


def test_marking_a_line_adds_a_heading_selects_it_and_is_stored_as_before(speech: Path) -> None:
    editor = _editor(speech)
    text = editor.document.text
    offset = text.index("同志们") + 2  # anywhere on the line
    assert editor.mark(offset, 2) == Edit(changed=True, select=text.index("同志们"))
    assert _levels(editor)[0] == (2, "同志们:")
    assert editor.nested()[0].title == "同志们:" and editor.nested()[0].children == []
    mark = {"action": "add", "level": 2, "text": "同志们:", "offset": text.index("同志们"),
            "before": "在“大学习、大调研、大讨论”活动动员部署会上的讲话", "after": text.splitlines()[4][:40]}
    entry = {"hash": editor.document.content_hash, "corrections": [mark]}
    assert _stored() == {"version": 1, "documents": {str(speech): entry}}


def test_marking_again_only_changes_the_level(speech: Path) -> None:
    editor = _editor(speech)
    offset = editor.document.text.index("同志们")
    editor.mark(offset, 2)
    assert editor.mark(offset, 4).changed
    assert _levels(editor)[0] == (4, "同志们:")
    assert [(c.action, c.level) for c in editor.corrections] == [("add", 4)], "the log keeps the last mark"


def test_a_blank_line_is_refused_and_nothing_is_stored(speech: Path) -> None:
    editor = _editor(speech)
    before = editor.headings
    blank = editor.document.text.index("\n\n") + 1
    assert editor.mark(blank, 1) == Edit(changed=False, select=None, refused=BLANK_LINE)
    assert editor.headings == before and editor.corrections == []
    assert not store_path().exists()


def test_removing_an_entry_keeps_no_selection_and_its_sections_join_the_chapter_before(speech: Path) -> None:
    editor = _editor(speech)
    count = len(editor.headings)
    assert editor.remove(_offset(editor, CHAPTER_2)) == Edit(changed=True, select=None)
    assert CHAPTER_2 not in [t for _, t in _levels(editor)] and len(editor.headings) == count - 1
    tree = editor.nested()
    assert [h.title[:2] for h in tree] == ["一、", "三、"]
    assert len(tree[0].children) == 3 + 3


def test_an_offset_that_starts_no_entry_changes_nothing(speech: Path) -> None:
    editor = _editor(speech)
    inside = _offset(editor, CHAPTER_2) + 1
    for operation in (editor.remove, editor.promote, editor.demote):
        assert operation(inside) == Edit()
    assert editor.corrections == [] and not store_path().exists()


def test_demote_twice_promote_once_moves_the_subtree_and_selects_the_entry(speech: Path) -> None:
    editor = _editor(speech)
    chapter = _offset(editor, CHAPTER_3)
    assert editor.demote(chapter) == Edit(changed=True, select=chapter)
    assert editor.demote(chapter) == Edit(changed=True, select=chapter)
    assert editor.promote(chapter) == Edit(changed=True, select=chapter)
    assert (2, CHAPTER_3) in _levels(editor)
    assert (3, "(四)要用好成果,推动工作") in _levels(editor), "its sections moved with it"
    assert [h.title for h in editor.nested()] == ["一、为什么开展“三大”行动", CHAPTER_2]
    assert [(c.action, c.level) for c in editor.corrections] == [("shift", 1)], "shifts merge"


def test_levels_stay_between_one_and_nine(speech: Path) -> None:
    editor = _editor(speech)
    top = _offset(editor, CHAPTER_2)
    assert editor.promote(top) == Edit(), "level 1 cannot go up"
    for _ in range(8):
        assert editor.demote(top).changed
    assert (9, CHAPTER_2) in _levels(editor)
    assert editor.demote(top) == Edit(), "level 9 cannot go down"
    assert [(c.action, c.level) for c in editor.corrections] == [("shift", 8)]


def test_reset_forgets_the_corrections_here_and_in_the_store(speech: Path) -> None:
    editor = _editor(speech)
    detected = editor.headings
    editor.mark(editor.document.text.index("同志们"), 2)
    editor.remove(_offset(editor, CHAPTER_2))
    assert editor.reset() == Edit(changed=True, select=None)
    assert editor.headings == detected and editor.corrections == []
    assert _stored() == {"version": 1, "documents": {}}
    assert _editor(speech).headings == detected


def test_corrections_persist_into_a_new_editor(speech: Path) -> None:
    editor = _editor(speech)
    editor.mark(editor.document.text.index("同志们"), 2)
    editor.remove(_offset(editor, CHAPTER_2))
    editor.demote(_offset(editor, CHAPTER_3))
    again = _editor(speech)
    assert _levels(again) == _levels(editor)
    assert again.corrections == editor.corrections


def test_corrections_survive_an_inserted_paragraph_and_a_changed_word(speech: Path) -> None:
    editor = _editor(speech)
    editor.mark(editor.document.text.index("同志们"), 2)
    editor.remove(_offset(editor, CHAPTER_2))
    editor.demote(_offset(editor, CHAPTER_3))
    corrected = _levels(editor)
    text = speech.read_text(encoding="utf-8")
    edited = text.replace("同志们:\n", "同志们:\n\n先插入一段新的话,让后面的位置都变了。\n", 1)
    edited = edited.replace("自选动作", "自主动作")
    assert edited != text
    speech.write_text(edited, encoding="utf-8")
    reopened = _editor(speech)
    assert _levels(reopened) == corrected
    assert _offset(reopened, CHAPTER_3) == edited.index(CHAPTER_3) != _offset(editor, CHAPTER_3)


def test_a_moved_file_is_found_by_its_content_and_then_stored_under_its_new_path(speech: Path) -> None:
    editor = _editor(speech)
    editor.remove(_offset(editor, CHAPTER_2))
    moved = speech.with_name("moved.txt")
    speech.rename(moved)
    found = _editor(moved)
    assert _levels(found) == _levels(editor)
    assert list(_stored()["documents"]) == [str(speech)], "finding changes nothing"
    found.demote(_offset(found, CHAPTER_3))
    assert list(_stored()["documents"]) == [str(moved)], "the entry of the file that is gone is dropped"
    assert _levels(_editor(moved)) == _levels(found)


def test_a_copy_keeps_its_own_corrections(speech: Path) -> None:
    copy = speech.with_name("copy.txt")
    copy.write_bytes(speech.read_bytes())
    _editor(speech).remove(_offset(_editor(speech), CHAPTER_2))
    mine = _editor(copy)
    assert len(mine.corrections) == 1, "found by content while it has none of its own"
    mine.reset()
    assert len(_editor(speech).corrections) == 1, "the original still exists: its entry stays"
    assert sorted(_stored()["documents"]) == [str(speech)]


def test_a_document_whose_name_is_not_utf8_is_stored_and_found(tmp_path: Path) -> None:
    path = Path(os.fsdecode(bytes(tmp_path) + b"/speech\xff.txt"))
    path.write_text(SPEECH.read_text(encoding="utf-8"), encoding="utf-8")
    editor = _editor(path)
    assert editor.mark(editor.document.text.index("同志们"), 3).save_error is None
    assert list(_stored()["documents"]) == ["fsbytes:" + os.fsencode(str(path)).hex()]
    assert _levels(_editor(path))[0] == (3, "同志们:")


def test_a_store_that_cannot_be_written_keeps_the_change_and_says_why(speech: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("mine", encoding="utf-8")
    editor = _editor(speech, CorrectionStore(blocker / "outline-corrections.json"))
    edit = editor.remove(_offset(editor, CHAPTER_2))
    assert (edit.changed, edit.select, type(edit.save_error)) == (True, None, NotADirectoryError)
    assert CHAPTER_2 not in [t for _, t in _levels(editor)]
    assert len(editor.corrections) == 1
    assert blocker.read_text(encoding="utf-8") == "mine"


def test_a_damaged_store_is_kept_aside_and_the_outline_is_as_detected(speech: Path, tmp_path: Path) -> None:
    store = CorrectionStore(tmp_path / "store.json")
    store.path.write_text("{not json", encoding="utf-8")
    editor = _editor(speech, store)
    assert editor.headings == extract_outline(editor.document.text) and editor.load_error is None
    assert (tmp_path / "store.json.damaged").read_text(encoding="utf-8") == "{not json"
    editor.remove(_offset(editor, CHAPTER_2))
    assert len(_editor(speech, store).corrections) == 1
    assert not store_path().exists(), "a store of its own leaves the data dir's alone"


def test_the_editor_never_imports_qt(speech: Path, data_dir: Path) -> None:
    script = (
        "import sys\nfrom reader.documents import load_document\n"
        "from reader.outline.corrections import CorrectionEditor\n"
        "from reader.outline.loading import load_with_outline\n"
        f"editor = CorrectionEditor(load_document({str(speech)!r}))\neditor.mark(0, 1)\n"
        f"load_with_outline({str(speech)!r})\nprint(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, "[]\n", "")
