"""Chapter rules the reader writes: rule sets (JSON), their validation, and applying them to a text.

A rule set is `{"name": str, "rules": [{"pattern": str, "level": 1..6, "example"?: str}, ...]}`. Each
pattern is a Python regular expression searched in every non-blank line with its surrounding white space
stripped; a line takes the first rule that matches. The title is the stripped line, or the named group
`title` when the pattern has one. Unknown keys are an error. Patterns whose nested quantifiers can take
exponential time are refused here; whatever else is slow is stopped by `rules_runner`'s time budget.
"""

from __future__ import annotations

import json
import re
import re._constants as sre_constants  # noqa: PLC2701 - the parser's opcodes, to spot nested quantifiers
import re._parser as sre_parser  # noqa: PLC2701
from dataclasses import dataclass, field
from typing import Any, Callable

from reader.text.lines import split_lines

from .model import Heading

MIN_LEVEL, MAX_LEVEL = 1, 6
TITLE_CHARS = 120
SET_KEYS = ("name", "rules")
RULE_KEYS = ("pattern", "level", "example")
# Lines of every kind a document has: a pattern matching each of them matches every line.
SAMPLE_LINES = (
    "第一章 风起", "他说：“我们明天再来吧。”", "一、总体要求", "Chapter 1", "The rain kept falling all night.",
    "1.", "2024年5月6日", "（三）", "——", "*", "Note", "x", "…", "12", "A", "。", "#", "第二天早上，他出门了。",
)


class RuleSetError(ValueError):
    """A rule set that cannot be used; str() is one line naming the rule and the problem; `rule` is the
    0-based index of that rule (None: the set as a whole)."""

    def __init__(self, message: str, rule: int | None = None) -> None:
        super().__init__(message)
        self.rule = rule


@dataclass(frozen=True)
class Rule:
    """One rule: a pattern, the level of the headings it finds, and an optional example line."""

    pattern: str
    level: int
    example: str = ""
    regex: re.Pattern = field(compare=False, repr=False, default=None)  # type: ignore[assignment]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"pattern": self.pattern, "level": self.level}
        if self.example:
            out["example"] = self.example
        return out


@dataclass(frozen=True)
class RuleSet:
    """A named, ordered list of rules; `builtin` sets are the reader's own (trusted: run in-process)."""

    name: str
    rules: tuple[Rule, ...]
    builtin: bool = field(default=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "rules": [rule.to_json() for rule in self.rules]}


@dataclass
class RuleResult:
    """What a rule set finds in a text: flat headings in document order, and per rule how many lines it
    took and whether it matched every non-blank line."""

    headings: list[Heading]
    rule_of: list[int]  # index of the rule that found each heading
    counts: list[int]
    every_line: list[bool]


def describe(index: int, pattern: str) -> str:
    """How a message names rule `index` (0-based): 'rule 2 (^第.+章)'."""
    shown = pattern if len(pattern) <= 40 else pattern[:39] + "…"
    return f"rule {index + 1} ({shown})" if shown else f"rule {index + 1}"


def compile_pattern(pattern: str) -> re.Pattern:
    """The compiled `pattern`, or RuleSetError saying what is wrong with it (without naming the rule)."""
    if not isinstance(pattern, str):
        raise RuleSetError(f"the pattern must be a string, not {pattern!r}")
    if not pattern:
        raise RuleSetError("the pattern is empty")
    try:
        regex = re.compile(pattern)
    except re.error as error:
        raise RuleSetError(f"invalid regular expression: {error}") from None
    except (RecursionError, OverflowError, ValueError) as error:
        raise RuleSetError(f"invalid regular expression: {error}") from None
    nested = _nested_quantifier(pattern)
    if nested:
        raise RuleSetError(
            f"a group repeated without limit holds another repetition, as in {nested}, "
            "which can take exponential time; "
            "use an atomic group (?>…) or a possessive quantifier (+ after the quantifier)"
        )
    if regex.search("") is not None:
        raise RuleSetError("the pattern matches an empty line, so it would match every line")
    return regex


def check_rule(pattern: Any, level: Any, example: Any = "") -> Rule:
    """A valid Rule, or RuleSetError naming the problem (not the rule). Fast: no sample is searched."""
    regex = compile_pattern(pattern)
    if isinstance(level, bool) or not isinstance(level, int):
        raise RuleSetError(f"the level must be a whole number from {MIN_LEVEL} to {MAX_LEVEL}, not {level!r}")
    if not MIN_LEVEL <= level <= MAX_LEVEL:
        raise RuleSetError(f"level {level} is outside {MIN_LEVEL}–{MAX_LEVEL}")
    if not isinstance(example, str):
        raise RuleSetError("the example must be a string")
    return Rule(pattern, level, example, regex)


def sample_problem(rule: Rule) -> str | None:
    """Why `rule` cannot be used on any text (it matches every sample line, or misses its example), or None.
    Searches with the user's pattern: call it where a slow pattern is stopped (rules_runner)."""
    if all(rule.regex.search(line) for line in SAMPLE_LINES):
        return "the pattern matches every line of a sample text, so it would match every line"
    if rule.example and not rule.regex.search(rule.example.strip()):
        return f"the example {rule.example!r} does not match the pattern"
    return None


def rule_set_from_json(data: Any) -> RuleSet:
    """A RuleSet from decoded JSON, or RuleSetError (one line naming the rule and the problem)."""
    if not isinstance(data, dict):
        raise RuleSetError('a rule set is a JSON object: {"name": …, "rules": [{"pattern": …, "level": …}]}')
    unknown = [key for key in data if key not in SET_KEYS]
    if unknown:
        raise RuleSetError(f"unknown key {unknown[0]!r} (a rule set has: {', '.join(SET_KEYS)})")
    name, rules = data.get("name"), data.get("rules")
    if not isinstance(name, str) or not name.strip():
        raise RuleSetError('the rule set needs a "name" (a non-empty string)')
    if not isinstance(rules, list) or not rules:
        raise RuleSetError('the rule set needs "rules": a non-empty list of rules')
    return RuleSet(name.strip(), tuple(_rule_from_json(index, raw) for index, raw in enumerate(rules)))


def _rule_from_json(index: int, raw: Any) -> Rule:
    if not isinstance(raw, dict):
        raise RuleSetError(f"rule {index + 1}: a rule is a JSON object with a pattern and a level", index)
    pattern = raw.get("pattern", "")
    where = describe(index, pattern if isinstance(pattern, str) else "")
    unknown = [key for key in raw if key not in RULE_KEYS]
    if unknown:
        raise RuleSetError(f"{where}: unknown key {unknown[0]!r} (a rule has: {', '.join(RULE_KEYS)})", index)
    if "level" not in raw:
        raise RuleSetError(f"{where}: the level is missing", index)
    try:
        return check_rule(pattern, raw["level"], raw.get("example", ""))
    except RuleSetError as error:
        raise RuleSetError(f"{where}: {error}", index) from None


def parse_rule_set(source: str | bytes) -> RuleSet:
    """The RuleSet a JSON document describes, or RuleSetError (also for text that is not JSON)."""
    try:
        data = json.loads(source)
    except (ValueError, RecursionError) as error:
        raise RuleSetError(f"not a JSON rule set: {error}") from None
    return rule_set_from_json(data)


def sample_check(rule_set: RuleSet) -> None:
    """RuleSetError naming the first rule that matches every sample line or misses its example."""
    for index, rule in enumerate(rule_set.rules):
        problem = sample_problem(rule)
        if problem:
            raise RuleSetError(f"{describe(index, rule.pattern)}: {problem}", index)


def stripped_lines(text: str) -> list[tuple[int, int, str]]:
    """(0-based line index, offset of the stripped line, stripped line) of every non-blank line."""
    out, offset = [], 0
    for index, line in enumerate(split_lines(text)):
        stripped = line.strip()
        if stripped:
            out.append((index, offset + line.index(stripped), stripped))
        offset += len(line) + 1
    return out


def apply_rules(text: str, rule_set: RuleSet, on_rule: Callable[[int], None] | None = None) -> RuleResult:
    """The headings `rule_set` finds in `text`: rule by rule (first rule wins a line); `on_rule(i)` is told
    before rule i runs (so a watcher knows which rule was slow)."""
    lines = stripped_lines(text)
    taken: dict[int, tuple[int, Heading]] = {}
    counts, every = [], []
    for number, rule in enumerate(rule_set.rules):
        if on_rule is not None:
            on_rule(number)
        count = matched = 0
        for position, (index, offset, stripped) in enumerate(lines):
            found = rule.regex.search(stripped)
            if found is None:
                continue
            matched += 1
            if position not in taken:
                taken[position] = (number, _heading(rule, found, index, offset, stripped))
                count += 1
        counts.append(count)
        every.append(bool(lines) and matched == len(lines))
    ordered = [taken[position] for position in sorted(taken)]
    return RuleResult([h for _, h in ordered], [n for n, _ in ordered], counts, every)


def _heading(rule: Rule, found: re.Match, index: int, offset: int, stripped: str) -> Heading:
    title = stripped
    if "title" in rule.regex.groupindex and found.group("title"):
        title = found.group("title").strip() or stripped
    title = " ".join(title.split())
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1] + "…"
    return Heading(level=rule.level, title=title, offset=offset, length=len(stripped), line=index + 1)


# --- spotting exponential patterns ----------------------------------------------------------------

_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)


def _nested_quantifier(pattern: str) -> str:
    """'(a+)+' when a group repeated without bound holds another repetition (as `(a+)+`), else ''."""
    try:
        parsed = sre_parser.parse(pattern)
    except Exception:  # noqa: BLE001 - re.compile accepted it; nothing to say then
        return ""
    return "(a+)+" if _has_nested(parsed, inside_repeat=False) else ""


def _has_nested(items, inside_repeat: bool) -> bool:
    for op, av in items:
        if op in _REPEATS:
            _low, high, sub = av
            if high > 1 and inside_repeat:
                return True
            if _has_nested(sub, inside_repeat or high == sre_constants.MAXREPEAT):
                return True
        elif op is sre_constants.SUBPATTERN and _has_nested(av[3], inside_repeat):
            return True
        elif op is sre_constants.BRANCH and any(_has_nested(branch, inside_repeat) for branch in av[1]):
            return True
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT) and _has_nested(av[1], inside_repeat):
            return True
    return False
