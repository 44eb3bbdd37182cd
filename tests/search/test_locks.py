"""The writers' lock: exclusive between processes, free as soon as its holder dies even if a forked
child lives on; and the worker watchdog that ends a child whose parent is gone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from reader.search.locks import WriterLock

REPO = Path(__file__).resolve().parents[2]
HANG_GUARD = 60


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _spawn(script: str) -> tuple[subprocess.Popen, int]:
    """Run `script` in a new Python; it prints its forked child's pid on the first line."""
    process = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], cwd=REPO, text=True,
                               stdout=subprocess.PIPE, start_new_session=True)
    child = int(process.stdout.readline())
    return process, child


def _wait_until(condition) -> bool:
    deadline = time.monotonic() + HANG_GUARD
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_the_lock_is_exclusive_and_freed_with_its_holder_not_its_children(tmp_path: Path) -> None:
    lock_file = tmp_path / "index.lock"
    holder, child = _spawn(f"""
        import os, sys, time
        from reader.search.locks import WriterLock
        assert WriterLock({str(lock_file)!r}).acquire()
        pid = os.fork()
        if pid == 0:
            time.sleep(120)
            os._exit(0)
        print(pid, flush=True)
        time.sleep(120)
    """)
    try:
        assert not WriterLock(lock_file).acquire()  # held by another process
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(HANG_GUARD)
        holder.stdout.close()
        assert _alive(child)  # the forked child inherited the fd, and lives on...
        lock = WriterLock(lock_file)
        assert _wait_until(lock.acquire)  # ...yet the lock is free as soon as the holder is gone
        lock.release()
    finally:
        if _alive(child):
            os.kill(child, signal.SIGKILL)


def test_the_watchdog_ends_a_worker_whose_parent_died_without_prctl(tmp_path: Path) -> None:
    parent, child = _spawn("""
        import os, sys, time
        from reader.search import locks
        parent = os.getpid()  # taken before the fork, as the index writer does
        pid = os.fork()
        if pid == 0:
            locks.sys.platform = "watchdog-only"  # no parent-death signal: the watchdog must do it
            locks.die_with_parent(parent, poll_seconds=0.05)
            time.sleep(120)
            os._exit(0)
        print(pid, flush=True)
        time.sleep(120)
    """)
    try:
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(HANG_GUARD)
        parent.stdout.close()
        assert _wait_until(lambda: not _alive(child)), "the worker outlived its parent"
    finally:
        if _alive(child):
            os.kill(child, signal.SIGKILL)


def test_while_another_reader_indexes_index_refuses_and_search_scans(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "a.txt").write_text("独角兽\n", encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    lock = WriterLock(data / "index.lock")
    assert lock.acquire()
    try:
        command = [sys.executable, "-m", "reader", "--data-dir", str(data)]
        index = subprocess.run([*command, "index", "--library", str(lib)], capture_output=True, text=True,
                               timeout=HANG_GUARD, cwd=REPO)
        search = subprocess.run([*command, "search", "独角兽", "--library", str(lib)], capture_output=True,
                                text=True, timeout=HANG_GUARD, cwd=REPO)
    finally:
        lock.release()
    assert (index.returncode, index.stdout) == (1, "Index: not updated.\n")
    assert index.stderr == "reader: Another reader is indexing this library; try again when it finishes.\n"
    assert search.returncode == 0
    assert search.stderr == "reader: Another reader is indexing this library; documents not indexed yet are scanned.\n"
    assert search.stdout.splitlines()[-1].startswith("1 hits in 1 documents")
    assert list(data.glob("index/*.toc")) == []  # no index made while another reader held the lock
