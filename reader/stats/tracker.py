"""What counts as reading: a document shown, the window active, and a move within the last two minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

IDLE_AFTER_S = 120.0  # no scroll or move for this long: the reader is away, the time is not counted
MAX_CHARS_PER_S = 30.0  # faster than anyone reads: a bigger step is skimming, credited at this rate
JUMP_CHARS = 20_000  # a step this long is a jump (outline, search, bookmark), not reading


@dataclass
class Reading:
    """Reading of one document on one day, not yet stored."""

    path: str
    day: date
    title: str
    length: int
    seconds: float = 0.0
    characters: int = 0
    sessions: int = 0
    furthest: int = 0


@dataclass
class _Shown:
    path: str
    title: str
    length: int
    offset: int


class ReadingTracker:
    """Turns the window's events into `Reading`s; every method takes the wall-clock time `now` (seconds
    since the epoch), so tests drive it with a fake clock. Call `drain()` to take what was read."""

    def __init__(self, now: float, idle_after: float = IDLE_AFTER_S) -> None:
        self.idle_after = idle_after
        self.shown: _Shown | None = None
        self.active = False
        self.last_move: float | None = None  # when the reader last scrolled or moved
        self.counted_to = now  # time before this is accounted for
        self.pending: dict[tuple[str, date], Reading] = {}

    # -- events ---------------------------------------------------------------------------
    def show(self, now: float, path: str, title: str, length: int, offset: int = 0) -> None:
        """A document is now shown (a new one starts a new session at the first move)."""
        self._advance(now)
        self.shown = _Shown(path, title, max(0, length), max(0, offset))
        self.last_move = None

    def close(self, now: float) -> None:
        """No document is shown any more."""
        self._advance(now)
        self.shown, self.last_move = None, None

    def set_active(self, now: float, active: bool) -> None:
        """The window became active or inactive; an inactive window counts nothing."""
        self._advance(now)
        self.active = active

    def moved(self, now: float, offset: int) -> None:
        """The reader scrolled or moved to `offset`: reading goes on (or starts a session)."""
        self._advance(now)
        if self.shown is None:
            return
        if not self.active:
            self.shown.offset = max(0, offset)
            return
        reading = self._touch(now)
        if self._idle(now):
            reading.sessions += 1
            previous = now
        else:
            previous = self.last_move
        step = offset - self.shown.offset
        if 0 < step < JUMP_CHARS:
            reading.characters += int(min(step, (now - previous) * MAX_CHARS_PER_S))
        self.shown.offset = max(0, offset)
        reading.furthest = max(reading.furthest, self.shown.offset)
        self.last_move = now

    def tick(self, now: float) -> None:
        """Account for the time up to `now` (call it now and then, e.g. every few seconds)."""
        self._advance(now)

    def drain(self, now: float) -> list[Reading]:
        """What was read since the last drain (time accounted up to `now`)."""
        self._advance(now)
        taken = [r for r in self.pending.values() if r.seconds or r.characters or r.sessions or r.furthest]
        self.pending = {}
        return taken

    def reading_now(self, now: float) -> bool:
        """Whether time is being counted at `now`."""
        return self.shown is not None and self.active and not self._idle(now)

    # -- accounting -----------------------------------------------------------------------
    def _idle(self, now: float) -> bool:
        return self.last_move is None or now - self.last_move > self.idle_after

    def _advance(self, now: float) -> None:
        start, self.counted_to = self.counted_to, max(self.counted_to, now)
        if self.shown is None or not self.active or self.last_move is None:
            return
        end = min(now, self.last_move + self.idle_after)
        if end > start:
            self._touch(now).seconds += end - start

    def _touch(self, now: float) -> Reading:
        assert self.shown is not None
        day = datetime.fromtimestamp(now).date()
        key = (self.shown.path, day)
        reading = self.pending.get(key)
        if reading is None:
            reading = self.pending[key] = Reading(self.shown.path, day, self.shown.title, self.shown.length)
        return reading
