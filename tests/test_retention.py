"""What is thrown away when, with a fake clock: register rows, passwords, outbox folders."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from referral_desk.retention import RetentionPolicy, apply_retention, months_before
from referral_desk.storage.outbox import Outbox
from referral_desk.storage.password_vault import PasswordVault
from referral_desk.storage.register import Register
from tests.memory_keyring import MemoryKeyring
from tests.test_password_vault import LockedKeyring
from tests.test_register import entry

T0 = datetime(2024, 1, 31, 12, tzinfo=UTC)


def test_months_before_keeps_the_day_where_it_can() -> None:
    assert months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2026, 1, 15, tzinfo=UTC), 24) == datetime(2024, 1, 15, tzinfo=UTC)


def test_everything_past_its_time_goes_and_nothing_else(tmp_path: Path) -> None:
    register = Register.open(tmp_path / "register.sqlite3")
    register.add(entry("KG-2024-AAAAAA", T0))
    register.add(entry("KG-2025-CCCCCC", T0 + timedelta(days=400)))
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

    report = apply_retention(now[0], RetentionPolicy(), register, vault, outbox)

    assert report.register_rows_removed == 1
    assert [r.referral_id for r in register.all()] == ["KG-2025-CCCCCC"]
    assert report.passwords_removed == 2  # one expired, one whose time is also up
    assert vault.recall("KG-2025-CCCCCC") is None
    assert report.outbox_folders_removed == 1
    assert (tmp_path / "outbox" / "KG-2025-CCCCCC").is_dir()
    assert report.problems == ()
    register.close()


def test_a_locked_keyring_does_not_stop_the_rest(tmp_path: Path) -> None:
    register = Register.open(tmp_path / "register.sqlite3")
    register.add(entry("KG-2024-AAAAAA", T0))
    vault = PasswordVault(LockedKeyring(), clock=lambda: T0)
    now = T0 + timedelta(days=800)
    report = apply_retention(now, RetentionPolicy(), register, vault, Outbox(tmp_path / "o"))
    assert report.register_rows_removed == 1
    assert any("vergrendeld" in p for p in report.problems)
    register.close()
