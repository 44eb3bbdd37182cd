"""`reader search QUERY [--library DIR …] [--limit N] [--json]` and `reader search --batch FILE`."""

from __future__ import annotations

import argparse
import codecs
import sys

from reader.commands.common import CommandError, print_json
from reader.commands.index import add_library_option, folders_of, update_index
from reader.documents.loader import FileTooLarge, NotARegularFile, read_regular_file
from reader.documents.names import display_name

MAX_BATCH_BYTES = 16_000_000


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search the library",
        description="Space = AND, OR, -term or NOT term, \"quoted phrase\", word* prefix. "
        "Chinese text matches as an exact substring. Matches are marked «like this». "
        "--json prints {query, elapsed_ms, total_hits, total_exact, results}: results lists every hit of "
        "the best --limit documents; total_hits counts the hits in ALL matching documents (overlapping "
        "occurrences count), listed or not, exactly (total_exact is always true here).",
    )
    parser.add_argument("query", nargs="?", help="the query")
    add_library_option(parser)
    parser.add_argument("--limit", type=int, default=20, help="at most N documents (default 20)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--batch", metavar="FILE", help="run one query per line of FILE ('-': stdin); JSON lines"
    )
    parser.set_defaults(func=run)


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_queries(data: bytes, name: str) -> str:
    """The text of a query file: UTF-8, or UTF-16/32 with a BOM; CommandError for anything else."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise CommandError(
            f"cannot read {name}: it is not UTF-8 text (or UTF-16 with a byte order mark)"
        ) from None
    if "\x00" in text:
        raise CommandError(f"cannot read {name}: it looks like a binary file, not one query per line")
    return text


def _queries(batch: str) -> list[str]:
    name = display_name(batch)
    too_large = CommandError(f"cannot read {name}: larger than {MAX_BATCH_BYTES // 1_000_000} MB")
    try:
        if batch == "-":
            data = sys.stdin.buffer.read()
        else:
            data = read_regular_file(batch, MAX_BATCH_BYTES)  # a pipe or a device would block or never end
    except NotARegularFile as error:
        raise CommandError(f"cannot read {name}: not a regular file") from error
    except FileTooLarge as error:
        raise too_large from error
    except OSError as error:
        raise CommandError(f"cannot read {name}: {error.strerror or error}") from error
    if len(data) > MAX_BATCH_BYTES:  # standard input, read whole
        raise too_large
    lines = decode_queries(data, name).splitlines()
    return [line.strip() for line in lines if line.strip()]


def run(args: argparse.Namespace) -> int:
    from reader.search import SearchService
    from reader.search.messages import message

    if args.limit < 1:
        raise CommandError("--limit must be at least 1")
    if not args.batch and args.query is None:
        raise CommandError("give a QUERY or --batch FILE")
    folders = folders_of(args)
    queries = _queries(args.batch) if args.batch else [args.query]
    service = SearchService()
    report = update_index(service, folders, searching=True)
    status, said = 0, set()
    if report.locked:  # already said: another reader is indexing
        said.add(message("index.being_built").text)
    for query in queries:
        response = service.search(query, folders, limit=args.limit)
        for note in response.notes:
            if note.text not in said and note.code != "search.scanned":
                said.add(note.text)
                print(f"reader: {note.text}", file=sys.stderr)
        if args.json or args.batch:
            print_json(response.to_json())
        elif response.error:
            raise CommandError(response.error)
        else:
            _print_text(response)
        status = status or (2 if response.error and not args.batch else 0)
    return status


def _print_text(response) -> None:
    for result in response.results:
        print(f"{display_name(result.title)}  ({len(result.hits)} hits, score {result.score:.2f})")
        print(f"  {display_name(result.path)}")
        for hit in result.hits:
            where = f" [{hit.section}]" if hit.section else ""
            print(f"    @{hit.offset}{where} {hit.snippet}")
    listed = f", {len(response.results)} listed" if len(response.results) < response.total_documents else ""
    print(f"{response.total_hits} hits in {response.total_documents} documents{listed} ({response.elapsed_ms:.1f} ms)")
