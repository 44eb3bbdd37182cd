"""Only regular files are documents: FIFOs, devices, sockets, folders and link loops get a clear message."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from reader.documents import TooLargeError, UnreadableError, load_document, loader


def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableError) as caught:
        load_document(fifo)
    assert str(caught.value) == f"{fifo} is a named pipe (FIFO), not a document file."


def test_dev_zero_and_a_link_to_it_are_devices(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    for path in (Path("/dev/zero"), link):
        with pytest.raises(UnreadableError) as caught:
            load_document(path)
        assert str(caught.value) == f"{path} is a device, not a document file."


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(path))
        with pytest.raises(UnreadableError) as caught:
            load_document(path)
    assert str(caught.value) == f"{path} is a socket, not a document file."


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableError) as caught:
        load_document(tmp_path)
    assert str(caught.value) == f"{tmp_path} is a folder, not a document file."


def test_symlink_loops_dangling_links_and_long_names(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to("loop.txt")
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to("nowhere.txt")
    long_name = tmp_path / ("x" * 300 + ".txt")
    inside_a_file = tmp_path / "plain.txt" / "x.txt"
    (tmp_path / "plain.txt").write_text("x")
    expected = {
        loop: f"{loop} cannot be read: it is a symbolic link loop.",
        dangling: f"{dangling} is a symbolic link to a file that does not exist.",
        long_name: f"{long_name} cannot be read: the name is too long.",
        inside_a_file: f"{inside_a_file} does not exist: part of its path is a file, not a folder.",
        tmp_path / "nope.txt": f"{tmp_path / 'nope.txt'} does not exist.",
    }
    for path, message in expected.items():
        with pytest.raises(UnreadableError) as caught:
            load_document(path)
        assert str(caught.value) == message


def test_a_file_name_that_is_not_utf8_loads_and_is_shown_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"a\xff.txt")
    path = tmp_path / name
    path.write_bytes("第一回 甄士隐\n正文。\n".encode("gb18030"))
    document = load_document(path)
    assert (document.text, document.encoding, document.replacements) == ("第一回 甄士隐\n正文。\n", "gb18030", 0)
    assert document.path.name == name
    fifo = tmp_path / os.fsdecode(b"p\xfe.txt")
    os.mkfifo(fifo)
    with pytest.raises(UnreadableError) as caught:
        load_document(fifo)
    assert str(caught.value) == f"{tmp_path}/p\\xfe.txt is a named pipe (FIFO), not a document file."
    empty = tmp_path / os.fsdecode(b"e\xfd.txt")
    empty.write_bytes(b"")
    with pytest.raises(Exception) as caught:
        load_document(empty)
    assert str(caught.value) == "e\\xfd.txt is empty."


def test_a_file_longer_than_its_size_says_is_still_capped(monkeypatch) -> None:
    """/proc files are regular files whose size is 0 however much they hold: the cap is on bytes read."""
    monkeypatch.setattr(loader, "MAX_BYTES", 64)
    with pytest.raises(TooLargeError) as caught:
        load_document("/proc/self/maps")
    assert str(caught.value) == "maps is over 0 MB; the reader opens files up to 0 MB."


def test_reading_stops_at_the_cap_on_an_endless_stream() -> None:
    """The capped read takes at most `limit` bytes even from a source that never ends."""
    fd = os.open("/dev/zero", os.O_RDONLY)
    try:
        assert loader._read_capped(fd, 0, 3 * 1024 * 1024 + 5) == bytes(3 * 1024 * 1024 + 5)
    finally:
        os.close(fd)


def test_a_file_exactly_at_the_cap_loads(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(loader, "MAX_BYTES", 10)
    path = tmp_path / "ten.txt"
    path.write_bytes(b"0123456789")
    assert load_document(path).text == "0123456789"
    path.write_bytes(b"0123456789A")
    with pytest.raises(TooLargeError):
        load_document(path)
