"""`reader open TARGET [--resolve] [--json]`: open a reader:// link or FILE[:OFFSET[:LENGTH]] at its passage."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from reader.bookmarks.errors import BookmarkError
from reader.bookmarks.links import Resolution, parse_target, resolve
from reader.commands.common import CommandError, print_json
from reader.documents.names import display_name


@dataclass(frozen=True)
class OpenWindow:
    """What a command returns to have the window opened (handed to a running one) at a passage."""

    path: str
    offset: int
    length: int


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "open", help="open a reader:// link or FILE[:OFFSET[:LENGTH]] in the window, at that passage",
        description="TARGET is a link as exported with bookmarks (reader://bookmark/<id>?path=…&offset=N&length=M) "
        "or FILE[:OFFSET[:LENGTH]]. A bookmark id known here is followed after edits and moves; otherwise the "
        "path and span are used. A window already running takes the target over.",
    )
    parser.add_argument("target", help="a reader:// link or FILE[:OFFSET[:LENGTH]]")
    parser.add_argument("--resolve", action="store_true",
                        help="print where the target is now instead of opening the window")
    parser.add_argument("--json", action="store_true",
                        help="with --resolve: print {path, offset, length, status} "
                        "(status: ok, moved, fuzzy, orphaned or missing)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int | OpenWindow:
    try:
        where = resolve(parse_target(args.target))
    except BookmarkError as error:
        raise CommandError(str(error)) from error
    if args.resolve:
        _print(where, args.json)
        return 0
    if where.status == "missing":
        raise CommandError(f"{display_name(where.path)} does not exist (the link's document is missing)")
    return OpenWindow(where.path, where.offset, where.length)


def _print(where: Resolution, as_json: bool) -> None:
    if as_json:
        print_json(where.to_json())
    else:
        print(f"{display_name(where.path)}:{where.offset}:{where.length} {where.status}")
