"""Outline data model: the Heading record and tree helpers (nest/flatten)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable


@dataclass
class Heading:
    """One outline entry; offset/length index the document text exactly."""

    level: int
    title: str
    offset: int
    length: int
    line: int
    children: list["Heading"] = field(default_factory=list)
    collapsed: bool = False  # shown folded by default (a regulation's articles); the filter still finds it
    style: str = ""  # the numbering that made it a heading (e.g. "chapter:条", "en:roman"); "" for Markdown


def nest(headings: list[Heading]) -> list[Heading]:
    """Nest a flat list into a tree by level (copies; input is not modified)."""
    roots: list[Heading] = []
    stack: list[Heading] = []
    for heading in headings:
        node = replace(heading, children=[])
        while stack and stack[-1].level >= node.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def flatten(tree: Iterable[Heading]) -> list[Heading]:
    """Pre-order flat list of a tree (copies with empty children)."""
    out: list[Heading] = []
    pending = list(reversed(list(tree)))
    while pending:
        node = pending.pop()
        out.append(replace(node, children=[]))
        pending.extend(reversed(node.children))
    return out
