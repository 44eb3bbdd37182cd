"""Running the reader's own patterns with a time budget: in a worker process that is killed when it runs over.

Python's `re` holds the GIL while it matches, so a catastrophic pattern would stall every thread of the
process: user patterns therefore run in a child process (forked where the platform can, so the text is not
copied), which tells the parent which rule it is on and is killed after `budget` seconds or on `cancel`.
Built-in sets are the reader's own patterns and run in-process.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from typing import Any

from .rules import RuleResult, RuleSet, RuleSetError, apply_rules, describe, sample_check

BUDGET_S = 5.0  # per document: the longest a rule set may take before it is abandoned
_POLL_S = 0.05


class RulesTooSlow(RuleSetError):
    """A rule set ran over its time budget (or was cancelled); str() names the rule it was on."""

    def __init__(self, message: str, rule: int | None = None, cancelled: bool = False) -> None:
        super().__init__(message, rule)
        self.cancelled = cancelled


def run_rules(text: str, rule_set: RuleSet, budget: float = BUDGET_S,
              cancel: threading.Event | None = None) -> RuleResult:
    """What `rule_set` finds in `text`. A user set is first checked against a sample (RuleSetError), and
    runs in a worker process: RulesTooSlow when it takes over `budget` seconds or `cancel` is set."""
    if rule_set.builtin:
        return apply_rules(text, rule_set)
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_work, args=(text, rule_set, sender), daemon=True, name="reader-rules")
    worker.start()
    sender.close()
    try:
        return _wait(receiver, worker, rule_set, budget, cancel)
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        worker.close()
        receiver.close()


def _wait(receiver, worker, rule_set: RuleSet, budget: float, cancel: threading.Event | None) -> RuleResult:
    deadline = time.monotonic() + budget
    rule: int | None = None
    while True:
        if cancel is not None and cancel.is_set():
            raise RulesTooSlow("cancelled", rule, cancelled=True)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            where = describe(rule, rule_set.rules[rule].pattern) if rule is not None else "the sample check"
            raise RulesTooSlow(f"{where} took longer than {budget:g} s on this document; simplify the pattern",
                               rule)
        if not receiver.poll(min(remaining, _POLL_S)):
            continue
        try:
            kind, value = receiver.recv()
        except (EOFError, OSError):
            raise RuleSetError("the rules worker stopped unexpectedly") from None
        if kind == "rule":
            rule = value
        elif kind == "done":
            return value
        else:
            raise RuleSetError(*value)


def _work(text: str, rule_set: RuleSet, sender: Any) -> None:
    """The worker process: check the set against the sample, apply it, send the result."""
    try:
        sender.send(("rule", None))
        sample_check(rule_set)
        result = apply_rules(text, rule_set, on_rule=lambda index: sender.send(("rule", index)))
        sender.send(("done", result))
    except RuleSetError as error:
        sender.send(("error", (str(error), error.rule)))
    except Exception as error:  # noqa: BLE001 - the parent reports it as one line
        sender.send(("error", (f"the rules failed: {error}", None)))
    finally:
        sender.close()
