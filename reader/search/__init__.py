"""Library search: whoosh finds and ranks candidate documents, scanning folded text finds exact hits.

The Qt-free API (everything the CLI and the UI use):

- ``SearchService(index_dir=None, lock_timeout=10.0)``; the index lives in ``data_dir() / "index"``.
  - ``update(folders=None, progress=cb(done, total, path), cancelled=lambda: bool, rebuild=False)
    -> IndexReport`` (added/updated/removed/skipped-with-reason/unchanged, ``notes``, ``locked``).
    A changed schema, a damaged index or a stale one is rebuilt, with a note in ``notes``.
    One writer at a time: an exclusive ``flock`` on ``<index>.lock`` (beside the index folder) is held
    across planning, writing and rebuilding; while another process holds it, ``update`` changes
    nothing, sets ``locked`` and says so (it does not wait). The kernel drops the lock when its holder
    dies, and the two-process writer's workers die with their parent (``reader.search.locks``).
    Only regular files are documents; the rest is in ``skipped`` with a reason
    (``reader.documents.library.scan_library``). Paths are stored as ``path_key(path)`` (lossless for
    names that are not UTF-8) and results carry the real ``Path``.
  - ``search(query, folders=None, limit=20, cancelled=lambda: bool) -> SearchResponse``: ``results`` is a list of
    ``DocumentResult(path, title, score, hits)`` for the best ``limit`` documents, each listing
    EVERY hit: ``Hit(offset, length, section, before, match, after)`` where
    ``document.text[offset:offset + length]`` is the match and ``snippet`` marks it «like this».
    Documents not indexed yet (new or changed) are scanned, so answers are complete while indexing.
    A malformed query sets ``response.problem`` (and ``error``, its English) instead of raising.
    ``cancelled`` is asked before each document: once True, the response comes back early with
    ``cancelled`` set. Ranking: see ``reader.search.rank`` (the one explanation of the formula).
- Notes and errors are ``Message(code, args)`` (``reader.search.messages``): ``response.notes``,
  ``response.problem``, ``report.notes``, ``QueryError.message``, ``IndexUnavailable.message``; their
  ``text`` is English (the CLI prints it; ``status``/``error``/``str(error)`` give it), the UI translates
  by ``code``.
- ``find_in_text(text, query) -> list[(offset, length)]``: the same matching inside one text.
- ``parse_query(query)`` raises ``QueryError``.

Matching: text and queries are folded alike (traditional to simplified, full-width to ASCII, case),
pinyin glosses such as 學(xué) are skipped. A piece of query holding CJK characters is an exact
substring (every occurrence, overlapping ones too); other words match by Porter stem; "quoted
words" are phrases; word* is a prefix; space = AND, OR, -term / NOT term, (groups).
"""

from reader.search.hits import DocumentResult, Hit, SearchResponse
from reader.search.indexer import IndexReport
from reader.search.messages import Message
from reader.search.query import QueryError, parse_query
from reader.search.scan import find_in_text
from reader.search.service import SearchService

__all__ = [
    "DocumentResult",
    "Hit",
    "IndexReport",
    "Message",
    "QueryError",
    "SearchResponse",
    "SearchService",
    "find_in_text",
    "parse_query",
]
