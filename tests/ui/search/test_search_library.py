"""The library while the reader runs: added folders, files the watcher picks up, and search scopes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.documents.library import add_folder
from reader.ui.search.pane import SearchPane


@pytest.fixture
def window(indexed_window):
    return indexed_window


def _add_library_folder(qtbot, window, folder: Path) -> SearchPane:
    """Add `folder` (made by `library_folder`) to the library as the user would, and wait for indexing."""
    add_folder(folder)
    window.refresh_library()
    pane = window.search_pane
    qtbot.waitUntil(lambda: not pane.controller.indexing and str(folder) in pane.watcher.directories(), timeout=30000)
    return pane


def _results(qtbot, pane: SearchPane, query: str) -> set[str]:
    """Paths of the documents a search (through the pane's worker) lists."""
    pane.box.setText(query)
    pane.run_search()
    qtbot.waitUntil(lambda: getattr(pane, "last_response", None) is not None
                    and pane.last_response.query == query and pane.query_id_shown == pane.controller.query_id,
                    timeout=10000)
    return {Path(result.path).name for result in pane.last_response.results}


def test_an_added_folder_is_listed_indexed_and_offered_as_a_scope(qtbot, window, library_folder) -> None:
    folder = library_folder({"会议纪要.md": "# 会议纪要\n\n讨论了独角兽计划的进度。\n"}, name="notes")
    pane = _add_library_folder(qtbot, window, folder)
    assert str(folder / "会议纪要.md") in window.library_pane.document_paths()
    assert pane.scope.findData(str(folder.resolve())) >= 0
    assert _results(qtbot, pane, "独角兽") == {"会议纪要.md"}


def test_files_created_changed_and_deleted_while_running_are_picked_up(qtbot, window, library_folder) -> None:
    folder = library_folder({"first.txt": "第一份文件\n"}, name="live")
    pane = _add_library_folder(qtbot, window, folder)

    (folder / "second.txt").write_text("一、麒麟项目\n麒麟项目进展顺利。\n", encoding="utf-8")
    qtbot.waitUntil(lambda: str(folder / "second.txt") in window.library_pane.document_paths(), timeout=20000)
    qtbot.waitUntil(lambda: _results(qtbot, pane, "麒麟") == {"second.txt"}, timeout=20000)

    (folder / "first.txt").write_text("第一份文件，现在提到凤凰。\n", encoding="utf-8")
    qtbot.waitUntil(lambda: _results(qtbot, pane, "凤凰") == {"first.txt"}, timeout=20000)

    (folder / "second.txt").unlink()
    qtbot.waitUntil(lambda: str(folder / "second.txt") not in window.library_pane.document_paths(), timeout=20000)
    assert _results(qtbot, pane, "麒麟") == set()


def test_folder_and_document_scopes_narrow_the_results(qtbot, window, library_folder, corpus: Path) -> None:
    folder = library_folder({"extra.txt": "这里也有学习两个字。\n"}, name="extra")
    pane = _add_library_folder(qtbot, window, folder)
    everywhere = _results(qtbot, pane, "学习")
    assert "extra.txt" in everywhere and len(everywhere) > 2
    pane.scope.setCurrentIndex(pane.scope.findData(str(folder.resolve())))
    assert _results(qtbot, pane, "学习") == {"extra.txt"}
    speech = corpus / "省委组织部长在全省抓党建促脱贫攻坚推进会议上的讲话.txt"
    window.open_document(speech)
    pane.scope.setCurrentIndex(pane.scope.findData("document"))
    assert _results(qtbot, pane, "学习") == {speech.name}
