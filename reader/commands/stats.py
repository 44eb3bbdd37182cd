"""`reader stats [--days N] [--json] [--clear]`: reading time and pace, per day and per document."""

from __future__ import annotations

import argparse
import sys

from reader.commands.common import CommandError, print_json
from reader.stats import StatsError, StatsStore, summary


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stats", help="show reading statistics (time read per day and per document)",
        description="Reading time counts while a document is shown in the active window and the reader "
        "scrolled or moved within the last 2 minutes. --json prints {days: [{date, seconds, characters}], "
        "documents: [{path, title, seconds, characters, progress, ...}], today, week, chars_per_minute}.",
    )
    parser.add_argument("--days", type=_days, default=30, metavar="N", help="days to list (default 30)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--clear", action="store_true", help="forget every reading statistic")
    parser.set_defaults(func=run)


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--days needs a whole number, not {text!r}") from None
    if not 1 <= value <= 3660:
        raise argparse.ArgumentTypeError(f"--days must be between 1 and 3660, not {value}")
    return value


def run(args: argparse.Namespace) -> int:
    store = StatsStore()
    try:
        if args.clear:
            store.clear()
            print("Reading statistics cleared.")
            return 0
        report = summary(store, args.days)
    except StatsError as error:
        raise CommandError(str(error)) from error
    if store.notice:
        print(store.notice, file=sys.stderr)
    if args.json:
        print_json(report)
        return 0
    _print_text(report, args.days)
    return 0


def _print_text(report: dict, days: int) -> None:
    speed = report["chars_per_minute"]
    print(f"Today: {_duration(report['today']['seconds'])}, {report['today']['characters']:,} characters. "
          f"This week: {_duration(report['week']['seconds'])}, {report['week']['characters']:,} characters.")
    print(f"Pace: {speed:.0f} characters a minute." if speed else "Pace: not measured yet.")
    read_days = [d for d in report["days"] if d["seconds"]]
    print(f"Last {days} days: read on {len(read_days)}, {_duration(sum(d['seconds'] for d in read_days))} in all.")
    for document in report["documents"]:
        left = document["minutes_left"]
        rest = f", about {_duration(left * 60)} left" if left is not None else ""
        print(f"  {document['title']}: {_duration(document['seconds'])}, {document['progress']:.0%}{rest}")


def _duration(seconds: float) -> str:
    minutes = int(round(seconds / 60))
    return f"{minutes // 60} h {minutes % 60} min" if minutes >= 60 else f"{minutes} min"
