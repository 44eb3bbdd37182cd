"""Reading statistics, all local: what counts as reading (tracker), where it is kept (store), what it tells (report)."""

from .report import pace, summary
from .store import StatsError, StatsStore, stats_path
from .tracker import IDLE_AFTER_S, Reading, ReadingTracker

__all__ = ["IDLE_AFTER_S", "ReadingTracker", "Reading", "StatsError", "StatsStore", "stats_path", "pace", "summary"]
