"""What the statistics tell: the reader's pace, time left at that pace, and the summary `reader stats` prints."""

from __future__ import annotations

from datetime import date, timedelta

from .store import StatsStore

MIN_SECONDS = 600.0  # less reading than this measured: no pace yet
MIN_CHARACTERS = 2000


def pace(documents: list[dict]) -> float | None:
    """Characters per minute over everything read, or None until there is enough to say."""
    seconds = sum(d["seconds"] for d in documents)
    characters = sum(d["characters"] for d in documents)
    if seconds < MIN_SECONDS or characters < MIN_CHARACTERS:
        return None
    return characters / (seconds / 60.0)


def summary(store: StatsStore, days: int = 30, today: date | None = None) -> dict:
    """{"days": [...], "documents": [...], "today": {...}, "week": {...}, "chars_per_minute"}: the CLI's JSON."""
    today = today or date.today()
    day_rows = store.days(max(days, 7), today)
    documents = store.documents()
    speed = pace(documents)
    for document in documents:
        document["chars_per_minute"] = round(document["characters"] / (document["seconds"] / 60), 1) \
            if document["seconds"] >= 60 else None
        left = max(0, document["length"] - document["furthest"])
        document["minutes_left"] = round(left / speed, 1) if speed and document["length"] else None
    week_start = (today - timedelta(days=today.weekday())).isoformat()
    return {
        "days": day_rows[-days:] if days > 0 else [],
        "documents": documents,
        "today": _total(r for r in day_rows if r["date"] == today.isoformat()),
        "week": _total(r for r in day_rows if r["date"] >= week_start),
        "chars_per_minute": round(speed, 1) if speed else None,
    }


def _total(rows) -> dict:
    rows = list(rows)
    return {"seconds": round(sum(r["seconds"] for r in rows), 1), "characters": sum(r["characters"] for r in rows)}
