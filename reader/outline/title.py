"""Heading title text: pinyin glosses, whitespace, run-in title spans, boilerplate lines."""
from __future__ import annotations

import re

_PINYIN = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])[（(][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,8}[)）]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TRAILING = " \t\u3000。;；:：,，、"
_RUNIN_STOPS = re.compile(r"[。！？；：!?;:]|[ \t\u3000]")
_COMMAS = "，,、"
_ARTICLE_STOP = re.compile(r"[。！？；：!?;:]")
_BOILERPLATE_ANYWHERE = re.compile(r"本文关键词[:：]|本文简介[:：]|本文内容[:：]|本文標題")  # each has 本文
_BOILERPLATE_START = re.compile(
    r"\s*(?:(?:上一篇|下一篇|上一篇文章|下一篇文章)[:：]"
    r"|查看更多|相关文章|相關文章|相关推荐|相关阅读|热门文章|猜你喜欢|您可能关注|文档介绍"
    r"|前言[:：]\s*本站|申明敬告|免责声明[:：]|版权声明)")
_KEYWORDS_SUFFIX = re.compile(r"[ \t\u3000]*本文(?:关键词|简介|内容)[:：].*$")
_SALUTATION = re.compile(r"(?:同志们|同志們|朋友们|朋友們|各位(?:领导|領導|代表|来宾|來賓)?)$")
MAX_RUNIN = 40
MAX_LINE_TITLE = 80


def clean_title(raw: str) -> str:
    """Display text: pinyin glosses dropped, whitespace collapsed, trailing punctuation trimmed."""
    words = _PINYIN.sub("", raw).split()
    spaced = 0  # '总　　则': a short title spaced out character by character (regulations do)
    while spaced < len(words) - 1 and len(words[-1 - spaced]) == 1 and _CJK.match(words[-1 - spaced]):
        spaced += 1
    if spaced >= 2:
        words[-spaced:] = ["".join(words[-spaced:])]
    return " ".join(words).strip(_TRAILING)


def is_boilerplate(line: str) -> bool:
    """Web-scrape boilerplate line (keywords, summary, prev/next links, disclaimers)."""
    return bool(_BOILERPLATE_START.match(line) or ("本文" in line and _BOILERPLATE_ANYWHERE.search(line)))


def strip_keywords(line: str) -> str:
    """'X 本文关键词:…' -> 'X'."""
    return _KEYWORDS_SUFFIX.sub("", line)


def line_title_end(text: str, start: int, eol: int) -> int:
    """End of a whole-line heading (trailing whitespace excluded)."""
    while eol > start and text[eol - 1] in " \t\u3000":
        eol -= 1
    return eol


def runin_end(text: str, offset: int, body: int, eol: int, strict: bool) -> int | None:
    """End of a run-in title starting at offset whose text after the label starts at body.

    Stops at the first sentence/clause stop or whitespace (a lost line break: the title is the
    whole former line); titles stopped by punctuation are capped, cut at a comma. Returns None
    when nothing title-like ends soon enough (running prose); strict (mid-paragraph) titles
    must end by themselves.
    """
    match = _RUNIN_STOPS.search(text, body + 1, min(eol, body + MAX_LINE_TITLE))
    stop = match.start() if match else None
    if stop is None:
        if eol - body > MAX_LINE_TITLE or strict:
            return None
        stop = eol
    if stop < eol and text[stop] in ":：":
        stop = drop_salutation(text, body, stop)
    limit = raw_end(text, offset, stop, MAX_RUNIN)
    if stop <= limit or text[stop].isspace():
        return stop
    if strict:
        return None
    window = text[offset:limit]
    cut = max(window.rfind(c) for c in _COMMAS)
    return offset + cut if cut > 6 else limit


def article_end(text: str, body: int, eol: int) -> int:
    """End of an article's entry (第X条 …): its first sentence, or up to a comma within MAX_RUNIN."""
    match = _ARTICLE_STOP.search(text, body, eol)
    stop = match.start() if match else eol
    if stop - body <= MAX_RUNIN:
        return stop
    cut = max(text.rfind(c, body, body + MAX_RUNIN) for c in "，,")
    return cut if cut > body else body + MAX_RUNIN


def drop_salutation(text: str, body: int, end: int) -> int:
    """'标题同志们' before a colon (a lost break) -> end before the salutation."""
    salutation = _SALUTATION.search(text, body, end)
    return salutation.start() if salutation and salutation.start() > body else end


def raw_end(text: str, offset: int, stop: int, clean_chars: int) -> int:
    """Raw index where clean_chars characters of display text (glosses excluded) end."""
    end = offset + clean_chars
    for gloss in _PINYIN.finditer(text, offset, stop):
        if gloss.start() >= end:
            break
        end += gloss.end() - gloss.start()
    return end
