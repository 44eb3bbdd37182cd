"""Reading progress for the status bar: the percentage, the time left at the reader's pace, file sizes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from reader.documents.model import CJK_CHARS_PER_MINUTE, WORDS_PER_MINUTE, reading_counts

SAMPLE_CHARS = 60_000  # characters read from each of three places to learn a document's mix of CJK and words


@dataclass(frozen=True)
class ReadingPace:
    """How fast the reader reads: Chinese characters and (other) words a minute; `measured` once the
    statistics feature has timed the reader rather than assumed a typical pace."""

    cjk_chars_per_minute: float = CJK_CHARS_PER_MINUTE
    words_per_minute: float = WORDS_PER_MINUTE
    measured: bool = False


_pace = ReadingPace()


def reading_pace() -> ReadingPace:
    """The pace time-left estimates use: the measured one if set_reading_pace was fed, else a typical one."""
    return _pace


def set_reading_pace(cjk_chars_per_minute: float | None = None, words_per_minute: float | None = None) -> None:
    """Feed the reader's measured pace (the statistics feature calls this); None keeps that part as it is."""
    global _pace
    _pace = ReadingPace(cjk_chars_per_minute or _pace.cjk_chars_per_minute,
                        words_per_minute or _pace.words_per_minute, measured=True)


def minutes_per_char(text: str, pace: ReadingPace | None = None) -> float:
    """Reading minutes per character of `text`, learnt from a sample of its start, middle and end (so a
    20 MB novel costs the UI thread no more than a short one)."""
    pace = pace or reading_pace()
    if len(text) <= 3 * SAMPLE_CHARS:
        sample = text
    else:
        middle = len(text) // 2
        sample = text[:SAMPLE_CHARS] + text[middle:middle + SAMPLE_CHARS] + text[-SAMPLE_CHARS:]
    cjk, words = reading_counts(sample)
    minutes = cjk / pace.cjk_chars_per_minute + words / pace.words_per_minute
    return minutes / max(1, len(sample))


def percent(offset: int, total: int, at_end: bool) -> int:
    """How far through the document the reader is: 100 only at its end, never before."""
    if at_end or total <= 0:
        return 100
    return min(99, max(0, 100 * offset // total))


def format_size(size: int) -> str:
    """A file size as people read it: "322 B", "53 KB", "1.2 MB"."""
    if size < 1024:
        return f"{size} B"
    if size < 1048576:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1048576:.1f} MB"


def format_minutes(minutes: float) -> str:
    """A reading time: "under a minute", "12 min", "1 h 5 min" (in the UI language)."""
    whole = round(minutes)
    if whole < 1:
        return QCoreApplication.translate("ReadingProgress", "under a minute")
    if whole < 60:
        return QCoreApplication.translate("ReadingProgress", "%n min", "", whole)
    return QCoreApplication.translate("ReadingProgress", "%1 h %2 min").replace("%1", str(whole // 60)).replace(
        "%2", str(whole % 60))


def time_left_text(section_minutes: float | None, document_minutes: float) -> str:
    """The status bar's time left: in the section (when there is one) and in the document."""
    document = format_minutes(document_minutes)
    if section_minutes is None:
        return QCoreApplication.translate("ReadingProgress", "%1 left").replace("%1", document)
    return QCoreApplication.translate("ReadingProgress", "section %1 · document %2 left").replace(
        "%1", format_minutes(section_minutes)).replace("%2", document)
