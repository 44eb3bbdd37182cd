"""The glyph warmer: it works through a large text's characters in idle steps and then stops; small texts and a
new document stop it."""

from __future__ import annotations

from PySide6.QtGui import QFont

from reader.ui.views.glyphs import WARM_FROM_CHARS, GlyphWarmer


def test_a_large_text_is_warmed_in_steps_then_the_warmer_stops(qtbot) -> None:
    warmer = GlyphWarmer()
    text = ("第一回 甄士隐梦幻识通灵 贾雨村风尘怀闺秀。" * (WARM_FROM_CHARS // 20 + 1))
    warmer.start(text, QFont())
    assert warmer.active
    qtbot.waitUntil(lambda: not warmer.active, timeout=10_000)


def test_a_short_text_is_left_alone_and_stop_ends_a_run(qtbot) -> None:
    warmer = GlyphWarmer()
    warmer.start("短文。", QFont())
    assert not warmer.active
    warmer.start("长" * WARM_FROM_CHARS, QFont())
    warmer.stop()
    assert not warmer.active
