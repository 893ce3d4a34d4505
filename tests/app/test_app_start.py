"""What the app does after its window is shown: warm the first referral in the background."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from referral_desk.app import warm_up_in_background
from referral_desk.sealing import font_cache

FONTS = Path(__file__).parents[2] / "resources" / "fonts"


def test_warm_up_parses_the_fonts_off_the_gui_thread() -> None:
    font_cache.clear()
    thread = warm_up_in_background(FONTS)
    thread.join(timeout=60)
    assert not thread.is_alive() and thread.daemon
    assert font_cache.cached_fonts() == 2


def test_a_failed_warm_up_is_logged_and_changes_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    font_cache.clear()
    with caplog.at_level(logging.WARNING):
        warm_up_in_background(tmp_path / "no-fonts-here").join(timeout=60)
    assert "warm-up skipped" in caplog.text
    assert font_cache.cached_fonts() == 0
