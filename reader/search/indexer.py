"""The index store: open or rebuild (schema change, corruption), and incremental updates under a lock."""

from __future__ import annotations

import gc
import logging
import os
import shutil
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from whoosh import index
from whoosh.index import LockError

from reader.documents import DocumentError
from reader.documents.library import real_path, scan_library
from reader.documents.names import display_name, path_from_key, path_key
from reader.search.analysis import fold_query
from reader.search.bulk import BulkMpWriter, BulkWriter
from reader.search.locks import WriterLock
from reader.search.messages import Message, message
from reader.search.prepare import SECTION_SEPARATOR, Prepared, prepare
from reader.search.schema import build_schema, codec, index_name
from reader.search.texts import TextFiles

log = logging.getLogger(__name__)
Progress = Callable[[int, int, Path], None]
MULTIPROCESS_BYTES = 8 * 1024 * 1024


@dataclass
class IndexReport:
    """What an update did. `notes` are structured notes for the user (rebuilds, a locked index);
    `status` gives their English texts."""

    added: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    unchanged: int = 0
    notes: list[Message] = field(default_factory=list)
    locked: bool = False
    cancelled: bool = False
    failed: bool = False
    bytes_indexed: int = 0
    seconds: float = 0.0

    @property
    def status(self) -> list[str]:
        """The notes in English."""
        return [note.text for note in self.notes]

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.removed)} removed, "
            f"{len(self.skipped)} skipped, {self.unchanged} unchanged"
        )


class IndexUnavailable(Exception):
    """The index cannot be opened now (another reader is creating it, or its folder is unusable);
    `message` is a note for the user (str(error) its English). Searches answer by scanning meanwhile."""

    def __init__(self, why: Message) -> None:
        super().__init__(why.text)
        self.message = why


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
        self,
        directory: Path,
        lock_timeout: float = 10.0,
        keep: Callable[[Prepared, os.stat_result], None] | None = None,
    ) -> None:
        self.directory = Path(directory)
        self.lock_timeout = lock_timeout
        self.keep = keep  # offered every document prepared for indexing (the search service caches them)

    @property
    def lock_path(self) -> Path:
        """The writers' lock: beside the index folder, so deleting or rebuilding the folder keeps it."""
        return self.directory.with_name(self.directory.name + ".lock")

    def open(self, rebuild: bool = False) -> tuple[index.Index, list[Message]]:
        """The index for searching; created (under the writers' lock) if there is none. Raises
        IndexUnavailable when another reader is writing it or it cannot be made here."""
        notes = self._usable_directory(repair=False)
        with quiet_leaks():
            try:
                if index.exists_in(str(self.directory), indexname=index_name()):
                    return self._open_existing(), notes
            except Exception as error:
                log.info("search index unreadable: %s", repr(error))
                raise IndexUnavailable(message("index.unreadable")) from error
        lock = WriterLock(self.lock_path)
        try:
            taken = lock.acquire()
        except OSError as error:
            raise IndexUnavailable(message("index.cannot_create", reason=_reason(error))) from error
        if not taken:
            raise IndexUnavailable(message("index.being_built"))
        try:
            return self._open_locked(rebuild)
        finally:
            lock.release()

    def _usable_directory(self, repair: bool) -> list[Message]:
        """Make sure the index folder is a folder: something else there is moved aside (when
        `repair`, i.e. under the writers' lock) or reported."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            return []
        except FileExistsError:
            pass
        except OSError as error:
            raise IndexUnavailable(
                message("index.cannot_create_folder", folder=display_name(self.directory), reason=_reason(error))
            ) from error
        if not repair:
            raise IndexUnavailable(message("index.not_a_folder", folder=display_name(self.directory)))
        aside = self.directory.with_name(f"{self.directory.name}.not-a-folder-{int(time.time())}")
        try:
            os.replace(self.directory, aside)
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise IndexUnavailable(
                message("index.not_a_folder_kept", folder=display_name(self.directory), reason=_reason(error))
            ) from error
        return [message("index.not_a_folder_replaced", folder=display_name(self.directory),
                        aside=display_name(aside.name))]

    def _open_locked(self, rebuild: bool = False) -> tuple[index.Index, list[Message]]:
        """The index, creating or rebuilding it when needed (the caller holds the writers' lock)."""
        notes = self._usable_directory(repair=True)
        texts = TextFiles(self.directory / "texts").repair()
        notes += [texts] if texts else []
        if rebuild:
            return self._create(), notes + [message("index.rebuilding")]
        with quiet_leaks():
            try:
                if index.exists_in(str(self.directory), indexname=index_name()):
                    return self._open_existing(), notes
                if any(self.directory.glob("*.toc")):
                    note = message("index.other_version")
                else:
                    return self._create(), notes
            except Exception as error:  # any damage means: rebuild the cache
                log.info("search index unreadable: %s", repr(error))
                note = message("index.damaged", error=type(error).__name__)
        return self._create(), notes + [note]

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
        """Bring the records of the documents below `folders` up to date (by mtime, size, hash).
        One writer at a time: while another process holds the writers' lock, nothing is done and the
        report says `locked`."""
        started = time.perf_counter()
        report = IndexReport()
        lock = WriterLock(self.lock_path)
        try:
            self.directory.parent.mkdir(parents=True, exist_ok=True)
            taken = lock.acquire()
        except OSError as error:
            report.notes.append(message("index.cannot_lock", reason=_reason(error)))
            report.locked = True
            return report
        if not taken:
            report.locked = True
            report.notes.append(message("index.busy"))
            return report
        try:
            self._update_locked(folders, report, progress, cancelled or (lambda: False), rebuild)
        finally:
            lock.release()
        report.seconds = time.perf_counter() - started
        return report

    def _update_locked(self, folders, report: IndexReport, progress, cancelled, rebuild: bool) -> None:
        try:
            ix, report.notes = self._open_locked(rebuild)
            work = self._plan(ix, folders, report)
            if work.todo or work.removed:
                self._write(ix, work, report, progress, cancelled)
        except IndexUnavailable as error:
            report.notes.append(error.message)
        except Exception as error:  # the folder deleted or changed under us: a cache, rebuilt next run
            log.debug("search index update failed: %r", error)
            report.added, report.updated, report.removed, report.bytes_indexed = [], [], [], 0
            if not self._still_there():
                report.notes.append(message("index.deleted", folder=display_name(self.directory)))
            else:
                report.notes.append(message("index.stopped", reason=_why(error)))
            report.failed = True

    def _still_there(self) -> bool:
        """Whether the index (its table of contents) is still in its folder."""
        try:
            return index.exists_in(str(self.directory), indexname=index_name())
        except Exception:
            return False

    def _plan(self, ix: index.Index, folders: list[Path], report: IndexReport) -> _Work:
        scan = scan_library(folders)
        report.skipped.extend(scan.skipped)
        with ix.searcher() as searcher:
            records = file_records(searcher)
        todo = []
        for key, (path, mtime, size) in scan.files.items():
            record = records.get(key)
            if record and record["mtime"] == mtime and record["size"] == size:
                report.unchanged += 1
            else:
                todo.append((path, scan.stats[key], record))
        roots = [str(real_path(f)) for f in folders]
        removed = [
            key
            for key in records
            if key not in scan.files and (_below(str(path_from_key(key)), roots) or not path_from_key(key).exists())
        ]
        return _Work(todo, removed, fresh=not records)

    def _writer(self, ix: index.Index, work: _Work):
        """A `BulkWriter`; for a large build or update, two processes each writing a segment."""
        size = sum(stat.st_size for _, stat, _ in work.todo)
        if size >= MULTIPROCESS_BYTES and (os.cpu_count() or 1) > 1:
            return BulkMpWriter(
                ix, procs=2, batchsize=2, multisegment=True, limitmb=32, timeout=self.lock_timeout, codec=codec()
            )
        return BulkWriter(ix, timeout=self.lock_timeout, limitmb=32, codec=codec())

    def _write(self, ix, work: _Work, report: IndexReport, progress, cancelled) -> None:
        try:
            writer = self._writer(ix, work)
        except LockError:
            report.locked = True
            report.notes.append(message("index.busy"))
            return
        try:
            for key in work.removed:
                writer.delete_by_term("path", key)
                report.removed.append(str(path_from_key(key)))
            for number, (path, stat, record) in enumerate(work.todo, 1):
                if cancelled():
                    report.cancelled = True
                    break
                self._index_one(writer, path, stat, record, report)
                if progress:
                    progress(number, len(work.todo), path)
            writer.commit()
        except BaseException:
            try:
                writer.cancel()
            except Exception as error:  # the index folder may be gone: nothing left to cancel
                log.debug("cannot cancel the index writer: %r", error)
            raise

    def _index_one(self, writer, path: Path, stat, record: dict | None, report: IndexReport) -> None:
        try:
            doc = prepare(path)
        except (DocumentError, OSError) as error:
            report.skipped.append((path, str(error)))
            if record:
                writer.delete_by_term("path", path_key(path))
            return
        if self.keep is not None:
            self.keep(doc, stat)
        if record and record.get("hash") == doc.document.content_hash:
            writer.delete_by_term("path", path_key(path))  # same text, new mtime: the record is rewritten
            add_document(writer, doc, stat)
            report.unchanged += 1
            return
        if record:
            writer.delete_by_term("path", path_key(path))
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


def _reason(error: OSError) -> str:
    """An OS error's reason for a message: its strerror, else the error itself."""
    return error.strerror or str(error)


def _why(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        name = f" {display_name(error.filename)}" if error.filename else ""
        return f"{error.strerror}:{name}" if name else error.strerror
    return str(error) or type(error).__name__


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
        path=path_key(doc.path),
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
