"""A faster whoosh segment writer for the pre-analysed gram fields.

whoosh's `SegmentWriter` sends every posting through a pickling external sort (`PostingPool`), then
looks up each posting's field length in a column while writing it: ~10 µs a posting, most of a build.
`BulkWriter` keeps the postings of `GramField`s in memory (term -> [docnum, count, docnum, count, …],
counted at C speed by `collections.Counter`), knows every field length already, and writes each
term's postings straight to the codec's field writer, terms sorted. Other fields (the ID fields
`rec` and `path`) take whoosh's usual path. The segment it writes is an ordinary whoosh segment.

`BulkMpWriter` is whoosh's `MpWriter` (procs=2, multisegment) with `BulkWriter` sub-writers.
"""

from __future__ import annotations

import os
import queue

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import NO_MERGE, SegmentWriter

from reader.search.locks import die_with_parent

SEGMENT_CHARS = 10_000_000  # ~30 MB of Chinese a sub-process keeps in memory (~200 MB of postings) at most
SMALL_SEGMENT_BYTES = 8_000_000  # a segment this small on disk (a few updated files) is merged with its likes
MERGE_FROM_SEGMENTS = 6  # once there are this many small segments
MERGE_BYTES = 24_000_000  # at most this much of them at once (held in memory: ~10x)


class WorkerFailed(RuntimeError):
    """A sub-process of the two-process writer died or failed: nothing is committed."""


class BulkWriter(SegmentWriter):
    """`SegmentWriter` with in-memory postings for fields that have a `counts(value)` method."""

    def __init__(self, ix, **kwargs) -> None:
        super().__init__(ix, **kwargs)
        self._bulk = {name: {} for name, field in self.schema.items() if hasattr(field, "counts")}
        self._lengths: dict[str, dict[int, int]] = {name: {} for name in self._bulk}
        self.text_chars = 0  # folded text added to the positional fields (what the postings in memory grow with)
        # positional fields (a `postings(value)` method): term -> [docnum, count, value, docnum, …]
        self._step = {name: 3 if getattr(self.schema[name], "positional", False) else 2 for name in self._bulk}

    def commit(self, mergetype=None, optimize=False, merge=True) -> None:
        """whoosh's commit, merging only small segments (`merge_small_segments`) unless told otherwise:
        whoosh's own policy merged a dozen 50 MB segments of a 1 GB library, in memory (3.8 GB), on the
        update of one file."""
        if mergetype is None and not optimize:
            mergetype = merge_small_segments if merge else NO_MERGE
        super().commit(mergetype=mergetype, optimize=optimize, merge=merge)

    def add_reader(self, reader) -> None:
        """Merge a segment into this one (whoosh merges small segments on commit): the postings of the
        in-memory fields join theirs (whoosh's pool would leave them out, or fail on their values)."""
        self._check_state()
        basedoc = self.docnum
        names = {name for name in reader.indexed_field_names() if name in self.schema}
        docmap = self.write_per_doc(set(self.schema.names()) | names, reader)
        for name, lengths in self._lengths.items():
            for docnum in range(reader.doc_count_all()):
                if reader.is_deleted(docnum):
                    continue
                new = docmap[docnum] if docmap is not None else basedoc + docnum
                length = reader.doc_field_length(docnum, name, 0)
                if length:
                    lengths[new] = length
        for name, tbytes, docnum, weight, value in reader.iter_postings():
            if name not in self.schema:
                continue
            new = docmap[docnum] if docmap is not None else basedoc + docnum
            if name in self._bulk:
                count = int(round(weight / self.schema[name].format.field_boost))
                entry = (new, count, value) if self._step[name] == 3 else (new, count)
                self._bulk[name].setdefault(tbytes.decode("utf-8"), []).extend(entry)
            else:
                self.pool.add((name, tbytes, new, weight, value or None))
        self._added = True

    def add_document(self, **fields) -> None:
        self._check_state()
        bulk = {name: fields.pop(name) for name in list(fields) if name in self._bulk}
        perdocwriter, schema, docnum = self.perdocwriter, self.schema, self.docnum
        self._check_fields(schema, [name for name in fields if not name.startswith("_")])
        perdocwriter.start_doc(docnum)
        try:
            for name in sorted(set(fields) | set(bulk)):
                if name.startswith("_"):
                    continue
                field = schema[name]
                if name in bulk:
                    self._add_bulk(name, field, bulk[name], docnum)
                    continue
                value = fields[name]
                if value is None:
                    continue
                length = 0
                if field.indexed:
                    for tbytes, freq, weight, vbytes in field.index(value):
                        if field.scorable:
                            length += freq
                        self.pool.add((name, tbytes, docnum, weight, vbytes))
                perdocwriter.add_field(name, field, value if field.stored else None, length)
                if field.column_type:
                    perdocwriter.add_column_value(name, field.column_type, field.to_column_value(value))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _add_bulk(self, name: str, field, value, docnum: int) -> None:
        if value is None:
            return
        postings = self._bulk[name]
        if self._step[name] == 3 and isinstance(value, str):
            self.text_chars += len(value)
            length = 0
            for term, (count, packed) in field.postings(value).items():
                length += count
                found = postings.get(term)
                if found is None:
                    postings[term] = [docnum, count, packed]
                else:
                    found.extend((docnum, count, packed))
        else:
            counts = field.counts(value)
            value = "" if self._step[name] == 3 else None
            for term, count in counts.items():
                found = postings.get(term)
                if found is None:
                    postings[term] = [docnum, count] if value is None else [docnum, count, value]
                else:
                    found.extend((docnum, count) if value is None else (docnum, count, value))
            length = sum(counts.values())
        if length:
            self._lengths[name][docnum] = length
        self.perdocwriter.add_field(name, field, None, length)

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        writer, schema = self.fieldwriter, self.schema
        pooled: dict[str, list] = {}
        for item in self.pool.iter_postings():
            pooled.setdefault(item[0], []).append(item)
        bulk = {n for n, p in self._bulk.items() if p}
        for name in sorted(set(pooled) | bulk):
            field = schema[name]
            writer.start_field(name, field)
            if name in bulk:
                self._write_bulk(writer, name, field)
            else:
                last = None
                for _name, tbytes, docnum, weight, vbytes in pooled[name]:
                    if tbytes != last:
                        if last is not None:
                            writer.finish_term()
                        writer.start_term(tbytes)
                        last = tbytes
                    writer.add(docnum, weight, vbytes, 0)
                if last is not None:
                    writer.finish_term()
            writer.finish_field()
        self._bulk = {name: {} for name in self._bulk}
        writer.close()

    def _write_bulk(self, writer, name: str, field) -> None:
        postings, length_of = self._bulk[name], self._lengths[name].__getitem__
        boost, step = field.format.field_boost, self._step[name]
        start, finish = writer.start_term, writer.finish_term
        # str order is code point order, which is UTF-8 byte order: the order whoosh needs.
        for term in sorted(postings):
            found = postings[term]
            start(term.encode("utf-8"))
            ids = found[0::step]
            weights = found[1::step] if boost == 1.0 else [count * boost for count in found[1::step]]
            # the codec's postings writer takes the whole list (schema.add_postings), block by block
            writer._postwriter.add_postings(ids, weights, found[2::step] if step == 3 else None,
                                            list(map(length_of, ids)))
            finish()


class _BulkTask(SubWriterTask):
    """whoosh's sub-writer process, writing with `BulkWriter`: a new segment each time the one in memory
    holds `SEGMENT_CHARS` of text (so its memory is bounded whatever the library's size). It dies with
    the process that started it and does not keep the index's write lock (inherited by the fork) taken."""

    parent_pid = 0
    inherited_lock_fd: int | None = None

    def run(self) -> None:
        die_with_parent(self.parent_pid)
        if self.inherited_lock_fd is not None:
            try:
                os.close(self.inherited_lock_fd)  # closing a copy: the parent keeps its lock
            except OSError:
                pass
        try:
            self._write_segments()
        except Exception:  # the parent sees the exit code and reports it; no traceback on stderr
            os._exit(1)

    def _write_segments(self) -> None:
        ix = self.storage.open_index(self.indexname)
        segments, fieldnames = [], set()
        self.writer = BulkWriter(ix, _lk=False, **self.kwargs)
        while self.running:
            job = self.jobqueue.get()
            if job is None:
                break
            self._process_file(*job)
            if self.writer.text_chars >= SEGMENT_CHARS:
                fieldnames |= self.writer.pool.fieldnames
                segments.append(self.writer._finalize_segment())
                self.writer = BulkWriter(ix, _lk=False, **self.kwargs)
        if self.writer.docnum:
            fieldnames |= self.writer.pool.fieldnames
            segments.append(self.writer._finalize_segment())
        self.resultqueue.put((None, fieldnames, segments), timeout=5)


def segment_bytes(storage, segment) -> int:
    """The size of `segment`'s files on disk."""
    total = 0
    for name in segment.list_files(storage):
        try:
            total += storage.file_length(name)
        except OSError:
            pass
    return total


def merge_small_segments(writer, segments: list) -> list:
    """A whoosh merge policy: once MERGE_FROM_SEGMENTS segments are small (updates write one each), merge
    the smallest of them, up to MERGE_BYTES, into the segment being written. Large segments (a build's)
    are never read back: an update costs what it changes, not what the library holds. A segment whose
    documents were all deleted (a changed file's old one) is dropped."""
    from whoosh.reading import SegmentReader

    segments = [segment for segment in segments if segment.doc_count() > 0]  # all deleted: dropped, not read
    sized = sorted(((segment_bytes(writer.storage, segment), segment) for segment in segments),
                   key=lambda pair: pair[0])
    small = [(size, segment) for size, segment in sized if size <= SMALL_SEGMENT_BYTES]
    if len(small) < MERGE_FROM_SEGMENTS:
        return segments
    merged, budget = [], MERGE_BYTES
    for size, segment in small:
        if merged and size > budget:
            break
        budget -= size
        merged.append(segment)
    for segment in merged:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in merged]


class BulkMpWriter(MpWriter):
    """`MpWriter` whose sub-processes write their segments with `BulkWriter`."""

    def _new_task(self):
        task = _BulkTask(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, self.multisegment
        )
        task.parent_pid = os.getpid()
        task.inherited_lock_fd = getattr(self.writelock, "fd", None)
        task.daemon = True
        self.tasks.append(task)
        task.start()
        return task

    def _commit(self, mergetype, optimize, merge) -> None:
        """whoosh's multi-segment commit, refusing to commit when a sub-process failed (whoosh would
        silently leave its documents out of the index)."""
        if not self.multisegment:
            return super()._commit(mergetype, optimize, merge)
        if self.docbuffer:
            self._enqueue()
        for _task in self.tasks:
            self.jobqueue.put(None)
        # no merging here: this writer is whoosh's, whose merge would drop or refuse our postings'
        # values; a later single-process update (BulkWriter.commit) merges small segments
        finalsegments = self._merge_segments(NO_MERGE, False, False)
        self._join_tasks()
        results = []
        for _task in self.tasks:
            try:
                results.append(self.resultqueue.get(timeout=1))
            except queue.Empty:
                break
        failed = [task.exitcode for task in self.tasks if task.exitcode != 0]
        if failed or len(results) != len(self.tasks):
            raise WorkerFailed(f"an index worker process failed (exit status {failed[0] if failed else '?'})")
        finalsegments += [segment for _, _, segments in results for segment in segments]
        if self._added:
            finalsegments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(finalsegments)
        self._finish()

    def _join_tasks(self) -> None:
        """Wait for the sub-processes; if one dies (a crash, kill -9), stop the others (which may wait
        forever on a queue the dead one held) and raise WorkerFailed."""
        while True:
            failed = [task.exitcode for task in self.tasks if task.exitcode not in (None, 0)]
            if failed:
                for task in self.tasks:
                    if task.is_alive():
                        task.kill()
                    task.join(5)
                raise WorkerFailed(f"an index worker process failed (exit status {failed[0]})")
            running = [task for task in self.tasks if task.is_alive()]
            if not running:
                return
            running[0].join(0.05)

    def cancel(self) -> None:
        """Stop the sub-processes too (whoosh's cancel leaves them waiting for work forever)."""
        tasks = list(self.tasks)
        try:
            super().cancel()
        finally:
            for task in tasks:
                if task.is_alive():
                    task.kill()
                task.join(5)
