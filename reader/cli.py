"""The `reader` command: opens the window, or runs a subcommand over the Qt-free core.

Output errors end quietly: when the reader of stdout goes away (`reader outline F --json | head -c 10`)
the command stops with exit status 141 (128 + SIGPIPE, what a shell reports for tools the signal ends)
and no traceback; when stdout cannot be written (`> /dev/full`) it says so on one line, exit status 2.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import sys
from typing import NamedTuple

from reader import __version__
from reader.commands.common import CommandError
from reader.documents.names import display_name
from reader.paths import DATA_DIR_ENV, DataDirError, check_data_dir, set_data_dir

SUBCOMMANDS = ("outline", "index", "search", "bookmarks", "rules", "stats", "open", "install-desktop")
BROKEN_PIPE_STATUS = 141


class Plan(NamedTuple):
    """What the command line asks for: "window", "command" or "error" (with `message`)."""

    action: str
    message: str = ""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="An offline reader for long documents. With no subcommand, opens the window "
        "on the given files or folders (default: the library).",
        epilog="Exit status: 0 done, 2 a problem (one line on stderr), 130 interrupted, 141 when "
        "whatever reads the output stops early (as with `| head`).",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"keep every file the reader writes in DIR (also ${DATA_DIR_ENV})",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        module = _command_module(name)
        if module is not None:
            module.register(subparsers)
    return parser


def _command_module(name: str):
    try:
        return importlib.import_module(f"reader.commands.{name.replace('-', '_')}")
    except ModuleNotFoundError as error:
        if error.name == f"reader.commands.{name.replace('-', '_')}":
            return None
        raise


def _split_global(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Parse the global options wherever they stand; return them and the rest."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--data-dir")
    return pre.parse_known_args(argv)


def _looks_like_path(word: str) -> bool:
    return any(mark in word for mark in ("/", os.sep, ".", "~"))


def plan(rest: list[str]) -> Plan:
    """Decide, without Qt, what the arguments after the global options ask for.

    No argument or an existing path opens the window; a subcommand or an option goes to the parser. A first
    argument that is neither is an error: a near miss of a subcommand is named, anything else is a path
    that does not exist (the window is not opened on nothing)."""
    if not rest:
        return Plan("window")
    first = rest[0]
    if first in SUBCOMMANDS or first.startswith("-"):
        return Plan("command")
    if os.path.exists(os.path.expanduser(first)):
        return Plan("window")
    guess = difflib.get_close_matches(first, SUBCOMMANDS, n=1)
    if guess and not _looks_like_path(first):
        return Plan("error", f"unknown command '{display_name(first)}'; did you mean '{guess[0]}'?")
    return Plan("error", f"no such file, folder or command: {display_name(first)}")


def _safe_streams() -> None:
    """Never crash printing text an encoder refuses (lone surrogates): write it as backslash escapes."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


def _fail(message: str, status: int = 2) -> int:
    print(f"reader: {message}", file=sys.stderr)
    return status


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the flush at exit cannot fail again (Python's SIGPIPE recipe)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _output_error(error: OSError) -> str:
    """The line for an OSError that reached the top: one naming its file, else a failed write of the output."""
    if error.filename is not None:
        return f"{display_name(error.filename)}: {error.strerror or error}"
    try:
        sys.stdout.flush()
    except OSError:
        _silence_stdout()
    return f"cannot write the output: {error.strerror or error}"


def main(argv: list[str] | None = None) -> int:
    _safe_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    known, rest = _split_global(argv)
    if rest and rest[0].lower().startswith("reader://"):  # a link clicked elsewhere: `reader open LINK`
        rest = ["open", *rest]
    set_data_dir(known.data_dir)
    decision = plan(rest)
    if decision.action == "error":
        return _fail(decision.message)
    if rest and rest[0] in ("--version", "-h", "--help"):
        build_parser().parse_args(rest)
    try:
        check_data_dir()
    except DataDirError as error:
        return _fail(str(error))
    if decision.action == "window":
        return _open_window(rest)
    return _run_command(rest)


def _run_command(rest: list[str]) -> int:
    args = build_parser().parse_args(rest)
    if not hasattr(args, "func"):
        return _open_window(rest)
    try:
        status = args.func(args)
        sys.stdout.flush()  # inside the try: a closed pipe or a full disk is reported here
        if not isinstance(status, int):  # `reader open`: the window, at a passage
            return _open_window([status.path], (status.offset, status.length))
        return status
    except CommandError as error:
        return _fail(str(error), error.status)
    except DataDirError as error:
        return _fail(str(error))
    except BrokenPipeError:
        _silence_stdout()
        return BROKEN_PIPE_STATUS
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except OSError as error:
        return _fail(_output_error(error))


def _no_display() -> bool:
    """Whether Qt would find no display on Linux (it aborts there, with exit status 134)."""
    names = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    return sys.platform.startswith("linux") and not any(os.environ.get(name) for name in names)


def _open_window(paths: list[str], select: tuple[int, int] | None = None) -> int:
    if _no_display():
        return _fail("no display to open the window on (DISPLAY is not set); see reader --help for the commands")
    from reader.app import run_app

    return run_app(paths, select)
