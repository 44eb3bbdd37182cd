"""Fixtures for the bookmark tests: a small library folder with a document in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bookmark_data import TEXT

from reader import paths


@pytest.fixture
def library(tmp_path: Path, data_dir: Path) -> Path:
    """A folder registered as part of the library."""
    folder = tmp_path / "library"
    folder.mkdir()
    payload = {"folders": [str(folder)]}
    (data_dir / "library.json").write_text(json.dumps(payload), encoding="utf-8")
    paths.set_data_dir(None)
    return folder


@pytest.fixture
def notes(library: Path) -> Path:
    path = library / "notes.md"
    path.write_text(TEXT, encoding="utf-8")
    return path
