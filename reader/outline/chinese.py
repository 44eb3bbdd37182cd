"""Chinese numbering conventions: GB/T 9704 list labels, 第X卷/章/回/节/条…, 楔子/番外…, 篇N:, 第一，."""
from __future__ import annotations

import re
from dataclasses import dataclass

ZH_DIGITS = "零〇一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟"
_CN = f"[{ZH_DIGITS}]{{1,8}}"
_SMALL_CN = "[一二三四五六七八九十]{1,3}"
_AR = "[0-9０-９]{1,5}"
_UNITS = {"编": 0, "部分": 0, "部": 0, "卷": 0, "篇": 0, "章": 1, "回": 1, "节": 2, "条": 3}
SEPARATORS = " \t\u3000、,，:：.．·—-"
_TERMS = "，,。；;…！？!?"
_GLUED = set("里的了说写讲提是")  # 第十一章里写到的… is prose, not a title glued to its label

_CHAPTER = re.compile(rf"第[ \u3000]?({_CN}|{_AR})[ \u3000]?(编|部分|部|卷|篇|章|回|节|条)")
_PIAN = re.compile(rf"篇[ \u3000]?({_AR}|{_CN})[ \u3000]?[:：]")
_DI_COMMA = re.compile(rf"第({_SMALL_CN})[,，、]")
_ZH_NUM = re.compile(rf"({_SMALL_CN})[、．.]")
_ZH_PAREN = re.compile(rf"[（(][ \u3000]?({_SMALL_CN})[ \u3000]?[)）]")
_AR_PAREN = re.compile(r"[（(][ \u3000]?([0-9０-９]{1,2})[ \u3000]?[)）]")
_ARABIC = re.compile(r"([0-9０-９]{1,2})[.、．](?![0-9０-９])")
_CIRCLED = re.compile("[\u2460-\u2473\u2776-\u277f]")
_RANGE_WORDS = set("线级类等期批档产次季和至到或、")
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
              "陆": 6, "柒": 7, "捌": 8, "玖": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
# Novel headings without a number: chapter-like ones (level of 章) and book-like ones (level of 卷).
_EXTRA_WORDS = "楔子|序章|序幕|引子|尾声|尾聲|终章|終章|后记|後記|完本感言|番外篇?"
_EXTRA = re.compile(rf"({_EXTRA_WORDS})([{ZH_DIGITS}0-9０-９]{{0,4}})")
_EXTRA_RANKS = {"后记": 0, "後記": 0, "完本感言": 0, "番外": 0, "番外篇": 0}
_EXTRA_MAX = 30
EXTRA_CHARS = frozenset("楔序引尾终終后後完番")
FIRST_CHARS = frozenset("第篇(（" + "一二三四五六七八九十" + "0123456789０１２３４５６７８９"
                        + "".join(map(chr, range(0x2460, 0x2474))))


@dataclass
class Label:
    """A numbering label found at a position: its style, value and where its title starts."""

    style: str
    value: int
    start: int
    end: int
    rank: int | None = None


def cn_number(digits: str) -> int:
    """Value of Chinese (一百二十, 十六) or Arabic/full-width digits."""
    ascii_digits = digits.translate(_FULLWIDTH)
    if ascii_digits.isdigit():
        return int(ascii_digits)
    total, current = 0, 0
    for char in digits:
        if char in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[char]
            current = 0
        else:
            current = current * 10 + _CN_VALUES.get(char, 0) if current else _CN_VALUES.get(char, 0)
    return total + current


def match_label(text: str, pos: int, eol: int) -> Label | None:
    """The Chinese numbering label starting exactly at text[pos], if any."""
    if pos >= eol or text[pos] not in FIRST_CHARS:
        return None
    for finder in (_chapter, _pian, _di_comma, _zh_num, _zh_paren, _ar_paren, _arabic, _circled):
        label = finder(text, pos, eol)
        if label:
            return label
    return None


def _chapter(text: str, pos: int, eol: int) -> Label | None:
    match = _CHAPTER.match(text, pos, eol)
    if not match:
        return None
    end = match.end()
    if end < eol and text[end] not in SEPARATORS:
        rest = text[end:eol]
        if len(rest) > 30 or any(c in _TERMS for c in rest) or rest[0] in _GLUED:
            return None
    unit = match.group(2)
    return Label(f"chapter:{unit}", cn_number(match.group(1)), pos, _skip_separators(text, end, eol),
                 _UNITS[unit])


def match_extra(text: str, pos: int, eol: int) -> Label | None:
    """A whole-line novel heading without 第X: 楔子, 序章, 番外一 …, 尾声, 后记, 完本感言 (line starts only)."""
    match = _EXTRA.match(text, pos, eol)
    if not match:
        return None
    end = match.end()
    rest = text[end:eol].strip()
    if rest and (text[end] not in SEPARATORS or len(rest) > _EXTRA_MAX or any(c in _TERMS for c in rest)):
        return None
    word = match.group(1)
    rank = _EXTRA_RANKS.get(word, 1)
    value = cn_number(match.group(2)) if match.group(2) else 0
    return Label(f"extra:{'卷' if rank == 0 else '章'}", value, pos, _skip_separators(text, end, eol), rank)


def _pian(text: str, pos: int, eol: int) -> Label | None:
    match = _PIAN.match(text, pos, eol)
    if not match:
        return None
    return Label("pian", cn_number(match.group(1)), pos, match.end(), 0)


def _di_comma(text: str, pos: int, eol: int) -> Label | None:
    match = _DI_COMMA.match(text, pos, eol)
    return Label("di", cn_number(match.group(1)), pos, match.end()) if match else None


def _zh_num(text: str, pos: int, eol: int) -> Label | None:
    match = _ZH_NUM.match(text, pos, eol)
    if not match:
        return None
    end = match.end()
    if end < eol and text[end] in "一二三四五六七八九十":  # 一、二线城市 / 一、二、三等奖
        if end + 1 >= eol or text[end + 1] in _RANGE_WORDS or text[end + 1] in "一二三四五六七八九十":
            return None
    if match.group(0)[-1] == "." and end < eol and text[end].isascii() and text[end].isalnum():
        return None
    return Label("zh", cn_number(match.group(1)), pos, end)


def _zh_paren(text: str, pos: int, eol: int) -> Label | None:
    match = _ZH_PAREN.match(text, pos, eol)
    return Label("zh()", cn_number(match.group(1)), pos, match.end()) if match else None


def _ar_paren(text: str, pos: int, eol: int) -> Label | None:
    match = _AR_PAREN.match(text, pos, eol)
    return Label("ar()", cn_number(match.group(1)), pos, match.end()) if match else None


def _arabic(text: str, pos: int, eol: int) -> Label | None:
    match = _ARABIC.match(text, pos, eol)
    if not match or (pos > 0 and text[pos - 1].isdigit()):
        return None
    return Label("ar", cn_number(match.group(1)), pos, match.end())


def _circled(text: str, pos: int, eol: int) -> Label | None:
    if not _CIRCLED.match(text, pos, eol):
        return None
    code = ord(text[pos])
    value = code - 0x2460 + 1 if code < 0x2476 else code - 0x2776 + 1
    return Label("circled", value, pos, pos + 1)


def _skip_separators(text: str, pos: int, eol: int) -> int:
    while pos < eol and text[pos] in SEPARATORS:
        pos += 1
    return pos
