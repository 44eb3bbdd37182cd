"""The window's settings: a QSettings INI file in the data dir."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from reader.paths import data_dir


def open_settings() -> QSettings:
    """The reader's settings file (data dir/settings.ini)."""
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
