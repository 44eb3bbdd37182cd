"""Analysis: search folding with an offset map, CJK bigrams and unigrams, English words and stems."""

from __future__ import annotations

import re
import threading
from array import array
from collections import Counter
from dataclasses import dataclass
from operator import add

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
_STEMS: dict[str, str] = {}


@dataclass(frozen=True)
class Folded:
    """A text folded for matching, pinyin glosses removed; `origin[i]` is the source offset of `text[i]`."""

    text: str
    origin: array | None = None  # None: identity (no glosses were removed)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source (offset, length) of folded range [start, end)."""
        if self.origin is None:
            return start, end - start
        first = self.origin[start]
        return first, self.origin[end - 1] + 1 - first


def fold_for_search(text: str) -> Folded:
    """Fold `text` (length-preserving) and drop pinyin glosses, keeping a map back to `text`."""
    folded = fold(text)
    spans = gloss_spans(folded)
    if not spans:
        return Folded(folded)
    pieces: list[str] = []
    origin = array("l")
    position = 0
    for start, end in spans:
        pieces.append(folded[position:start])
        origin.extend(range(position, start))
        position = end
    pieces.append(folded[position:])
    origin.extend(range(position, len(folded)))
    return Folded("".join(pieces), origin)


def fold_query(text: str) -> str:
    """Fold a query string the way documents are folded (glosses after CJK chars dropped)."""
    return fold_for_search(text).text


def stem(word: str) -> str:
    """The Porter stem of a folded word (cached)."""
    found = _STEMS.get(word)
    if found is None:
        found = _porter_stem(word) if len(word) > 2 and word.isalpha() else word
        if len(_STEMS) < 500_000:
            _STEMS[word] = found
    return found


_VARIANTS: dict[str, set[str]] = {}  # stem -> every folded word with that stem seen so far
_KNOWN: set[str] = set()
_VARIANTS_LOCK = threading.Lock()
_GENERATION = [0]


def words_generation() -> int:
    """Changes whenever `register_words` learns a new word (cached patterns must be rebuilt)."""
    return _GENERATION[0]


def register_words(folded: str) -> None:
    """Note the words of a folded text, so `variants()` knows them (every document searched is
    prepared, and so registered, before it is scanned)."""
    new = set(WORD_RE.findall(folded)) - _KNOWN
    if not new:
        return
    stems = [(word, stem(word)) for word in new]
    with _VARIANTS_LOCK:
        for word, root in stems:
            _VARIANTS.setdefault(root, set()).add(word)
        _KNOWN.update(new)
        _GENERATION[0] += 1


def variants(root: str) -> list[str]:
    """The registered words whose stem is `root` (longest first), and `root` itself."""
    with _VARIANTS_LOCK:
        found = set(_VARIANTS.get(root, ())) | {root}
    return sorted(found, key=lambda word: (-len(word), word))


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
