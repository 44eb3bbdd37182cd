"""The library walk: only regular files are documents; pipes, devices, sockets, symlink loops and
unreadable folders are skipped with a reason, in the walk, in `reader index` and in searches."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from reader.documents.library import iter_documents, scan_library
from reader.search.service import _walk

REPO = Path(__file__).resolve().parents[2]


def run_reader(data_dir: Path, *args: str, timeout: float = 60, user: list[str] | None = None):
    """`python -m reader --data-dir D ARGS` in a subprocess (optionally as another user)."""
    command = [*(user or []), sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=REPO,
                          errors="surrogateescape")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A library with two documents, a symlink to one, and every kind of entry that is not one."""
    lib = tmp_path / "lib"
    (lib / "sub").mkdir(parents=True)
    (lib / "good.txt").write_text("好文件 turtle\n", encoding="utf-8")
    (lib / "sub" / "deep.md").write_text("# Deep\n\n深处的文件 turtle\n", encoding="utf-8")
    (lib / "link.txt").symlink_to(lib / "good.txt")
    os.mkfifo(lib / "pipe.txt")
    (lib / "zero.txt").symlink_to("/dev/zero")
    (lib / "loop.txt").symlink_to(lib / "loop.txt")
    (lib / "dangling.md").symlink_to(lib / "missing.md")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(lib / "sock.txt"))
    server.close()
    return lib


EXPECTED_SKIPS = {
    "dangling.md": "a broken symbolic link",
    "loop.txt": "a symbolic link loop",
    "pipe.txt": "a named pipe (FIFO), not a document",
    "sock.txt": "a socket, not a document",
    "zero.txt": "a device, not a document",
}


def test_only_regular_files_are_documents_and_the_rest_is_skipped_with_a_reason(hostile: Path) -> None:
    scan = scan_library([hostile])
    assert [p.relative_to(hostile).as_posix() for p in scan.documents] == ["good.txt", "link.txt", "sub/deep.md"]
    assert {p.name: reason for p, reason in scan.skipped} == EXPECTED_SKIPS
    assert iter_documents([hostile]) == scan.documents
    dirs, files = _walk([hostile])  # the search service walks the same way
    assert [entry[0] for entry in files.values()] == scan.documents
    assert set(dirs) == {str(hostile), str(hostile / "sub")}


def test_a_symlink_loop_as_library_folder_is_a_reason_not_an_error(tmp_path: Path) -> None:
    loop = tmp_path / "looped"
    loop.symlink_to(loop)
    scan = scan_library([loop])
    assert scan.documents == []
    assert scan.skipped == [(loop, "a symbolic link loop")]


def test_reader_index_lists_every_skip_and_searches_do_not_hang(hostile: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = run_reader(data, "index", "--library", str(hostile))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Index: 3 added, 0 updated, 0 removed, 5 skipped, 0 unchanged")
    assert lines[1:] == [f"  skipped {hostile / name}: {reason}" for name, reason in sorted(EXPECTED_SKIPS.items())]
    found = run_reader(data, "search", "turtle", "--library", str(hostile))
    assert found.returncode == 0 and "Traceback" not in found.stderr
    assert found.stdout.splitlines()[-1].startswith("3 hits in 3 documents")


def test_a_symlink_loop_given_as_library_is_reported(tmp_path: Path) -> None:
    loop = tmp_path / "looped"
    loop.symlink_to(loop)
    done = run_reader(tmp_path / "data", "index", "--library", str(loop))
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert done.stdout.splitlines()[1:] == [f"  skipped {loop}: a symbolic link loop"]
    assert done.stdout.startswith("Index: 0 added, 0 updated, 0 removed, 1 skipped, 0 unchanged")


def test_an_empty_library_name_is_an_error_not_the_working_folder(tmp_path: Path) -> None:
    for command in (["index", "--library", ""], ["search", "x", "--library", ""]):
        done = run_reader(tmp_path / "data", *command)
        assert done.returncode == 2
        assert done.stdout == ""
        assert done.stderr.strip() == "reader: --library needs a folder name (it was empty)"


def _nobody() -> list[str]:
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        pytest.skip("needs root and setpriv to run as an unprivileged user")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture
def shared_tmp():
    """A folder an unprivileged user can enter (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="reader-walk-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(folder)


def test_an_unreadable_subfolder_is_reported(shared_tmp: Path) -> None:
    user = _nobody()
    lib = shared_tmp / "lib"
    (lib / "closed").mkdir(parents=True)
    (lib / "open.txt").write_text("可读\n", encoding="utf-8")
    (lib / "closed" / "hidden.txt").write_text("看不到\n", encoding="utf-8")
    (lib / "closed").chmod(0o700)
    data = shared_tmp / "data"
    data.mkdir()
    data.chmod(0o777)
    done = run_reader(data, "index", "--library", str(lib), user=user)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines()[1:] == [f"  skipped {lib / 'closed'}: folder cannot be read: permission denied"]
    assert done.stdout.startswith("Index: 1 added, 0 updated, 0 removed, 1 skipped, 0 unchanged")


def test_skipped_in_reuses_the_walk_that_found_the_documents(hostile: Path) -> None:
    from reader.documents.library import skipped_in

    documents = iter_documents([hostile])
    os.mkfifo(hostile / "later.txt")  # not seen by that walk
    assert {p.name for p, _ in skipped_in([hostile], documents)} == set(EXPECTED_SKIPS)
    # documents that walk did not find: walked again
    assert {p.name for p, _ in skipped_in([hostile], documents[:1])} == set(EXPECTED_SKIPS) | {"later.txt"}
