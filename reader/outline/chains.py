"""Run-on candidates survive only as members of a numbering chain (一→二→三, same style)."""
from __future__ import annotations

from collections import defaultdict

from .candidates import Candidate

_OPEN_CHAINS = 8
_LIST_STOPS = "；;"
_PARENTS = {"ar": {"zh()"}, "ar()": {"ar", "zh()"}}  # GB/T 9704: 一、 > (一) > 1. > (1)


def keep_chains(found: list[Candidate], lines: list[str]) -> list[Candidate]:
    """Drop tight (no-space run-on) candidates that do not continue or start a real sequence."""
    total = sum(len(line) for line in lines)
    structured = any(not cand.mid for cand in found)
    keep = {i for i, cand in enumerate(found) if not cand.tight or cand.label.style == "pian"}
    for chain in _chains(found):
        members = [found[i] for i in chain]
        if _accepted(members) and not (structured and _in_paragraph(members, lines, total)):
            keep.update(chain)
    kept = [cand for i, cand in enumerate(found) if i in keep]
    return _drop_skipped_levels(kept)


def _in_paragraph(chain: list[Candidate], lines: list[str], total: int) -> bool:
    """In a document that kept its lines, a tight chain inside an ordinary long line is a list."""
    return all(cand.tight and 2 * len(lines[cand.line - 1]) < total for cand in chain)


def _chains(found: list[Candidate]) -> list[list[int]]:
    by_style: dict[str, list[list[int]]] = defaultdict(list)
    for index, cand in enumerate(found):
        style, value = cand.key
        chain = _open_chain(found, by_style[style], value)
        if chain is None:
            if cand.tight and value != 1:
                continue
            chain = []
            by_style[style].append(chain)
        chain.append(index)
    return [chain for chains in by_style.values() for chain in chains]


def _open_chain(found: list[Candidate], chains: list[list[int]], value: int) -> list[int] | None:
    if value <= 1:
        return None
    for chain in reversed(chains[-_OPEN_CHAINS:]):
        if found[chain[-1]].label.value == value - 1:
            return chain
    return None


def _accepted(chain: list[Candidate]) -> bool:
    """Anchored by a line-start/spaced member, or two or more items that are not a list."""
    if any(not cand.tight for cand in chain):
        return True
    if len(chain) < 2:
        return False
    in_sentence = sum(1 for cand in chain[1:] if cand.boundary in _LIST_STOPS)
    return 2 * in_sentence < len(chain) - 1


def _drop_skipped_levels(found: list[Candidate]) -> list[Candidate]:
    """A tight 1./(1) run straight under a heading two GB/T levels up is a paragraph's list."""
    kept: list[Candidate] = []
    dropping: str | None = None
    for cand in found:
        style = cand.label.style
        if cand.tight and style in _PARENTS and (
                style == dropping or (cand.label.value == 1 and _skips_a_level(kept, style))):
            dropping = style
            continue
        dropping = None
        kept.append(cand)
    return kept


def _skips_a_level(kept: list[Candidate], style: str) -> bool:
    parent = next((c.label.style for c in reversed(kept) if c.label.style != style), None)
    return parent is not None and parent not in _PARENTS[style]
