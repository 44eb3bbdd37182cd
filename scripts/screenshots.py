#!/usr/bin/env python3
"""`make screenshots`: drive the reader through its main states and save PNGs in screenshots/out/.

Runs the real window (reader.app.build_main_window) on the corpus, on a virtual X display of its own
(xvfb-run -a picks a free one) with the xcb platform, so fonts render as on a desktop; the reader's
data (settings, index, bookmarks) goes to a temporary data dir, never the user's. States: outline and
text, search results and bookmarks (when those panes exist), sepia, dark, the Chinese UI with a menu
open, the preferences, shortcuts and about dialogs. Two of them are copied to docs/ for the README.

    python scripts/screenshots.py [--out DIR] [--no-docs]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = "READER_SCREENSHOTS_CHILD"
SIZE = (1440, 900)
DOCS = {"01-outline-text.png": "screenshot-outline.png", "06-dark-zh.png": "screenshot-dark-zh.png"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "out")
    parser.add_argument("--no-docs", action="store_true", help="do not copy the README's screenshots to docs/")
    args = parser.parse_args()
    if os.environ.get(CHILD) == "1":
        return shoot(args.out, docs=not args.no_docs)
    env = dict(os.environ, **{CHILD: "1", "QT_QPA_PLATFORM": "xcb"})
    env["READER_DATA_DIR"] = tempfile.mkdtemp(prefix="reader-screenshots-")
    env.pop("QT_SCALE_FACTOR", None)
    command = [sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]]
    xvfb = shutil.which("xvfb-run")
    if xvfb:
        command = [xvfb, "-a", "-s", f"-screen 0 {SIZE[0] + 160}x{SIZE[1] + 100}x24", *command]
    elif not os.environ.get("DISPLAY"):
        print("No xvfb-run and no display: rendering offscreen (fonts may differ).", file=sys.stderr)
        env["QT_QPA_PLATFORM"] = "offscreen"
    try:
        return subprocess.call(command, env=env)
    finally:
        shutil.rmtree(env["READER_DATA_DIR"], ignore_errors=True)


def shoot(out: Path, docs: bool) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QPoint, QThreadPool
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QLineEdit, QTreeView

    from reader.app import build_main_window
    from reader.outline import extract_outline
    from reader.paths import corpus_dir
    from reader.ui.settings.settings import ReaderSettings

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def settle(seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.02)

    def wait_until(predicate, seconds: float = 30.0) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QApplication.processEvents()
            if predicate():
                return True
            time.sleep(0.05)
        return False

    def save(widget, name: str) -> None:
        settle()
        path = out / name
        widget.grab().save(str(path))
        written.append(path)
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    def save_screen(name: str, window) -> None:
        settle()
        path = out / name
        screen = QGuiApplication.primaryScreen()
        geometry = window.frameGeometry()
        screen.grabWindow(0, geometry.x(), geometry.y(), geometry.width(), geometry.height()).save(str(path))
        written.append(path)
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    def open_window(document: Path):
        window = build_main_window([str(document)])
        window.resize(*SIZE)
        window.move(0, 0)
        window.show()
        settle(0.8)
        return window

    documents = sorted(corpus_dir().glob("*.txt"))
    document = next((d for d in documents if "乡村振兴" in d.name), documents[0])
    print(f"Screenshots of {document.name}:")

    window = open_window(document)
    headings = extract_outline(window.current_document.text, "text")
    if len(headings) > 2:
        window.jump_to(headings[2].offset, len(headings[2].title))
    save(window, "01-outline-text.png")

    search = window.findChild(QDockWidget, "searchPane")
    if search is not None:
        search.show()
        search.raise_()
        box = window.findChild(QLineEdit, "searchBox")
        results = window.findChild(QTreeView, "searchResults")
        box.setFocus()
        box.setText("乡村振兴")
        if not wait_until(
            lambda: results is not None and results.model() is not None and results.model().rowCount() > 0
        ):
            print("  (no search results within 30 s)")
        save(window, "02-search.png")

    bookmarks = window.findChild(QDockWidget, "bookmarksPane")
    if bookmarks is not None and hasattr(bookmarks, "bookmark_selection"):
        for heading in headings[1:4]:
            window.jump_to(heading.offset, len(heading.title))
            bookmarks.bookmark_selection()
            settle(0.2)
            for editor in window.findChildren(QDialog, "bookmarkEditor"):
                editor.accept()
        bookmarks.show()
        bookmarks.raise_()
        save(window, "03-bookmarks.png")

    window.preferences.change(theme="sepia", line_spacing=1.6, max_text_width=36)
    save(window, "04-sepia-column.png")
    window.preferences.change(theme="dark", max_text_width=0, line_spacing=1.3)
    save(window, "05-dark.png")
    window.close()
    settle()

    # The Chinese UI: the panes take their language when the window is built (as after a restart).
    from dataclasses import replace

    replace(ReaderSettings.load(), language="zh_CN").save()
    window = open_window(document)
    if len(headings) > 4:
        window.jump_to(headings[4].offset, len(headings[4].title))
    save(window, "06-dark-zh.png")
    menu = window.view_menu
    bar = window.menuBar()
    menu.popup(window.mapToGlobal(QPoint(bar.actionGeometry(menu.menuAction()).x(), bar.height())))
    save_screen("07-dark-zh-menu.png", window)
    menu.close()
    window.preferences.change(theme="light")

    from reader.ui.dialogs.about import show_about
    from reader.ui.dialogs.shortcuts import show_shortcuts

    dialog = window.open_preferences()
    save(dialog, "08-preferences-zh.png")
    dialog.close()
    dialog = show_shortcuts(window)
    save(dialog, "09-shortcuts-zh.png")
    dialog.close()
    dialog = show_about(window)
    save(dialog, "10-about-zh.png")
    dialog.close()
    window.close()
    settle()
    QThreadPool.globalInstance().waitForDone(10000)

    if docs:
        (ROOT / "docs").mkdir(exist_ok=True)
        for name, target in DOCS.items():
            if (out / name).is_file():
                shutil.copy(out / name, ROOT / "docs" / target)
                print(f"  docs/{target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
