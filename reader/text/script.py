"""Chinese script display with OpenCC: the converted text, and a map between its offsets and the source's."""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from reader.text.fold import fold

# Script id -> the OpenCC conversions applied in turn (None: the text as written). Taiwan and Hong Kong go
# through simplified first, so their phrase tables see the words they expect whatever the source's script.
SCRIPTS: dict[str, tuple[str, ...] | None] = {
    "as-written": None,
    "simplified": ("t2s",),
    "traditional": ("s2t",),
    "taiwan": ("t2s", "s2twp"),
    "hongkong": ("t2s", "s2hk"),
}
CHUNK_CHARS = 8192  # converted this many characters (cut at a line end) at a time: OpenCC holds the GIL


class ScriptUnavailable(RuntimeError):
    """OpenCC is not installed; str() says so in one line."""


@lru_cache(maxsize=8)
def _converter(config: str):
    try:
        import opencc
    except ImportError as error:  # pragma: no cover - a dependency of the package
        raise ScriptUnavailable("Chinese script display needs the opencc package (pip install opencc)") from error
    return _CConverter.open(opencc, config) or opencc.OpenCC(config)


class _CConverter:
    """OpenCC through its C API (exported by the binding's own library), called with ctypes, which lets go
    of the GIL during each call: loading a dictionary (~50-80 ms) or converting a chunk through the Python
    binding would hold it, and so stall the UI thread while a worker converts."""

    def __init__(self, library, handle: int, fallback) -> None:
        self._library, self._handle, self._fallback = library, handle, fallback

    @classmethod
    def open(cls, opencc, config: str) -> _CConverter | None:
        """The converter for `config` (e.g. "s2t"), or None where the C API is not there."""
        try:
            import ctypes

            from opencc.clib import opencc_clib

            library = ctypes.CDLL(opencc_clib.__file__)
            library.opencc_open.restype = ctypes.c_void_p
            library.opencc_open.argtypes = [ctypes.c_char_p]
            library.opencc_convert_utf8.restype = ctypes.c_void_p
            library.opencc_convert_utf8.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
            library.opencc_convert_utf8_free.argtypes = [ctypes.c_void_p]
            share = Path(opencc.__file__).parent / "clib" / "share" / "opencc" / f"{config}.json"
            handle = library.opencc_open(os.fsencode(share)) if share.is_file() else None
        except (ImportError, OSError, AttributeError):
            return None
        if not handle or handle == ctypes.c_void_p(-1).value:
            return None
        return cls(library, handle, lambda: opencc.OpenCC(config))

    def convert(self, text: str) -> str:
        if "\0" in text:  # the C API reads a C string back: convert around the NULs
            return "\0".join(self.convert(part) for part in text.split("\0"))
        data = text.encode("utf-8", "surrogatepass")
        result = self._library.opencc_convert_utf8(self._handle, data, len(data))
        if not result:
            return self._fallback().convert(text)
        try:
            import ctypes

            return ctypes.string_at(result).decode("utf-8", "surrogatepass")
        finally:
            self._library.opencc_convert_utf8_free(result)


def convert_text(text: str, script: str) -> str:
    """`text` in `script` (see SCRIPTS); offsets may shift where phrases change length."""
    steps = SCRIPTS[script]
    for step in steps or ():
        text = _converter(step).convert(text)
    return text


@dataclass
class ScriptMap:
    """Maps source offsets to display offsets and back. Outside the `blocks` (display start, display end,
    source start, source end) where a conversion changed a run's length, characters correspond one to one,
    shifted by the blocks before them; a span that starts or ends inside a block takes the whole block."""

    blocks: list[tuple[int, int, int, int]]
    source_length: int
    display_length: int

    def __post_init__(self) -> None:
        self._d_starts = [b[0] for b in self.blocks]
        self._s_starts = [b[2] for b in self.blocks]

    def to_view(self, offset: int, end: bool = False) -> int:
        """The display offset of source offset `offset` (inside a changed run: its start, or its end if `end`)."""
        offset = max(0, min(offset, self.source_length))
        index = bisect_right(self._s_starts, offset) - 1
        if index < 0:
            return offset
        d0, d1, s0, s1 = self.blocks[index]
        if offset < s1:
            return d0 if offset == s0 or not end else d1
        return offset - s1 + d1

    def to_source(self, position: int, end: bool = False) -> int:
        """The source offset of display offset `position` (inside a changed run: its start, or end if `end`)."""
        position = max(0, min(position, self.display_length))
        index = bisect_right(self._d_starts, position) - 1
        if index < 0:
            return position
        d0, d1, s0, s1 = self.blocks[index]
        if position < d1:
            return s0 if position == d0 or not end else s1
        return position - d1 + s1

    def view_range(self, offset: int, length: int) -> tuple[int, int]:
        """The display span [start, end) that shows source span [offset, offset + length)."""
        start = self.to_view(offset)
        return start, max(start, self.to_view(offset + max(0, length), end=True))

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """The source (offset, length) that display span [start, end) shows."""
        first = self.to_source(start)
        return first, max(0, self.to_source(max(start, end), end=True) - first)


@dataclass
class ScriptText:
    """A document's text as displayed in a script, with its map to the source."""

    script: str
    text: str
    map: ScriptMap


def display(source: str, script: str) -> ScriptText:
    """`source` converted to `script`, with the map between the two; as-written returns the source itself."""
    if SCRIPTS[script] is None:
        return ScriptText(script, source, ScriptMap([], len(source), len(source)))
    pieces, blocks, shown = [], [], 0
    for start, chunk in _chunks(source):
        converted = convert_text(chunk, script)
        if len(converted) != len(chunk):
            blocks.extend(_line_blocks(chunk, converted, start, shown))
        else:
            folded_chunk, folded_converted = fold(chunk), fold(converted)
            if folded_chunk != folded_converted:  # a phrase changed, not just the script
                blocks.extend(_swaps(folded_chunk, folded_converted, start, shown))
        pieces.append(converted)
        shown += len(converted)
    text = "".join(pieces)
    return ScriptText(script, text, ScriptMap(blocks, len(source), len(text)))


def _chunks(text: str):
    """(offset, piece) of `text` in pieces of about CHUNK_CHARS that end at a line end."""
    start = 0
    while start < len(text):
        end = text.find("\n", min(len(text), start + CHUNK_CHARS))
        end = len(text) if end < 0 else end + 1
        yield start, text[start:end]
        start = end


def _line_blocks(chunk: str, converted: str, source_start: int, display_start: int) -> list[tuple[int, int, int, int]]:
    """The changed phrases of a chunk, found line by line (conversions never cross a line end)."""
    blocks = []
    source_lines, display_lines = chunk.split("\n"), converted.split("\n")
    if len(source_lines) != len(display_lines):  # never seen: fall back on one block for the chunk
        return [(display_start, display_start + len(converted), source_start, source_start + len(chunk))]
    s, d = source_start, display_start
    for source_line, display_line in zip(source_lines, display_lines, strict=True):
        if len(source_line) != len(display_line):
            blocks.extend(_runs(source_line, display_line, s, d))
        elif fold(source_line) != fold(display_line):
            blocks.extend(_swaps(fold(source_line), fold(display_line), s, d))
        s += len(source_line) + 1
        d += len(display_line) + 1
    return blocks


def _swaps(source: str, shown: str, s: int, d: int) -> list[tuple[int, int, int, int]]:
    """Equal-length lines: runs of positions whose characters differ beyond script (鼠标 -> 滑鼠) as blocks."""
    blocks: list[tuple[int, int, int, int]] = []
    for index, (a, b) in enumerate(zip(source, shown, strict=True)):
        if a == b:
            continue
        if blocks and blocks[-1][1] == d + index:
            blocks[-1] = (blocks[-1][0], d + index + 1, blocks[-1][2], s + index + 1)
        else:
            blocks.append((d + index, d + index + 1, s + index, s + index + 1))
    return blocks


def _runs(source: str, shown: str, s: int, d: int) -> list[tuple[int, int, int, int]]:
    """Lines whose length changed: aligned (folded, so 軟 matches 软), each phrase change one block. A change
    that adds or drops characters absorbs one unchanged character beside it (鼠标 -> 滑鼠 is +滑 =鼠 -标)."""
    groups: list[list[int]] = []
    matcher = SequenceMatcher(None, fold(source), fold(shown), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if groups:
            last = groups[-1]
            gap = i1 - last[1]
            unbalanced = tag != "replace" or (last[1] - last[0]) != (last[3] - last[2])
            if gap == 0 or (gap <= 1 and unbalanced):
                last[1], last[3] = i2, j2
                continue
        groups.append([i1, i2, j1, j2])
    return [(d + j1, d + j2, s + i1, s + i2) for i1, i2, j1, j2 in groups]


_TAG = re.compile(r"(<[^>]*>)")
_SEPARATOR = "\ue000"  # joins text pieces for one OpenCC call; a private-use character no phrase spans


def convert_markup(html: str, script: str) -> str:
    """`html` with its text (not its tags: link targets and attributes stay as written) in `script`."""
    if SCRIPTS[script] is None:
        return html
    parts = _TAG.split(html)  # even indexes are text, odd ones tags
    parts[0::2] = _convert_pieces(parts[0::2], script)
    return "".join(parts)


def _convert_pieces(pieces: list[str], script: str) -> list[str]:
    """Each of `pieces` in `script`, converted in calls of about CHUNK_CHARS characters."""
    converted: list[str] = []
    group: list[str] = []
    size = 0
    for index, piece in enumerate(pieces):
        group.append(piece)
        size += len(piece)
        if size >= CHUNK_CHARS or index == len(pieces) - 1:
            joined = convert_text(_SEPARATOR.join(group), script).split(_SEPARATOR)
            converted += joined if len(joined) == len(group) else [convert_text(p, script) for p in group]
            group, size = [], 0
    return converted
