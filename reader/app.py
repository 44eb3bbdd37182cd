"""The GUI entry point: build the main window (for tests) or run the application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.documents.names import display_name
from reader.paths import resource_path

GIL_SWITCH_S = 0.001  # workers (loading, outlining, indexing) give the UI thread the GIL within 1 ms, not 5


def _application() -> QApplication:
    sys.setswitchinterval(GIL_SWITCH_S)  # a 20 MB novel's outline on the worker stalled painting ~60 ms
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Reader")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("reader")
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(resource_path("icons", f"reader-{size}.png")))
    app.setWindowIcon(icon)
    return app


def build_main_window(argv: list[str] | None = None, select: tuple[int, int] | None = None):
    """The ready main window for `argv` (paths to open; the first file at the span `select`), without
    entering the event loop."""
    from reader.ui.settings.i18n import install_translator
    from reader.ui.settings.settings import ReaderSettings
    from reader.ui.shell.main_window import MainWindow

    app = _application()
    install_translator(app, ReaderSettings.load().language)  # before any widget takes its texts
    window = MainWindow()
    last = window.restore_session()
    paths = [Path(arg).expanduser() for arg in (argv or []) if not arg.startswith("-")]
    existing = [p for p in paths if p.exists()]
    for missing in (p for p in paths if not p.exists()):
        window.statusBar().showMessage(window.tr("%s does not exist.") % display_name(missing), 15000)
        window.last_error = f"{display_name(missing)} does not exist."
    if existing and select is not None and existing[0].is_file():
        window.open_document(existing[0], select)
    elif existing:
        window.open_paths(existing, last)
    elif last and Path(last).is_file():
        window.open_document(last)
    return window


def run_app(paths: list[str], select: tuple[int, int] | None = None) -> int:
    """Open the window on `paths` and run until it closes; if a window already serves this data dir, hand
    `paths` (and `select`) to it instead and return at once."""
    from reader.ui.shell.instance import SingleInstance, bring_to, hand_off

    app = _application()
    instance = SingleInstance()
    if not instance.claim():
        if hand_off(paths, select):
            return 0
        print("reader: another Reader window uses this data folder but does not answer; close it or use "
              "--data-dir", file=sys.stderr)
        return 2
    window = build_main_window(paths, select)
    instance.serve()
    instance.received.connect(lambda received, span: bring_to(window, received, span))
    window.show()
    status = app.exec()
    instance.release()
    return status
