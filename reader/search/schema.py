"""The index schema: passage and file records, pre-analysed gram fields, and the schema version."""

from __future__ import annotations

from typing import Iterator

from whoosh import fields, formats
from whoosh.codec.whoosh3 import W3Codec, W3TermInfo
from whoosh.system import pack_uint

from reader.search.analysis import body_terms, heading_terms, unigram_counts, word_counts

# Bump whenever the schema or the analysis changes: an index of another version is rebuilt.
SCHEMA_VERSION = 1
HEAD_BOOST = 3.0


def index_name() -> str:
    """The whoosh index name, which carries the schema version."""
    return f"reader_v{SCHEMA_VERSION}"


class GramField(fields.FieldType):
    """A field indexed from a ready {term: count} dict (or a str, analysed as heading text).

    Frequencies only (no positions, no vectors): exact places come from scanning the text.
    """

    def __init__(self, kind: str, field_boost: float = 1.0) -> None:
        self.format = formats.Frequency(field_boost=field_boost)
        self.analyzer = None
        self.vector = None
        self.scorable = True
        self.stored = False
        self.unique = False
        self.column_type = None
        self.kind = kind

    def index(self, value, **kwargs) -> Iterator[tuple[bytes, int, float, bytes]]:
        if isinstance(value, str):
            value = analyse(self.kind, value)
        boost = self.format.field_boost
        for term, count in value.items():
            yield term.encode("utf-8"), count, count * boost, pack_uint(count)

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


# whoosh-reloaded 2.7.5 calls a misspelt method when it inlines short posting lists.
if not hasattr(W3TermInfo, "set_inline"):
    W3TermInfo.set_inline = W3TermInfo.set_inlined


def codec() -> W3Codec:
    """Postings uncompressed, lists of fewer than 8 postings inlined: faster writes, small cost on disk."""
    return W3Codec(compression=0, inlinelimit=8)


def build_schema() -> fields.Schema:
    """rec: "f" (file record) or "p" (passage); path: the absolute file path."""
    return fields.Schema(
        rec=fields.ID(stored=True),
        path=fields.ID(stored=True, sortable=True),
        body=GramField("body"),
        raw=GramField("raw"),
        chars=GramField("chars"),
        head=GramField("head", field_boost=HEAD_BOOST),
        start=fields.STORED(),
        end=fields.STORED(),
        section=fields.STORED(),
        title=fields.STORED(),
        mtime=fields.STORED(),
        size=fields.STORED(),
        hash=fields.STORED(),
        encoding=fields.STORED(),
    )
