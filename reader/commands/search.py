"""`reader search QUERY [--library DIR …] [--limit N] [--json]` and `reader search --batch FILE`."""

from __future__ import annotations

import argparse
import sys

from reader.commands.common import CommandError, print_json
from reader.commands.index import add_library_option, folders_of, update_index


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search the library",
        description="Space = AND, OR, -term or NOT term, \"quoted phrase\", word* prefix. "
        "Chinese text matches as an exact substring. Matches are marked «like this». "
        "--json prints {query, elapsed_ms, total_hits, results}: results lists every hit of the best "
        "--limit documents; total_hits counts the hits in ALL matching documents (overlapping "
        "occurrences count), listed or not.",
    )
    parser.add_argument("query", nargs="?", help="the query")
    add_library_option(parser)
    parser.add_argument("--limit", type=int, default=20, help="at most N documents (default 20)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--batch", metavar="FILE", help="run one query per line of FILE ('-': stdin); JSON lines"
    )
    parser.set_defaults(func=run)


def _queries(batch: str) -> list[str]:
    try:
        if batch == "-":
            lines = sys.stdin.read().splitlines()
        else:
            with open(batch, encoding="utf-8-sig") as handle:
                lines = handle.read().splitlines()
    except OSError as error:
        raise CommandError(f"cannot read {batch}: {error.strerror or error}") from error
    return [line.strip() for line in lines if line.strip()]


def run(args: argparse.Namespace) -> int:
    from reader.search import SearchService

    if args.limit < 1:
        raise CommandError("--limit must be at least 1")
    if not args.batch and args.query is None:
        raise CommandError("give a QUERY or --batch FILE")
    folders = folders_of(args)
    queries = _queries(args.batch) if args.batch else [args.query]
    service = SearchService()
    update_index(service, folders)
    status = 0
    for query in queries:
        response = service.search(query, folders, limit=args.limit)
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
        print(f"{result.title}  ({len(result.hits)} hits, score {result.score:.2f})")
        print(f"  {result.path}")
        for hit in result.hits:
            where = f" [{hit.section}]" if hit.section else ""
            print(f"    @{hit.offset}{where} {hit.snippet}")
    listed = f", {len(response.results)} listed" if len(response.results) < response.total_documents else ""
    print(f"{response.total_hits} hits in {response.total_documents} documents{listed} ({response.elapsed_ms:.1f} ms)")
