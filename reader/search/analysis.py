"""Analysis: search folding with an offset map, CJK bigrams and unigrams, English words and stems."""

from __future__ import annotations

import re
import sys
import threading
from array import array
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import add
from operator import sub as _sub
from typing import Callable, Hashable, TypeVar

from whoosh.lang.porter import stem as _porter_stem

from reader.text import fold, gloss_spans

CJK_CLASS = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
    "\U00020000-\U0002ffff"
)
CJK_RE = re.compile(f"[{CJK_CLASS}]")
NON_CJK_RE = re.compile(f"[^{CJK_CLASS}]+")
WORD_CLASS = "0-9a-z\u00b5\u00c0-\u024f\u0370-\u03ff\u0400-\u052f"
WORD_RE = re.compile(f"[{WORD_CLASS}]+")
T = TypeVar("T")


class Glosses:
    """The pinyin glosses removed from a folded text, kept sparse: gloss k was removed before index
    `cuts[k]` of the gloss-free text, `ends[k]` is the length of glosses 0..k together, and `text`
    holds them all, joined."""

    __slots__ = ("cuts", "ends", "text")

    def __init__(self, cuts: array, ends: array, text: str) -> None:
        self.cuts, self.ends, self.text = cuts, ends, text

    def shift(self, index: int) -> int:
        """How many gloss characters come before gloss-free `index` in the source."""
        k = bisect_right(self.cuts, index)
        return self.ends[k - 1] if k else 0

    @property
    def nbytes(self) -> int:
        return 4 * (len(self.cuts) + len(self.ends)) + sys.getsizeof(self.text)


@dataclass(frozen=True)
class Folded:
    """A text folded for matching, pinyin glosses removed (`glosses`: what was removed, None if nothing),
    so folded index i is source offset `i + glosses.shift(i)`."""

    text: str
    glosses: Glosses | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source (offset, length) of folded range [start, end)."""
        if self.glosses is None:
            return start, end - start
        first = start + self.glosses.shift(start)
        return first, end - 1 + self.glosses.shift(end - 1) + 1 - first

    def __len__(self) -> int:
        """The length of the source (glosses included)."""
        return len(self.text) + (self.glosses.ends[-1] if self.glosses is not None else 0)

    def full_window(self, start: int, end: int) -> str:
        """The folded source (glosses kept) from source offset `start` to `end`."""
        glosses = self.glosses
        if glosses is None:
            return self.text[start:end]
        cuts, ends, text, joined = glosses.cuts, glosses.ends, self.text, glosses.text
        end = min(end, len(self))
        out: list[str] = []
        position = start
        # the first gloss that ends after `start`: gloss k spans [cuts[k] + before, cuts[k] + ends[k])
        low, high = 0, len(cuts)
        while low < high:
            middle = (low + high) // 2
            if cuts[middle] + ends[middle] <= start:
                low = middle + 1
            else:
                high = middle
        k = low
        while position < end:
            before = ends[k - 1] if k else 0
            if k < len(cuts):
                gloss_start, gloss_end = cuts[k] + before, cuts[k] + ends[k]
            else:
                gloss_start = gloss_end = len(text) + before
            if position < gloss_start:
                stop = min(end, gloss_start)
                out.append(text[position - before : stop - before])
                position = stop
            elif position < gloss_end:
                stop = min(end, gloss_end)
                out.append(joined[before + position - gloss_start : before + stop - gloss_start])
                position = stop
                k += 1
            else:
                k += 1
        return "".join(out)

    @property
    def full(self) -> str:
        """The whole folded source, glosses kept."""
        return self.text if self.glosses is None else self.full_window(0, len(self))


def fold_for_search(text: str) -> Folded:
    """Fold `text` (length-preserving) and drop pinyin glosses, keeping a map back to `text`."""
    return strip_folded(fold(text))


def strip_folded(folded: str) -> Folded:
    """Drop the pinyin glosses of an already folded text, keeping a map back to it."""
    spans = gloss_spans(folded)
    if not spans:
        return Folded(folded)
    pieces: list[str] = []
    cuts, ends, removed = array("I"), array("I"), []
    position = kept = total = 0
    for start, end in spans:
        pieces.append(folded[position:start])
        kept += start - position
        removed.append(folded[start:end])
        total += end - start
        cuts.append(kept)
        ends.append(total)
        position = end
    pieces.append(folded[position:])
    return Folded("".join(pieces), Glosses(cuts, ends, "".join(removed)))


def fold_query(text: str) -> str:
    """Fold a query string the way documents are folded (glosses after CJK chars dropped)."""
    return fold_for_search(text).text


@lru_cache(maxsize=1 << 19)
def stem(word: str) -> str:
    """The Porter stem of a folded word (memoised: `stem.cache_clear()` forgets)."""
    return _porter_stem(word) if len(word) > 2 and word.isalpha() else word


class Vocabulary:
    """The English words of the documents searched, by stem, so a word query matches every form seen
    (turtle, turtles). Every document is registered before it is scanned: its words when it is
    prepared (`register_words`), or its saved words and stems when its preparation is read
    (`register_known`). A `SearchService` owns one; thread-safe. `generation` changes whenever a
    word is learnt; `memo()` keeps what is built from the words (scan patterns) until then."""

    MEMO_SIZE = 256

    def __init__(self) -> None:
        self._variants: dict[str, set[str]] = {}  # stem -> every folded word with that stem seen so far
        self._known: set[str] = set()
        self._lock = threading.Lock()
        self.generation = 0
        self._memo: tuple[int, dict] = (0, {})

    def register_words(self, folded: str) -> None:
        """Note the words of a folded text."""
        new = set(WORD_RE.findall(folded)) - self._known
        if not new:
            return
        stems = [(word, stem(word)) for word in new]
        with self._lock:
            for word, root in stems:
                self._variants.setdefault(root, set()).add(word)
            self._known.update(new)
            self.generation += 1

    def register_known(self, words: list[str], stems: list[str]) -> None:
        """`register_words` from saved (words, stems) (`known_words`): no regex over the text, no stemming."""
        if self._known.issuperset(words):
            return
        with self._lock:
            for word, root in zip(words, stems, strict=False):
                if word not in self._known:
                    self._variants.setdefault(root, set()).add(word)
                    self._known.add(word)
            self.generation += 1

    def variants(self, root: str) -> list[str]:
        """The registered words whose stem is `root` (longest first), and `root` itself."""
        with self._lock:
            found = set(self._variants.get(root, ())) | {root}
        return sorted(found, key=lambda word: (-len(word), word))

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """`make()`, kept under `key` until a new word is learnt (at most MEMO_SIZE of them)."""
        generation, memo = self._memo
        if generation != self.generation or len(memo) >= self.MEMO_SIZE:
            generation, memo = self._memo = (self.generation, {})
        found = memo.get(key)
        if found is None:
            found = memo[key] = make()
        return found


def known_words(folded: str) -> tuple[list[str], list[str]]:
    """(words, their stems) of a folded text, sorted: what `Vocabulary.register_known` takes (saved with texts)."""
    words = sorted(set(WORD_RE.findall(folded)))
    return words, [stem(word) for word in words]


def is_cjk(text: str) -> bool:
    """Whether `text` holds any CJK character."""
    return CJK_RE.search(text) is not None


def cjk_runs(text: str) -> list[str]:
    """The maximal runs of CJK characters in `text`."""
    return [run for run in NON_CJK_RE.split(text) if run]


def bigram_counts(folded: str) -> Counter:
    """Counts of overlapping CJK bigrams (never across a non-CJK character)."""
    spaced = NON_CJK_RE.sub(" ", folded)
    counts = Counter(map(add, spaced, spaced[1:]))
    return Counter({gram: n for gram, n in counts.items() if " " not in gram})


def unigram_counts(folded: str) -> Counter:
    """Counts of CJK characters."""
    counts = Counter(NON_CJK_RE.sub("", folded))
    return counts


def word_counts(folded: str) -> tuple[Counter, Counter]:
    """(stem counts, counts of unstemmed words whose stem differs) for the English-like words."""
    stems: Counter = Counter()
    raw: Counter = Counter()
    for word, count in Counter(WORD_RE.findall(folded)).items():
        root = stem(word)
        stems[root] += count
        if root != word:
            raw[word] += count
    return stems, raw


def body_terms(folded: str) -> dict[str, int]:
    """Body terms of a passage of folded text: CJK bigrams plus word stems."""
    terms = bigram_counts(folded)
    terms.update(word_counts(folded)[0])
    return dict(terms)


def heading_terms(folded: str) -> dict[str, int]:
    """Terms for a heading or title: CJK unigrams and bigrams plus word stems."""
    terms = bigram_counts(folded)
    terms.update(unigram_counts(folded))
    terms.update(word_counts(folded)[0])
    return dict(terms)


# -- positions of CJK bigrams ---------------------------------------------------------------
# A posting's positions are packed in a str: one character per position, its code point the gap
# from the previous position (the first from -1), so gaps are >= 1 and "\0" never occurs (a posting
# block joins values with it). A gap of ESCAPE or more is written as ESCAPE characters, each worth
# ESCAPE_STEP, then the rest. Pickled as UTF-8 (lone surrogates pass): 1-3 bytes a position.
CJK_RUN_RE = re.compile(f"[{CJK_CLASS}]{{2,}}")
ESCAPE = 0x10FFFF
ESCAPE_STEP = ESCAPE - 1


def bigram_positions(folded: str) -> dict[str, list[int]]:
    """Start index of every overlapping CJK bigram of a folded text, by bigram (never across a
    non-CJK character, like `bigram_counts`)."""
    found: dict[str, list[int]] = {}
    get = found.get
    for match in CJK_RUN_RE.finditer(folded):
        run = match.group()
        for index, gram in enumerate(map(add, run, run[1:]), match.start()):
            places = get(gram)
            if places is None:
                found[gram] = [index]
            else:
                places.append(index)
    return found


def pack_positions(positions: list[int]) -> str:
    """Sorted distinct positions as a str of gaps (see above)."""
    gaps = list(map(_sub, positions, [-1, *positions[:-1]]))
    if positions[-1] < ESCAPE:
        return "".join(map(chr, gaps))
    out = []
    for gap in gaps:
        while gap >= ESCAPE:
            out.append(chr(ESCAPE))
            gap -= ESCAPE_STEP
        out.append(chr(gap))
    return "".join(out)


def unpack_positions(packed: str) -> list[int]:
    """The positions `pack_positions` packed."""
    if chr(ESCAPE) not in packed:
        positions = list(accumulate(map(ord, packed), initial=-1))
        del positions[0]
        return positions
    positions, position, carry = [], -1, 0
    for char in packed:
        gap = ord(char)
        if gap == ESCAPE:
            carry += ESCAPE_STEP
            continue
        position += gap + carry
        carry = 0
        positions.append(position)
    return positions

