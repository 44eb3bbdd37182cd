"""CommonMark heading scanner: ATX and setext headings, in block quotes too, outside code, HTML and front matter."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.text.lines import split_lines

from .inline import strip_inline
from .model import Heading

_ATX = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)(.*)")
_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_CONTAINER = re.compile(r" {0,3}(?:>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))")
_INTERRUPT = re.compile(r" {0,3}(?:>|[-+*][ \t]+\S|1[.)][ \t]+\S)")
_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    "dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|"
    "header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|"
    "param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul")
_ATTR = r"""\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
_HTML_STARTS: list[tuple[re.Pattern[str], re.Pattern[str] | None, bool]] = [
    (re.compile(r" {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)", re.I),
     re.compile(r"</(?:script|pre|style|textarea)>", re.I), True),
    (re.compile(r" {0,3}<!--"), re.compile(r"-->"), True),
    (re.compile(r" {0,3}<\?"), re.compile(r"\?>"), True),
    (re.compile(r" {0,3}<![A-Za-z]"), re.compile(r">"), True),
    (re.compile(r" {0,3}<!\[CDATA\["), re.compile(r"\]\]>"), True),
    (re.compile(r" {0,3}</?(?:%s)(?:\s|/?>|$)" % _BLOCK_TAGS, re.I), None, True),
    (re.compile(r" {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:%s)*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$"
                % _ATTR), None, False),
]
_QUOTE = re.compile(r" {0,3}> ?")
_ATTRIBUTE = r"""(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+))"""
_ATTRIBUTES = re.compile(rf"[ \t]*\{{:?[ \t]*{_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*[ \t]*\}}[ \t]*$")  # {#id .class}
_FRONT_TITLE = re.compile(r"title\s*:\s*(.*?)\s*$", re.I)
_YAML_KEY = re.compile(r"[\"']?[\w-]+[\"']?\s*:(?:\s|$)")


@dataclass
class _Para:
    """An open paragraph: where it starts and the lines it has so far."""

    offset: int
    line: int
    lines: list[str] = field(default_factory=list)
    end: int = 0
    container: bool = False


def front_matter(lines: list[str]) -> tuple[int, str]:
    """(number of lines the YAML front matter spans, its title or ''): '---', 'key: value' lines, '---'.
    A '---' opening anything else is a thematic break (or a setext underline) and what follows is Markdown."""
    if len(lines) < 2 or lines[0].rstrip() != "---" or not _YAML_KEY.match(lines[1]):
        return 0, ""
    title = ""
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return index + 1, title
        match = _FRONT_TITLE.match(lines[index])
        if match and not title:
            title = match.group(1).strip("'\"")
    return 0, ""


def extract_markdown(text: str) -> list[Heading]:
    """All headings of a CommonMark document, flat, in document order."""
    return _Scanner(text).run()


def _unquote(line: str, limit: int) -> tuple[int, int]:
    """(how many block-quote markers open the line, at most `limit`; where the quoted content starts)."""
    depth, cut = 0, 0
    while depth < limit and (match := _QUOTE.match(line, cut)) is not None:
        depth, cut = depth + 1, match.end()
    return depth, cut


def _without_attributes(content: str) -> str:
    """'Title {#id .class}' -> 'Title' (an attribute list is not part of the title)."""
    return _ATTRIBUTES.sub("", content)


def _indent(line: str) -> int:
    stripped = line.lstrip(" \t")
    return len(line[: len(line) - len(stripped)].expandtabs(4))


class _Scanner:
    """Line-by-line block scanner; only tracks what decides whether a line is a heading."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = split_lines(text)
        self.out: list[Heading] = []
        self.para: _Para | None = None
        self.fence: tuple[str, int] | None = None
        self.html_end: re.Pattern[str] | None = None
        self.in_html = False
        self.depth = 0  # block quotes the open blocks are in

    def run(self) -> list[Heading]:
        skip, _ = front_matter(self.lines)
        offset = sum(len(line) + 1 for line in self.lines[:skip])
        for number in range(skip, len(self.lines)):
            line = self.lines[number]
            self.step(line, offset, number + 1)
            offset += len(line) + 1
        return self.out

    def step(self, line: str, offset: int, number: int) -> None:
        inside = bool(self.fence or self.in_html)
        depth, cut = _unquote(line, self.depth if inside else 1 << 30)
        if inside and depth < self.depth:  # the quote around the code or HTML ended
            self.fence, self.in_html = None, False
            depth, cut = _unquote(line, 1 << 30)
        if depth != self.depth and not (self.fence or self.in_html):
            if depth < self.depth and self.lazy(line[cut:], offset + cut):
                return
            self.para, self.depth = None, depth
        self.step_inner(line[cut:], offset + cut, number)

    def lazy(self, line: str, offset: int) -> bool:
        """A paragraph continuation line that dropped its '>' (itself never a setext underline)."""
        para = self.para
        if para is None or not line.strip() or _BREAK.match(line) or _ATX.match(line) or _FENCE.match(line) \
                or _INTERRUPT.match(line):
            return False
        para.lines.append(line)
        para.end = offset + len(line.rstrip())
        return True

    def step_inner(self, line: str, offset: int, number: int) -> None:
        if self.fence:
            self.close_fence(line)
        elif self.in_html:
            self.continue_html(line)
        elif not line.strip():
            self.para = None
        elif _indent(line) >= 4 and self.para is None:
            pass  # indented code
        else:
            self.block_line(line, offset, number)

    def close_fence(self, line: str) -> None:
        char, size = self.fence  # type: ignore[misc]
        match = _FENCE.match(line)
        if match and match.group(1)[0] == char and len(match.group(1)) >= size \
                and not match.group(2).strip():
            self.fence = None

    def continue_html(self, line: str) -> None:
        if self.html_end is None:
            self.in_html = bool(line.strip())
        elif self.html_end.search(line):
            self.in_html = False

    def block_line(self, line: str, offset: int, number: int) -> None:
        if self.para and not self.para.container and _SETEXT.match(line):
            self.setext(line)
        elif _BREAK.match(line):
            self.para = None
        elif (match := _ATX.match(line)) is not None:
            self.atx(match, line, offset, number)
        elif (match := _FENCE.match(line)) is not None and not (
                match.group(1)[0] == "`" and "`" in match.group(2)):
            self.fence = (match.group(1)[0], len(match.group(1)))
            self.para = None
        elif self.start_html(line):
            self.para = None
        else:
            self.paragraph(line, offset, number)

    def start_html(self, line: str) -> bool:
        for start, end, interrupts in _HTML_STARTS:
            if start.match(line) and (interrupts or self.para is None):
                self.html_end = end
                self.in_html = not (end.search(line) if end else False)
                return True
        return False

    def atx(self, match: re.Match[str], line: str, offset: int, number: int) -> None:
        self.para = None
        content = _CLOSING.sub("", _without_attributes(_CLOSING.sub("", match.group(2).strip(" \t"))))
        start = line.index("#")
        self.out.append(Heading(level=len(match.group(1)), title=strip_inline(content),
                                offset=offset + start, length=len(line.rstrip()) - start,
                                line=number))

    def setext(self, line: str) -> None:
        para = self.para
        assert para is not None
        self.para = None
        level = 1 if line.strip()[0] == "=" else 2
        title = strip_inline(_without_attributes(" ".join(part.strip() for part in para.lines)))
        self.out.append(Heading(level=level, title=title, offset=para.offset,
                                length=para.end - para.offset, line=para.line))

    def paragraph(self, line: str, offset: int, number: int) -> None:
        if self.para is not None and _INTERRUPT.match(line):
            self.para = None
        if self.para is None:
            start = len(line) - len(line.lstrip(" \t"))
            self.para = _Para(offset=offset + start, line=number,
                              container=bool(_CONTAINER.match(line)))
        self.para.lines.append(line)
        self.para.end = offset + len(line.rstrip())
