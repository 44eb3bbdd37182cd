"""Shared fixtures: a private data dir for every test, corpus/ (in the repo) and ../shared/testdata (beside it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader import paths

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = Path(os.environ.get("READER_SHARED_DIR") or REPO.parent / "shared")  # the shared documents
TESTDATA = SHARED / "testdata"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test writes into its own data dir, never the user's."""
    directory = tmp_path_factory.mktemp("data")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(directory))
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
