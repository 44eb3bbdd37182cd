"""Pinyin glosses such as 學(xué)習(xí): found, and removed for display."""

from __future__ import annotations

import re

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
GLOSS_PATTERN = re.compile(
    rf"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]"
    rf"(?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,7}}[)）]"
)


def gloss_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every pinyin gloss that follows a CJK character."""
    return [match.span() for match in GLOSS_PATTERN.finditer(text)]


def strip_glosses(text: str) -> str:
    """`text` without its pinyin glosses: 學(xué)習(xí) becomes 學習."""
    return GLOSS_PATTERN.sub("", text)
