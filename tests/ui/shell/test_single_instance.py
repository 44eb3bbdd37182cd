"""One window per data dir: a second `reader open …` hands its target to the running window and exits 0."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from reader.bookmarks import add_bookmark
from reader.bookmarks.links import make_link
from reader.ui.shell.instance import SingleInstance, bring_to, server_name

REPO = Path(__file__).resolve().parents[3]
TEXT = "第一回\n\n甄士隐梦幻识通灵，贾雨村风尘怀闺秀。\n\n第二回\n\n贾夫人仙逝扬州城，冷子兴演说荣国府。\n"


def _second(*args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-m", "reader", *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _serve(window, data_dir: Path) -> SingleInstance:
    instance = SingleInstance(data_dir, parent=window)
    assert instance.claim() and instance.serve()
    instance.received.connect(lambda paths, span: bring_to(window, paths, span))
    return instance


def test_a_second_reader_hands_its_link_to_the_running_window(qtbot, make_window, tmp_path: Path,
                                                              data_dir: Path) -> None:
    novel = tmp_path / "石头记.txt"
    novel.write_text(TEXT, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("another document\n", encoding="utf-8")
    start = TEXT.index("冷子兴演说荣国府")
    link = make_link(add_bookmark(novel, start, 8))
    window = make_window([str(other)])
    instance = _serve(window, data_dir)
    second = _second("open", link)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
    out, err = second.communicate(timeout=10)
    assert second.returncode == 0, err
    qtbot.waitUntil(lambda: window.session.document is not None and window.session.document.path == novel,
                    timeout=15_000)
    qtbot.waitUntil(lambda: window.session.view.textCursor().selectedText() == "冷子兴演说荣国府", timeout=15_000)
    instance.release()


def test_a_stale_socket_from_a_crashed_window_is_replaced(qtbot, make_window, tmp_path: Path,
                                                         data_dir: Path) -> None:
    name = server_name(data_dir)
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(name)  # a socket file nobody listens on, as a kill -9 leaves it
    dead.close()
    assert os.path.exists(name)
    novel = tmp_path / "a.txt"
    novel.write_text(TEXT, encoding="utf-8")
    window = make_window([])
    instance = _serve(window, data_dir)
    second = _second("open", f"{novel}:0:3")
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
    _out, err = second.communicate(timeout=10)
    assert second.returncode == 0, err
    qtbot.waitUntil(lambda: window.session.view.textCursor().selectedText() == "第一回", timeout=15_000)
    instance.release()


def test_a_window_that_holds_the_data_dir_but_does_not_answer_is_said(tmp_path: Path, data_dir: Path) -> None:
    novel = tmp_path / "a.txt"
    novel.write_text(TEXT, encoding="utf-8")
    holder = SingleInstance(data_dir)
    assert holder.claim()  # a window starting up (or hung): the lock is taken, nobody serves
    try:
        second = _second(str(novel))
        _out, err = second.communicate(timeout=60)
        assert second.returncode == 2
        assert "another Reader window uses this data folder but does not answer" in err
    finally:
        holder.release()
    after = SingleInstance(data_dir)
    assert after.claim()  # released: the next window may take it
    after.release()
