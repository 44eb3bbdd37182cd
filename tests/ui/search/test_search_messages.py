"""The search core's notes and errors are shown in the UI language: translated by code, arguments filled in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader.search import messages as core
from reader.ui.search import messages as ui
from reader.ui.search.find_bar import FindBar
from reader.ui.search.pane import SearchPane
from reader.ui.settings import i18n
from reader.ui.settings.settings import ReaderSettings

CORPUS = Path(__file__).resolve().parents[3] / "corpus"
SPEECH = CORPUS / "民政局第二批實踐科學發展觀動員會講話.txt"
ARGS = {"token": "AND", "count": 3, "reason": "No space left on device", "folder": "/data/%2 index",
        "aside": "/data/index.aside", "error": "EOFError"}
UNCLOSED_QUOTE_ZH = '引号没有闭合：请补上后面的 "。'


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.install_translator(QApplication.instance(), "en")


def _message(code: str) -> core.Message:
    names = [name for name in ARGS if "{" + name in core.TEMPLATES[code]]
    return core.message(code, **{name: ARGS[name] for name in names})


def test_every_code_of_the_core_has_a_ui_text_whose_english_is_the_cores(qapp) -> None:
    i18n.install_translator(qapp, "en")
    assert sorted([*ui.TEMPLATES, *ui.PLURALS]) == sorted(core.TEMPLATES)
    for code in ui.TEMPLATES:
        note = _message(code)
        assert ui.translate(note) == note.text, code  # "%2" inside a folder name is not a placeholder


def test_every_code_is_translated_into_chinese_with_its_arguments(qapp) -> None:
    i18n.install_translator(qapp, "zh_CN")
    for code in core.TEMPLATES:
        note = _message(code)
        text = ui.translate(note)
        assert text != note.text and any("\u4e00" <= char <= "\u9fff" for char in text), (code, text)
        for value in note.args.values():
            assert (repr(value) if code == "query.unexpected" else str(value)) in text, (code, text)
    assert ui.translate(_message("search.scanned")) == "有 3 篇文档尚未加入搜索索引，已逐篇搜索。"
    assert ui.translate(_message("query.unexpected")) == "查询中出现了意外的 'AND'。"


def test_a_malformed_query_is_told_in_chinese_by_the_search_pane_and_the_find_bar(make_window, qtbot) -> None:
    ReaderSettings(language="zh_CN").save()
    window = make_window([str(SPEECH)])
    qtbot.waitUntil(lambda: window.current_document is not None, timeout=10000)
    pane = window.findChild(SearchPane, "searchPane")
    pane.box.setText('"学习')
    qtbot.waitUntil(lambda: pane.status.text() == UNCLOSED_QUOTE_ZH, timeout=10000)
    assert pane.model.rowCount() == 0 and pane.last_response.problem.code == "query.unclosed_quote"
    bar = window.findChild(FindBar, "findBar")
    bar.open_bar()
    bar.edit.setText('"学习')
    qtbot.waitUntil(lambda: not bar.debounce.isActive(), timeout=5000)  # typing pauses: searched
    assert (bar.count.text(), bar.showing_error) == (UNCLOSED_QUOTE_ZH, True)
    bar.edit.setText('"学习"')
    qtbot.waitUntil(lambda: not bar.debounce.isActive(), timeout=5000)  # typing pauses: searched
    assert bar.count.text() == f"1 / {len(bar.matches)}" and not bar.showing_error
    bar.edit.setText('"学习')
    qtbot.waitUntil(lambda: not bar.debounce.isActive(), timeout=5000)  # typing pauses: searched
    bar.edit.setText('"没有这个词"')  # valid, no match: the earlier error no longer shows
    qtbot.waitUntil(lambda: not bar.debounce.isActive(), timeout=5000)
    assert (bar.count.text(), bar.showing_error) == ("无匹配项", False)
    pane.shutdown()
