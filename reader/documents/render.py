"""Render Markdown to safe HTML: no scripts, no remote resources, no event handlers."""

from __future__ import annotations

import re
from html import escape as html_escape

import markdown

from reader.documents.errors import DocumentError
from reader.documents.lists import indent_lists

EXTENSIONS = ["tables", "fenced_code", "sane_lists", "footnotes", "def_list", "abbr"]
_DANGEROUS = "script|style|iframe|object|embed|applet|form|frameset|frame|meta|link|base|svg|math"
_DANGEROUS_PAIRS = re.compile(rf"<({_DANGEROUS})\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_DANGEROUS_TAGS = re.compile(rf"</?({_DANGEROUS})\b[^>]*>", re.IGNORECASE)
_EVENT_ATTRIBUTES = re.compile(r"""\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)
_SCRIPT_URLS = re.compile(r"""(href|src)\s*=\s*(["']?)\s*(javascript|vbscript|data):""", re.IGNORECASE)
_REMOTE_IMAGES = re.compile(r"""<img\b[^>]*\bsrc\s*=\s*["']?(https?:|//|ftp:)[^>]*>""", re.IGNORECASE)


def sanitize_html(html: str) -> str:
    """Drop active content and remote images from rendered HTML."""
    html = _DANGEROUS_PAIRS.sub("", html)
    html = _DANGEROUS_TAGS.sub("", html)
    html = _EVENT_ATTRIBUTES.sub("", html)
    html = _SCRIPT_URLS.sub(r"\1=\2#blocked:", html)
    return _REMOTE_IMAGES.sub("", html)


class NestedTooDeeplyError(DocumentError):
    """The Markdown nests lists or quotes too deeply to render; show it as plain text instead."""


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n((?:[A-Za-z0-9_][\w -]*:.*\n|[ \t-].*\n)+?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_TAG_LINE_START = re.compile(r"^(#+)(?=[^\s#])", re.MULTILINE)  # `#tag`: CommonMark wants a space after a heading's #
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)


def render_markdown(text: str) -> str:
    """The document's Markdown as safe HTML, lists nested as CommonMark nests them (raises NestedTooDeeplyError).
    YAML front matter shows as a table of properties (as note apps show it); `#tag` at a line start is text."""
    properties, body = _front_matter(text)
    try:
        html = markdown.markdown(indent_lists(_literal_tags(body)), extensions=EXTENSIONS, output_format="html")
    except RecursionError as error:
        raise NestedTooDeeplyError("the Markdown is nested too deeply to render") from error
    return sanitize_html(properties + html)


def _front_matter(text: str) -> tuple[str, str]:
    """(an HTML table of the front matter's `key: value` lines, the text after it); no front matter: ("", text)."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return "", text
    rows = []
    for line in match.group(1).splitlines():
        key, _, value = line.partition(":")
        if key.strip() and not line[:1].isspace():
            value = value.strip()
            if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            rows.append(f"<tr><th>{html_escape(key.strip())}</th><td>{html_escape(value)}</td></tr>")
    return f'<table class="properties">{"".join(rows)}</table>\n', text[match.end():]


def _literal_tags(text: str) -> str:
    """`#tag` at the start of a line (outside fenced code) escaped, so Python-Markdown keeps it as text."""
    if "#" not in text:
        return text
    parts, inside, start = [], False, 0
    for fence in _FENCE.finditer(text):
        chunk = text[start:fence.start()]
        parts.append(chunk if inside else _TAG_LINE_START.sub(r"\\\1", chunk))
        parts.append(fence.group(0))
        inside, start = not inside, fence.end()
    tail = text[start:]
    parts.append(tail if inside else _TAG_LINE_START.sub(r"\\\1", tail))
    return "".join(parts)
