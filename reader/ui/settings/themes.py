"""Themes: light, dark and sepia palettes for the whole application, and the reading colours.

"system" follows the desktop's colour scheme (QStyleHints.colorScheme, Qt 6.5+): dark when the
desktop is dark, light otherwise. A theme is applied to the application (palette, Fusion style and
the small stylesheet in resources/styles/reader.qss) and, through `apply_reading_colors`, to the text
views (the rendered Markdown view also takes its stylesheet from reader/ui/views/markdown_style.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from reader.paths import resource_path


@dataclass(frozen=True)
class Colors:
    window: str
    window_text: str
    base: str
    alternate: str
    text: str
    button: str
    highlight: str
    highlighted_text: str
    link: str
    disabled: str
    muted: str
    focus: str
    title: str
    # the text views: the page and the ink
    page: str
    ink: str
    selection: str
    selection_text: str
    # rendered Markdown: headings, code and table-header backgrounds, table and rule lines, block quotes
    heading: str
    code: str
    table_header: str
    rule: str
    quote: str
    quote_bar: str


COLORS = {
    "light": Colors(
        window="#efefef", window_text="#1f1f1f", base="#ffffff", alternate="#f5f5f5", text="#1f1f1f",
        button="#e8e8e8", highlight="#2f6fce", highlighted_text="#ffffff", link="#1a5fb4",
        disabled="#8a8a8a", muted="#555555", focus="#2f6fce", title="#e2e2e2",
        page="#ffffff", ink="#1d1d1d", selection="#2f6fce", selection_text="#ffffff",
        heading="#111111", code="#f0f1f3", table_header="#f3f5f7", rule="#d0d7de", quote="#f5f7f9",
        quote_bar="#b9c4d0",
    ),
    "dark": Colors(
        window="#2b2b2b", window_text="#e4e4e4", base="#1f1f1f", alternate="#262626", text="#e4e4e4",
        button="#363636", highlight="#3d7bd9", highlighted_text="#ffffff", link="#78b0ff",
        disabled="#7a7a7a", muted="#b0b0b0", focus="#5b9bff", title="#333333",
        page="#1c1c1c", ink="#dadada", selection="#35609e", selection_text="#ffffff",
        heading="#f2f2f2", code="#2b2e33", table_header="#2a2d31", rule="#4a4f56", quote="#24272b",
        quote_bar="#5b7fb8",
    ),
    "sepia": Colors(
        window="#eadfc8", window_text="#3b2f22", base="#f7efdc", alternate="#efe5cf", text="#3b2f22",
        button="#e2d5ba", highlight="#9c6b3c", highlighted_text="#ffffff", link="#7a4a1c",
        disabled="#9c8d78", muted="#5e4e3c", focus="#9c6b3c", title="#dfd1b3",
        page="#f4ecd8", ink="#5b4636", selection="#c9a878", selection_text="#2b1f12",
        heading="#3b2f22", code="#ebe0c6", table_header="#ece1c8", rule="#cdb994", quote="#eee4cc",
        quote_bar="#b08a58",
    ),
}
THEMES = ("system", *COLORS)  # the theme settings: follow the desktop, or one of COLORS


def system_is_dark() -> bool:
    """Whether the desktop's colour scheme is dark (Unknown counts as light)."""
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def resolve_theme(theme: str) -> str:
    """The concrete theme ("light", "dark" or "sepia") that `theme` stands for now."""
    if theme in COLORS:
        return theme
    return "dark" if system_is_dark() else "light"


def palette_for(name: str) -> QPalette:
    """The application palette of a concrete theme."""
    c = COLORS[name]
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.window_text,
        QPalette.ColorRole.Base: c.base,
        QPalette.ColorRole.AlternateBase: c.alternate,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: c.button,
        QPalette.ColorRole.ButtonText: c.window_text,
        QPalette.ColorRole.BrightText: "#ff5555",
        QPalette.ColorRole.Highlight: c.highlight,
        QPalette.ColorRole.HighlightedText: c.highlighted_text,
        QPalette.ColorRole.Link: c.link,
        QPalette.ColorRole.LinkVisited: c.link,
        QPalette.ColorRole.ToolTipBase: c.base,
        QPalette.ColorRole.ToolTipText: c.text,
        QPalette.ColorRole.PlaceholderText: c.disabled,
        QPalette.ColorRole.Light: QColor(c.button).lighter(130).name(),
        QPalette.ColorRole.Midlight: QColor(c.button).lighter(115).name(),
        QPalette.ColorRole.Mid: QColor(c.button).darker(130).name(),
        QPalette.ColorRole.Dark: QColor(c.button).darker(160).name(),
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.disabled))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor(c.muted))
    return palette


def stylesheet_for(name: str) -> str:
    """The application stylesheet (resources/styles/reader.qss) with the theme's colours."""
    c = COLORS[name]
    template = Template(resource_path("styles", "reader.qss").read_text(encoding="utf-8"))
    return template.safe_substitute(
        focus=c.focus, title=c.title, muted=c.muted, tooltip=c.base, tooltip_text=c.text
    )


def apply_theme(app: QApplication, theme: str) -> str:
    """Give the application the palette, style and stylesheet of `theme`; returns the concrete theme."""
    name = resolve_theme(theme)
    if app.style().name().lower() != "fusion":
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            app.setStyle(fusion)
    app.setPalette(palette_for(name))
    sheet = stylesheet_for(name)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    app.setProperty("readerTheme", name)
    return name


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of a colour ("#rrggbb" or any name QColor knows)."""
    channels = QColor(color).getRgbF()[:3]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1.0 to 21.0 (AA asks 4.5 for body text)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def apply_reading_colors(view: QWidget, name: str) -> None:
    """Give a text view the page and ink colours of a concrete theme (and a rendered view its stylesheet)."""
    c = COLORS[name]
    palette = view.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor(c.page))
        palette.setColor(group, QPalette.ColorRole.Text, QColor(c.ink))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(c.selection))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(c.selection_text))
        palette.setColor(group, QPalette.ColorRole.Link, QColor(c.link))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor(c.page))
    view.setPalette(palette)
    viewport = getattr(view, "viewport", None)
    if viewport is not None:
        viewport().setPalette(palette)  # the stylesheet style gives the viewport a palette of its own
    restyle = getattr(view, "set_reading_style", None)
    if restyle is not None:
        restyle(theme=name)
