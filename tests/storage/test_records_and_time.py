"""Records against a wrong clock, a locked or shared referral log, private side files, and
two windows saving settings at once."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from pytestqt.qtbot import QtBot

from referral_desk.domain.settings import Settings
from referral_desk.lifecycle.creation import ReferralRefused
from referral_desk.lifecycle.retention import RetentionPolicy, apply_retention
from referral_desk.storage import settings as settings_module
from referral_desk.storage.outbox import Outbox
from referral_desk.storage.password_vault import INDEX_KEY, SERVICE, PasswordVault
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import ReferralLog, ReferralLogError
from referral_desk.storage.settings import SettingsError, SettingsStore
from tests.lifecycle_fixtures import NOW, desk_at, request
from tests.memory_keyring import MemoryKeyring
from tests.platforms import posix_only
from tests.storage.test_referral_log import entry
from tests.ui.test_settings_dialog import PROFILE, click, combo, make_dialog

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def _stores(tmp_path: Path) -> tuple[ReferralLog, PasswordVault, Outbox]:
    referral_log = ReferralLog.open(tmp_path / "referral-log.sqlite3")
    referral_log.add(entry("KG-2026-AAAAAA", T0 - timedelta(days=20)))
    referral_log.add(entry("KG-2026-CCCCCC", T0))
    vault = PasswordVault(MemoryKeyring(), clock=lambda: T0)
    vault.remember("KG-2026-CCCCCC", "PW-C", T0 + timedelta(days=30))
    outbox = Outbox(tmp_path / "outbox")
    path = outbox.save_archive("KG-2026-CCCCCC", b"7z")
    stamp = T0.timestamp()
    os.utime(path, (stamp, stamp))
    os.utime(path.parent, (stamp, stamp))
    return referral_log, vault, outbox


# --- 1. retention never acts on an implausible clock ----------------------------------------


def test_a_clock_three_years_ahead_removes_nothing_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    referral_log, vault, outbox = _stores(tmp_path)
    ahead = T0 + timedelta(days=3 * 365)
    report = apply_retention(ahead, RetentionPolicy(), referral_log, vault, outbox)
    assert report.clock_notice is not None and "klok" in report.clock_notice.dutch
    assert "niets opgeruimd" in report.clock_notice.dutch
    assert (report.referral_log_rows_removed, report.passwords_removed) == (0, 0)
    assert report.outbox_folders_removed == 0
    assert len(referral_log.all()) == 2
    assert vault.recall("KG-2026-CCCCCC") == "PW-C"
    assert (tmp_path / "outbox" / "KG-2026-CCCCCC").is_dir()
    assert "implausible" in caplog.text
    referral_log.close()


def test_a_clock_set_back_removes_nothing_and_shortens_no_expiry(tmp_path: Path) -> None:
    referral_log, vault, outbox = _stores(tmp_path)
    back = T0 - timedelta(days=365)
    report = apply_retention(back, RetentionPolicy(), referral_log, vault, outbox)
    assert report.clock_notice is not None
    assert vault.kept_until("KG-2026-CCCCCC") == T0 + timedelta(days=30)
    # The clock put right again: the password is still there for its full time.
    report = apply_retention(T0 + timedelta(days=1), RetentionPolicy(), referral_log, vault, outbox)
    assert report.clock_notice is None and report.passwords_removed == 0
    assert vault.recall("KG-2026-CCCCCC") == "PW-C"
    referral_log.close()


def test_a_password_expiry_is_capped_from_its_referral_not_from_the_clock(tmp_path: Path) -> None:
    """A shorter period counts from when the referral was made; a clock a week behind (still
    after the newest record) brings nothing forward that would not be brought forward anyway."""
    referral_log, vault, outbox = _stores(tmp_path)
    week = RetentionPolicy(password_days=7)
    apply_retention(T0 + timedelta(hours=1), week, referral_log, vault, outbox)
    assert vault.kept_until("KG-2026-CCCCCC") == T0 + timedelta(days=7)
    referral_log.close()


def test_remembering_again_never_shortens_an_expiry() -> None:
    vault = PasswordVault(MemoryKeyring(), clock=lambda: T0)
    vault.remember("KG-2026-CCCCCC", "PW-C", T0 + timedelta(days=30))
    vault.remember("KG-2026-CCCCCC", "PW-C", T0 - timedelta(days=335))
    assert vault.kept_until("KG-2026-CCCCCC") == T0 + timedelta(days=30)


def test_a_normal_start_a_few_months_on_still_cleans(tmp_path: Path) -> None:
    referral_log, vault, outbox = _stores(tmp_path)
    report = apply_retention(
        T0 + timedelta(days=100), RetentionPolicy(), referral_log, vault, outbox
    )
    assert report.clock_notice is None
    assert (report.passwords_removed, report.outbox_folders_removed) == (1, 1)
    referral_log.close()


def test_creation_refuses_a_clock_before_the_newest_referral(tmp_path: Path) -> None:
    desk = desk_at(tmp_path)
    desk.referral_log.add(entry("KG-2027-AAAAAA", NOW + timedelta(days=365)))
    with pytest.raises(ReferralRefused, match="klok van deze computer staat verkeerd"):
        desk.make_referral(request(), desk.choices)
    assert desk.written_files() == []
    assert [row.referral_id for row in desk.referral_log.all()] == ["KG-2027-AAAAAA"]


def _app_log() -> ReferralLog:
    return ReferralLog.open(AppPaths.from_platform().referral_log_file)


def test_the_window_says_once_per_start_that_the_clock_looks_wrong(qtbot: QtBot) -> None:
    from referral_desk.app import create_main_window

    referral_log = _app_log()
    future = datetime.now(UTC) + timedelta(days=400)
    referral_log.add(entry("KG-2027-AAAAAA", future))
    referral_log.close()
    window = create_main_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.housekeeping_pending, timeout=10_000)
    assert window.clock_banner.isVisible()
    assert "klok van deze computer" in window.clock_banner.text()
    assert "niets opgeruimd" in window.clock_banner.text()
    assert len(_app_log().all()) == 1


# --- 2. retention runs after the window is up, off the GUI thread ---------------------------


def test_retention_runs_in_the_background_after_start(qtbot: QtBot) -> None:
    from referral_desk.app import create_main_window

    referral_log = _app_log()
    now = datetime.now(UTC)
    referral_log.add(entry("KG-2024-AAAAAA", now - timedelta(days=800)))
    referral_log.add(entry("KG-2026-CCCCCC", now - timedelta(days=3)))
    referral_log.close()
    backend = keyring.get_keyring()
    backend.set_password(SERVICE, "KG-2024-AAAAAA", "OLD-PASSWORD")
    backend.set_password(SERVICE, INDEX_KEY, '{"KG-2024-AAAAAA": "2024-01-01T00:00:00+00:00"}')
    window = create_main_window()
    qtbot.addWidget(window)
    # Nothing happened while the window was built: start is not held up by the keyring.
    assert window.housekeeping_pending
    assert len(_app_log().all()) == 2
    window.show()
    qtbot.waitUntil(lambda: not window.housekeeping_pending, timeout=10_000)
    assert [row.referral_id for row in _app_log().all()] == ["KG-2026-CCCCCC"]
    assert backend.get_password(SERVICE, "KG-2024-AAAAAA") is None
    assert not window.clock_banner.isVisible()


# --- 3. a referral log held by another window ------------------------------------------------


def test_a_locked_log_refuses_before_anything_is_written(tmp_path: Path) -> None:
    desk = desk_at(tmp_path)
    other = sqlite3.connect(desk.referral_log.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        with pytest.raises(ReferralRefused, match="bezet") as refused:
            desk.make_referral(request(), desk.choices)
        assert time.monotonic() - started < 5
        assert "niets gemaakt" in refused.value.message
        assert desk.written_files() == []
        assert desk.mail.drafts == []
    finally:
        other.execute("ROLLBACK")
        other.close()
    made = desk.make_referral(request(), desk.choices)
    assert made.record.logged


def test_opening_a_locked_log_answers_quickly_in_dutch(tmp_path: Path) -> None:
    path = tmp_path / "referral-log.sqlite3"
    sqlite3.connect(path).close()  # an empty file not yet in WAL mode: readers wait
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        with pytest.raises(ReferralLogError, match="bezet door een ander venster"):
            ReferralLog.open(path)
        assert time.monotonic() - started < 5
    finally:
        other.execute("ROLLBACK")
        other.close()
    ReferralLog.open(path).close()


# --- 4. the -wal and -shm files are private -------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only(
    "POSIX file modes: on Windows the -wal and -shm files take the access list of the "
    "referral log's folder in the user's profile"
)
def test_wal_and_shm_are_private_from_the_first_write(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "referral-log.sqlite3"
        referral_log = ReferralLog.open(path)
        referral_log.add(entry())
        for suffix in ("", "-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            assert side.exists(), suffix
            assert _mode(side) == 0o600, suffix
        referral_log.close()
    finally:
        os.umask(old)


@posix_only(
    "POSIX file modes: on Windows the -wal and -shm files take the access list of the "
    "referral log's folder in the user's profile"
)
def test_side_files_left_readable_by_a_crash_are_made_private_at_open(tmp_path: Path) -> None:
    path = tmp_path / "referral-log.sqlite3"
    ReferralLog.open(path).close()
    path.chmod(0o644)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        side.touch()
        side.chmod(0o644)
    referral_log = ReferralLog.open(path)
    for suffix in ("", "-wal", "-shm"):
        assert _mode(path.with_name(path.name + suffix)) == 0o600, suffix
    referral_log.close()


# --- 5. two windows saving settings --------------------------------------------------------

_OTHER_WINDOW = """
import sys
from pathlib import Path
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.storage.settings import SettingsStore

store = SettingsStore(Path(sys.argv[1]))
store.update({
    "referral_log_retention_months": 60,
    "record_initials": True,
    "referrer": ReferrerProfile(
        name="Jan Peeters", team="Kind en Gezin Oost", phone="011 12 34 56",
        email="jan.peeters@kindengezin.be",
    ),
})
"""


def _other_window_saves(path: Path) -> None:
    subprocess.run([sys.executable, "-c", _OTHER_WINDOW, str(path)], check=True, timeout=60)


def test_another_process_saving_in_between_loses_nothing(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(referrer=PROFILE, last_mailboxes={"ocmw-menen": "a@b.be"}))
    mine = store.load()  # window A's copy
    _other_window_saves(store.path)
    saved = store.update({"mail_adapter": "thunderbird"})
    on_disk = store.load()
    assert on_disk == saved
    assert on_disk.mail_adapter == "thunderbird"
    assert on_disk.referral_log_retention_months == 60 and on_disk.record_initials
    assert on_disk.referrer is not None and on_disk.referrer.name == "Jan Peeters"
    assert on_disk.last_mailboxes == mine.last_mailboxes


def test_the_settings_dialog_writes_only_what_was_changed_in_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(referrer=PROFILE))
    dialog = make_dialog(qtbot, store, Outbox(tmp_path / "outbox"), store.load())
    _other_window_saves(store.path)
    combo(dialog).setCurrentIndex(combo(dialog).findData("thunderbird"))
    click(qtbot, dialog, "settingsSaveButton")
    on_disk = store.load()
    assert on_disk.mail_adapter == "thunderbird"
    assert on_disk.referral_log_retention_months == 60 and on_disk.record_initials
    assert on_disk.referrer is not None and on_disk.referrer.name == "Jan Peeters"


def test_two_processes_updating_at_once_keep_every_change(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    script = """
import sys
from pathlib import Path
from referral_desk.storage.settings import SettingsStore

store = SettingsStore(Path(sys.argv[1]))
for n in range(40):
    store.update(lambda s: {"last_mailboxes": {**s.last_mailboxes, f"{sys.argv[2]}-{n}": "a@b.be"}})
"""
    workers = [
        subprocess.Popen([sys.executable, "-c", script, str(store.path), name])
        for name in ("a", "b")
    ]
    assert [worker.wait(timeout=120) for worker in workers] == [0, 0]
    assert len(store.load().last_mailboxes) == 80


@contextmanager
def _another_window_holds_the_lock(store: SettingsStore, seconds: float) -> Iterator[None]:
    """Another holder of the settings lock (its own descriptor, as another process has) that
    lets go after *seconds*."""
    taken, let_go = threading.Event(), threading.Event()

    def hold() -> None:
        with settings_module._file_lock(store.lock_path):
            taken.set()
            let_go.wait(seconds)

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    assert taken.wait(30)
    try:
        yield
    finally:
        let_go.set()
        holder.join(30)


def test_an_update_waits_for_another_window_saving(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(recall_days=12))
    with _another_window_holds_the_lock(store, 1.5):
        started = time.monotonic()
        saved = store.update({"mail_adapter": "thunderbird"})
        assert time.monotonic() - started >= 1.0  # it waited instead of failing
    assert store.load() == saved
    assert (saved.mail_adapter, saved.recall_days) == ("thunderbird", 12)


def test_a_lock_kept_too_long_is_said_in_dutch_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings_module, "LOCK_TIMEOUT_SECONDS", 0.3)
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(recall_days=12))
    before = store.path.read_bytes()
    with (
        _another_window_holds_the_lock(store, 30),
        pytest.raises(SettingsError, match="ander venster van referral-desk"),
    ):
        store.update({"mail_adapter": "thunderbird"})
    assert store.path.read_bytes() == before
