"""Shared fixtures: a private data dir, corpus/ and ../shared/testdata, small library folders and documents."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from notes_data import NOTES_TEXT

from reader import paths

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = Path(os.environ.get("READER_SHARED_DIR") or REPO.parent / "shared")  # the shared documents
TESTDATA = SHARED / "testdata"
SPEECH = CORPUS / "在“大学习、大调研、大讨论”活动动员部署会上的讲话.txt"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test writes into its own data dir, never the user's."""
    directory = tmp_path_factory.mktemp("data")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(directory))
    monkeypatch.setenv("READER_TTS_ENGINE", "mock")  # Qt's mock speech engine: read aloud never speaks in tests
    paths.set_data_dir(None)
    return directory


@pytest.fixture
def testdata() -> Path:
    """`../shared/testdata`, which CI has beside the clone; tests that need it skip on a bare clone."""
    if not TESTDATA.is_dir():
        pytest.skip(f"shared test documents not found at {TESTDATA} (../shared/testdata is not beside this clone)")
    return TESTDATA


@pytest.fixture
def corpus() -> Path:
    """The sample documents in the repo (the seeds the outline gold files describe)."""
    return CORPUS


@pytest.fixture
def library_folder(tmp_path: Path) -> Callable[..., Path]:
    """Makes a small library folder: `library_folder(files, name="lib")` creates `tmp_path/name` holding
    `files` (file name -> text written as UTF-8, or bytes written as they are), in order, and returns it."""

    def make(files: dict[str, str | bytes], name: str = "lib") -> Path:
        folder = tmp_path / name
        folder.mkdir()
        for file_name, content in files.items():
            if isinstance(content, bytes):
                (folder / file_name).write_bytes(content)
            else:
                (folder / file_name).write_text(content, encoding="utf-8")
        return folder

    return make


@pytest.fixture
def notes_doc(tmp_path: Path) -> Path:
    """`tmp_path/notes.md` holding `notes_data.NOTES_TEXT` (two headings, a first and a second passage)."""
    path = tmp_path / "notes.md"
    path.write_text(NOTES_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def speech(tmp_path: Path) -> Path:
    """A copy of the corpus speech at `tmp_path/speech.txt`, for tests that edit it or key stores by its path."""
    copy = tmp_path / "speech.txt"
    copy.write_text(SPEECH.read_text(encoding="utf-8"), encoding="utf-8")
    return copy
