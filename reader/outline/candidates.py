"""Find numbered heading candidates in plain text: at line starts and inside run-on lines."""
from __future__ import annotations

import re
from dataclasses import dataclass

from reader.text.lines import split_lines

from . import chinese, english, runon
from .chinese import Label
from .title import MAX_LINE_TITLE, article_end, clean_title, is_boilerplate, line_title_end, runin_end

_FIRST = "[" + re.escape("".join(sorted(chinese.FIRST_CHARS))) + "]"
_GAP = re.compile(rf"[ \t\u3000]+(?={_FIRST})")  # white space, then what may start a label
_CLOSERS = "”’\"')"
_INNER_STOP = re.compile(r"[。！？；：!?;:]")
_LONG_LINE = 1000
_SPACED_STRUCTURE = 3
_BOILERPLATE_LINE = 300
_INDENT = " \t\u3000"
_LINE_FIRST = chinese.FIRST_CHARS | chinese.EXTRA_CHARS | english.FIRST_CHARS  # what a line-start label begins with


@dataclass
class Candidate:
    """A possible heading: label, span [offset, end), display title, line numbers."""

    label: Label
    offset: int
    end: int
    title: str
    line: int
    last_line: int
    mid: bool = False
    needs_title: bool = False
    tight: bool = False
    boundary: str = ""

    @property
    def key(self) -> tuple[str, int]:
        return self.label.style, self.label.value


def scan(text: str, lines: list[str] | None = None) -> list[Candidate]:
    """All candidates in document order (boilerplate lines skipped); `lines`: `text` split at "\n", if at hand."""
    found: list[Candidate] = []
    start = 0
    for number, line in enumerate(split_lines(text) if lines is None else lines, 1):
        eol = start + len(line)
        if line.strip() and not (len(line) <= _BOILERPLATE_LINE and is_boilerplate(line)):
            body = line.lstrip(_INDENT)
            pos = eol - len(body)
            head = _line_start(text, pos, eol, number) if body[0] in _LINE_FIRST else None
            gap = " " in body or "\u3000" in body or "\t" in body  # only there can a spaced label start
            mid = _mid_line(text, start, eol, number, _run_on(line, text), gap)
            if head:
                found.append(head)
                mid = [cand for cand in mid if cand.offset != pos]  # an indent is not a sentence end
            found.extend(mid)
        start = eol + 1
    return found


def _run_on(line: str, text: str) -> bool:
    """A line that swallowed lost line breaks: very long, or most of the document."""
    return len(line) >= _LONG_LINE or (len(line) >= 100 and 2 * len(line) >= len(text))


def _label_at(text: str, pos: int, eol: int) -> Label | None:
    label = chinese.match_label(text, pos, eol)
    if label and label.style in ("ar", "zh") and _latin_follows(text, label.end, eol):
        return english.match_section(text, pos, eol)
    if label is None and text[pos] in chinese.EXTRA_CHARS:
        return chinese.match_extra(text, pos, eol)
    if label is None and text[pos] in english.FIRST_CHARS:
        label = (english.match_chapter(text, pos, eol) or english.match_appendix(text, pos, eol)
                 or english.match_section(text, pos, eol) or english.match_lettered(text, pos, eol))
    return label


def _latin_follows(text: str, pos: int, eol: int) -> bool:
    while pos < eol and text[pos] in " \t":
        pos += 1
    return pos < eol and text[pos].isascii() and text[pos].isalpha()


def _line_start(text: str, pos: int, eol: int, number: int) -> Candidate | None:
    label = _label_at(text, pos, eol)
    if label is None:
        return None
    end = line_title_end(text, pos, eol)
    if label.end >= end:
        if label.rank is None:
            return None
        return Candidate(label, pos, end, clean_title(text[pos:end]), number, number,
                         needs_title=True)
    if label.style == "chapter:条":  # an article: its number and the start of its first sentence
        end = article_end(text, label.end, end)
    elif not _whole_line(text, label, pos, end):
        stop = runin_end(text, pos, label.end, eol, strict=False)
        if stop is None:
            return None
        end = stop
    return Candidate(label, pos, end, clean_title(text[pos:end]), number, number)


def _whole_line(text: str, label: Label, pos: int, end: int) -> bool:
    if label.style.startswith(("en:", "sec")):
        return True
    if end - pos > MAX_LINE_TITLE:
        return False
    inner = _INNER_STOP.search(text, label.end, end)
    return inner is None or inner.end() >= end or not text[inner.end():end].strip(" 。！？；：!?;:")


def _mid_line(text: str, start: int, eol: int, number: int, run_on: bool, gap: bool) -> list[Candidate]:
    found = {c.offset: c for c in _spaced(text, start, eol, number)} if gap else {}
    if run_on and len(found) < _SPACED_STRUCTURE:  # else breaks became spaces: these are lists
        for label, end, boundary in runon.markers(text, start, eol):
            if label.start not in found and label.start > start:
                found[label.start] = Candidate(label, label.start, end,
                                               clean_title(text[label.start:end]), number, number,
                                               mid=True, tight=True, boundary=boundary)
    return [found[offset] for offset in sorted(found)]


def _after_sentence(text: str, gap: int) -> bool:
    """White space at `gap` follows a sentence end (maybe closed by a quote) or CJK (a lost line break)."""
    before = text[gap - 1] if gap > 0 else "\n"
    if "\u2e80" <= before <= "\uffef" or before in "!?":
        return True
    return before in _CLOSERS and gap > 1 and text[gap - 2] in "。！？!?"


def _spaced(text: str, start: int, eol: int, number: int) -> list[Candidate]:
    found = []
    for match in _GAP.finditer(text, start, eol):
        if not _after_sentence(text, match.start()):
            continue
        pos = match.end()
        label = chinese.match_label(text, pos, eol)
        if label is None or label.style == "circled":
            continue
        stop = runin_end(text, pos, label.end, eol, strict=True)
        if stop is not None and stop > label.end:
            found.append(Candidate(label, pos, stop, clean_title(text[pos:stop]), number, number,
                                   mid=True))
    return found
