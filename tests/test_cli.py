"""The `reader` command as a user runs it: real processes, exact messages, exit codes and data dirs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import BROKEN_PIPE_STATUS, Plan, plan

REPO = Path(__file__).resolve().parents[1]
CORPUS_FILE = sorted((REPO / "corpus").glob("*.txt"))[0]


def reader(data_dir: Path, *args: str, cwd: Path = REPO, **options) -> subprocess.CompletedProcess:
    """Run `python -m reader --data-dir DATA_DIR ARGS…` and capture its output as text."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    options.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        stderr=subprocess.PIPE, cwd=cwd, env=environment, timeout=60, **options,
    )


def err(result: subprocess.CompletedProcess) -> str:
    return result.stderr.decode("utf-8")


# -- what the arguments ask for, decided without Qt ------------------------------------------------------


def test_plan_opens_the_window_on_nothing_or_existing_paths(tmp_path: Path) -> None:
    odd = tmp_path / os.fsdecode(b"a\xff.txt")
    odd.write_text("x")
    assert plan([]) == Plan("window")
    assert plan([str(REPO / "corpus")]) == Plan("window")
    assert plan([str(odd), "missing.txt"]) == Plan("window")


def test_plan_sends_subcommands_and_options_to_the_parser() -> None:
    for args in (["outline", "x"], ["search", "q"], ["--help"], ["--version"], ["-h"]):
        assert plan(args) == Plan("command")


def test_plan_refuses_typos_and_missing_paths() -> None:
    assert plan(["serach", "x"]) == Plan("error", "unknown command 'serach'; did you mean 'search'?")
    assert plan(["bookmark"]) == Plan("error", "unknown command 'bookmark'; did you mean 'bookmarks'?")
    assert plan(["outlines.txt"]) == Plan("error", "no such file, folder or command: outlines.txt")
    assert plan(["./serach"]) == Plan("error", "no such file, folder or command: ./serach")
    assert plan(["frobnicate"]) == Plan("error", "no such file, folder or command: frobnicate")
    assert plan([os.fsdecode(b"gone\xfe")]) == Plan("error", "no such file, folder or command: gone\\xfe")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["serach", "x"], "reader: unknown command 'serach'; did you mean 'search'?\n"),
        (["indx"], "reader: unknown command 'indx'; did you mean 'index'?\n"),
        (["no-such-file.txt"], "reader: no such file, folder or command: no-such-file.txt\n"),
    ],
)
def test_a_mistyped_command_never_opens_the_window(tmp_path: Path, args: list[str], message: str) -> None:
    data = tmp_path / "data"
    result = reader(data, *args)
    assert (result.returncode, err(result), result.stdout) == (2, message, b"")
    assert not data.exists()


# -- stdout that goes away or cannot be written ------------------------------------------------------------


@pytest.fixture
def many_headings(tmp_path: Path) -> Path:
    path = tmp_path / "many.txt"
    path.write_text("".join(f"第{n}回 一个很长的标题\n正文。\n" for n in range(3000)), encoding="utf-8")
    return path


@pytest.mark.parametrize("json_flag", [["--json"], []])
def test_a_closed_pipe_ends_quietly_with_141(tmp_path: Path, many_headings: Path, json_flag) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader of our stdout is gone before the first write: EPIPE, every time
    try:
        result = reader(tmp_path / "data", "outline", str(many_headings), *json_flag, stdout=write_end)
    finally:
        os.close(write_end)
    assert (result.returncode, err(result)) == (BROKEN_PIPE_STATUS, "")


@pytest.mark.parametrize("json_flag", [["--json"], []])
def test_a_full_output_device_is_one_line(tmp_path: Path, json_flag) -> None:
    with open("/dev/full", "wb") as full:
        result = reader(tmp_path / "data", "outline", str(CORPUS_FILE), *json_flag, stdout=full)
    assert (result.returncode, err(result)) == (2, "reader: cannot write the output: No space left on device\n")


# -- the data dir -------------------------------------------------------------------------------------------


def test_a_data_dir_that_is_a_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    file = tmp_path / "data.txt"
    file.write_text("mine")
    for args in (["outline", str(CORPUS_FILE)], ["bookmarks", "list"], ["search", "x"], []):
        result = reader(file, *args)
        assert (result.returncode, err(result), result.stdout) == (
            2, f"reader: cannot use the data folder {file}: it is not a folder.\n", b""
        ), args
    assert file.read_text() == "mine"
    inside = file / "sub"
    result = reader(inside, "bookmarks", "list")
    assert (result.returncode, err(result)) == (
        2, f"reader: cannot create the data folder {inside}: {file} is not a folder.\n"
    )


def test_a_data_dir_that_cannot_be_created(tmp_path: Path) -> None:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run as an unprivileged user")
    target = tmp_path / "data"  # below the test's own folder, which only root may enter
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
         sys.executable, "-m", "reader", "--data-dir", str(target), "bookmarks", "list"],
        capture_output=True, cwd="/", env=environment, timeout=60,
    )
    assert (result.returncode, result.stderr.decode()) == (
        2, f"reader: cannot create the data folder {target}: permission denied.\n"
    )
    assert not target.exists()


# -- outline on hostile files -----------------------------------------------------------------------------


def test_outline_of_a_fifo_a_device_and_a_link_loop(tmp_path: Path) -> None:
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    expected = {
        fifo: f"reader: {fifo} is a named pipe (FIFO), not a document file.\n",
        zero: f"reader: {zero} is a device, not a document file.\n",
        Path("/dev/zero"): "reader: /dev/zero is a device, not a document file.\n",
        loop: f"reader: {loop} cannot be read: it is a symbolic link loop.\n",
    }
    data = tmp_path / "data"
    for path, message in expected.items():
        for json_flag in ([], ["--json"]):
            result = reader(data, "outline", str(path), *json_flag)
            assert (result.returncode, err(result), result.stdout) == (2, message, b"")
    assert not data.exists()


def test_outline_of_a_file_whose_name_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"\xb5\xda\xd2\xbb.txt")  # GBK bytes, as old zips unpack them
    path = tmp_path / name
    path.write_text("第一回 开端\n正文。\n第二回 发展\n正文。\n", encoding="utf-8")
    result = reader(tmp_path / "data", "outline", str(path), "--json")
    assert (result.returncode, err(result)) == (0, "")
    assert [entry["title"] for entry in json.loads(result.stdout)] == ["第一回 开端", "第二回 发展"]
    fifo = tmp_path / os.fsdecode(b"p\xfe.txt")
    os.mkfifo(fifo)
    result = reader(tmp_path / "data", "outline", str(fifo))
    assert (result.returncode, err(result)) == (
        2, f"reader: {tmp_path}/p\\xfe.txt is a named pipe (FIFO), not a document file.\n"
    )


def test_outline_warns_about_replacement_characters_and_still_prints(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    body = "第一回 甄士隐梦幻识通灵\n列位看官：你道此书从何而来？\n" * 20
    path.write_bytes(body.encode() + "第二回 贾夫人\n".encode("gb18030") + body.encode())
    damage = "第二回 贾夫人\n".encode("gb18030").decode("utf-8", "replace").count("\ufffd")
    warning = f"reader: {path}: decoded as utf-8 with {damage} replacement characters; try --encoding\n"
    json_result = reader(tmp_path / "data", "outline", str(path), "--json")
    assert (json_result.returncode, err(json_result)) == (0, warning)
    assert json.loads(json_result.stdout)[0]["title"] == "第一回 甄士隐梦幻识通灵"
    text_result = reader(tmp_path / "data", "outline", str(path))
    assert (text_result.returncode, err(text_result)) == (0, warning)
    assert text_result.stdout.decode().startswith("第一回 甄士隐梦幻识通灵  [line 1]\n")
    clean = reader(tmp_path / "data", "outline", str(CORPUS_FILE), "--json")
    assert (clean.returncode, err(clean)) == (0, "")


def test_outline_of_a_file_the_user_may_not_read(tmp_path: Path) -> None:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run as an unprivileged user")
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"reader-perm-{os.getpid()}"
    folder.mkdir(mode=0o755)
    try:
        locked = folder / "locked.txt"
        locked.write_text("第一回 秘密\n")
        locked.chmod(0o600)
        data = folder / "data"
        data.mkdir()
        os.chown(data, 65534, 65534)
        environment = {**os.environ, "PYTHONPATH": str(REPO)}
        result = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
             sys.executable, "-m", "reader", "--data-dir", str(data), "outline", str(locked)],
            capture_output=True, cwd="/", env=environment, timeout=60,
        )
        assert (result.returncode, result.stderr.decode()) == (
            2, f"reader: {locked} cannot be read: permission denied.\n"
        )
        assert list(data.iterdir()) == []
    finally:
        shutil.rmtree(folder)


def test_printing_lone_surrogates_never_crashes() -> None:
    """The safety net under every message: text an encoder refuses is written as backslash escapes."""
    script = (
        "import sys\nfrom reader.cli import _safe_streams\n_safe_streams()\n"
        "print('out \\udcff')\nprint('err \\udcfe', file=sys.stderr)\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, env=environment, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, b"out \\udcff\n", b"err \\udcfe\n")


def test_help_documents_the_exit_statuses(tmp_path: Path) -> None:
    result = reader(tmp_path / "data", "--help")
    assert result.returncode == 0
    assert "141 when whatever reads the output stops early" in " ".join(result.stdout.decode().split())
    assert not (tmp_path / "data").exists()


def test_a_data_dir_that_is_a_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    result = reader(loop, "bookmarks", "list")
    assert (result.returncode, err(result)) == (
        2, f"reader: cannot use the data folder {loop}: it is a symbolic link loop.\n"
    )
    result = reader(loop / "sub", "outline", str(CORPUS_FILE))
    assert (result.returncode, err(result)) == (
        2, f"reader: cannot create the data folder {loop / 'sub'}: {loop} is not a folder (a symbolic link loop).\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loop"]


def test_the_window_without_a_display_is_one_line_not_an_abort(tmp_path: Path) -> None:
    environment = {
        name: value for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    environment["PYTHONPATH"] = str(REPO)
    for args in ([], ["corpus"]):
        result = subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data"), *args],
            capture_output=True, cwd=REPO, env=environment, timeout=60,
        )
        assert (result.returncode, result.stderr.decode()) == (
            2, "reader: no display to open the window on (DISPLAY is not set); see reader --help for the commands\n"
        )
    assert not (tmp_path / "data").exists()
