"""Every test runs headless and with HOME and XDG_* pointed into its own tmp_path."""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import pytest
from _pytest.terminal import TerminalReporter

from tests.memory_keyring import MemoryKeyring
from tests.platforms import point_windows_folders_at

if TYPE_CHECKING:
    from referral_desk.ui.gui_collector import GuiThreadCollector

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.platform == "win32":
    # Offscreen Qt on Windows reads fonts only from QT_QPA_FONTDIR and PySide6 ships none:
    # without it every letter is a box. The app's own DejaVu, as app.main gives it.
    os.environ.setdefault(
        "QT_QPA_FONTDIR", str(Path(__file__).resolve().parents[1] / "resources" / "fonts")
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if sys.platform != "win32":
        return
    for item in items:
        marker = item.get_closest_marker("posix_only")
        if marker is not None:
            item.add_marker(pytest.mark.skip(reason=f"POSIX only: {marker.kwargs['reason']}"))


def pytest_terminal_summary(terminalreporter: TerminalReporter) -> None:
    """How many tests are POSIX-only and why: on Windows these were skipped."""
    items = terminalreporter.config.cache_posix_only  # type: ignore[attr-defined]
    if not items:
        return
    reasons = Counter(items.values())
    terminalreporter.section(f"{len(items)} tests marked POSIX-only", sep="-")
    for reason, count in sorted(reasons.items(), key=lambda pair: (-pair[1], pair[0])):
        terminalreporter.write_line(f"{count:3d}  {reason}")


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    session.config.cache_posix_only = {  # type: ignore[attr-defined]
        item.nodeid: marker.kwargs["reason"]
        for item in session.items
        if (marker := item.get_closest_marker("posix_only")) is not None
    }


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    """Qt on Windows under Wine never sees QT_QPA_PLATFORM (Wine drops QT_* variables), and its
    native platform plugin aborts there: the offscreen platform goes in as an argument."""
    return ["referral-desk-tests", "-platform", "offscreen"] if sys.platform == "win32" else []


@pytest.fixture(autouse=True)
def gui_thread_collector(request: pytest.FixtureRequest) -> Iterator[None]:
    """As the application's start: Python's garbage collector runs on the GUI thread only,
    from the first test with a QApplication on, and between tests (some spin no event loop)."""
    if {"qtbot", "qapp"} & set(request.fixturenames) and not _collector:
        from referral_desk.ui.gui_collector import install_gui_thread_collector

        _collector.append(install_gui_thread_collector(request.getfixturevalue("qapp")))
    yield
    if _collector:
        _collector[-1].check()


_collector: list[GuiThreadCollector] = []


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
    point_windows_folders_at(tmp_path, monkeypatch)
    if sys.platform == "win32":
        monkeypatch.setenv("USERPROFILE", str(home))
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
