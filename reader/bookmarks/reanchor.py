"""Re-anchoring in changed text: at its offset (ok), elsewhere exactly (moved), roughly (fuzzy), or lost (orphaned)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Any

from reader.bookmarks.anchor import anchor_at
from reader.bookmarks.model import Bookmark

FUZZY_THRESHOLD = 0.6
NGRAM = 3
MAX_SAMPLES = 12
MAX_RARE = 6
MAX_HITS = 400
MAX_WINDOWS = 12
MAX_EXACT = 10000


@dataclass(frozen=True)
class Placement:
    status: str
    offset: int
    length: int


def reanchor(bookmark: Bookmark, text: str, content_hash: str, headings: list[Any],
             size_bytes: int = 0) -> Bookmark:
    """The bookmark placed in `text` (hash `content_hash`); unchanged if already placed there."""
    if bookmark.content_hash == content_hash and bookmark.status != "orphaned":
        return bookmark
    place = locate(bookmark, text)
    if place.status == "orphaned":
        return replace(bookmark, status="orphaned")
    placed = anchor_at(bookmark, text, place.offset, place.length, headings, place.status)
    return replace(placed, content_hash=content_hash, size_bytes=size_bytes or bookmark.size_bytes)


def locate(bookmark: Bookmark, text: str) -> Placement:
    """Where the bookmark's passage is in `text` now, and how it was found."""
    if not bookmark.quote:
        return _locate_point(bookmark, text)
    quote, offset = bookmark.quote, bookmark.offset
    if text.startswith(quote, offset):
        return Placement("ok", offset, len(quote))
    hit = _exact(text, quote, bookmark.before, bookmark.after, offset)
    if hit is not None:
        return Placement("moved", hit, len(quote))
    pattern = bookmark.before + quote + bookmark.after
    qs, qe = len(bookmark.before), len(bookmark.before) + len(quote)
    span = _fuzzy(text, pattern, qs, qe, offset - qs)
    if span is not None and span[1] > span[0]:
        return Placement("fuzzy", span[0], span[1] - span[0])
    return Placement("orphaned", offset, bookmark.length)


def _locate_point(bookmark: Bookmark, text: str) -> Placement:
    """A position bookmark (length 0) is found by its context alone."""
    before, after, offset = bookmark.before, bookmark.after, bookmark.offset
    needle = before + after
    if not needle or offset >= len(before) and text.startswith(needle, offset - len(before)):
        return Placement("ok", min(offset, len(text)), 0)
    hit = _exact(text, needle, "", "", offset - len(before))
    if hit is not None:
        return Placement("moved", hit + len(before), 0)
    span = _fuzzy(text, needle, len(before), len(before), offset - len(before))
    if span is not None:
        return Placement("fuzzy", span[0], 0)
    return Placement("orphaned", offset, 0)


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _context_score(text: str, pos: int, length: int, before: str, after: str) -> int:
    preceding = text[max(0, pos - len(before)) : pos]
    following = text[pos + length : pos + length + len(after)]
    return _common_prefix(before[::-1], preceding[::-1]) + _common_prefix(after, following)


def _exact(text: str, quote: str, before: str, after: str, hint: int) -> int | None:
    """The occurrence of `quote` whose surroundings best match the context (then nearest `hint`)."""
    hits: list[int] = []
    pos = text.find(quote)
    while pos != -1 and len(hits) < MAX_EXACT:
        hits.append(pos)
        pos = text.find(quote, pos + 1)
    if not hits:
        return None
    return max(
        hits,
        key=lambda p: (_context_score(text, p, len(quote), before, after), -abs(p - hint)),
    )


def _rare_grams(text: str, pattern: str) -> list[tuple[int, str]]:
    """Up to MAX_RARE (index, n-gram) of `pattern` that occur rarely in `text`; longer n if needed."""
    for n in (NGRAM, 5, 8, 13):
        n = min(n, len(pattern))
        step = max(1, (len(pattern) - n + 1) // MAX_SAMPLES)
        samples: dict[str, int] = {}
        for index in range(0, len(pattern) - n + 1, step):
            gram = pattern[index : index + n]
            if gram.strip():
                samples.setdefault(gram, index)
        counted = sorted((text.count(gram), index, gram) for gram, index in samples.items())
        rare = [(index, gram) for count, index, gram in counted if 0 < count <= MAX_HITS]
        if rare or n == len(pattern):
            return rare[:MAX_RARE]
    return []


def _candidates(text: str, pattern: str, hint: int) -> tuple[list[int], int]:
    """Likely start positions of `pattern` in `text`, found through its rarest n-grams."""
    bucket = max(8, len(pattern) // 2)
    votes: Counter[int] = Counter()
    for index, gram in _rare_grams(text, pattern):
        pos = text.find(gram)
        while pos != -1:
            votes[(pos - index) // bucket] += 1
            pos = text.find(gram, pos + 1)
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], abs(kv[0] * bucket - hint)))
    return [max(0, key * bucket) for key, _ in ranked[:MAX_WINDOWS]], bucket


def _map_index(blocks: list[Any], index: int) -> int:
    """Where pattern position `index` falls in the window, by the matcher's matching blocks."""
    prev_a = prev_b = None
    for a, b, size in blocks:
        if index < a + size or size == 0:
            if index >= a:
                return b + (index - a)
            if prev_a is None:
                return max(0, b - (a - index))
            return min(b, prev_b + (index - prev_a))
        prev_a, prev_b = a + size, b + size
    return prev_b or 0


def _fuzzy(text: str, pattern: str, qs: int, qe: int, hint: int) -> tuple[int, int] | None:
    """The best approximate placement of pattern[qs:qe] (by quote, then whole-pattern similarity)."""
    if not pattern.strip():
        return None
    starts, bucket = _candidates(text, pattern, hint)
    slack = bucket + 16
    quote = pattern[qs:qe] or pattern
    best: tuple[float, float, int, int] | None = None
    for start in starts:
        low, high = max(0, start - slack), min(len(text), start + len(pattern) + slack)
        window = text[low:high]
        blocks = SequenceMatcher(None, pattern, window, autojunk=len(pattern) > 2000)
        matching = blocks.get_matching_blocks()
        begin, end = low + _map_index(matching, qs), low + _map_index(matching, qe)
        if end < begin:
            continue
        found = text[begin:end] if qe > qs else text[begin - qs : begin + len(pattern) - qs]
        score = SequenceMatcher(None, quote, found, autojunk=False).ratio()
        around = text[max(0, begin - qs) : end + len(pattern) - qe]
        whole = SequenceMatcher(None, pattern, around, autojunk=False).ratio()
        if score >= FUZZY_THRESHOLD and (best is None or (score, whole) > best[:2]):
            best = (score, whole, begin, end)
    return None if best is None else (best[2], best[3])
