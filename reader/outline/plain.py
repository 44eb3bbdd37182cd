"""Outline of plain text: candidates -> titles joined -> contents dropped -> sequences -> ranks."""
from __future__ import annotations

import re
from collections import defaultdict

from reader.text.lines import split_lines

from .candidates import Candidate, scan
from .chains import keep_chains
from .chinese import SEPARATORS, Label
from .english import letters_or_numerals
from .model import Heading
from .title import clean_title, is_boilerplate, strip_keywords

_JOIN_MAX = 60
_CONTENTS_RUN = 3
ARTICLE = "chapter:条"  # a regulation's 第X条: a heading one level down, folded by default
_LIST_STYLES = ("sec", "en:letter")
_PAGE_REF = re.compile(r"[ .…·•\u00b7\t\u3000-]*\d*$")


def extract_text(text: str) -> list[Heading]:
    """Headings of a plain-text document, flat, in document order."""
    lines = split_lines(text)
    found = scan(text, lines)
    letters_or_numerals(text, [c.label for c in found])
    _join_titles(text, lines, found)
    found = _drop_contents(lines, found)
    found = _drop_lists(lines, found)
    found = _keep_sequences(keep_chains(_drop_glued(text, found), lines))
    found = _first_article(text, lines, _articles(found))
    return [Heading(level=level, title=c.title, offset=c.offset, length=c.end - c.offset, line=c.line,
                    collapsed=c.label.style == ARTICLE, style=c.label.style)
            for c, level in zip(found, _levels(found), strict=True)]


def _line_offsets(lines: list[str]) -> list[int]:
    offsets, total = [], 0
    for line in lines:
        offsets.append(total)
        total += len(line) + 1
    return offsets


def _join_titles(text: str, lines: list[str], found: list[Candidate]) -> None:
    """'CHAPTER I.' followed by its title line becomes 'CHAPTER I. Title'."""
    heading_lines = {c.line for c in found}
    offsets: list[int] | None = None
    for cand in found:
        if not cand.needs_title:
            continue
        index = cand.line  # 0-based index of the next line
        while index < len(lines) and index - cand.line < 3 and not lines[index].strip():
            index += 1
        if index >= len(lines) or index + 1 in heading_lines:
            continue
        nxt = lines[index].strip()
        if not nxt or len(nxt) > _JOIN_MAX or nxt[-1] in "。，,;；.:：" or is_boilerplate(nxt):
            continue
        offsets = offsets or _line_offsets(lines)
        cand.end = offsets[index] + len(lines[index].rstrip())
        cand.title = f"{cand.title} {clean_title(nxt)}"
        cand.last_line = index + 1


def _drop_contents(lines: list[str], found: list[Candidate]) -> list[Candidate]:
    """Drop a contents list: a dense run of whole-line headings repeated later by title."""
    nonblank = [0]
    for line in lines:
        nonblank.append(nonblank[-1] + (1 if line.strip() else 0))
    runs: list[list[int]] = []
    previous: Candidate | None = None
    for index, cand in enumerate(found):
        listed = not cand.mid and _whole(lines, cand)
        if listed and previous is not None and \
                nonblank[cand.line - 1] - nonblank[previous.last_line] == 0:
            runs[-1].append(index)
        else:
            runs.append([index])
        previous = cand if listed else None
    last_seen = {_entry(c): i for i, c in enumerate(found)}
    dropped: set[int] = set()
    for run in runs:
        repeated = [i for i in run if last_seen[_entry(found[i])] > i]
        if len(run) >= _CONTENTS_RUN and 2 * len(repeated) >= len(run):
            dropped.update(repeated)
    return [c for i, c in enumerate(found) if i not in dropped]


def _drop_lists(lines: list[str], found: list[Candidate]) -> list[Candidate]:
    """English '1. Foo' (or 'A. Foo') lines directly above or below another of the same depth are a
    list, and so is a run of them numbered from 1 after a line ending in a colon."""
    listed: set[int] = set()
    for index in range(1, len(found)):
        before, after = found[index - 1], found[index]
        if after.label.style.startswith(_LIST_STYLES) and after.label.style == before.label.style \
                and after.line == before.last_line + 1:
            listed.update((index - 1, index))
    for index, cand in enumerate(found):
        if cand.label.style.startswith(_LIST_STYLES) and cand.label.value == 1 and _after_colon(lines, cand.line):
            listed.update(_run(found, index))
    return [c for i, c in enumerate(found) if i not in listed]


def _after_colon(lines: list[str], line: int) -> bool:
    """The nearest non-blank line above (1-based) `line` ends with a colon."""
    index = line - 2
    while index >= 0 and not lines[index].strip():
        index -= 1
    return index >= 0 and lines[index].rstrip().endswith((":", "："))


def _run(found: list[Candidate], first: int) -> list[int]:
    """Indexes of found[first] and the candidates numbered on from it (2, 3, …) with nothing between."""
    run = [first]
    while run[-1] + 1 < len(found) and found[run[-1] + 1].key == (found[first].label.style, len(run) + 1):
        run.append(run[-1] + 1)
    return run


def _articles(found: list[Candidate]) -> list[Candidate]:
    """第X条 are articles only in a regulation (one article numbered on from another, 第一条 then 第二条);
    the numbered items inside its articles are enumerations, not headings."""
    values = [c.label.value for c in found if c.label.style == ARTICLE]
    if not values:
        return found
    if not any(after == before + 1 for before, after in zip(values, values[1:], strict=False)):
        return [c for c in found if c.label.style != ARTICLE]
    kept: list[Candidate] = []
    in_article = False
    for cand in found:
        ranked = cand.label.rank is not None
        if ranked:
            in_article = cand.label.style == ARTICLE
        if ranked or not in_article:
            kept.append(cand)
    return kept


def _drop_glued(text: str, found: list[Candidate]) -> list[Candidate]:
    """Where 第X章 titles are set off by a space, '第一卷书他翻了三遍' (no space) is prose, not a heading."""
    chapters = [c for c in found if c.label.style.startswith("chapter:") and c.label.end < c.end]
    glued = {id(c) for c in chapters if text[c.label.end - 1] not in SEPARATORS}
    if not glued or 2 * len(glued) >= len(chapters) or len(chapters) - len(glued) < 2:
        return found
    return [c for c in found if id(c) not in glued]


def _whole(lines: list[str], cand: Candidate) -> bool:
    return cand.end - cand.offset >= len(lines[cand.last_line - 1].strip()) - 1


def _entry(cand: Candidate) -> tuple[str, int, str]:
    """Identity of a contents entry: label and title without dot leaders or page number."""
    return cand.label.style, cand.label.value, _PAGE_REF.sub("", cand.title).replace(" ", "")


def _keep_sequences(found: list[Candidate]) -> list[Candidate]:
    """Keep mid-paragraph candidates only where they start or continue a numbering sequence."""
    following: dict[int, int] = {}
    last_index: dict[str, int] = {}
    for index, cand in enumerate(found):
        style = cand.label.style
        if style in last_index:
            following[last_index[style]] = cand.label.value
        last_index[style] = index
    kept: list[Candidate] = []
    last_value: dict[str, int] = defaultdict(int)
    for index, cand in enumerate(found):
        style, value = cand.key
        starts = value == 1 and following.get(index) == 2
        continues = value > 1 and last_value[style] == value - 1
        if not cand.mid or starts or continues or style == "pian":
            kept.append(cand)
            last_value[style] = value
    return kept


def _first_article(text: str, lines: list[str], found: list[Candidate]) -> list[Candidate]:
    """With 篇2/篇3 articles, the document's first title line is the first article's entry."""
    if not any(c.label.style == "pian" and c.label.value >= 2 for c in found):
        return found
    offset = 0
    for number, line in enumerate(lines, 1):
        title = strip_keywords(line).strip()
        if title and not (is_boilerplate(title) or len(title) > 80):
            start = offset + line.index(title)
            if found and found[0].offset <= start:
                return found
            label = Label("pian", 1, start, start, 0)
            first = Candidate(label, start, start + len(title), clean_title(title), number, number)
            return [first] + found
        offset += len(line) + 1
    return found


def _levels(found: list[Candidate]) -> list[int]:
    """Rank styles by the order a document uses them (a stack); chapter styles outrank lists."""
    stack: list[tuple[str, int | None]] = []
    levels = []
    for cand in found:
        style, rank = cand.label.style, cand.label.rank
        styles = [s for s, _ in stack]
        if style in styles:
            del stack[styles.index(style) + 1:]
        else:
            if rank is not None:
                while stack and (stack[-1][1] is None or stack[-1][1] >= rank):
                    stack.pop()
            stack.append((style, rank))
        levels.append(len(stack))
    return levels
