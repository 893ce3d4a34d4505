"""How the app starts: one read of the registry to wire the window, and after the window
is shown, the first referral warmed in the background."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from referral_desk.app import warm_up_in_background
from referral_desk.lifecycle.desk import RegistryState
from referral_desk.sealing import font_cache
from referral_desk.storage.paths import AppPaths

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


def test_the_window_is_wired_with_one_read_of_the_registry(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the registry (and its postcode table) is a good part of the start-up."""
    from referral_desk import app

    reads: list[object] = []
    read = app.read_active_registry

    def counted(paths: AppPaths) -> RegistryState:
        reads.append(paths)
        return read(paths)

    monkeypatch.setattr(app, "read_active_registry", counted)
    window = app.create_main_window()
    qtbot.addWidget(window)
    assert len(reads) == 1
    assert window.session.registry_state.loaded is not None
