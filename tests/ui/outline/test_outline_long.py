"""A long outline (thousands of chapters) fills the pane over a few event-loop turns, complete and in order."""

from __future__ import annotations

from reader.outline import flatten
from reader.outline.model import Heading, nest
from reader.ui.outline.model import (
    COLLAPSED_ROLE,
    LEVEL_ROLE,
    LINE_ROLE,
    OFFSET_ROLE,
    SLICED_FROM,
    TITLE_ROLE,
    OutlineModel,
)
from reader.ui.outline.pane import OutlinePane


def _outline(volumes: int, chapters: int, tag: str = "") -> list[Heading]:
    flat, offset = [], 0
    for volume in range(1, volumes + 1):
        flat.append(Heading(1, f"{tag}第{volume}卷", offset, 4, offset + 1))
        for chapter in range(1, chapters + 1):
            offset += 100
            flat.append(Heading(2, f"{tag}第{volume}卷第{chapter}回", offset, 8, offset + 1,
                                collapsed=chapter == chapters))
        offset += 100
    return nest(flat)


def _rows(model: OutlineModel) -> list[tuple]:
    """Every item in document order: its roles, text and parent's title (None at the top)."""
    return [(item.text(), item.data(TITLE_ROLE), item.data(OFFSET_ROLE), item.data(LEVEL_ROLE),
             item.data(LINE_ROLE), item.data(COLLAPSED_ROLE), item.parent().data(TITLE_ROLE) if item.parent() else None,
             item.index().isValid())
            for item in model.items_in_order()]


def _pane(qtbot) -> OutlinePane:
    pane = OutlinePane()
    qtbot.addWidget(pane)
    pane.show()
    return pane


def test_a_long_outline_fills_in_complete_nested_and_in_document_order(qtbot) -> None:
    tree = _outline(40, 60)
    assert len(flatten(tree)) > SLICED_FROM
    pane = _pane(qtbot)
    with qtbot.waitSignal(pane.outlineFilled, timeout=30000):
        pane.set_outline(tree)
        assert pane.model.items_in_order() == []  # not in one turn: it comes in complete, later

    expected = OutlineModel()
    assert expected.set_outline(tree)  # in one go
    assert _rows(pane.model) == _rows(expected)
    assert len(_rows(pane.model)) == 40 * 61
    assert pane.model.offsets() == [h.offset for h in flatten(tree)]
    assert pane.proxy.rowCount() == 40
    first_volume = pane.proxy.index(0, 0)
    assert pane.tree.isExpanded(first_volume)  # expanded to the level control's level 2
    assert pane.proxy.rowCount(first_volume) == 60
    assert pane.heading_at(tree[-1].children[-1].offset + 5).data(TITLE_ROLE) == "第40卷第60回"


def test_a_new_outline_while_one_fills_replaces_it(qtbot) -> None:
    pane = _pane(qtbot)
    pane.set_outline(_outline(20, 30, "旧"))
    with qtbot.waitSignal(pane.outlineFilled, timeout=30000):
        pane.set_outline(_outline(30, 20, "新"))
    qtbot.wait(50)  # the first fill's remaining turns run, and must not touch the model
    titles = [item.data(TITLE_ROLE) for item in pane.model.items_in_order()]
    assert len(titles) == 30 * 21
    assert all(title.startswith("新") for title in titles)
    assert pane.proxy.rowCount() == 30


def test_a_short_outline_after_a_long_one_is_in_at_once(qtbot) -> None:
    pane = _pane(qtbot)
    with qtbot.waitSignal(pane.outlineFilled, timeout=30000):
        pane.set_outline(_outline(30, 30))
    pane.tree.expandAll()
    pane.set_outline(_outline(2, 3, "短"))
    assert [item.data(TITLE_ROLE) for item in pane.model.items_in_order()][:2] == ["短第1卷", "短第1卷第1回"]
    assert pane.proxy.rowCount() == 2


def test_a_long_outline_in_the_window_gets_its_badges_and_the_reading_section(make_window, qtbot, tmp_path) -> None:
    from reader.bookmarks import add_bookmark

    path = tmp_path / "long-novel.txt"
    path.write_text("".join(f"第{n}章 山水{n}\n\n　　这一章讲的是第{n}件事，说来话长。\n\n" for n in range(1, 601)),
                    encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    marked = text.index("第300章")
    add_bookmark(path, marked + 10, 2, note="here")
    window = make_window([str(path)])
    pane = window.outline_pane
    qtbot.waitUntil(lambda: len(pane.model.items_in_order()) == 600, timeout=30000)
    item = pane.model.item_starting_at(marked)
    qtbot.waitUntil(lambda: item.text() == "第300章 山水300  (1)", timeout=10000)
    window.jump_to(marked + 5)
    qtbot.waitUntil(lambda: pane.current_item() is item, timeout=10000)
    assert [title for title, _, _ in pane.section_path(marked + 5)] == ["第300章 山水300"]
