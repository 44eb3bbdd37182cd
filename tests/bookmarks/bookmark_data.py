"""Shared test text for the bookmark tests."""

from __future__ import annotations

PARAGRAPHS = [
    "# Field notes",
    "",
    "The heron stood in the shallows for an hour without moving a feather.",
    "",
    "## Morning",
    "",
    "Fog lifted slowly from the river while the ferryman counted his coins.",
    "",
    "A kingfisher flashed blue across the water and vanished into the reeds.",
    "",
    "## Evening",
    "",
    "The lamps of the village came on one by one along the far bank.",
    "",
]
TEXT = "\n".join(PARAGRAPHS)


def span(text: str, passage: str, occurrence: int = 0) -> tuple[int, int]:
    """(offset, length) of the n-th occurrence of `passage` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(passage, start + 1)
    return start, len(passage)
