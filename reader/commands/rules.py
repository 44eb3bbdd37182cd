"""`reader rules list|show|import|export`: the chapter rule sets the outline can use instead of detection."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader.commands.common import CommandError, print_json
from reader.documents.loader import read_regular_file
from reader.documents.names import display_name
from reader.outline.rules import RuleSet, RuleSetError, parse_rule_set
from reader.outline.rules_builtin import AUTO, builtin_sets, label_of
from reader.outline.rules_runner import run_rules
from reader.outline.rules_store import ADDED, UNCHANGED, RuleStore, write_json

RULES_FILE_BYTES = 1024 * 1024  # a rule set is a few lines; anything bigger is not one


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rules", help="list, show, import and export chapter rule sets",
        epilog="Exit status: 0 done, 2 a bad rule set, an unknown name or a file that cannot be read.",
    )
    actions = parser.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the built-in and saved rule sets")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    listing.set_defaults(func=run_list)
    show = actions.add_parser("show", help="print a rule set as JSON")
    show.add_argument("name")
    show.set_defaults(func=run_show)
    imported = actions.add_parser("import", help="save the rule set in a JSON file (again: nothing changes)")
    imported.add_argument("file")
    imported.set_defaults(func=run_import)
    exported = actions.add_parser("export", help="write a rule set to a JSON file")
    exported.add_argument("name")
    exported.add_argument("file")
    exported.set_defaults(func=run_export)


def run_list(args: argparse.Namespace) -> int:
    saved = RuleStore().saved()
    rows = [{"name": AUTO, "kind": "builtin", "label": label_of(AUTO) + " (default)", "rules": 0}]
    rows += [{"name": n, "kind": "builtin", "label": label_of(n), "rules": len(s.rules)}
             for n, s in builtin_sets().items()]
    rows += [{"name": n, "kind": "saved", "label": n, "rules": len(s.rules)} for n, s in saved.items()]
    if args.json:
        print_json(rows)
        return 0
    width = max(len(row["name"]) for row in rows)
    for row in rows:
        count = f"{row['rules']} rule{'' if row['rules'] == 1 else 's'}" if row["rules"] else "no rules"
        print(f"{row['name']:<{width}}  {row['kind']:<7}  {row['label']} · {count}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    if args.name == AUTO:
        print_json({"name": AUTO, "rules": []})
        return 0
    print(json.dumps(find_set(args.name).to_json(), ensure_ascii=False, indent=1))
    return 0


def run_import(args: argparse.Namespace) -> int:
    rule_set = read_rule_set(args.file)
    try:
        outcome = RuleStore().save(rule_set)
    except RuleSetError as error:
        raise CommandError(f"{display_name(args.file)}: {error}") from error
    count = f"{len(rule_set.rules)} rule{'' if len(rule_set.rules) == 1 else 's'}"
    if outcome == UNCHANGED:
        print(f"'{rule_set.name}' is already saved as it is; nothing changed")
    else:
        print(f"{'saved' if outcome == ADDED else 'replaced'} '{rule_set.name}' ({count})")
    return 0


def run_export(args: argparse.Namespace) -> int:
    rule_set = find_set(args.name)
    target = Path(args.file)
    if not target.parent.is_dir():
        raise CommandError(f"cannot write {display_name(target)}: {display_name(target.parent)} is not a folder")
    write_json(target, rule_set.to_json())
    print(f"wrote '{rule_set.name}' to {display_name(target)}", file=sys.stderr)
    return 0


def find_set(name: str) -> RuleSet:
    """The built-in or saved set called `name`, or CommandError."""
    rule_set = RuleStore().find(name)
    if rule_set is None:
        raise CommandError(f"no rule set named '{name}' (see: reader rules list)")
    return rule_set


def read_rule_set(path: str) -> RuleSet:
    """The rule set in the JSON file at `path`, checked against the sample; CommandError names the problem."""
    try:
        raw = read_regular_file(path, RULES_FILE_BYTES)
    except OSError as error:
        raise CommandError(f"cannot read {display_name(path)}: {error.strerror or error}") from error
    try:
        rule_set = parse_rule_set(raw)
        run_rules("", rule_set)  # the sample check, where a slow pattern is stopped
    except (RuleSetError, UnicodeDecodeError) as error:
        raise CommandError(f"{display_name(path)}: {error}") from error
    return rule_set


def rules_argument(value: str) -> RuleSet | str:
    """`--rules` of `reader outline`: a JSON file, else a set's name; AUTO for the automatic detection."""
    if value == AUTO:
        return AUTO
    if Path(value).is_file() or value.endswith(".json"):
        return read_rule_set(value)
    return find_set(value)
