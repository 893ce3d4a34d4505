"""The referral log's journal: what the app writes stays provable, and a row deleted,
changed or added with another SQLite tool is reported, even after the app writes again."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from referral_desk.domain.log_integrity import LogTampering, Tampering
from referral_desk.domain.referral_record import (
    PasswordChannel,
    ReferralLogQuery,
    ReferralStatus,
    WithdrawalChannel,
)
from referral_desk.storage.referral_log import MIGRATIONS, ReferralLog
from tests.storage.test_referral_log import T0, entry, insert_old_row

FIRST, SECOND, THIRD = "KG-2026-7F3K9Q", "KG-2026-AC3DEF", "KG-2026-XY3WVT"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "referral-log.sqlite3"


@pytest.fixture
def referral_log(path: Path) -> Iterator[ReferralLog]:
    opened = ReferralLog.open(path, clock=lambda: T0 + timedelta(days=1))
    yield opened
    opened.close()


def a_busy_log(referral_log: ReferralLog) -> None:
    """Every kind of write the app makes."""
    referral_log.add(entry(FIRST))
    referral_log.add(entry(SECOND, T0 + timedelta(hours=1)))
    referral_log.set_password_channel(FIRST, PasswordChannel.PHONE)
    referral_log.mark_sent(FIRST, T0 + timedelta(minutes=5))
    referral_log.record_incident(FIRST, "wrong_recipient", T0 + timedelta(days=1))
    referral_log.record_recall(SECOND, T0 + timedelta(hours=2))
    referral_log.add(entry(THIRD, T0 + timedelta(hours=3), corrects=SECOND))
    referral_log.record_deletion_request(SECOND, THIRD, T0 + timedelta(hours=4))
    referral_log.mark_withdrawn(FIRST, WithdrawalChannel.PHONE, T0 + timedelta(days=2))
    referral_log.seed_mailboxes({"33029": "kindengezin@wervik.be"})


def outside(path: Path, *statements: str) -> None:
    """What a person with the sqlite3 tool does: no app, no triggers."""
    db = sqlite3.connect(path)
    with db:
        for statement in statements:
            db.execute(statement)
    db.close()


def test_what_the_app_writes_is_intact(referral_log: ReferralLog) -> None:
    assert referral_log.tampering().intact
    a_busy_log(referral_log)
    integrity = referral_log.tampering()
    assert integrity.intact and integrity.said is None


def test_a_deleted_and_an_edited_row_are_reported_and_nothing_else_is_lost(
    referral_log: ReferralLog, path: Path
) -> None:
    a_busy_log(referral_log)
    before = referral_log.search(ReferralLogQuery())
    outside(
        path,
        "DELETE FROM incidents",
        f"UPDATE referrals SET mailbox = 'iemand@elders.be' WHERE referral_id = '{SECOND}'",
    )
    findings = set(referral_log.tampering().findings)
    assert findings == {
        LogTampering(Tampering.DELETED, "incidents", FIRST),
        LogTampering(Tampering.CHANGED, "referrals", SECOND),
    }
    said = referral_log.tampering().said
    assert said is not None and "buiten referral-desk" in said.dutch
    after = referral_log.search(ReferralLogQuery())
    assert [row.referral_id for row in after] == [row.referral_id for row in before]
    assert referral_log.recalls(SECOND) and referral_log.deletion_requests(THIRD)


def test_an_app_write_after_an_outside_change_does_not_hide_it(
    referral_log: ReferralLog, path: Path
) -> None:
    a_busy_log(referral_log)
    outside(path, f"UPDATE referrals SET partner_name = 'Ander' WHERE referral_id = '{SECOND}'")
    referral_log.set_password_channel(SECOND, PasswordChannel.PHONE)
    referral_log.mark_sent(SECOND)
    assert LogTampering(Tampering.CHANGED, "referrals", SECOND) in referral_log.tampering().findings


def test_a_row_added_outside_the_app_is_reported(referral_log: ReferralLog, path: Path) -> None:
    a_busy_log(referral_log)
    outside(
        path,
        f"INSERT INTO status_history (referral_id, status, at) "
        f"VALUES ('{FIRST}', 'sent', '{T0.isoformat()}')",
    )
    assert referral_log.tampering().findings == (
        LogTampering(Tampering.ADDED, "status_history", FIRST),
    )


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM journal WHERE seq = 3",
        "UPDATE journal SET at = '2020-01-01T00:00:00+00:00' WHERE seq = 2",
        "DELETE FROM journal",
    ],
)
def test_a_journal_edited_outside_the_app_is_reported(
    referral_log: ReferralLog, path: Path, statement: str
) -> None:
    a_busy_log(referral_log)
    outside(path, statement)
    assert not referral_log.tampering().intact


def test_retention_starts_the_journal_afresh_without_the_removed_referrals(
    referral_log: ReferralLog, path: Path
) -> None:
    a_busy_log(referral_log)
    assert referral_log.purge_older_than(T0 + timedelta(minutes=30)) == [FIRST]
    assert referral_log.tampering().intact
    named = referral_log._db.execute("SELECT DISTINCT referral_id FROM journal").fetchall()
    assert FIRST not in {referral_id for (referral_id,) in named}
    outside(path, f"DELETE FROM referrals WHERE referral_id = '{THIRD}'")
    assert LogTampering(Tampering.DELETED, "referrals", THIRD) in referral_log.tampering().findings


def test_retention_keeps_the_evidence_of_an_outside_change(
    referral_log: ReferralLog, path: Path
) -> None:
    a_busy_log(referral_log)
    outside(f"{path}", f"UPDATE referrals SET team = 'X' WHERE referral_id = '{THIRD}'")
    assert referral_log.purge_older_than(T0 + timedelta(minutes=30)) == [FIRST]
    assert not referral_log.compact_journal()
    assert LogTampering(Tampering.CHANGED, "referrals", THIRD) in referral_log.tampering().findings


def test_a_fifth_version_log_is_taken_into_the_journal_as_it_is(path: Path) -> None:
    db = sqlite3.connect(path)
    for migration in MIGRATIONS[:5]:
        migration(db)
    db.execute("PRAGMA user_version = 5")
    insert_old_row(db, FIRST)
    db.commit()
    db.close()
    referral_log = ReferralLog.open(path)
    try:
        assert referral_log.tampering().intact
        (row,) = referral_log.search(ReferralLogQuery())
        assert row.status is ReferralStatus.SENT and row.registry_version is None
        referral_log.mark_withdrawn(FIRST, WithdrawalChannel.PHONE)
        assert referral_log.tampering().intact
    finally:
        referral_log.close()


def test_each_row_keeps_the_registry_version_and_protocol_it_was_sent_under(
    referral_log: ReferralLog,
) -> None:
    referral_log.add(entry(registry_version="2026-04", protocol_reference="OCMW-W/2025/17"))
    (row,) = referral_log.search(ReferralLogQuery())
    assert (row.registry_version, row.protocol_reference) == ("2026-04", "OCMW-W/2025/17")


def test_two_windows_writing_one_log_keep_one_chain(referral_log: ReferralLog, path: Path) -> None:
    other = ReferralLog.open(path, clock=lambda: datetime(2026, 3, 5, tzinfo=UTC))
    try:
        referral_log.add(entry(FIRST))
        other.add(entry(SECOND, T0 + timedelta(hours=1)))
        referral_log.mark_sent(SECOND)
        other.record_incident(FIRST, "lost_device")
        assert referral_log.tampering().intact and other.tampering().intact
    finally:
        other.close()
