"""`reader bookmarks add|list|export|import|remove`: bookmarks over the Qt-free core."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.commands.common import CommandError, print_json
from reader.documents.names import display_name, escape_surrogates


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("bookmarks", help="add, list, export, import or remove bookmarks")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="bookmark a passage (length 0: a position)")
    add.add_argument("file")
    add.add_argument("--offset", type=int, required=True, help="character offset in the text")
    add.add_argument("--length", type=int, required=True, help="characters in the passage")
    add.add_argument("--note", default="")
    add.add_argument("--color", default="yellow", help="yellow, green, blue, pink, purple, …")
    add.add_argument("--style", default="highlight", help="highlight, underline, wavy, strike or box")
    add.add_argument("--json", action="store_true", help="print the bookmark as JSON")
    listing = actions.add_parser("list", help="list bookmarks, re-anchored to the current texts")
    listing.add_argument("--document", metavar="FILE", help="only this document's bookmarks")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    export = actions.add_parser(
        "export", help="export every bookmark",
        description="md is made for note apps (Obsidian, Logseq): per document, YAML front matter (title, source, "
        "sha256, exported, tags), the section path as headings, each quote as a block quote, its note, its colour "
        "and style as tags and a reader:// link back. Re-exporting gives the same bytes apart from `exported`.",
    )
    export.add_argument("--format", choices=("md", "json", "csv"), default=None,
                        help="md, json or csv (required unless --per-document)")
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    export.add_argument("--per-document", metavar="DIR",
                        help="write one Markdown note per document into DIR, named by its title, updated in place")
    export.add_argument("--template", metavar="FILE",
                        help="Markdown for each bookmark, with $quote, $quote_block, $note, $note_block, $color, "
                        "$style, $tags, $link, $section, $offset, $length, $status, $created, $updated, $id, "
                        "$title, $path (string.Template; $$ is a $)")
    imports = actions.add_parser(
        "import", help="merge bookmarks from a JSON export",
        description="Merge bookmarks from a JSON export (UTF-8, with or without a BOM), by id: new "
        "ids are added, a newer `updated` wins. Every field of every entry is checked first (types, "
        "offsets from 0 to the largest document, known colours and statuses, non-empty ids, "
        "absolute paths, text without lone surrogates). The import is all-or-nothing: if any entry "
        "is rejected, nothing is imported, the report names the first few entries and fields, and "
        "the exit status is 2. Prints \"N imported, M rejected (…)\".")
    imports.add_argument("file")
    remove = actions.add_parser("remove", help="delete a bookmark")
    remove.add_argument("id")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from reader.bookmarks import BookmarkError, take_notices

    handlers = {"add": _add, "list": _list, "export": _export, "import": _import,
                "remove": _remove}
    try:
        return handlers[args.action](args)
    except BookmarkError as error:
        raise CommandError(str(error)) from error
    finally:
        for notice in take_notices():
            print(f"reader: {notice}", file=sys.stderr)


def _snippet(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _line(bookmark) -> str:
    quote = f"“{_snippet(bookmark.quote)}”" if bookmark.quote else "(position)"
    note = f"  — {_snippet(bookmark.note, 40)}" if bookmark.note else ""
    style = "" if bookmark.style == "highlight" else f" {bookmark.style}"
    return escape_surrogates(f"{bookmark.id}  {bookmark.status:<8} {bookmark.color + style:<6} "
                             f"{display_name(bookmark.path)}@{bookmark.offset}+{bookmark.length}  "
                             f"{quote}{note}")


def _add(args: argparse.Namespace) -> int:
    from reader.bookmarks import add_bookmark

    bookmark = add_bookmark(args.file, args.offset, args.length, args.note, args.color, args.style)
    if args.json:
        print_json({**bookmark.summary(), "heading_path": bookmark.heading_path,
                    "updated": bookmark.updated})
    else:
        print(f"Added {_line(bookmark)}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from reader.bookmarks import list_bookmarks

    bookmarks = list_bookmarks(args.document)
    if args.json:
        print_json([bookmark.summary() for bookmark in bookmarks])
    elif not bookmarks:
        print("No bookmarks.")
    for bookmark in [] if args.json else bookmarks:
        print(_line(bookmark))
    return 0


def _export(args: argparse.Namespace) -> int:
    from reader.bookmarks import export, list_bookmarks
    from reader.bookmarks.notes import load_template

    if args.format is None and not args.per_document:
        raise CommandError("export needs --format md|json|csv or --per-document DIR")
    if args.per_document and args.format not in (None, "md"):
        raise CommandError("--per-document writes Markdown notes; leave out --format or use --format md")
    if args.template and args.format not in (None, "md"):
        raise CommandError("--template shapes Markdown notes; use it with --format md or --per-document")
    template = load_template(args.template) if args.template else None
    bookmarks = list_bookmarks()
    if args.per_document:
        return _export_notes(bookmarks, Path(args.per_document), template)
    text = _notes(bookmarks, template) if args.format == "md" else export(bookmarks, args.format)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        raise CommandError(f"cannot write {display_name(args.output)}: {error.strerror or error}") from error
    print(f"Exported to {display_name(args.output)}.", file=sys.stderr)
    return 0


def _notes(bookmarks: list, template) -> str:
    """Every document's note, one after the other (each with its front matter)."""
    from itertools import groupby

    from reader.bookmarks.notes import describe, document_note

    notes = []
    for path, group in groupby(sorted(bookmarks, key=lambda b: b.path), key=lambda b: b.path):
        entries = list(group)
        notes.append(document_note(describe(path, entries), entries, template=template))
    return "\n".join(notes) if notes else ""


def _export_notes(bookmarks: list, folder: Path, template) -> int:
    from reader.bookmarks.notes import write_per_document

    try:
        written = write_per_document(folder, bookmarks, template)
    except OSError as error:
        where = display_name(error.filename or folder)
        raise CommandError(f"cannot write the notes in {where}: {error.strerror or error}") from error
    documents = len({b.path for b in bookmarks})
    print(f"{len(written)} of {documents} notes written to {display_name(folder)} (the others were current).",
          file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from reader.bookmarks import BookmarkError, import_json
    from reader.bookmarks.importing import read_import_file

    name = display_name(args.file)
    try:
        result = import_json(read_import_file(args.file))
    except BookmarkError as error:
        raise CommandError(f"{name}: {error}") from error
    print(f"{name}: {result.report()}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from reader.bookmarks import remove_bookmark

    bookmark = remove_bookmark(args.id)
    print(f"Removed {_line(bookmark)}")
    return 0
