"""One index writer at a time: a `flock` freed when its holder dies, and workers that die with it."""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import os
import signal
import sys
import threading
import time
from pathlib import Path

from reader.search.messages import TEMPLATES

BUSY_MESSAGE = TEMPLATES["index.busy"]  # the English of message("index.busy"), for compatibility
PR_SET_PDEATHSIG = 1
_held: set[int] = set()  # lock fds held by this process: closed in forked children


def _close_held_in_child() -> None:
    # Closing (not unlocking) a copy of the fd leaves the parent's lock in place, and a child that
    # outlives its parent no longer keeps the lock taken.
    for fd in list(_held):
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


os.register_at_fork(after_in_child=_close_held_in_child)


class WriterLock:
    """An exclusive, non-blocking lock on `path` (created if missing). `acquire()` is False while
    another living process holds it; a dead holder's lock is free at once (the kernel drops it)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.fd: int | None = None

    def acquire(self) -> bool:
        fd = os.open(self.path, os.O_CREAT | os.O_RDWR | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self.fd = fd
        _held.add(fd)
        return True

    def release(self) -> None:
        if self.fd is None:
            return
        fd, self.fd = self.fd, None
        _held.discard(fd)
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *_exc) -> None:
        self.release()


def die_with_parent(parent_pid: int, poll_seconds: float = 0.5) -> None:
    """Make this (forked worker) process exit when `parent_pid` does: a parent-death signal on Linux,
    and everywhere a watchdog thread that notices the parent is gone (the worker is re-parented)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(poll_seconds)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()
