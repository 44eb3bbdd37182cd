"""PySide6 6.12.0 on Python 3.11 dies after a few thousand void-returning calls; we must not ship it."""

from __future__ import annotations

import sys

import PySide6
import pytest
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="6.12.0 crashes only on Python 3.11")
def test_installed_pyside_is_not_the_crashing_release() -> None:
    assert not PySide6.__version__.startswith("6.12.0")


def test_twenty_thousand_void_calls_do_not_crash(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    for number in range(20_000):
        label.setText(str(number))
        label.setEnabled(number % 2 == 0)
    assert label.text() == "19999"
