"""`reader outline FILE [--json]`: print a document's outline."""

from __future__ import annotations

import argparse

from reader.commands.common import CommandError, print_json
from reader.documents import DocumentError, load_document
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
    except DocumentError as error:
        raise CommandError(f"cannot open {args.file}: {error}") from error
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
