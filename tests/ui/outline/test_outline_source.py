"""The outline pane says what produced the outline, folds entries collapsed by default, and retranslates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QPushButton

from reader.outline.model import Heading, nest
from reader.ui.outline.model import TITLE_ROLE
from reader.ui.outline.pane import OutlinePane

SPEECH = Path(__file__).resolve().parents[3] / "corpus" / "在“大学习、大调研、大讨论”活动动员部署会上的讲话.txt"


@dataclass
class _Article(Heading):
    collapsed: bool = False


def _pane(make_session, qtbot, path: Path):
    session = make_session()
    pane = OutlinePane(session)
    qtbot.addWidget(pane)
    pane.show()
    assert session.open(path)
    return session, pane


def test_the_pane_names_the_convention_that_found_the_outline(make_session, qtbot) -> None:
    session, pane = _pane(make_session, qtbot, SPEECH)
    label = pane.findChild(QLabel, "outlineSource")
    assert label.isVisible() and label.text() == "Outline: Chinese report (一、/（一）)"
    assert not pane.findChild(QPushButton, "outlineRulesButton").isVisible()


def test_a_short_text_without_headings_shows_no_offer(make_session, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("只有一段话。\n", encoding="utf-8")
    session, pane = _pane(make_session, qtbot, path)
    assert pane.findChild(QLabel, "outlineSource").text() == "Outline: no headings found"
    assert not pane.findChild(QPushButton, "outlineRulesButton").isVisible()


def test_articles_collapsed_by_default_stay_folded_and_the_filter_finds_them(make_session, qtbot) -> None:
    session, pane = _pane(make_session, qtbot, SPEECH)
    flat = [Heading(1, "第一章 总则", 0, 6, 1), _Article(2, "第一条", 10, 3, 2, collapsed=True),
            _Article(2, "第二条", 20, 3, 3, collapsed=True), Heading(1, "第二章 附则", 30, 6, 4),
            Heading(2, "第一节 一般规定", 40, 8, 5)]
    pane.set_outline(nest(flat))
    pane.expand_to_level(9)
    items = {item.data(TITLE_ROLE): item for item in pane.model.items_in_order()}
    assert not pane.tree.isExpanded(pane.proxy.mapFromSource(items["第一章 总则"].index()))
    assert pane.tree.isExpanded(pane.proxy.mapFromSource(items["第二章 附则"].index()))
    pane.filter_edit.setText("第二条")
    match = pane.first_match()
    assert match.isValid() and match.data(TITLE_ROLE) == "第二条"
    assert pane.tree.isExpanded(match.parent())  # found and shown


def test_the_pane_retranslates_on_a_language_change(make_session, qtbot) -> None:
    session, pane = _pane(make_session, qtbot, SPEECH)
    pane.filter_edit.setPlaceholderText("stale")
    pane.source_label.setText("stale")
    QCoreApplication.sendEvent(pane, QEvent(QEvent.Type.LanguageChange))
    assert pane.filter_edit.placeholderText() == "Filter headings…"
    assert pane.source_label.text().startswith("Outline: ")
