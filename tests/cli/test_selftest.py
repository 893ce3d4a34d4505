"""``referral-desk selftest``: every check, its failure modes, the exit code and the JSON."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import keyring
import keyring.backend
import py7zr
import pytest
from keyring.backends import fail

from referral_desk.cli import main, selftest
from referral_desk.cli.selftest import (
    CheckResult,
    SelftestReport,
    check_archive,
    probe_keyring,
    render_text,
    run_selftest,
)
from referral_desk.delivery.detection import MailDetection
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import SCHEMA_VERSION, ReferralLog

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = (ROOT / "config" / "partners.toml").read_text("utf-8")
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=ZoneInfo("Europe/Brussels"))

MEMORY_KEYRING_SOURCE = textwrap.dedent(
    '''
    """A keyring backend that keeps nothing: answers like a healthy, empty store."""
    import keyring.backend


    class MemoryKeyring(keyring.backend.KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.store = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            self.store.pop((service, username), None)
    '''
)


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str]] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.asked.append((service, username))
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("the self-test must never write to the keyring")

    def delete_password(self, service: str, username: str) -> None:
        raise AssertionError("the self-test must never delete from the keyring")


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the collection is locked")


@pytest.fixture
def use_keyring() -> Iterator[type[None]]:
    """Install a backend for one test and put the previous one back afterwards."""
    previous = keyring.get_keyring()
    yield type(None)
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(use_keyring: type[None]) -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


def by_name(report: SelftestReport) -> dict[str, CheckResult]:
    return {check.name: check for check in report.checks}


def run(**kwargs: object) -> SelftestReport:
    return run_selftest(AppPaths.from_platform(), clock=lambda: NOW, **kwargs)  # type: ignore[arg-type]


# --- all well -----------------------------------------------------------------------------------


def test_a_damaged_referral_log_fails_the_check_and_is_left_alone(
    memory_keyring: MemoryKeyring,
) -> None:
    referral_log_file = AppPaths.from_platform().referral_log_file
    referral_log_file.parent.mkdir(parents=True, exist_ok=True)
    referral_log_file.write_bytes(b"not a database" * 100)
    report = run()
    assert not report.ok
    assert "beschadigd" in by_name(report)["referral_log"].detail
    assert referral_log_file.read_bytes() == b"not a database" * 100


def test_a_referral_log_changed_outside_the_app_fails_the_check(
    memory_keyring: MemoryKeyring,
) -> None:
    """A deleted row and an edited one, with Python's sqlite3 module as any tool would."""
    from tests.storage.test_referral_log import entry

    referral_log_file = AppPaths.from_platform().referral_log_file
    referral_log = ReferralLog.open(referral_log_file)
    referral_log.add(entry("KG-2026-7F3K9Q"))
    referral_log.add(entry("KG-2026-AC3DEF"))
    referral_log.record_incident("KG-2026-7F3K9Q", "wrong_recipient")
    referral_log.close()
    assert by_name(run())["referral_log"].ok
    db = sqlite3.connect(referral_log_file)
    with db:
        db.execute("DELETE FROM incidents")
        db.execute("UPDATE referrals SET mailbox = 'x@y.be' WHERE referral_id = 'KG-2026-AC3DEF'")
    db.close()
    report = run()
    check = by_name(report)["referral_log"]
    assert not report.ok and not check.ok
    assert "een gemeld gegevenslek van KG-2026-7F3K9Q is buiten referral-desk verwijderd" in (
        check.detail
    )
    assert "de doorverwijzing van KG-2026-AC3DEF is buiten referral-desk gewijzigd" in check.detail
    reopened = ReferralLog.open(referral_log_file)
    try:
        assert len(reopened.all()) == 2
    finally:
        reopened.close()


def test_all_checks_pass_with_a_keyring(memory_keyring: MemoryKeyring) -> None:
    report = run()
    checks = by_name(report)
    assert report.ok, render_text(report)
    assert list(checks) == [
        "registry",
        "machine_config",
        "documents",
        "archive",
        "keyring",
        "mail",
        "settings",
        "folders",
        "referral_log",
        "versions",
    ]
    assert f"schema {SCHEMA_VERSION}, 0 doorverwijzingen" in checks["referral_log"].detail
    assert "meegeleverd partnerregister" in checks["registry"].detail
    assert "versie 2026.1 van 2026-11-22" in checks["registry"].detail
    assert "7zAES" in checks["archive"].detail
    assert "MemoryKeyring antwoordt" in checks["keyring"].detail
    # One harmless lookup, nothing written.
    assert memory_keyring.asked == [("referral-desk-selftest", "probe")]
    assert "Python 3." in checks["versions"].detail
    assert "py7zr 1." in checks["versions"].detail
    assert "Qt 6." in checks["versions"].detail
    assert "Alles in orde." in render_text(report)


def test_folders_are_created_and_left_empty(memory_keyring: MemoryKeyring) -> None:
    paths = AppPaths.from_platform()
    assert not paths.outbox_dir.exists()
    assert run().ok
    for folder in (paths.config_dir, paths.data_dir, paths.outbox_dir, paths.log_dir):
        assert folder.is_dir()
        assert not [p for p in folder.iterdir() if p.name.startswith(".selftest")]


def test_machine_registry_is_reported_as_active(memory_keyring: MemoryKeyring) -> None:
    paths = AppPaths.from_platform()
    paths.site_config_dir.mkdir(parents=True)
    paths.machine_registry.write_text(
        BUNDLED.replace('registry_version = "2026.1"', 'registry_version = "2026.2"'), "utf-8"
    )
    report = run()
    detail = by_name(report)["registry"].detail
    assert report.ok
    assert detail.startswith(f"machineregister {paths.machine_registry}: versie 2026.2")


# --- failures -----------------------------------------------------------------------------------


def test_broken_machine_registry_fails_with_its_problems(
    memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = AppPaths.from_platform()
    paths.site_config_dir.mkdir(parents=True)
    paths.machine_registry.write_text(
        BUNDLED.replace('"kindengezin@wervik.be"', '"kindengezin(at)wervik.be"'), "utf-8"
    )
    assert main(["selftest", "--json"]) == 1
    report = SelftestReport.model_validate_json(capsys.readouterr().out)
    registry = by_name(report)["registry"]
    assert not report.ok
    assert not registry.ok
    assert "machineregister" in registry.detail
    assert f"{paths.machine_registry}:81: partners[2].mailbox" in registry.detail
    # The bundled registry is not quietly used instead, and nothing else failed.
    assert [c.name for c in report.checks if not c.ok] == ["registry"]


def test_unwritable_data_dir_fails(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    # Tests run as root on CI, so chmod proves nothing: a folder below a regular file
    # cannot be created by anyone. Only the data folder moves there (on Windows the settings
    # share their folder with the data by default).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", "utf-8")
    paths = dataclasses.replace(
        AppPaths.from_platform(), data_dir=blocker / "share" / "referral-desk"
    )
    report = run_selftest(paths, clock=lambda: NOW)
    folders = by_name(report)["folders"]
    assert not report.ok
    assert not folders.ok
    assert "gegevens niet schrijfbaar" in folders.detail
    assert "outbox niet schrijfbaar" in folders.detail
    assert str(blocker) in folders.detail
    assert "instellingen" not in folders.detail


def test_fail_keyring_backend_is_a_failure(use_keyring: type[None]) -> None:
    keyring.set_keyring(fail.Keyring())
    report = run()
    check = by_name(report)["keyring"]
    assert not report.ok
    assert not check.ok
    assert "keyring.backends.fail.Keyring" in check.detail
    assert "FOUT] keyring" in render_text(report)
    assert "exit code 1" in render_text(report)


def test_keyring_that_raises_is_a_failure(use_keyring: type[None]) -> None:
    keyring.set_keyring(LockedKeyring())
    check = by_name(run())["keyring"]
    assert not check.ok
    assert "KeyringLocked: the collection is locked" in check.detail


def test_probe_keyring_names_the_backend(memory_keyring: MemoryKeyring) -> None:
    assert probe_keyring() == f"{__name__}.MemoryKeyring"


def test_archive_check_catches_readable_headers(monkeypatch: pytest.MonkeyPatch) -> None:
    def plain_headers(files: dict[str, bytes], password: str) -> bytes:
        buffer = io.BytesIO()
        with py7zr.SevenZipFile(buffer, "w", password=password, header_encryption=False) as z:
            for name, data in files.items():
                z.writestr(data, name)
        return buffer.getvalue()

    assert check_archive({"a.txt": b"x"}).ok
    monkeypatch.setattr(selftest, "build_encrypted_archive", plain_headers)
    check = check_archive({"a.txt": b"x"})
    assert not check.ok
    assert "zonder wachtwoord zijn de namen leesbaar: ['a.txt']" in check.detail


def test_missing_fonts_fail_documents_but_archive_still_runs(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    real = AppPaths.from_platform()
    bundle = tmp_path / "bundle"
    (bundle / "resources").mkdir(parents=True)
    shutil.copytree(real.bundled_dir / "config", bundle / "config")
    shutil.copytree(real.resources_dir / "data", bundle / "resources" / "data")
    paths = AppPaths(
        config_dir=real.config_dir,
        data_dir=real.data_dir,
        log_dir=real.log_dir,
        site_config_dir=real.site_config_dir,
        bundled_dir=bundle,
    )
    checks = by_name(run_selftest(paths, clock=lambda: NOW))
    assert not checks["documents"].ok
    assert checks["archive"].ok
    assert checks["registry"].ok


# --- mail -----------------------------------------------------------------------------------------


def test_mail_reports_the_headless_override(memory_keyring: MemoryKeyring) -> None:
    # conftest sets REFERRAL_DESK_MAIL=eml for every test.
    detail = by_name(run())["mail"].detail
    assert detail.startswith("REFERRAL_DESK_MAIL=eml")


def test_mail_reports_the_adapter_that_would_be_tried_first(
    memory_keyring: MemoryKeyring,
) -> None:
    detection = MailDetection(
        platform="linux",
        default_client="Thunderbird",
        usable=("thunderbird", "xdg-email", "eml"),
    )

    def detect() -> MailDetection:
        return detection

    check = by_name(run(mail_detection=detect, environ={}))["mail"]
    assert check.ok
    assert check.detail.startswith("eerst: Thunderbird (instelling: auto")
    assert "Thunderbird → " in check.detail


def test_mail_detection_error_is_a_failure(memory_keyring: MemoryKeyring) -> None:
    def broken() -> MailDetection:
        raise OSError("registry unreadable")

    check = by_name(run(mail_detection=broken, environ={}))["mail"]
    assert not check.ok
    assert "OSError: registry unreadable" in check.detail


# --- the command line ---------------------------------------------------------------------------


def test_cli_text_and_json(
    memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["selftest"]) == 0
    text = capsys.readouterr().out
    assert "[ OK ] registry: meegeleverd partnerregister" in text
    assert main(["selftest", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True
    assert data["version"] == "0.1.0"
    assert {c["name"] for c in data["checks"]} >= {"registry", "archive", "keyring", "folders"}


def _selftest_subprocess(tmp_path: Path, backend: str) -> subprocess.CompletedProcess[str]:
    """``python -m referral_desk selftest --json`` in a fresh process without a display, with
    the test's keyring backend importable: its folder goes on sys.path before the module runs
    (Windows CPython's embeddable build ignores PYTHONPATH)."""
    module_dir = tmp_path / "keyring-backend"
    module_dir.mkdir(exist_ok=True)
    (module_dir / "memkeyring.py").write_text(MEMORY_KEYRING_SOURCE, "utf-8")
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND=backend)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    launcher = (
        "import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); "
        "runpy.run_module('referral_desk', run_name='__main__', alter_sys=True)"
    )
    return subprocess.run(
        [sys.executable, "-c", launcher, str(module_dir), "selftest", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_subprocess_json_without_display(tmp_path: Path) -> None:
    done = _selftest_subprocess(tmp_path, "memkeyring.MemoryKeyring")
    assert done.returncode == 0, done.stdout + done.stderr
    report = SelftestReport.model_validate_json(done.stdout)
    assert report.ok
    assert "memkeyring.MemoryKeyring antwoordt" in by_name(report)["keyring"].detail
    # Qt's widgets were never needed.
    assert "QApplication" not in done.stderr


def test_subprocess_fail_keyring_exits_1(tmp_path: Path) -> None:
    done = _selftest_subprocess(tmp_path, "keyring.backends.fail.Keyring")
    assert done.returncode == 1, done.stdout + done.stderr
    report = SelftestReport.model_validate_json(done.stdout)
    assert [c.name for c in report.checks if not c.ok] == ["keyring"]


def test_selftest_never_loads_qt_widgets() -> None:
    code = (
        "import sys; from referral_desk.cli.selftest import run_selftest;"
        "from referral_desk.storage.paths import AppPaths;"
        "run_selftest(AppPaths.from_platform(), keyring_probe=lambda: 'x');"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6.Qt')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "['PySide6.QtCore']"


# --- the settings files -------------------------------------------------------------------------


def test_a_top_level_registry_source_is_reported_and_not_ok(
    memory_keyring: MemoryKeyring, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """IT wrote registry_source above [machine]: the self-test names the file, the line and
    the key and exits 1; the folder is not used, the bundled registry is, and says why."""
    paths = AppPaths.from_platform()
    assert tmp_path in paths.machine_config_file.parents
    share = tmp_path / "share"
    paths.machine_config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.machine_config_file.write_text(
        f"# the registry's folder\nregistry_source = '{share}'\n[machine]\n", "utf-8"
    )
    report = run()
    checks = by_name(report)
    assert not report.ok
    check = checks["machine_config"]
    assert not check.ok
    assert check.detail.splitlines() == [
        f"{paths.machine_config_file} wordt niet gebruikt tot het verbeterd is:",
        "- config.toml, regel 2: 'registry_source' hoort onder [machine]",
    ]
    registry = checks["registry"]
    assert registry.ok and "meegeleverd partnerregister" in registry.detail
    assert "Let op: config.toml, regel 2: 'registry_source' hoort onder [machine]" in (
        registry.detail
    )
    assert main(["selftest"]) == 1
    out = capsys.readouterr().out
    assert "[FOUT] machine_config: " in out
    assert "'registry_source' hoort onder [machine]" in out
    assert "NIET in orde: machine_config" in out


def test_a_valid_machine_config_is_ok(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    paths = AppPaths.from_platform()
    paths.machine_config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.machine_config_file.write_bytes(b"[machine]\r\n")
    check = by_name(run())["machine_config"]
    assert check.ok
    assert check.detail == f"{paths.machine_config_file}: in orde, geen bronmap ingesteld"


def test_an_unknown_user_setting_is_reported_and_not_ok(memory_keyring: MemoryKeyring) -> None:
    paths = AppPaths.from_platform()
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    original = b'{\n  "mail_adapter": "auto",\n  "mail_adaptor": "eml",\n  "recall_days": "x"\n}\n'
    paths.settings_file.write_bytes(original)
    report = run()
    check = by_name(report)["settings"]
    assert not report.ok and not check.ok
    assert "- settings.json, regel 3: onbekende instelling 'mail_adaptor'" in check.detail
    assert "- settings.json, regel 4: 'recall_days' heeft niet de verwachte vorm" in check.detail
    assert str(paths.settings_file.with_suffix(".kept.json")) in check.detail
    assert paths.settings_file.read_bytes() == original  # the self-test changes nothing
