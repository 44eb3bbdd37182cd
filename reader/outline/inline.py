"""Strip Markdown inline markup from a heading's text, leaving plain display text."""
from __future__ import annotations

import html
import re

_CODE = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.S)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_IMAGE = re.compile(r"!\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+|[^@<>\s]+@[^@<>\s]+)>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_STARS = re.compile(r"\*+(?=\S)|(?<=\S)\*+|~~")
_UNDERSCORES = re.compile(r"(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")
_BASE = 0xF0000  # private-use plane: placeholders for escaped characters


def strip_inline(text: str) -> str:
    """Plain text of a Markdown inline string (emphasis, code, links, images, html removed)."""
    parts: list[str] = []
    last = 0
    for match in _CODE.finditer(text):
        parts.append(_strip_markup(text[last:match.start()]))
        parts.append(_code_content(match.group(2)))
        last = match.end()
    parts.append(_strip_markup(text[last:]))
    return " ".join("".join(parts).split())


def _code_content(code: str) -> str:
    if len(code) > 2 and code.startswith(" ") and code.endswith(" ") and code.strip():
        return code[1:-1]
    return code


def _strip_markup(text: str) -> str:
    text = _ESCAPE.sub(lambda m: chr(_BASE + ord(m.group(1))), text)
    text = _COMMENT.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _STARS.sub("", text)
    text = _UNDERSCORES.sub("", text)
    text = html.unescape(text)
    return "".join(chr(ord(c) - _BASE) if ord(c) >= _BASE + 0x21 and ord(c) < _BASE + 0x7F else c
                   for c in text)
