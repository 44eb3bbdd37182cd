"""`reader outline FILE [--json]`: print a document's outline."""

from __future__ import annotations

import argparse
import sys

from reader.commands.common import CommandError, print_json
from reader.documents import Document, DocumentError, UnreadableError, load_document
from reader.documents.names import display_name
from reader.outline import extract_outline, flatten, nest


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("outline", help="print the outline (headings) of a document")
    parser.add_argument("file", help="a .txt, .md or .markdown file")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument("--encoding", help="decode with this encoding instead of detecting it")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        document = load_document(args.file, encoding=args.encoding)
    except UnreadableError as error:
        raise CommandError(str(error)) from error  # it names the file and what it is
    except DocumentError as error:
        raise CommandError(f"cannot open {display_name(args.file)}: {error}") from error
    warn_about_replacements(args.file, document)
    headings = extract_outline(document.text, document.kind)
    if args.json:
        print_json(
            [
                {"level": h.level, "title": h.title, "offset": h.offset, "line": h.line}
                for h in headings
            ]
        )
        return 0
    for heading in flatten(nest(headings)):
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
