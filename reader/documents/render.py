"""Render Markdown to safe HTML: no scripts, no remote resources, no event handlers."""

from __future__ import annotations

import re

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


def render_markdown(text: str) -> str:
    """The document's Markdown as safe HTML, lists nested as CommonMark nests them (raises NestedTooDeeplyError)."""
    try:
        html = markdown.markdown(indent_lists(text), extensions=EXTENSIONS, output_format="html")
    except RecursionError as error:
        raise NestedTooDeeplyError("the Markdown is nested too deeply to render") from error
    return sanitize_html(html)
