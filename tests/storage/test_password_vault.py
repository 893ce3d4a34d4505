"""Passwords in the OS keyring: recall, expiry, pre-shared, and no plaintext fallback."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import InitError, KeyringLocked, PasswordDeleteError, PasswordSetError

from referral_desk.storage.password_vault import (
    INDEX_KEY,
    SERVICE,
    PasswordVault,
    VaultUnavailable,
    vault_status,
)
from tests.memory_keyring import MemoryKeyring
from tests.platforms import posix_only

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


class CannotStart(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise InitError("no collection")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise InitError("no collection")


class RefusesToStore(MemoryKeyring):
    """Reading works, writing is refused (access denied by policy)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("access denied")

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("access denied")


@pytest.mark.parametrize(
    ("backend", "reason"),
    [
        (fail.Keyring(), "geen sleutelbos"),
        (LockedKeyring(), "vergrendeld"),
        (CannotStart(), "kan niet gestart worden"),
        (RefusesToStore(), "weigert het wachtwoord te bewaren"),
    ],
)
def test_every_kind_of_refusal_has_a_dutch_reason_and_no_fallback(
    backend: KeyringBackend, reason: str, tmp_path: Path
) -> None:
    vault = PasswordVault(backend, clock=Clock())
    with pytest.raises(VaultUnavailable, match=reason) as raised:
        vault.remember(ID, "PLAINTEXT-CANARY", T0 + timedelta(days=30))
        vault.set_preshared("ocmw-wervik", "PLAINTEXT-CANARY")
    assert str(raised.value) == raised.value.reason
    with pytest.raises(VaultUnavailable):
        vault.set_preshared("ocmw-wervik", "PLAINTEXT-CANARY")
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"PLAINTEXT-CANARY" not in path.read_bytes()


def test_a_password_the_keyring_took_is_always_in_the_index() -> None:
    """The keyring stores the password but then refuses the index: never a password that
    no purge can find."""

    class IndexRefused(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            if username == INDEX_KEY:
                raise PasswordSetError("denied")
            super().set_password(service, username, password)

    backend = IndexRefused()
    with pytest.raises(VaultUnavailable):
        PasswordVault(backend, clock=Clock()).remember(ID, "PW-ONE", T0)
    assert (SERVICE, ID) not in backend.entries


def test_a_refused_delete_is_unavailable_not_silently_ignored() -> None:
    backend = RefusesToStore()
    backend.entries[(SERVICE, "preshared:ocmw-wervik")] = "afgesproken"
    vault = PasswordVault(backend, clock=Clock())
    assert vault.has_preshared("ocmw-wervik")
    with pytest.raises(VaultUnavailable, match="verwijderen"):
        vault.delete_preshared("ocmw-wervik")


def test_vault_status_names_the_backend() -> None:
    status = vault_status(MemoryKeyring())
    assert status.available and status.reason is None
    assert "MemoryKeyring" in status.backend_name
    locked = vault_status(LockedKeyring())
    assert not locked.available and "vergrendeld" in (locked.reason or "")
    # None: the keyring the keyring package chose (conftest: a fresh in-memory one).
    assert vault_status().available


def test_expiry_with_a_fake_clock_is_exact_and_per_referral() -> None:
    backend, clock = MemoryKeyring(), Clock()
    vault = PasswordVault(backend, clock=clock)
    until = T0 + timedelta(days=30)
    vault.remember(ID, "PW-ONE", until)
    vault.remember("KG-2026-AC3DEF", "PW-TWO", until + timedelta(seconds=1))
    assert vault.kept_until(ID) == until
    clock.now = until - timedelta(microseconds=1)
    assert vault.purge_expired() == 0
    clock.now = until
    assert vault.purge_expired() == 1  # its moment has come: gone
    assert vault.recall(ID) is None and vault.recall("KG-2026-AC3DEF") == "PW-TWO"
    assert vault.purge_expired() == 0  # nothing twice
    vault.forget("KG-2026-AC3DEF")
    assert set(backend.entries) == {(SERVICE, INDEX_KEY)}
    assert backend.entries[(SERVICE, INDEX_KEY)] == "{}"


def test_remembering_again_replaces_password_and_date() -> None:
    backend, clock = MemoryKeyring(), Clock()
    vault = PasswordVault(backend, clock=clock)
    vault.remember(ID, "PW-OLD", T0 + timedelta(days=1))
    vault.remember(ID, "PW-NEW", T0 + timedelta(days=30))
    clock.now = T0 + timedelta(days=2)
    assert vault.recall(ID) == "PW-NEW"


def test_a_damaged_index_forgets_dates_not_passwords() -> None:
    backend, clock = MemoryKeyring(), Clock()
    vault = PasswordVault(backend, clock=clock)
    vault.remember(ID, "PW-ONE", T0 + timedelta(days=30))
    backend.entries[(SERVICE, INDEX_KEY)] = "not json"
    assert vault.recall(ID) == "PW-ONE"
    assert vault.purge_expired() == 0
    with pytest.raises(ValueError):
        vault.remember("Jan Peeters", "PW", T0)  # only referral IDs are keys


def test_the_vault_logs_no_passwords(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    vault = PasswordVault(LockedKeyring(), clock=Clock())
    with pytest.raises(VaultUnavailable):
        vault.remember(ID, "PLAINTEXT-CANARY", T0)
    with pytest.raises(VaultUnavailable):
        vault.set_preshared("ocmw-wervik", "PLAINTEXT-CANARY")
    assert caplog.records
    assert "PLAINTEXT-CANARY" not in caplog.text and ID not in caplog.text


def test_a_backend_raising_its_own_errors_is_unavailable() -> None:
    class DbusBroken(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise ConnectionRefusedError("org.freedesktop.secrets")

    status = PasswordVault(DbusBroken(), clock=Clock()).status()
    assert not status.available and "ConnectionRefusedError" in (status.reason or "")


# Runs inside ``dbus-run-session`` against a real gnome-keyring-daemon. Phase "store" keeps
# a one-time and a pre-shared password and reports what the Secret Service itself holds
# (through secretstorage, not through keyring); phase "expire" moves the clock past the
# keep-until date and purges; phase "lock" locks the collection the way a screen lock does.
REAL_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from datetime import datetime, timedelta, timezone
    import secretstorage
    from keyring.backends.SecretService import Keyring
    from referral_desk.storage.password_vault import PasswordVault, VaultUnavailable, vault_status

    ID, PW = "KG-2026-7F3K9Q", "KQ3X-HR4C-ACDE-FGHJ-KPQR"
    now = datetime(2026, 3, 1, tzinfo=timezone.utc)
    clock = [now]
    backend = Keyring()
    vault = PasswordVault(backend, clock=lambda: clock[0])
    connection = secretstorage.dbus_init()

    def held():
        items = secretstorage.search_items(connection, {"service": "referral-desk"})
        return {i.get_attributes()["username"]: i.get_secret().decode() for i in items}

    phase = sys.argv[1]
    report = {"status": vault_status(backend).model_dump()}
    if phase == "store":
        vault.remember(ID, PW, now + timedelta(days=30))
        vault.set_preshared("ocmw-wervik", "afgesproken")
        report.update(recalled=vault.recall(ID), held=held())
    elif phase == "expire":
        clock[0] = now + timedelta(days=29)
        report["before"] = vault.recall(ID)
        clock[0] = now + timedelta(days=31)
        report.update(purged=vault.purge_expired(), after=vault.recall(ID), held=held())
    elif phase == "lock":
        secretstorage.get_default_collection(connection).lock()
        report["status"] = vault_status(backend).model_dump()
        try:
            vault.preshared("ocmw-wervik")
            report["error"] = None
        except VaultUnavailable as unavailable:
            report["error"] = unavailable.reason
    print(json.dumps(report))
    """
)


SECRET_SERVICE = "Secret Service (gnome-keyring over D-Bus) is Linux's keyring"


def _real_keyring_tools() -> tuple[str, str]:
    daemon = shutil.which("gnome-keyring-daemon")
    runner = shutil.which("dbus-run-session")
    if daemon is None or runner is None or shutil.which("secret-tool") is None:
        if os.environ.get("CI"):
            pytest.fail("gnome-keyring, dbus and libsecret-tools must be installed (.ci/run)")
        pytest.skip("gnome-keyring-daemon, dbus-run-session or secret-tool not installed")
    return daemon, runner


def _session_env() -> dict[str, str]:
    """HOME and XDG_* come from conftest (under tmp_path); no display, so gnome-keyring's
    unlock prompt can never open a window and wait; a fresh session bus."""
    import referral_desk

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")
    }
    source = str(Path(referral_desk.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join([source, *sys.path])
    runtime = Path(env["XDG_RUNTIME_DIR"])
    runtime.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    return env


@posix_only(SECRET_SERVICE)
@pytest.mark.slow
def test_real_secret_service_through_gnome_keyring(tmp_path: Path) -> None:
    import json

    daemon, runner = _real_keyring_tools()
    script = tmp_path / "vault_check.py"
    script.write_text(REAL_SCRIPT, "utf-8")
    python = shlex.quote(sys.executable)
    check = shlex.quote(str(script))
    shell = (
        f"printf 'test-unlock' | {daemon} --unlock --components=secrets >/dev/null 2>&1 || exit 9; "
        f"{python} {check} store || exit 1; "
        'echo "tool-preshared=$(secret-tool lookup service referral-desk '
        'username preshared:ocmw-wervik)"; '
        'echo "tool-one-time=$(secret-tool lookup service referral-desk '
        'username KG-2026-7F3K9Q)"; '
        f"{python} {check} expire || exit 2; "
        'echo "tool-after=$(secret-tool lookup service referral-desk '
        'username KG-2026-7F3K9Q)"; '
        f"{python} {check} lock || exit 3"
    )
    result = subprocess.run(
        [runner, "--", "sh", "-c", shell],
        capture_output=True,
        text=True,
        timeout=120,
        env=_session_env(),
    )
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    reports = [json.loads(line) for line in lines if line.startswith("{")]
    tool = dict(line.split("=", 1) for line in lines if line.startswith("tool-"))
    stored, expired, locked = reports

    # Stored and recalled through the real Secret Service.
    assert stored["status"]["available"] is True
    assert "SecretService" in stored["status"]["backend_name"]
    assert stored["recalled"] == "KQ3X-HR4C-ACDE-FGHJ-KPQR"
    held = stored["held"]
    assert held["KG-2026-7F3K9Q"] == "KQ3X-HR4C-ACDE-FGHJ-KPQR"
    assert held["preshared:ocmw-wervik"] == "afgesproken"
    index = json.loads(held[INDEX_KEY])
    assert index == {"KG-2026-7F3K9Q": "2026-03-31T00:00:00+00:00"}  # IDs and dates only
    # libsecret's own command line tool sees the same entries under service referral-desk.
    assert tool["tool-preshared"] == "afgesproken"
    assert tool["tool-one-time"] == "KQ3X-HR4C-ACDE-FGHJ-KPQR"

    # Kept until its day, then purged from the Secret Service itself.
    assert expired["before"] == "KQ3X-HR4C-ACDE-FGHJ-KPQR"
    assert expired["purged"] == 1 and expired["after"] is None
    assert "KG-2026-7F3K9Q" not in expired["held"]
    assert json.loads(expired["held"][INDEX_KEY]) == {}
    assert expired["held"]["preshared:ocmw-wervik"] == "afgesproken"
    assert tool["tool-after"] == ""

    # A locked collection: unavailable, with the reason, and nothing is read.
    assert locked["status"]["available"] is False
    assert "vergrendeld" in locked["status"]["reason"]
    assert locked["error"] is not None and "vergrendeld" in locked["error"]

    # The daemon kept its keyring under the test's HOME (conftest's XDG_DATA_HOME), not the
    # real profile, and the file on disk is encrypted: no password in it.
    keyrings = Path(os.environ["XDG_DATA_HOME"]) / "keyrings"
    files = [f for f in keyrings.iterdir() if f.suffix == ".keyring"]
    assert files, list(keyrings.iterdir())
    for file in tmp_path.rglob("*"):
        if file.is_file() and file != script:
            data = file.read_bytes()
            assert b"KQ3X-HR4C" not in data and b"afgesproken" not in data, file


@posix_only(SECRET_SERVICE)
@pytest.mark.slow
def test_a_secret_service_that_cannot_unlock_is_unavailable(tmp_path: Path) -> None:
    """No unlocked login keyring and no way to show the unlock prompt (no display): the
    session bus starts gnome-keyring on demand, which cannot create the collection."""
    import json

    _daemon, runner = _real_keyring_tools()
    script = tmp_path / "vault_check.py"
    script.write_text(
        textwrap.dedent(
            """
            import json
            from keyring.backends.SecretService import Keyring
            from referral_desk.storage.password_vault import PasswordVault, VaultUnavailable
            vault = PasswordVault(Keyring())
            try:
                vault.remember("KG-2026-7F3K9Q", "PLAINTEXT-CANARY", vault.clock())
                print(json.dumps({"error": None}))
            except VaultUnavailable as unavailable:
                print(json.dumps({"error": unavailable.reason}))
            """
        ),
        "utf-8",
    )
    result = subprocess.run(
        [runner, "--", sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_session_env(),
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["error"] is not None, report
    for file in tmp_path.rglob("*"):
        if file.is_file() and file != script:
            assert b"PLAINTEXT-CANARY" not in file.read_bytes()


def test_no_session_bus_means_no_secret_service(monkeypatch: pytest.MonkeyPatch) -> None:
    from keyring.backends.SecretService import Keyring

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    status = vault_status(Keyring())
    assert not status.available
    assert status.reason is not None and "geen sleutelbos" in status.reason
