"""Prepared documents on disk: one file per document in `<index>/texts/`, so a new process (a cold
`reader search`) reads folded texts instead of loading, decoding and folding every source again.

A file holds a pickled tuple (format, path, mtime, size, title, sections, folded text, gloss map,
differences, the text's English words and their stems: a new process learns the stem variants of a
document from these instead of finding and stemming its words again). It is written to a temporary
name and renamed (a kill -9 leaves no half file), read only if its path, mtime and size match the
document's, and any damage just means "not there".
Like the index, the folder is a rebuildable cache.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import threading
from array import array
from pathlib import Path

from reader.documents.names import display_name, path_from_key, path_key
from reader.search.analysis import Folded, Glosses, Vocabulary, known_words
from reader.search.messages import Message, message
from reader.search.prepare import Prepared, Source

log = logging.getLogger(__name__)
FORMAT = 3  # 3: words and stems saved


class TextFiles:
    """The saved preparations in `directory`; `load()` registers a document's saved words in
    `vocabulary` (if given), as preparing it would have."""

    def __init__(self, directory: Path, vocabulary: Vocabulary | None = None) -> None:
        self.directory = Path(directory)
        self.vocabulary = vocabulary
        self.problem: Message | None = None  # why texts cannot be saved here, for the user (once)

    def repair(self) -> Message | None:
        """If the folder's place holds something else (a file), replace it with an empty folder (a
        cache: texts are prepared again). Returns a note for the user, or None if nothing was wrong."""
        if not os.path.lexists(self.directory) or self.directory.is_dir():
            return None
        try:
            self.directory.unlink()
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            return message("texts.not_a_folder_kept", folder=display_name(self.directory),
                           reason=error.strerror or str(error))
        self.problem = None
        return message("texts.replaced", folder=display_name(self.directory))

    def _file(self, path: Path | str) -> Path:
        name = hashlib.sha1(path_key(path).encode("utf-8")).hexdigest()[:24]
        return self.directory / f"{name}.fold"

    def save(self, doc: Prepared, mtime: float, size: int) -> None:
        source, folded = doc.source, doc.folded
        glosses = folded.glosses
        record = (
            FORMAT, path_key(doc.path), mtime, size, doc.title, doc.section_starts, doc.section_paths,
            # str.encode: pickling a str would cache its UTF-8 form in the object (3 bytes a CJK char)
            folded.text.encode("utf-8"), source.positions.tobytes(), source.chars.encode("utf-8"),
            None if source.original is None else source.original.encode("utf-8"),
            None if glosses is None else (glosses.cuts.tobytes(), glosses.ends.tobytes(), glosses.text),
            known_words(folded.text),
        )
        target = self._file(doc.path)
        temporary = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            with open(temporary, "wb") as handle:
                pickle.dump(record, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)
        except OSError as error:  # a full or read-only disk: search still works from the sources
            log.debug("cannot save %s: %s", target, error)
            self.problem = self.problem or message(
                "texts.cannot_save", folder=display_name(self.directory), reason=error.strerror or str(error)
            )
            try:
                temporary.unlink(missing_ok=True)
            except OSError:
                pass

    def load(self, path: Path, mtime: float, size: int) -> Prepared | None:
        """The saved preparation of `path` if it is there, intact and of this (mtime, size)."""
        try:
            with open(self._file(path), "rb") as handle:
                record = pickle.load(handle)
            if not isinstance(record, tuple) or record[:1] != (FORMAT,):
                return None  # another format: prepared again and saved
            (fmt, saved, saved_mtime, saved_size, title, starts, paths,
             text, positions, chars, original, glosses, (words, stems)) = record
            if fmt != FORMAT or saved != path_key(path) or saved_mtime != mtime or saved_size != size:
                return None
            if glosses is not None:
                glosses = Glosses(_array(glosses[0]), _array(glosses[1]), glosses[2])
            folded = Folded(text.decode("utf-8"), glosses)
            if self.vocabulary is not None:
                self.vocabulary.register_known(words, stems)  # stem variants are learnt from the documents searched
            original = None if original is None else original.decode("utf-8")
            source = Source(folded, _array(positions), chars.decode("utf-8"), original)
            return Prepared(path_from_key(saved), folded, source, title, mtime, starts, paths)
        except FileNotFoundError:
            return None
        except NotADirectoryError:
            self.problem = self.problem or message("texts.not_a_folder", folder=display_name(self.directory))
            return None
        except Exception as error:  # damaged: prepared again from the source, and saved again
            log.info("ignoring damaged %s: %r", self._file(path), error)
            return None

    def remove(self, path: Path | str) -> None:
        try:
            self._file(path).unlink(missing_ok=True)
        except OSError as error:
            log.info("cannot remove %s: %s", self._file(path), error)


def _array(data: bytes) -> array:
    values = array("I")
    values.frombytes(data)
    return values
