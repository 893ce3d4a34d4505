"""Tests that cannot hold on Windows say so, with the reason, in one way.

``@posix_only("needs a sh script as fake program")`` skips the test on Windows; the run lists
every such test's reason at the end (tests/conftest.py), so the list stays visible and short.
A test that only *assumed* POSIX is made portable instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


def posix_only(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.posix_only(reason=reason)


def point_windows_folders_at(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows, platformdirs asks Windows for AppData and ProgramData, which HOME and XDG_*
    cannot move: its override variables put them below *root*. Elsewhere nothing happens."""
    if sys.platform != "win32":
        return
    for csidl, sub in {
        "APPDATA": "AppData/Roaming",
        "LOCAL_APPDATA": "AppData/Local",
        "COMMON_APPDATA": "ProgramData",
    }.items():
        folder = root / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(f"WIN_PD_OVERRIDE_{csidl}", str(folder))
