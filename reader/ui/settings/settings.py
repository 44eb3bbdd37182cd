"""The window's settings: a QSettings INI file in the data dir, and the typed reader settings in it.

`ReaderSettings` is the one typed view of the reader's preferences (theme, reading font, line
spacing, page margin, text width, UI language); `Typography` is what the text views lay text out with.
It is read with `ReaderSettings.load()`, which migrates older layouts, and written with `save()`.
Other keys in the same file (window geometry, recent files, the
session) belong to the window and are not touched here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from PySide6.QtCore import QSettings

from reader.paths import data_dir
from reader.text.script import SCRIPTS
from reader.ui.settings.i18n import LANGUAGE_SETTINGS
from reader.ui.settings.themes import THEMES

SETTINGS_VERSION = 3
FONT_SIZE_RANGE = (6.0, 48.0)
LINE_SPACING_RANGE = (1.0, 3.0)
TEXT_WIDTH_RANGE = (0, 400)
PAGE_MARGIN_RANGE = (0, 160)
FONT_STYLES = ("serif", "sans")
# The reading font when none is chosen, best first: Qt falls back along the list glyph by glyph.
DEFAULT_FAMILIES = {
    "serif": ("Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "Noto Serif", "DejaVu Serif",
              "Times New Roman"),
    "sans": ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans",
             "DejaVu Sans"),
}

# Where each setting lives in settings.ini.
_KEYS = {
    "version": "settings/version",
    "theme": "appearance/theme",
    "font_family": "text/font_family",
    "font_size": "text/font_size",
    "line_spacing": "text/line_spacing",
    "page_margin": "text/page_margin",
    "font_style": "text/font_style",
    "max_text_width": "text/max_width",
    "language": "ui/language",
    "keep_statistics": "privacy/keep_statistics",
    "notes_folder": "notes/folder",
    "chinese_script": "text/chinese_script",
}


def open_settings() -> QSettings:
    """The reader's settings file (data dir/settings.ini)."""
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)


@dataclass(frozen=True)
class ReaderSettings:
    """The reader's preferences, with their defaults.

    theme: "system" (follow the desktop's light/dark scheme), "light", "dark" or "sepia".
    font_family: the reading font ("" is the default font of `font_style`).
    font_style: "serif" or "sans": the default reading font's kind (Noto Serif CJK where installed).
    font_size: the reading font's size in points (zoom adds to it for the session).
    line_spacing: the height of a line as a multiple of the font's (1.0 is single spacing; 1.5 suits Chinese).
    page_margin: pixels between the text and the edges of its column.
    max_text_width: the widest the text column gets, in full-width characters (0: no limit).
    language: the UI language, "system", "en" or "zh_CN".
    keep_statistics: whether reading time is recorded (Library ▸ Reading Statistics).
    notes_folder: where each document's bookmarks are kept as a Markdown note ("" for none).
    chinese_script: the default display script (reader.text.script.SCRIPTS), per document overridable.
    """

    version: int = SETTINGS_VERSION
    theme: str = "system"
    font_family: str = ""
    font_style: str = "serif"
    font_size: float = 12.0
    line_spacing: float = 1.5
    page_margin: int = 28
    max_text_width: int = 0
    language: str = "system"
    keep_statistics: bool = True
    notes_folder: str = ""
    chinese_script: str = "as-written"

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> ReaderSettings:
        """Settings from stored values of any version; unknown or bad values fall back to defaults."""
        values = migrate(dict(values))
        default = cls()
        kept: dict[str, Any] = {}
        for field in fields(cls):
            if field.name == "version" or field.name not in values:
                continue
            value = _coerce(values[field.name], type(getattr(default, field.name)))
            if value is not None:
                kept[field.name] = value
        return replace(default, **kept).validated()

    def validated(self) -> ReaderSettings:
        """These settings with every value brought into its allowed range."""
        default = ReaderSettings()
        return replace(
            self,
            version=SETTINGS_VERSION,
            theme=self.theme if self.theme in THEMES else default.theme,
            language=self.language if self.language in LANGUAGE_SETTINGS else default.language,
            font_family=self.font_family.strip(),
            font_style=self.font_style if self.font_style in FONT_STYLES else default.font_style,
            page_margin=int(_clamp(self.page_margin, *PAGE_MARGIN_RANGE)),
            font_size=_clamp(self.font_size, *FONT_SIZE_RANGE),
            line_spacing=round(_clamp(self.line_spacing, *LINE_SPACING_RANGE), 2),
            max_text_width=int(_clamp(self.max_text_width, *TEXT_WIDTH_RANGE)),
            notes_folder=self.notes_folder.strip(),
            chinese_script=self.chinese_script if self.chinese_script in SCRIPTS else default.chinese_script,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def typography(self) -> Typography:
        """What the text views lay text out with (the rendered view's stylesheet reads it too)."""
        families = (self.font_family,) if self.font_family else DEFAULT_FAMILIES[self.font_style]
        return Typography(families, self.font_style, self.font_size, self.line_spacing, self.page_margin,
                          self.max_text_width)

    @classmethod
    def load(cls, settings: QSettings | None = None) -> ReaderSettings:
        """Read the settings from settings.ini (migrating an older layout)."""
        store = settings or open_settings()
        values: dict[str, Any] = {}
        for key in store.allKeys():
            values[key] = store.value(key)
        return cls.from_dict(_flat_to_fields(values))

    def save(self, settings: QSettings | None = None) -> None:
        """Write the settings to settings.ini, replacing any older layout's keys."""
        store = settings or open_settings()
        for old in _V1_KEYS:
            store.remove(old)
        for name, value in self.validated().to_dict().items():
            store.setValue(_KEYS[name], value)
        store.sync()


@dataclass(frozen=True)
class Typography:
    """How reading text is laid out, for every view: the plain view applies it itself; the rendered
    (Markdown) view's stylesheet can use `css()`."""

    families: tuple[str, ...]  # the reading font, with fallbacks, best first
    style: str  # "serif" or "sans"
    size_pt: float
    line_spacing: float  # line height as a multiple of the font's
    margin_px: int  # between the text and the edges of its column
    max_width_chars: int  # 0: no limit

    def css(self) -> str:
        """The body rule a rendered view's stylesheet starts from."""
        families = ", ".join(f'"{family}"' for family in self.families)
        generic = "serif" if self.style == "serif" else "sans-serif"
        return (f"body {{ font-family: {families}, {generic}; font-size: {self.size_pt:g}pt; "
                f"line-height: {round(self.line_spacing * 100)}%; margin: {self.margin_px}px; }}")


# Version 1 (the first preferences, before themes and languages) stored a dark flag, the font as
# "family,size" and the line height as a percentage, under [view].
_V1_KEYS = ("view/dark", "view/font", "view/line_height", "view/width")


def migrate(values: dict[str, Any]) -> dict[str, Any]:
    """Bring stored values of any earlier version to the current layout (field names)."""
    version = _coerce(values.get("version"), int)
    if version is None:
        version = 1 if any(key in values for key in _V1_KEYS) else SETTINGS_VERSION
    if version < 2:
        if "view/dark" in values:
            values.setdefault("theme", "dark" if _coerce(values["view/dark"], bool) else "light")
        font = str(values.get("view/font") or "")
        if font:
            family, _, size = font.rpartition(",")
            values.setdefault("font_family", family.strip())
            if _coerce(size, float):
                values.setdefault("font_size", _coerce(size, float))
        percent = _coerce(values.get("view/line_height"), float)
        if percent:
            values.setdefault("line_spacing", percent / 100)
        width = _coerce(values.get("view/width"), int)
        if width is not None:
            values.setdefault("max_text_width", width)
    if version < 3 and _coerce(values.get("line_spacing"), float) == 1.0:
        del values["line_spacing"]  # the old default, saved with the rest: the new default (1.5) applies
    values["version"] = SETTINGS_VERSION
    return values


def _flat_to_fields(stored: dict[str, Any]) -> dict[str, Any]:
    by_key = {key: name for name, key in _KEYS.items()}
    values = {by_key[key]: value for key, value in stored.items() if key in by_key}
    values.update({key: stored[key] for key in _V1_KEYS if key in stored})
    return values


def _coerce(value: Any, kind: type) -> Any:
    """`value` (as QSettings returns it: often a string) as `kind`, or None if it is not one."""
    if value is None:
        return None
    try:
        if kind is bool:
            if isinstance(value, str):
                return value.strip().lower() in ("1", "true", "yes", "on")
            return bool(value)
        if kind is int:
            return int(float(value))
        if kind is float:
            number = float(value)
            return number if number == number else None  # NaN
        if kind is str:
            return value if isinstance(value, str) else None
    except (TypeError, ValueError):
        return None
    return None


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))
