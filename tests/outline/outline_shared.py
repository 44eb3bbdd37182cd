"""Outline test helpers: the shared real documents, decoded like the loader does."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = Path(__file__).resolve().parent / "gold"


def read_shared(relative: str, encoding: str = "utf-8") -> str:
    """Decoded text of a shared document (BOM stripped, newlines normalised), or skip."""
    path = SHARED / relative
    if not path.is_file():
        pytest.skip(f"shared test document {path} is absent (needs /work/shared checkout)")
    text = path.read_bytes().decode(encoding)
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
