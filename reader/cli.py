"""The `reader` command: opens the window, or runs a subcommand over the Qt-free core."""

from __future__ import annotations

import argparse
import importlib
import sys

from reader import __version__
from reader.commands.common import CommandError
from reader.paths import DATA_DIR_ENV, set_data_dir

SUBCOMMANDS = ("outline", "index", "search", "bookmarks")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="An offline reader for long documents. With no subcommand, opens the window "
        "on the given files or folders (default: the library).",
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
        return importlib.import_module(f"reader.commands.{name}")
    except ModuleNotFoundError as error:
        if error.name == f"reader.commands.{name}":
            return None
        raise


def _split_global(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Parse the global options wherever they stand; return them and the rest."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--data-dir")
    return pre.parse_known_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    known, rest = _split_global(argv)
    set_data_dir(known.data_dir)
    if not rest or rest[0] not in SUBCOMMANDS and not rest[0].startswith("-"):
        return _open_window(rest)
    if rest[0] in ("--version", "-h", "--help") or rest[0] in SUBCOMMANDS:
        args = build_parser().parse_args(rest)
        try:
            return args.func(args)
        except CommandError as error:
            print(f"reader: {error}", file=sys.stderr)
            return error.status
        except KeyboardInterrupt:
            print("reader: interrupted", file=sys.stderr)
            return 130
    build_parser().parse_args(rest)
    return _open_window(rest)


def _open_window(paths: list[str]) -> int:
    from reader.app import run_app

    return run_app(paths)
