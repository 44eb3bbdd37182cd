"""`reader outline FILE [--json] [--no-corrections] [--rules RULES]`: print a document's outline, as the window
shows it (or as a rule set finds it)."""

from __future__ import annotations

import argparse
import sys

from reader.commands.common import CommandError, print_json
from reader.commands.rules import rules_argument
from reader.documents import Document, DocumentError, UnreadableError
from reader.documents.names import display_name
from reader.outline import flatten
from reader.outline.loading import NO_RENDERING, LoadedDocument, add_outline, load_text
from reader.outline.rules import RuleSetError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("outline", help="print the outline (headings) of a document")
    parser.add_argument("file", help="a .txt, .md or .markdown file")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument("--encoding", help="decode with this encoding instead of detecting it")
    parser.add_argument(
        "--no-corrections", action="store_true",
        help="print the headings as detected, without the corrections made in the reader's outline pane",
    )
    parser.add_argument(
        "--rules", metavar="RULES",
        help="find the headings with a rule set: a JSON file, or the name of a built-in or saved set "
        "(reader rules list); 'auto' is the automatic detection",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rules = rules_argument(args.rules) if args.rules else None
    try:
        loaded = load_text(args.file, args.encoding, render_limit_bytes=NO_RENDERING)
    except UnreadableError as error:
        raise CommandError(str(error)) from error  # it names the file and what it is
    except DocumentError as error:
        raise CommandError(f"cannot open {display_name(args.file)}: {error}") from error
    try:
        add_outline(loaded, corrections=not args.no_corrections, rules=rules)
    except RuleSetError as error:
        raise CommandError(f"{display_name(args.rules)}: {error}") from error
    warn_about_replacements(args.file, loaded.document)
    if loaded.outline_note:
        print(f"reader: {display_name(args.file)}: {loaded.outline_note}; automatic detection used", file=sys.stderr)
    warn_about_corrections(loaded)
    headings = flatten(loaded.outline or [])
    if args.json:
        print_json(
            [
                {"level": h.level, "title": h.title, "offset": h.offset, "line": h.line, "length": h.length,
                 "collapsed": h.collapsed}
                for h in headings
            ]
        )
        return 0
    for heading in headings:
        print(f"{'  ' * (heading.level - 1)}{heading.title}  [line {heading.line}]")
    return 0


def warn_about_replacements(shown_as: str, document: Document) -> None:
    """One line on stderr when the decoding replaced bytes it could not decode."""
    if document.replacements:
        plural = "" if document.replacements == 1 else "s"
        print(
            f"reader: {display_name(shown_as)}: decoded as {document.encoding} with "
            f"{document.replacements} replacement character{plural}; try --encoding",
            file=sys.stderr,
        )


def warn_about_corrections(loaded: LoadedDocument) -> None:
    """One line on stderr when the outline corrections could not be read (the outline is then as detected)."""
    editor = loaded.editor
    if editor is not None and editor.load_error is not None:
        error = editor.load_error
        print(
            f"reader: cannot read the outline corrections in {display_name(editor.store.path)}: "
            f"{(error.strerror or str(error)).lower()}; the outline is shown as detected",
            file=sys.stderr,
        )
