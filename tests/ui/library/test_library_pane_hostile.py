"""The library and search panes with hostile libraries: skipped entries shown greyed with their
reason, and documents whose names are not UTF-8 listed, found and opened by their exact path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget

from reader.documents.library import add_folder, scan_library
from reader.ui.library.pane import LibraryPane

LATIN = os.fsdecode(b"a\xff.txt")
GBK = os.fsdecode(b"\xd6\xd0\xce\xc4.txt")


@pytest.fixture
def hostile(library_folder) -> Path:
    lib = library_folder({
        "plain.txt": "普通文件：麒麟\n",
        LATIN: "第一行\n麒麟在这里。\n",
        GBK: "标题\n\n麒麟和麒麟。\n",
    })
    os.mkfifo(lib / "pipe.txt")
    (lib / "zero.txt").symlink_to("/dev/zero")
    return lib


def test_skipped_entries_are_greyed_with_their_reason(qtbot, hostile: Path) -> None:
    pane = LibraryPane()
    qtbot.addWidget(pane)
    scan = scan_library([hostile])
    pane.set_library([hostile], scan.documents)  # the pane walks for the skipped entries itself
    pane.show()
    skipped = pane.findChild(QTreeWidget, "librarySkipped")
    assert skipped is not None and skipped.isVisible()
    assert pane.skipped_entries() == [
        (str(hostile / "pipe.txt"), f"{hostile / 'pipe.txt'}: a named pipe (FIFO), not a document"),
        (str(hostile / "zero.txt"), f"{hostile / 'zero.txt'}: a device, not a document"),
    ]
    items = [skipped.topLevelItem(i) for i in range(skipped.topLevelItemCount())]
    assert [item.text(0) for item in items] == ["pipe.txt (skipped)", "zero.txt (skipped)"]
    assert all(not item.flags() & Qt.ItemFlag.ItemIsEnabled for item in items)
    pane.set_library([hostile], scan.documents, skipped=[])
    assert skipped.isHidden()


def test_non_utf8_names_are_listed_readably_and_activate_their_exact_path(qtbot, hostile: Path) -> None:
    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.set_library([hostile], scan_library([hostile]).documents)
    assert sorted(pane.document_paths()) == sorted(str(hostile / name) for name in (LATIN, GBK, "plain.txt"))
    folder = pane.tree.topLevelItem(0)
    labels = {folder.child(i).text(0): folder.child(i) for i in range(folder.childCount())}
    assert set(labels) == {"a\\xff", "\\xd6\\xd0\\xce\\xc4", "plain"}
    with qtbot.waitSignal(pane.documentActivated) as signal:
        pane.tree.itemActivated.emit(labels["a\\xff"], 0)
    assert os.fsencode(signal.args[0]) == os.fsencode(hostile / LATIN)
    pane.mark_current(hostile / GBK)
    assert pane.tree.currentItem() is labels["\\xd6\\xd0\\xce\\xc4"]


def test_the_search_pane_lists_and_jumps_to_non_utf8_documents(qtbot, indexed_window, hostile: Path) -> None:
    window = indexed_window
    add_folder(hostile)
    window.refresh_library()
    pane = window.search_pane
    qtbot.waitUntil(
        lambda: not pane.controller.indexing and str(hostile / "plain.txt") in window.library_pane.document_paths(),
        timeout=30000,
    )
    pane.box.setText("麒麟")
    pane.run_search()
    qtbot.waitUntil(lambda: getattr(pane, "last_response", None) is not None
                    and pane.last_response.query == "麒麟" and pane.query_id_shown == pane.controller.query_id,
                    timeout=10000)
    titles = {pane.model.index(row, 0).data() for row in range(pane.model.rowCount())}
    assert titles == {"第一行 (1)", "标题 (2)", "普通文件：麒麟 (1)"}
    opened = []
    window.session.open = lambda path, select=None, encoding=None: opened.append((os.fsencode(path), select)) or True
    for index in pane.model.hit_indexes():
        assert pane.activate(index)
    assert sorted(opened) == sorted([
        (os.fsencode(hostile / LATIN), (4, 2)),
        (os.fsencode(hostile / GBK), (4, 2)),
        (os.fsencode(hostile / GBK), (7, 2)),
        (os.fsencode(hostile / "plain.txt"), (5, 2)),
    ])


def test_the_window_indexes_once_another_reader_lets_go_of_the_index(qtbot, data_dir: Path) -> None:
    from reader.app import build_main_window
    from reader.search.locks import BUSY_MESSAGE, WriterLock
    from reader.ui.search.pane import SearchPane

    lock = WriterLock(data_dir / "index.lock")
    assert lock.acquire()
    try:
        window = build_main_window([])
        qtbot.addWidget(window)
        pane = window.findChild(SearchPane, "searchPane")
        qtbot.waitUntil(lambda: pane.retry.isActive(), timeout=30000)
        assert pane.status.text() == BUSY_MESSAGE
        assert list(data_dir.glob("index/*.toc")) == []
    finally:
        lock.release()
    qtbot.waitUntil(
        lambda: not pane.retry.isActive() and not pane.controller.indexing and any(data_dir.glob("index/*.toc")),
        timeout=30000,
    )
    assert pane.status.text() != BUSY_MESSAGE
    pane.shutdown()
