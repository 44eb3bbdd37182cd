"""The index schema: passage and file records, pre-analysed gram fields, and the schema version."""

from __future__ import annotations

from typing import Iterator

from whoosh import fields, formats
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher, W3PostingsWriter, W3TermInfo
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile

from reader.search.analysis import (
    ESCAPE,
    bigram_positions,
    body_terms,
    heading_terms,
    pack_positions,
    unigram_counts,
    word_counts,
)

# Bump whenever the schema or the analysis changes: an index of another version is rebuilt.
# 2: one record per document (no passages), Existence postings written by BulkWriter.
# 3: prepared documents saved in texts/ beside the index (reader.search.texts).
# 4: `body` postings hold the positions of CJK bigrams, so CJK strings are counted from postings.
SCHEMA_VERSION = 4
HEAD_BOOST = 3.0


def index_name() -> str:
    """The whoosh index name, which carries the schema version."""
    return f"reader_v{SCHEMA_VERSION}"


class PackedPositions(formats.Format):
    """Postings weighted by count whose value is a str: the packed positions of a CJK bigram
    (`analysis.pack_positions`), "" for other terms. A block keeps its values as one str joined by
    "\\0" (see `_joined_mini_values` below)."""

    posting_size = -1
    joined_values = True

    def __init__(self, field_boost: float = 1.0) -> None:
        self.field_boost = field_boost
        self.options = {}

    def supports(self, name: str) -> bool:
        return False  # whoosh decodes no value of ours: reader.search.candidates reads them


class GramField(fields.FieldType):
    """A field indexed from folded text (or a ready {term: count} dict), analysed by `kind`.

    Postings hold the count as their weight; `body` postings also hold where each CJK bigram starts
    (`postings()`), so CJK strings of 3+ characters are counted from the index; other places come
    from scanning the text. `BulkWriter` calls `postings()` or `counts()`; whoosh's writers `index()`.
    """

    def __init__(self, kind: str, field_boost: float = 1.0) -> None:
        positional = kind == "body"
        self.format = PackedPositions(field_boost) if positional else formats.Existence(field_boost=field_boost)
        self.analyzer = None
        self.vector = None
        self.scorable = True
        self.stored = False
        self.unique = False
        self.column_type = None
        self.kind = kind
        self.positional = positional

    def counts(self, value) -> dict[str, int]:
        return analyse(self.kind, value) if isinstance(value, str) else value

    def postings(self, value: str) -> dict[str, tuple[int, str]]:
        """term -> (count, packed positions): CJK bigrams with their positions, word stems with ""."""
        out = {gram: (1, chr(places[0] + 1)) if len(places) == 1 and places[0] < ESCAPE - 1  # most are rare
               else (len(places), pack_positions(places)) for gram, places in bigram_positions(value).items()}
        out.update((root, (count, "")) for root, count in word_counts(value)[0].items())
        return out

    def index(self, value, **kwargs) -> Iterator[tuple[bytes, int, float, bytes | str]]:
        boost = self.format.field_boost
        if self.positional:
            for term, (count, packed) in self.postings(value).items():
                yield term.encode("utf-8"), count, count * boost, packed
            return
        for term, count in self.counts(value).items():
            yield term.encode("utf-8"), count, count * boost, b""

    def process_text(self, qstring, mode="", **kwargs):
        yield qstring

    def self_parsing(self) -> bool:
        return False


def analyse(kind: str, folded: str) -> dict[str, int]:
    """Terms of one field kind for a folded text."""
    if kind == "body":
        return body_terms(folded)
    if kind == "raw":
        return dict(word_counts(folded)[1])
    if kind == "chars":
        return dict(unigram_counts(folded))
    return heading_terms(folded)




def _add_posting(self, id_, weight, vbytes, length=None):
    # W3PostingsWriter.add_posting without its type asserts: PackedPositions values are str
    if len(self._ids) >= self._blocklimit:
        self._write_block()
    self._ids.append(id_)
    self._weights.append(weight)
    if weight > self._maxweight:
        self._maxweight = weight
    if vbytes or vbytes.__class__ is str:  # "" is a value of a PackedPositions posting
        self._values.append(vbytes)
    if length:
        minlength = self._minlength
        if minlength is None or length < minlength:
            self._minlength = length
        if length > self._maxlength:
            self._maxlength = length


def _add_postings(self, ids: list[int], weights: list, values: list | None, lengths: list[int]) -> None:
    """`add_posting` for a term's whole list at once (`BulkWriter`): slices into the block buffers."""
    start, total, limit = 0, len(ids), self._blocklimit
    while start < total:
        room = limit - len(self._ids)
        if room <= 0:
            self._write_block()
            continue
        stop = min(total, start + room)
        self._ids.extend(ids[start:stop])
        part = weights[start:stop]
        self._weights.extend(part)
        self._maxweight = max(self._maxweight, max(part))
        if values is not None:
            self._values.extend(values[start:stop])
        sizes = lengths[start:stop]
        shortest = min(sizes)
        if self._minlength is None or shortest < self._minlength:
            self._minlength = shortest
        self._maxlength = max(self._maxlength, max(sizes))
        start = stop


W3PostingsWriter.add_postings = _add_postings
_mini_values = W3PostingsWriter._mini_values
_set_inlined = W3TermInfo.set_inlined


def _small_weights(weights) -> tuple | None:
    """Counts as ints (2-3 bytes pickled) instead of floats (9 bytes); None if one is not integral."""
    ints = list(map(int, weights))
    return tuple(ints) if ints == list(weights) else None


def _int_mini_weights(self):
    weights = self._weights
    if all(w == 1.0 for w in weights):
        return None
    if all(w == weights[0] for w in weights):
        return weights[0]
    return _small_weights(weights) or tuple(weights)


def _int_set_inlined(self, ids, weights, values):
    _set_inlined(self, ids, _small_weights(weights) or weights, values)
_read_values = W3LeafMatcher._read_values


def _joined_mini_values(self):
    # one str per block instead of a tuple of them: pickle spends ~7 bytes on each str of a tuple
    if getattr(self._format, "joined_values", False):
        return "\0".join(self._values)
    return _mini_values(self)


def _joined_read_values(self):
    if getattr(self.format, "joined_values", False):
        if self._data is None:
            self._read_data()
        self._values = self._data[2].split("\0")
        return
    _read_values(self)


W3PostingsWriter.add_posting = _add_posting
W3PostingsWriter._mini_values = _joined_mini_values
W3PostingsWriter._mini_weights = _int_mini_weights
W3TermInfo.set_inlined = W3TermInfo.set_inline = _int_set_inlined
W3LeafMatcher._read_values = _joined_read_values


class _ViewFile:
    """A read-only file over a buffer (the mmap of a segment), without copying it."""

    __slots__ = ("buf", "position")

    def __init__(self, buf) -> None:
        self.buf, self.position = buf, 0

    def read(self, size: int | None = -1) -> bytes:
        end = len(self.buf) if size is None or size < 0 else min(len(self.buf), self.position + size)
        data = bytes(self.buf[self.position : end])
        self.position = max(self.position, end)
        return data

    def readline(self, size: int | None = -1) -> bytes:
        buf, start = self.buf, self.position
        stop = len(buf) if size is None or size < 0 else min(len(buf), start + size)
        index = start
        while index < stop:  # pickles read by whoosh are binary: readline is not on the hot path
            if buf[index] == 10:
                index += 1
                break
            index += 1
        self.position = index
        return bytes(buf[start:index])

    def seek(self, position: int, whence: int = 0) -> int:
        base = 0 if whence == 0 else self.position if whence == 1 else len(self.buf)
        self.position = base + position
        return self.position

    def tell(self) -> int:
        return self.position

    def close(self) -> None:
        self.buf = b""


def _buffer_file_init(self, buf, name=None, onclose=None) -> None:
    # whoosh's BufferFile wraps each segment sub-file in BytesIO(buf), which COPIES it: opening an
    # index read a copy of every segment (167 MB of postings at a 100 MB library, ~50 ms) into memory.
    self._buf, self._name, self.onclose = buf, name, onclose
    self.file = _ViewFile(buf)
    self.is_real = False
    self.is_closed = False


BufferFile.__init__ = _buffer_file_init


class _PositionedWriter:
    """A file opened for writing that knows its position itself: whoosh asks `tell()` three times a term,
    and BufferedWriter.tell() is an lseek system call each time (12% of an index build)."""

    __slots__ = ("raw", "position")

    def __init__(self, raw) -> None:
        self.raw, self.position = raw, raw.tell()

    def write(self, data) -> int:
        written = self.raw.write(data)
        self.position += written
        return written

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = 0) -> int:
        self.position = self.raw.seek(offset, whence)
        return self.position

    def truncate(self, size: int | None = None) -> int:
        return self.raw.truncate(self.position if size is None else size)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.raw.close()

    def __getattr__(self, name: str):
        return getattr(self.raw, name)


_create_file = FileStorage.create_file


def _create_positioned_file(self, name, excl=False, mode="wb", **kwargs):
    made = _create_file(self, name, excl=excl, mode=mode, **kwargs)
    if mode == "wb":  # write-only: every byte goes through write()
        made.file = _PositionedWriter(made.file)
    return made


FileStorage.create_file = _create_positioned_file


def codec() -> W3Codec:
    """Postings uncompressed, lists of fewer than 8 postings inlined: faster writes, small cost on disk."""
    return W3Codec(compression=0, inlinelimit=8)


def build_schema() -> fields.Schema:
    """One record per document. rec: "f" (file record); path: the absolute file path; body: CJK
    bigrams (with positions) and word stems; raw: unstemmed words; chars: CJK characters; head: title
    and headings."""
    return fields.Schema(
        rec=fields.ID(stored=True),
        path=fields.ID(stored=True, sortable=True),
        body=GramField("body"),
        raw=GramField("raw"),
        chars=GramField("chars"),
        head=GramField("head", field_boost=HEAD_BOOST),
        title=fields.STORED(),
        mtime=fields.STORED(),
        size=fields.STORED(),
        hash=fields.STORED(),
        encoding=fields.STORED(),
    )
