"""`reader index [--library DIR …] [--rebuild]`: bring the search index up to date."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader.bookmarks.relocate import refresh_moved
from reader.commands.common import CommandError
from reader.documents.library import real_path
from reader.documents.names import display_name


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "index",
        help="bring the library's search index up to date",
        description="Index new and changed documents, drop removed ones. Only regular files are "
        "documents: pipes, devices, sockets, symlink loops and unreadable folders are listed as "
        "'skipped PATH: reason'. One reader indexes at a time: while another is indexing, this one "
        "changes nothing and says so.",
        epilog="exit status: 0 the index is up to date; 1 another reader is indexing, or the index "
        "changed under this run (nothing lost: it is rebuilt on the next run); 2 bad arguments.",
    )
    add_library_option(parser)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")
    parser.set_defaults(func=run)


def add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        metavar="DIR",
        action="append",
        help="index/search only these folders (repeatable; default: the library)",
    )


def folders_of(args: argparse.Namespace) -> list[Path] | None:
    """The --library folders (checked), or None for the default library."""
    if not args.library:
        return None
    if any(not folder.strip() for folder in args.library):
        raise CommandError("--library needs a folder name (it was empty)")
    folders = [real_path(folder) for folder in args.library]
    for folder in folders:
        if not os.path.lexists(folder):
            raise CommandError(f"no such folder: {display_name(folder)}")
    return folders


class ProgressBar:
    """A one-line progress bar on stderr, drawn only on a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()

    def __call__(self, done: int, total: int, path: Path) -> None:
        if not self.enabled:
            return
        width = 30
        filled = width * done // max(1, total)
        name = display_name(path.name)[:40]
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 90 + "\r")
            sys.stderr.flush()


SEARCH_BUSY = "Another reader is indexing this library; documents not indexed yet are scanned."


def update_index(service, folders: list[Path] | None, rebuild: bool = False, searching: bool = False):
    """Run an update with a progress bar; print its notes on stderr; refresh moved bookmarks.
    `searching`: a search follows, which answers even while another reader holds the index."""
    bar = ProgressBar()
    try:
        report = service.update(folders, progress=bar, rebuild=rebuild)
    finally:
        bar.close()
    for note in report.notes:
        text = SEARCH_BUSY if searching and report.locked and note.code == "index.busy" else note.text
        print(f"reader: {text}", file=sys.stderr)
    if report.added or report.removed:
        from reader.documents.library import iter_documents, library_folders

        try:
            refresh_moved(iter_documents(folders or library_folders()))
        except Exception as error:  # bookmarks must never break indexing
            print(f"reader: could not update moved bookmarks: {error}", file=sys.stderr)
    return report


def run(args: argparse.Namespace) -> int:
    from reader.search import SearchService

    report = update_index(SearchService(), folders_of(args), rebuild=args.rebuild)
    if report.locked or report.failed:
        print("Index: not updated.")
    else:
        print(f"Index: {report.summary()} ({report.bytes_indexed / 1e6:.1f} MB in {report.seconds:.1f} s).")
    for path, reason in report.skipped:
        print(f"  skipped {display_name(path)}: {reason}")
    return 1 if report.locked or report.failed else 0
