"""What is thrown away when, with a fake clock: referral log entries, passwords, outbox folders."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from referral_desk.lifecycle.retention import (
    RetentionPolicy,
    apply_retention,
    keep_password_until,
    months_before,
)
from referral_desk.storage.outbox import Outbox
from referral_desk.storage.password_vault import PasswordVault
from referral_desk.storage.referral_log import ReferralLog
from tests.memory_keyring import MemoryKeyring
from tests.storage.test_password_vault import LockedKeyring
from tests.storage.test_referral_log import entry

T0 = datetime(2024, 1, 31, 12, tzinfo=UTC)


def test_months_before_keeps_the_day_where_it_can() -> None:
    assert months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2026, 1, 15, tzinfo=UTC), 24) == datetime(2024, 1, 15, tzinfo=UTC)


def test_everything_past_its_time_goes_and_nothing_else(tmp_path: Path) -> None:
    referral_log = ReferralLog.open(tmp_path / "referral-log.sqlite3")
    referral_log.add(entry("KG-2024-AAAAAA", T0))
    referral_log.add(entry("KG-2025-CCCCCC", T0 + timedelta(days=400)))
    now = [T0]
    backend = MemoryKeyring()
    vault = PasswordVault(backend, clock=lambda: now[0])
    vault.remember("KG-2024-AAAAAA", "PW-A", T0 + timedelta(days=30))
    vault.remember("KG-2025-CCCCCC", "PW-C", T0 + timedelta(days=430))
    outbox = Outbox(tmp_path / "outbox")
    for referral_id, age_days in (("KG-2024-AAAAAA", 20), ("KG-2025-CCCCCC", 2)):
        path = outbox.save_archive(referral_id, b"7z")
        stamp = (T0 + timedelta(days=760) - timedelta(days=age_days)).timestamp()
        os.utime(path, (stamp, stamp))
        os.utime(path.parent, (stamp, stamp))
    now[0] = T0 + timedelta(days=760)  # a bit more than 24 months later

    report = apply_retention(now[0], RetentionPolicy(), referral_log, vault, outbox)

    assert report.referral_log_rows_removed == 1
    assert [r.referral_id for r in referral_log.all()] == ["KG-2025-CCCCCC"]
    assert report.passwords_removed == 2  # one expired, one whose time is also up
    assert vault.recall("KG-2025-CCCCCC") is None
    assert report.outbox_folders_removed == 1
    assert (tmp_path / "outbox" / "KG-2025-CCCCCC").is_dir()
    assert report.problems == ()
    referral_log.close()


def test_a_locked_keyring_does_not_stop_the_rest(tmp_path: Path) -> None:
    referral_log = ReferralLog.open(tmp_path / "referral-log.sqlite3")
    referral_log.add(entry("KG-2024-AAAAAA", T0))
    vault = PasswordVault(LockedKeyring(), clock=lambda: T0)
    now = T0 + timedelta(days=800)
    referral_log.add(entry("KG-2026-CCCCCC", now - timedelta(days=1)))
    report = apply_retention(now, RetentionPolicy(), referral_log, vault, Outbox(tmp_path / "o"))
    assert report.referral_log_rows_removed == 1
    assert any("vergrendeld" in p for p in report.problems)
    referral_log.close()


def test_the_defaults_hold_and_nonsense_is_refused() -> None:
    policy = RetentionPolicy()
    assert (policy.referral_log_months, policy.password_days, policy.outbox_days) == (24, 30, 14)
    for bad in ({"referral_log_months": 0}, {"password_days": -1}, {"outbox_days": 0}, {"x": 1}):
        with pytest.raises(ValidationError):
            RetentionPolicy.model_validate(bad)


def test_a_fake_clock_day_by_day_removes_each_thing_on_its_day(tmp_path: Path) -> None:
    """Starts of the app once a day for 31 days: the password goes on day 30, not before."""
    backend = MemoryKeyring()
    now = [T0]
    vault = PasswordVault(backend, clock=lambda: now[0])
    policy = RetentionPolicy()
    vault.remember("KG-2024-AAAAAA", "PW-A", keep_password_until(T0, policy))
    vault.set_preshared("ocmw-wervik", "afgesproken")
    outbox = Outbox(tmp_path / "outbox")
    removed_on: dict[str, int] = {}
    for day in range(1, 32):
        now[0] = T0 + timedelta(days=day)
        report = apply_retention(now[0], policy, None, vault, outbox)
        if report.passwords_removed:
            removed_on["password"] = day
    assert removed_on == {"password": 30}
    assert vault.preshared("ocmw-wervik") == "afgesproken"  # never by retention


def test_shortening_the_password_period_takes_effect(tmp_path: Path) -> None:
    """Counted from when the referral was made, not from the clock at start."""
    referral_log = ReferralLog.open(tmp_path / "referral-log.sqlite3")
    referral_log.add(entry("KG-2024-AAAAAA", T0))
    backend = MemoryKeyring()
    vault = PasswordVault(backend, clock=lambda: T0)
    vault.remember("KG-2024-AAAAAA", "PW-A", T0 + timedelta(days=30))
    short = RetentionPolicy(password_days=7)
    outbox = Outbox(tmp_path / "outbox")
    later = T0 + timedelta(days=2)
    assert apply_retention(later, short, referral_log, vault, outbox).passwords_removed == 0
    assert vault.kept_until("KG-2024-AAAAAA") == T0 + timedelta(days=7)
    report = apply_retention(T0 + timedelta(days=7), short, referral_log, vault, outbox)
    assert report.passwords_removed == 1
    referral_log.close()


def test_no_referral_log_and_no_vault_still_clean_the_outbox(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    path = outbox.save_archive("KG-2024-AAAAAA", b"7z")
    old = (T0 - timedelta(days=15)).timestamp()
    os.utime(path, (old, old))
    os.utime(path.parent, (old, old))
    report = apply_retention(T0, RetentionPolicy(), None, None, outbox)
    assert (report.referral_log_rows_removed, report.passwords_removed) == (0, 0)
    assert report.outbox_folders_removed == 1


def test_a_broken_referral_log_is_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "referral-log.sqlite3"
    writable = ReferralLog.open(path)
    writable.add(entry("KG-2024-AAAAAA", T0))
    writable.add(entry("KG-2026-CCCCCC", T0 + timedelta(days=799)))
    writable.close()
    read_only = ReferralLog(
        sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None), path
    )
    vault = PasswordVault(MemoryKeyring(), clock=lambda: T0)
    vault.remember("KG-2024-AAAAAA", "PW-A", T0 + timedelta(days=1))
    report = apply_retention(
        T0 + timedelta(days=800), RetentionPolicy(), read_only, vault, Outbox(tmp_path / "o")
    )
    assert report.referral_log_rows_removed == 0 and report.passwords_removed == 1
    assert any("kan niet geschreven worden" in p for p in report.problems)
    read_only.close()


def test_the_log_holds_counts_only(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    referral_log = ReferralLog.open(tmp_path / "referral-log.sqlite3")
    referral_log.add(entry("KG-2024-AAAAAA", T0, initials="A.V.", postcode="8940"))
    vault = PasswordVault(MemoryKeyring(), clock=lambda: T0)
    vault.remember("KG-2024-AAAAAA", "PW-SECRET", T0 + timedelta(days=1))
    referral_log.add(entry("KG-2026-CCCCCC", T0 + timedelta(days=799)))
    apply_retention(
        T0 + timedelta(days=800), RetentionPolicy(), referral_log, vault, Outbox(tmp_path / "o")
    )
    assert "retention: 1 referral log entries, 1 passwords" in caplog.text
    for secret in ("PW-SECRET", "A.V.", "8940", "Sofie"):
        assert secret not in caplog.text
    referral_log.close()
