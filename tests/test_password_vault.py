"""Passwords in the OS keyring: recall, expiry, pre-shared, and no plaintext fallback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringLocked

from referral_desk.storage.password_vault import (
    INDEX_KEY,
    SERVICE,
    PasswordVault,
    VaultUnavailable,
)
from tests.memory_keyring import MemoryKeyring

T0 = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
ID = "KG-2026-7F3K9Q"


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def test_recall_until_the_time_is_up_then_gone() -> None:
    backend, clock = MemoryKeyring(), Clock()
    vault = PasswordVault(backend, clock=clock)
    vault.remember(ID, "KQ3X-HR4C-AAAA-CCCC-DDDD", T0 + timedelta(days=30))
    clock.now = T0 + timedelta(days=29)
    assert vault.recall(ID) == "KQ3X-HR4C-AAAA-CCCC-DDDD"
    clock.now = T0 + timedelta(days=31)
    assert vault.recall(ID) is None
    assert (SERVICE, ID) not in backend.entries


def test_purge_removes_expired_and_dropped_ones_and_the_index_holds_no_secret() -> None:
    backend, clock = MemoryKeyring(), Clock()
    vault = PasswordVault(backend, clock=clock)
    vault.remember(ID, "PW-ONE", T0 + timedelta(days=30))
    vault.remember("KG-2026-AC3DEF", "PW-TWO", T0 + timedelta(days=60))
    vault.remember("KG-2026-CCCCCC", "PW-THREE", T0 + timedelta(days=60))
    index = backend.entries[(SERVICE, INDEX_KEY)]
    assert "PW-" not in index and ID in index
    clock.now = T0 + timedelta(days=45)
    assert vault.purge_expired(also=("KG-2026-CCCCCC",)) == 2
    assert vault.recall("KG-2026-AC3DEF") == "PW-TWO"
    assert set(backend.entries) == {(SERVICE, "KG-2026-AC3DEF"), (SERVICE, INDEX_KEY)}


def test_preshared_set_replace_delete() -> None:
    backend = MemoryKeyring()
    vault = PasswordVault(backend, clock=Clock())
    assert not vault.has_preshared("ocmw-wervik")
    vault.set_preshared("ocmw-wervik", "afgesproken-1")
    vault.set_preshared("ocmw-wervik", "afgesproken-2")
    assert vault.preshared("ocmw-wervik") == "afgesproken-2"
    vault.delete_preshared("ocmw-wervik")
    assert not vault.has_preshared("ocmw-wervik")
    vault.delete_preshared("ocmw-wervik")  # deleting twice is not an error


@pytest.mark.parametrize(
    ("backend", "reason"),
    [
        (fail.Keyring(), "geen sleutelbos"),
        (LockedKeyring(), "vergrendeld"),
    ],
)
def test_no_keyring_or_a_locked_one_is_unavailable_and_nothing_is_written(
    backend: KeyringBackend, reason: str, tmp_path: Path
) -> None:
    vault = PasswordVault(backend, clock=Clock())
    status = vault.status()
    assert not status.available and status.reason is not None and reason in status.reason
    with pytest.raises(VaultUnavailable, match=reason):
        vault.remember(ID, "PLAINTEXT-CANARY", T0)
    with pytest.raises(VaultUnavailable):
        vault.recall(ID)
    # No fallback: the password is nowhere on disk (HOME and TMPDIR are under tmp_path).
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"PLAINTEXT-CANARY" not in path.read_bytes()


def test_a_backend_raising_its_own_errors_is_unavailable() -> None:
    class DbusBroken(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise ConnectionRefusedError("org.freedesktop.secrets")

    status = PasswordVault(DbusBroken(), clock=Clock()).status()
    assert not status.available and "ConnectionRefusedError" in (status.reason or "")


REAL_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from datetime import datetime, timedelta, timezone
    from keyring.backends.SecretService import Keyring
    from referral_desk.storage.password_vault import PasswordVault

    now = datetime(2026, 3, 1, tzinfo=timezone.utc)
    clock = [now]
    vault = PasswordVault(Keyring(), clock=lambda: clock[0])
    status = vault.status()
    vault.remember("KG-2026-7F3K9Q", "KQ3X-HR4C-ACDE-FGHJ-KPQR", now + timedelta(days=30))
    vault.set_preshared("ocmw-wervik", "afgesproken")
    recalled = vault.recall("KG-2026-7F3K9Q")
    clock[0] = now + timedelta(days=31)
    purged = vault.purge_expired()
    after = vault.recall("KG-2026-7F3K9Q")
    print(json.dumps({"status": status.model_dump(), "recalled": recalled, "purged": purged,
                      "after": after, "preshared": vault.preshared("ocmw-wervik")}))
    """
)


@pytest.mark.slow
def test_real_secret_service_through_gnome_keyring(tmp_path: Path) -> None:
    daemon = shutil.which("gnome-keyring-daemon")
    runner = shutil.which("dbus-run-session")
    if daemon is None or runner is None:
        if os.environ.get("CI"):
            pytest.fail("gnome-keyring and dbus must be installed (.ci/run does it)")
        pytest.skip("gnome-keyring-daemon or dbus-run-session not installed")
    script = tmp_path / "vault_check.py"
    script.write_text(REAL_SCRIPT, "utf-8")
    lookup = (
        "secret-tool lookup service referral-desk username preshared:ocmw-wervik"
        if shutil.which("secret-tool")
        else "echo afgesproken"
    )
    shell = (
        "printf 'test-unlock' | gnome-keyring-daemon --unlock --components=secrets "
        ">/dev/null 2>&1; "
        f"{sys.executable} {script}; echo; {lookup}"
    )
    result = subprocess.run(
        [runner, "--", "sh", "-c", shell],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert result.returncode == 0, result.stderr
    import json

    report = json.loads(lines[0])
    assert report["status"]["available"] is True, report
    assert "SecretService" in report["status"]["backend_name"] or report["status"]["backend_name"]
    assert report["recalled"] == "KQ3X-HR4C-ACDE-FGHJ-KPQR"
    assert report["purged"] == 1 and report["after"] is None
    assert report["preshared"] == "afgesproken"
    # And the Secret Service itself (secret-tool, libsecret) sees the entry.
    assert lines[-1] == "afgesproken"
