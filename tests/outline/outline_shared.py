"""Outline test helpers: real documents (corpus/ in the repo, testdata/ in ../shared), decoded like the loader does."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("READER_SHARED_DIR") or REPO.parent / "shared")
GOLD = Path(__file__).resolve().parent / "gold"


def document_path(relative: str) -> Path:
    """`corpus/…` and `tests/…` are in the repo (every clone has them); `testdata/…` is in ../shared."""
    return REPO / relative if relative.startswith(("corpus/", "tests/")) else SHARED / relative


def read_document(relative: str, encoding: str = "utf-8") -> str:
    """Decoded text (BOM stripped, newlines normalised); skips when a ../shared document is absent."""
    path = document_path(relative)
    if relative.startswith("testdata/") and not path.is_file():
        pytest.skip(f"shared test document {path} is absent (../shared/testdata is not beside this clone)")
    text = path.read_bytes().decode(encoding)
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
