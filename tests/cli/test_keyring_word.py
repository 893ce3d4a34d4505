"""One Dutch word for the keyring everywhere: *sleutelbos*, as the window and GNOME say it."""

from __future__ import annotations

from pathlib import Path

import pytest

from referral_desk.cli.selftest import KeyringUnavailable, check_keyring

PACKAGE = Path(__file__).parents[2] / "src" / "referral_desk"


def _unavailable() -> str:
    raise KeyringUnavailable("fail Keyring")


def _broken() -> str:
    raise RuntimeError("dbus")


@pytest.mark.parametrize("probe", [_unavailable, _broken])
def test_the_selftest_says_sleutelbos(probe: object) -> None:
    assert callable(probe)
    result = check_keyring(probe)
    assert not result.ok
    assert "sleutelbos" in result.detail and "sleutelhanger" not in result.detail


def test_the_unavailable_keyring_names_windows_own_word() -> None:
    assert "Windows Referentiebeheer" in check_keyring(_unavailable).detail


def test_no_module_says_sleutelhanger() -> None:
    offenders = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if "sleutelhanger" in path.read_text("utf-8").lower()
    ]
    assert offenders == []
