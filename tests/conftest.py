"""Shared fixtures: a private data dir for every test, and the shared test documents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader import paths

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"
TESTDATA = SHARED / "testdata"
SEEDS = SHARED / "seeds"

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
    """`../shared/testdata`, which CI has beside the clone."""
    if not TESTDATA.is_dir():
        pytest.skip(f"shared test documents not found at {TESTDATA}")
    return TESTDATA


@pytest.fixture
def corpus() -> Path:
    return CORPUS
