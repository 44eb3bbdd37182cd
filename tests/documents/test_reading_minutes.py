"""reading_minutes counts exactly what the two regular expressions it replaced counted, slice by slice."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from reader.documents import model
from reader.documents.model import reading_counts, reading_minutes

# The original definition: a list of every CJK character and of every other word, then their lengths.
_CJK_CHARS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORDS = re.compile(r"[^\W\u3400-\u9fff\uf900-\ufaff]+")
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def expected_counts(text: str) -> tuple[int, int]:
    return len(_CJK_CHARS.findall(text)), len(_WORDS.findall(text))


def expected_minutes(text: str) -> int:
    cjk, words = expected_counts(text)
    return max(1, round(cjk / 300 + words / 230))


def _documents() -> list[Path]:
    found = sorted(CORPUS.glob("*.txt"))
    for folder in (SHARED / "seeds", SHARED / "testdata"):
        found += sorted(p for p in folder.glob("*") if p.is_file())
    return found


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name[:20])
def test_same_counts_as_the_regular_expressions_on_real_documents(path: Path) -> None:
    data = path.read_bytes()
    text = data.decode("gb18030") if "gb18030" in path.name else data.decode("utf-8")
    assert reading_counts(text) == expected_counts(text)
    assert reading_minutes(text) == expected_minutes(text)


EDGE_CASES = [
    "",
    " ",
    "a",
    "中",
    "\u33ff\u3400\u9fff\ua000\uf8ff\uf900\ufaff\ufb00",  # each end of both CJK ranges and just outside
    "\U00020000\U0002f800 😀 astral 𝐀𝐁",  # beyond the BMP: not in the ranges (surrogate pairs in UTF-16)
    "café naïve Ελληνικά русский ひらがな カタカナ 한국어",  # word characters that are neither ASCII nor CJK
    "“quoted”—dash ‘x’ ½ ² ℃ Ⅻ ｆｕｌｌ，ｗｉｄｔｈ。",
    "snake_case 42 x1 _ __ a-b a.b",
    "中文English混合123文字",
    "\ud800\udfff lone surrogates \udcff",
    "\x00\x1f\x7f\x80\xa0\xad\n\r\t",
    "a" * 1000,
    "中" * 1000,
]


@pytest.mark.parametrize("text", EDGE_CASES)
@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 1 << 18])
def test_edge_cases_and_words_across_slice_boundaries(text: str, chunk: int, monkeypatch) -> None:
    monkeypatch.setattr(model, "_CHUNK_CHARS", chunk)
    assert reading_counts(text) == expected_counts(text)


def test_random_mixtures_match_with_small_slices(monkeypatch) -> None:
    alphabet = "ab_9 .,\n—“”éЖ中國\u3400\u9fff\uf900\ufaffかア한，。ｆ\ufffd"
    generator = random.Random(9)
    for _ in range(300):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randrange(60)))
        monkeypatch.setattr(model, "_CHUNK_CHARS", generator.choice([1, 2, 5, 13, 64]))
        assert reading_counts(text) == expected_counts(text), text


def test_a_novel_twelve_times_over(testdata: Path) -> None:
    text = (testdata / "hongloumeng.gb18030.txt").read_bytes().decode("gb18030") * 12
    assert reading_counts(text) == expected_counts(text)
    assert reading_minutes(text) == expected_minutes(text) > 29000
