"""Every test runs headless and with HOME and XDG_* pointed into its own tmp_path."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.memory_keyring import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def compiled_catalogs() -> None:
    """The .qm files are built, not committed: a fresh clone's `pytest` builds them here."""
    scripts = str(Path(__file__).resolve().parents[1] / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    import update_translations

    update_translations.compile_catalogs()


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every platformdirs root at tmp_path so no test touches the real profile."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var, sub in {
        "XDG_CONFIG_HOME": ".config",
        "XDG_DATA_HOME": ".local/share",
        "XDG_STATE_HOME": ".local/state",
        "XDG_CACHE_HOME": ".cache",
        "XDG_RUNTIME_DIR": "run",
    }.items():
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(path))
    site = tmp_path / "site"
    (site / "config").mkdir(parents=True)
    (site / "data").mkdir(parents=True)
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(site / "config"))
    monkeypatch.setenv("XDG_DATA_DIRS", str(site / "data"))
    monkeypatch.setenv("REFERRAL_DESK_MAIL", "eml")
    # Any temp file a library writes lands where the canary tests can read it.
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    # Never the user's real keyring: a fresh in-memory one per test (tests that need a
    # failing or a real Secret Service backend set their own).
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield home
    keyring.set_keyring(previous)
