"""The glance at the settings file the first window is laid out from, before the models load:
the language and the size as the full read would take them, the defaults for anything else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from referral_desk.domain.settings import Settings
from referral_desk.domain.window_fit import WindowSize
from referral_desk.storage.settings import SettingsStore
from referral_desk.storage.settings_glance import FirstGlance, glance_at_settings


def test_a_saved_language_and_size_are_read_as_the_full_read_has_them(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    size = WindowSize(width=900, height=640)
    SettingsStore(path).save(Settings(language="en", main_window_size=size))
    glance = glance_at_settings(path)
    assert glance.language == "en"
    assert glance.window_size is not None
    assert (glance.window_size.width, glance.window_size.height) == (900, 640)


@pytest.mark.parametrize(
    "content",
    [b"", b"{kapot", b"[1, 2]", "\ufeff{}".encode(), b'{"language": 3, "main_window_size": 7}'],
)
def test_what_cannot_be_read_gives_the_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    assert glance_at_settings(path) == FirstGlance()


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    assert glance_at_settings(tmp_path / "settings.json") == FirstGlance()


def _with_size(tmp_path: Path, size: object) -> Path:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "nl", "main_window_size": size}), "utf-8")
    return path


@pytest.mark.parametrize(
    "size",
    [
        {"width": 0, "height": 500},
        {"width": 20_001, "height": 500},
        {"width": 800.5, "height": 500},
        {"width": 800},
    ],
)
def test_a_size_the_settings_would_forget_is_not_taken(tmp_path: Path, size: object) -> None:
    """The same bounds as WindowSize: what the full read forgets, the glance does not use."""
    path = _with_size(tmp_path, size)
    assert glance_at_settings(path) == FirstGlance(language="nl", window_size=None)
    assert SettingsStore(path).load().main_window_size is None


@pytest.mark.parametrize("size", [{"width": True, "height": 500}, {"width": "800", "height": 500}])
def test_only_whole_numbers_are_taken_as_a_side(tmp_path: Path, size: object) -> None:
    """The app writes sides as numbers; what the models would coerce, the first window
    does not guess at: it opens at the preferred size once."""
    assert glance_at_settings(_with_size(tmp_path, size)).window_size is None
