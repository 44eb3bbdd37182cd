"""One window per data dir: the first `reader` serves a local socket; later ones hand it their arguments."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from reader.paths import data_dir

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: the server name alone decides
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)
LOCK_NAME = "window.lock"
SOCKET_NAME = "window.socket"
MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes on Linux; longer data dirs use a hashed name in /tmp
HAND_OFF_WAIT_S = 5.0  # a window still starting up gets this long to answer


def server_name(folder: Path | None = None) -> str:
    """The local socket for the data dir `folder`: a file in it when its path is short enough."""
    folder = folder or data_dir()
    inside = str(folder / SOCKET_NAME)
    if len(os.fsencode(inside)) <= MAX_SOCKET_PATH and sys.platform != "win32":
        return inside
    return "reader-" + hashlib.sha1(os.fsencode(str(folder))).hexdigest()[:16]


class SingleInstance(QObject):
    """`claim()` makes this process the data dir's window (False: another one has it, `hand_off` to it);
    then `serve()` listens, and every hand-off arrives as `received(paths, select)`."""

    received = Signal(list, object)  # paths (str), (offset, length) or None

    def __init__(self, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder or data_dir()
        self.name = server_name(self.folder)
        self._lock = None
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        """Take the data dir's window lock (held until this process ends, even by kill -9)."""
        if fcntl is None:
            return True
        self.folder.mkdir(parents=True, exist_ok=True)
        handle = open(self.folder / LOCK_NAME, "a+b")  # noqa: SIM115 - held for the process's life
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._lock = handle
        return True

    def serve(self) -> bool:
        """Listen for hand-offs; a socket left by a crashed window is replaced (we hold the lock)."""
        QLocalServer.removeServer(self.name)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.UserAccessOption)
        if not self.server.listen(self.name):
            log.info("single instance: cannot listen on %s: %s", self.name, self.server.errorString())
            return False
        self.server.newConnection.connect(self._accept)
        return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def _accept(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = bytes(socket.readLine().data())
            try:
                message = json.loads(line.decode("ascii"))
                paths = [str(p) for p in message.get("paths", [])]
                select = message.get("select")
                select = (int(select[0]), int(select[1])) if select else None
            except (ValueError, TypeError, IndexError, AttributeError):
                socket.write(b"bad\n")
                continue
            socket.write(b"ok\n")
            socket.flush()
            self.received.emit(paths, select)


def hand_off(paths: list[str], select: tuple[int, int] | None, folder: Path | None = None,
             wait_s: float = HAND_OFF_WAIT_S) -> bool:
    """Give `paths` (and the span to select) to the window serving the data dir; True once it took them."""
    absolute = [os.path.abspath(os.path.expanduser(p)) for p in paths]
    # ASCII JSON: lone surrogates (file names that are not UTF-8) travel as \udcXX escapes, losslessly
    payload = json.dumps({"paths": absolute, "select": list(select) if select else None}).encode("ascii") + b"\n"
    deadline = time.monotonic() + wait_s
    name = server_name(folder)
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(500):
            socket.write(payload)
            socket.waitForBytesWritten(2000)
            answered = socket.waitForReadyRead(5000) and bytes(socket.readLine().data()).strip() == b"ok"
            socket.disconnectFromServer()
            return answered
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)


def bring_to(window, paths: list[str], select: tuple[int, int] | None) -> None:
    """Show what a hand-off asked for in `window`, and raise it."""
    existing = [Path(p) for p in paths if os.path.exists(p)]
    if existing and existing[0].is_file() and select is not None:
        window.open_document(existing[0], select)
    elif existing:
        window.open_paths(existing)
    if window.isMinimized():
        window.showNormal()
    raise_window(window)


def raise_window(widget) -> None:
    """Bring a top-level widget to the front (not on platforms that have no window stack to raise)."""
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        widget.raise_()
        widget.activateWindow()
