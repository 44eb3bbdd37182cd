"""Fixtures for widget tests: a main window built the way the app builds it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.app import build_main_window


@pytest.fixture
def make_window(qtbot) -> Callable:
    """Build main windows for `argv`; each is shown, registered with qtbot and closed after."""

    def make(argv: list[str] | None = None):
        window = build_main_window(argv or [])
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def indexed_window(qtbot):
    """A main window whose search pane has finished indexing the library; its workers stop after."""
    from reader.ui.search.pane import SearchPane

    window = build_main_window([])
    qtbot.addWidget(window)
    pane = window.findChild(SearchPane, "searchPane")
    qtbot.waitUntil(lambda: not pane.controller.indexing, timeout=30000)
    yield window
    pane.shutdown()


@pytest.fixture
def make_session(qtbot) -> Callable:
    """A ReadingSession over its own two text views, with no main window (for panes tested alone)."""
    from reader.ui.shell.session import ReadingSession
    from reader.ui.views.text_views import PlainView, RichView

    def make():
        plain, rich = PlainView(), RichView()
        for view in (plain, rich):
            qtbot.addWidget(view)
        session = ReadingSession(plain, rich, parent=plain)
        return session

    return make
