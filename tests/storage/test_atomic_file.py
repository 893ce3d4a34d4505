"""Crash-safe private writes: private on each platform, and a target another process has open
(Windows refuses to replace it) is replaced once it is let go."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from referral_desk.storage import atomic_file
from referral_desk.storage.atomic_file import atomic_write_bytes
from tests.file_privacy import assert_not_private, assert_private

# Another process reads the file: opens it, says so, keeps it open for a moment.
_READER = textwrap.dedent(
    """
    import sys, time
    with open(sys.argv[1], "rb") as handle:
        print("open", flush=True)
        time.sleep(float(sys.argv[2]))
        handle.read()
    """
)


def another_process_reads(path: Path, seconds: float) -> subprocess.Popen[str]:
    reader = subprocess.Popen(
        [sys.executable, "-c", _READER, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    assert reader.stdout is not None and reader.stdout.readline().strip() == "open"
    return reader


def test_a_private_write_lets_only_this_user_in(tmp_path: Path) -> None:
    path = atomic_write_bytes(tmp_path / "out" / "export.json", b"{}")
    assert path.read_bytes() == b"{}"
    assert_private(path)
    # Replacing it keeps it private: the new file is private before it takes the name.
    atomic_write_bytes(path, b"{ }")
    assert path.read_bytes() == b"{ }"
    assert_private(path)


def test_a_shared_mode_is_readable_by_others(tmp_path: Path) -> None:
    path = atomic_write_bytes(tmp_path / "partners.toml", b"x = 1\n", mode=0o644)
    assert_not_private(path)


def test_a_target_another_process_reads_is_replaced_once_it_lets_go(tmp_path: Path) -> None:
    folder = tmp_path / "config"
    folder.mkdir()
    path = folder / "settings.json"
    path.write_bytes(b"old")
    reader = another_process_reads(path, 0.8)
    try:
        atomic_write_bytes(path, b"new")
    finally:
        reader.wait(timeout=60)
    assert path.read_bytes() == b"new"
    assert [p.name for p in folder.iterdir()] == ["settings.json"]


def test_a_target_held_open_throughout_is_whole_and_no_temp_file_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic_file, "REPLACE_RETRY_SECONDS", 0.3)
    folder = tmp_path / "config"
    folder.mkdir()
    path = folder / "settings.json"
    path.write_bytes(b"old")
    reader = another_process_reads(path, 5)
    try:
        atomic_write_bytes(path, b"new")
    except PermissionError:
        assert sys.platform == "win32"  # only Windows refuses to replace an open file
        assert path.read_bytes() == b"old"
    else:
        assert path.read_bytes() == b"new"
    finally:
        reader.kill()
        reader.wait(timeout=60)
    assert [p.name for p in folder.iterdir()] == ["settings.json"]
