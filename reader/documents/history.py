"""Browser-like navigation history of (document, offset) places. Pure Python, no Qt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Place:
    """A place the reader was at: a document and a source offset (with the selected length)."""

    path: Path
    offset: int
    length: int = 0


class History:
    """Back and forward stacks; visiting a new place drops the forward stack."""

    def __init__(self, limit: int = 200) -> None:
        self._places: list[Place] = []
        self._index = -1
        self._limit = limit

    def visit(self, place: Place) -> None:
        """Record `place` as the current one (unless it is the current one already)."""
        if self.current == place:
            return
        del self._places[self._index + 1 :]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._index = len(self._places) - 1

    def update_current(self, place: Place) -> None:
        """Remember where the reader scrolled to before leaving the current place."""
        if 0 <= self._index < len(self._places) and self._places[self._index].path == place.path:
            self._places[self._index] = place

    @property
    def current(self) -> Place | None:
        return self._places[self._index] if self._index >= 0 else None

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def back(self) -> Place | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self._places[self._index]

    def forward(self) -> Place | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self._places[self._index]
