"""The index store: open or rebuild (schema change, corruption), and incremental updates under a lock."""

from __future__ import annotations

import gc
import logging
import os
import shutil
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from contextlib import contextmanager
from typing import Callable, Iterator

from whoosh import index
from whoosh.index import LockError

from reader.documents import DocumentError
from reader.documents.library import iter_documents
from reader.search.analysis import fold_query
from reader.search.bulk import BulkMpWriter, BulkWriter
from reader.search.prepare import SECTION_SEPARATOR, Prepared, prepare
from reader.search.schema import build_schema, codec, index_name

log = logging.getLogger(__name__)
Progress = Callable[[int, int, Path], None]
MULTIPROCESS_BYTES = 8 * 1024 * 1024


@dataclass
class IndexReport:
    """What an update did. `status` holds notes for the user (rebuilds, a locked index)."""

    added: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    unchanged: int = 0
    status: list[str] = field(default_factory=list)
    locked: bool = False
    cancelled: bool = False
    bytes_indexed: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.removed)} removed, "
            f"{len(self.skipped)} skipped, {self.unchanged} unchanged"
        )


@dataclass
class _Work:
    todo: list[tuple[Path, os.stat_result, dict | None]]
    removed: list[str]
    fresh: bool


def file_records(searcher) -> dict[str, dict]:
    """path -> stored fields of every file record."""
    return {fields["path"]: fields for fields in searcher.documents(rec="f")}


class IndexStore:
    """The whoosh index in `directory`: a rebuildable cache, opened (or rebuilt) on demand."""

    def __init__(
        self, directory: Path, lock_timeout: float = 10.0, keep: Callable[[Prepared, os.stat_result], None] | None = None
    ) -> None:
        self.directory = Path(directory)
        self.lock_timeout = lock_timeout
        self.keep = keep  # offered every document prepared for indexing (the search service caches them)

    def open(self, rebuild: bool = False) -> tuple[index.Index, list[str]]:
        """The index, creating or rebuilding it when needed; also the notes about what happened."""
        self.directory.mkdir(parents=True, exist_ok=True)
        if rebuild:
            return self._create(), ["Rebuilding the search index from scratch."]
        with quiet_leaks():
            try:
                if index.exists_in(str(self.directory), indexname=index_name()):
                    return self._open_existing(), []
                if any(self.directory.glob("*.toc")):
                    note = "The search index was made by another version of the reader; rebuilding it."
                else:
                    return self._create(), []
            except Exception as error:  # any damage means: rebuild the cache
                log.warning("search index unreadable: %s", repr(error))
                note = f"The search index was damaged ({type(error).__name__}); rebuilding it."
        return self._create(), [note]

    def _open_existing(self) -> index.Index:
        ix = index.open_dir(str(self.directory), indexname=index_name())
        self._validate(ix)
        return ix

    def _validate(self, ix: index.Index) -> None:
        with ix.searcher() as searcher:
            searcher.doc_count_all()
            list(searcher.document_numbers(rec="f"))
            file_records(searcher)
            reader = searcher.reader()
            if reader.has_column("path"):
                column = reader.column_reader("path")
                [column[i] for i in range(min(3, reader.doc_count_all()))]

    def _create(self) -> index.Index:
        for child in self.directory.iterdir():
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
        return index.create_in(str(self.directory), build_schema(), indexname=index_name())

    def update(
        self,
        folders: list[Path],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        rebuild: bool = False,
    ) -> IndexReport:
        """Bring the records of the documents below `folders` up to date (by mtime, size, hash)."""
        started = time.perf_counter()
        report = IndexReport()
        ix, report.status = self.open(rebuild)
        work = self._plan(ix, folders, report)
        if work.todo or work.removed:
            self._write(ix, work, report, progress, cancelled or (lambda: False))
        report.seconds = time.perf_counter() - started
        return report

    def _plan(self, ix: index.Index, folders: list[Path], report: IndexReport) -> _Work:
        files = iter_documents(folders)
        with ix.searcher() as searcher:
            records = file_records(searcher)
        todo = []
        for path in files:
            try:
                stat = path.stat()
            except OSError as error:
                report.skipped.append((path, f"cannot be read: {error.strerror or error}"))
                continue
            record = records.get(str(path))
            if record and record["mtime"] == stat.st_mtime and record["size"] == stat.st_size:
                report.unchanged += 1
            else:
                todo.append((path, stat, record))
        roots = [str(Path(f).expanduser().resolve()) for f in folders]
        listed = {str(path) for path in files}
        removed = [
            p
            for p in records
            if p not in listed and (_below(p, roots) or not os.path.exists(p))
        ]
        return _Work(todo, removed, fresh=not records)

    def _writer(self, ix: index.Index, work: _Work):
        """A `BulkWriter`; for a large first build, two processes each writing a segment."""
        size = sum(stat.st_size for _, stat, _ in work.todo)
        if work.fresh and size >= MULTIPROCESS_BYTES and (os.cpu_count() or 1) > 1:
            return BulkMpWriter(
                ix, procs=2, batchsize=2, multisegment=True, limitmb=32, timeout=self.lock_timeout, codec=codec()
            )
        return BulkWriter(ix, timeout=self.lock_timeout, limitmb=32, codec=codec())

    def _write(self, ix, work: _Work, report: IndexReport, progress, cancelled) -> None:
        try:
            writer = self._writer(ix, work)
        except LockError:
            report.locked = True
            report.status.append(
                "The search index is being updated by another reader; "
                "documents not indexed yet are searched by scanning."
            )
            return
        try:
            for path in work.removed:
                writer.delete_by_term("path", path)
                report.removed.append(path)
            for number, (path, stat, record) in enumerate(work.todo, 1):
                if cancelled():
                    report.cancelled = True
                    break
                self._index_one(writer, path, stat, record, report)
                if progress:
                    progress(number, len(work.todo), path)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise

    def _index_one(self, writer, path: Path, stat, record: dict | None, report: IndexReport) -> None:
        try:
            doc = prepare(path)
        except (DocumentError, OSError) as error:
            report.skipped.append((path, str(error)))
            if record:
                writer.delete_by_term("path", str(path))
            return
        if self.keep is not None:
            self.keep(doc, stat)
        if record and record.get("hash") == doc.document.content_hash:
            writer.delete_by_term("path", str(path))  # same text, new mtime: the record is rewritten
            add_document(writer, doc, stat)
            report.unchanged += 1
            return
        if record:
            writer.delete_by_term("path", str(path))
            report.updated.append(path)
        else:
            report.added.append(path)
        add_document(writer, doc, stat)
        report.bytes_indexed += stat.st_size


@contextmanager
def quiet_leaks(collect: bool = True) -> Iterator[None]:
    """whoosh leaves files open when it fails to read a damaged index; let them close quietly.

    `collect=False` (the query path) collects only if an exception escapes: a full collection costs ~10 ms."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            yield
        except BaseException:
            gc.collect()
            raise
        finally:
            if collect:
                gc.collect()


def _below(path: str, roots: list[str]) -> bool:
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def add_document(writer, doc: Prepared, stat: os.stat_result) -> None:
    """One record per document: its terms, title and headings, and what updates compare."""
    # a copy for the writer: the two-process writer pickles it, and pickling caches a UTF-8 form in
    # the str object (3 bytes a CJK character), which the search cache would otherwise keep
    folded = (doc.folded.text + "\n")[:-1]
    headings = [section.rsplit(SECTION_SEPARATOR, 1)[-1] for section in doc.section_paths]
    writer.add_document(
        rec="f",
        path=str(doc.path),
        body=folded,
        raw=folded,
        chars=folded,
        head=fold_query("\n".join([doc.title, *headings])),
        title=doc.title,
        mtime=stat.st_mtime,
        size=stat.st_size,
        hash=doc.document.content_hash,
        encoding=doc.document.encoding,
    )
