"""The rendered Markdown view's look: one Qt rich-text stylesheet per reading style, and HTML shaped for it.

Qt's rich text has no left borders, padding or backgrounds on quotes and code blocks, so `shape_html`
puts block quotes and code blocks in one-cell tables (whose cells have them), and gives Markdown tables
the full width (cells wrap instead of running off the page). Only layout changes: the text is the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QFontDatabase

from reader.ui.settings.themes import COLORS, resolve_theme

_CELL = 'width="100%" cellspacing="0" border="0"'
_QUOTE = f'<table class="quote" {_CELL} cellpadding="0"><tr><td class="quote">'
_CODE = f'<table class="code" {_CELL} cellpadding="0"><tr><td class="code">'
_SHAPES = (
    (re.compile(r"<table>", re.IGNORECASE), f'<table class="grid" {_CELL} cellpadding="6">'),
    (re.compile(r"<blockquote\b[^>]*>", re.IGNORECASE), _QUOTE),  # the cell is the quote (Qt's has wide margins)
    (re.compile(r"</blockquote\s*>", re.IGNORECASE), "</td></tr></table>"),
    (re.compile(r"<pre\b[^>]*>", re.IGNORECASE), rf"{_CODE}\g<0>"),
    (re.compile(r"(?:\n?(</code>))?</pre\s*>", re.IGNORECASE), r"\1</pre></td></tr></table>"),  # no blank last line
)


@dataclass(frozen=True)
class ReadingStyle:
    """How the rendered view looks: the theme ("light", "dark", "sepia" or "system"), the line height as
    a multiple of the font's, the reading font family ("" keeps the view's font) and the page margin in px."""

    theme: str = "light"
    line_spacing: float = 1.0
    font_family: str = ""
    margin: int = 4


def shape_html(html: str) -> str:
    """Rendered Markdown with quotes and code blocks in one-cell tables and tables at the full width."""
    for pattern, replacement in _SHAPES:
        html = pattern.sub(replacement, html)
    return html


def markdown_css(style: ReadingStyle) -> str:
    """The Qt rich-text stylesheet for rendered Markdown in `style` (its colours from the theme's palette)."""
    c = COLORS[resolve_theme(style.theme)]
    height = f"line-height: {round(style.line_spacing * 100)}%;"
    mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    family = f"font-family: '{_quoted(style.font_family)}';" if style.font_family else ""
    return f"""
body, p, li, dd, dt, td, th {{ color: {c.ink}; {family} }}
p, li, dd, dt, td, th, h1, h2, h3, h4, h5, h6 {{ {height} {family} }}
a {{ color: {c.link}; text-decoration: underline; }}
h1, h2, h3, h4, h5, h6 {{ color: {c.heading}; margin-top: 18px; margin-bottom: 8px; }}
code {{ font-family: '{_quoted(mono)}', monospace; background-color: {c.code}; color: {c.ink}; }}
pre {{ font-family: '{_quoted(mono)}', monospace; white-space: pre-wrap; {height}
       margin: 0px 0px 0px 24px; text-indent: -24px; }}
table.code {{ margin-top: 6px; margin-bottom: 10px; }}
td.code {{ background-color: {c.code}; padding: 8px 10px 8px 10px; }}
table.grid {{ border-collapse: collapse; margin-top: 6px; margin-bottom: 10px; }}
table.grid td, table.grid th {{ border: 1px solid {c.rule}; padding: 5px 8px 5px 8px; }}
table.grid th {{ background-color: {c.table_header}; color: {c.heading}; }}
table.quote {{ margin-top: 6px; margin-bottom: 10px; }}
td.quote {{ background-color: {c.quote}; border-left: 4px solid {c.quote_bar}; padding: 2px 12px 2px 12px; }}
hr {{ background-color: {c.rule}; }}
"""


def _quoted(family: str) -> str:
    return family.replace("\\", "").replace("'", "")
