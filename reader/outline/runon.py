"""Markers in run-on text whose line breaks vanished with nothing in their place."""
from __future__ import annotations

import bisect
import re

from . import chinese
from .chinese import Label
from .title import MAX_LINE_TITLE, MAX_RUNIN, drop_salutation, raw_end

_MARKER_CHARS = "第篇(（一二三四五六七八九十0-9０-９"
_CLOSERS = "”’」』\"')）"
_AFTER_STOP = re.compile(rf"(?:([。！？；!?;])[{_CLOSERS}]*|([:：]))(?=[{_MARKER_CHARS}])")
_FIRST = r"(?:[一1１][、.．](?![0-9０-９])|[(（][一1１][)）]|第一[,，、])"
_AFTER_TITLE_LINE = re.compile(
    rf"(?:[。！？；!?;][{_CLOSERS}]*|[:：])[^，,。！？；：:;!?\s0-9]{{4,{MAX_RUNIN}}}?(?={_FIRST})")
_NESTED_FIRST = re.compile(_FIRST)
_STOP = re.compile(r"[。！？；：!?;:]|本文(?:关键词|简介|内容)")
_BOILERPLATE = re.compile(
    r"本文简介[:：](?:.{0,600}?本文内容[:：]|.{0,300})|本文关键词[:：].{0,60}"
    r"|(?:上一篇|下一篇|相关文章|相關文章|查看更多|相关推荐|相关阅读)[:：]?.{0,60}")
_COMMAS = "，,"


def markers(text: str, start: int, eol: int) -> list[tuple[Label, int, str]]:
    """(label, title end, boundary) of each marker right after a sentence end, colon or title."""
    masked = [(m.start(), m.end()) for m in _BOILERPLATE.finditer(text, start, eol)]
    found: dict[int, tuple[Label, int, str]] = {}
    for match in _AFTER_STOP.finditer(text, start, eol):
        _collect(text, match.end(), eol, match.group(1) or match.group(2), masked, found)
    for match in _AFTER_TITLE_LINE.finditer(text, start, eol):
        _collect(text, match.end(), eol, "line", masked, found)
    return [found[pos] for pos in sorted(found)]


def _collect(text: str, pos: int, eol: int, boundary: str, masked: list[tuple[int, int]],
             found: dict[int, tuple[Label, int, str]]) -> None:
    while pos not in found and not _inside(masked, pos):
        label = chinese.match_label(text, pos, eol)
        if label is None or label.style == "circled" or (boundary in ":：line" and label.value != 1):
            return
        end, nested = title_end(text, pos, label.end, eol)
        if end <= label.end:
            return
        found[pos] = (label, end, boundary)
        if nested is None:
            return
        pos, boundary = nested, "title"


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    index = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return index >= 0 and spans[index][0] <= pos < spans[index][1]


def title_end(text: str, offset: int, body: int, eol: int) -> tuple[int, int | None]:
    """End of a run-in title with no line break after it, and a nested first marker ending it."""
    horizon = min(eol, body + MAX_LINE_TITLE)
    match = _STOP.search(text, body + 1, horizon)
    stop = match.start() if match else horizon
    cap = raw_end(text, offset, stop, MAX_RUNIN)
    nested = _NESTED_FIRST.search(text, body + 2, min(cap, stop))
    if nested:
        return _undouble(text, body, nested.start()), nested.start()
    end = _undouble(text, body, stop)
    if match and match.group() in ":：":
        end = drop_salutation(text, body, end)
    if end <= cap:
        return end, None
    return _first_clause(text, offset, cap), None


def _first_clause(text: str, offset: int, cap: int) -> int:
    """A title glued to its body: keep its first comma-ended clause (a clean prefix)."""
    cuts = [i for i in (text.find(c, offset + 6, cap) for c in _COMMAS) if i > 0]
    return min(cuts) if cuts else cap


def _undouble(text: str, body: int, end: int) -> int:
    """'篇2:标题标题' (a scraped title repeated) -> end after the first copy."""
    while end > body and text[end - 1] in " \t\u3000":
        end -= 1
    half = (end - body) // 2
    if half >= 4 and text[body:body + half] == text[body + half:end]:
        return body + half
    return end
