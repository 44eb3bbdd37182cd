"""Fixtures for widget tests: a main window built the way the app builds it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.app import build_main_window


def wait_shown(qtbot, window, path: str | Path) -> None:
    """Wait until the window shows `path` with its outline (documents load on a worker) or said why not."""
    expected = Path(path).expanduser().absolute()

    def shown() -> bool:
        loaded = window.loaded
        return window.last_error is not None or (
            loaded is not None and loaded.document.path == expected and loaded.outline is not None
            and not window.session.settling)

    qtbot.waitUntil(shown, timeout=30000)


@pytest.fixture
def open_and_wait(qtbot) -> Callable:
    """`window.open_document(path)`, then wait until it is shown."""

    def open_(window, path: str | Path, **options):
        window.open_document(path, **options)
        wait_shown(qtbot, window, path)

    return open_


@pytest.fixture
def make_window(qtbot) -> Callable:
    """Build main windows for `argv`; each is shown, registered with qtbot and closed after. A file
    in `argv` is waited for: it is shown when this returns."""

    def make(argv: list[str] | None = None):
        window = build_main_window(argv or [])
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        files = [arg for arg in argv or [] if Path(arg).is_file()]
        if files:
            wait_shown(qtbot, window, files[0])
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
