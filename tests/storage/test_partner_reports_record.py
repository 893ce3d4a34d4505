"""Schema 9: what the partner said about a referral and the day an open action was done,
journaled like every other row, in a log made now and in one migrated from version 8."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from referral_desk.domain.log_integrity import LogTampering, Tampering
from referral_desk.domain.referral_record import (
    DataFieldKind,
    OpenActionKind,
    PartnerReport,
    PartnerReportKind,
    ReplyChannel,
)
from referral_desk.storage import referral_log_journal
from referral_desk.storage.referral_log import MIGRATIONS, SCHEMA_VERSION, ReferralLog
from referral_desk.storage.referral_log_journal import PROTECTED
from tests.storage.test_referral_log import T0, entry, insert_old_row

FIRST = "KG-2026-7F3K9Q"


def report(kind: PartnerReportKind, *fields: DataFieldKind) -> PartnerReport:
    return PartnerReport(
        at=T0 + timedelta(days=2),
        kind=kind,
        reported_on=date(2026, 3, 2),
        channel=ReplyChannel.MAIL,
        fields=fields,
    )


def test_reports_and_settlements_are_kept_and_journaled(tmp_path: Path) -> None:
    referral_log = ReferralLog.open(tmp_path / "log.sqlite3", clock=lambda: T0)
    try:
        referral_log.add(entry(FIRST))
        referral_log.record_partner_report(FIRST, report(PartnerReportKind.RECEIVED))
        referral_log.record_partner_report(
            FIRST,
            report(PartnerReportKind.INCORRECT_DATA, DataFieldKind.ADDRESS, DataFieldKind.PHONE),
        )
        referral_log.record_settlement(FIRST, OpenActionKind.CORRECTION_OWED, date(2026, 3, 4))
        reports = referral_log.partner_reports()[FIRST]
        assert [r.kind for r in reports] == [
            PartnerReportKind.RECEIVED,
            PartnerReportKind.INCORRECT_DATA,
        ]
        assert reports[1].fields == (DataFieldKind.ADDRESS, DataFieldKind.PHONE)
        assert referral_log.partner_reports(FIRST) == referral_log.partner_reports()
        (settled,) = referral_log.settlements(FIRST)[FIRST]
        assert (settled.action, settled.settled_on) == (
            OpenActionKind.CORRECTION_OWED,
            date(2026, 3, 4),
        )
        assert settled.at == T0
        assert referral_log.tampering().intact
    finally:
        referral_log.close()


def test_a_report_changed_outside_the_app_is_found(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    referral_log = ReferralLog.open(path, clock=lambda: T0)
    try:
        referral_log.add(entry(FIRST))
        referral_log.record_partner_report(FIRST, report(PartnerReportKind.COULD_NOT_OPEN))
        outside = sqlite3.connect(path)
        outside.execute("UPDATE partner_reports SET kind = 'ontvangen'")
        outside.commit()
        outside.close()
        found = referral_log.tampering().findings
        assert LogTampering(Tampering.CHANGED, "partner_reports", FIRST) in found
    finally:
        referral_log.close()


def test_field_kinds_only_with_an_art_7_report_and_never_values() -> None:
    with pytest.raises(ValidationError):
        report(PartnerReportKind.RECEIVED, DataFieldKind.EMAIL)
    with pytest.raises(ValidationError):
        report(PartnerReportKind.INCORRECT_DATA)
    with pytest.raises(ValidationError):
        PartnerReport.model_validate(
            {**report(PartnerReportKind.RECEIVED).model_dump(), "fields": ["Janssens"]}
        )


def test_a_version_8_log_migrates_and_stays_intact(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    db = sqlite3.connect(path)
    for migration in MIGRATIONS[:8]:
        migration(db)
    db.execute("PRAGMA user_version = 8")
    insert_old_row(db, FIRST)
    # The row is journaled as the app would have done: adopt it as version 8 knew it.
    referral_log_journal.restart(db, T0)
    db.commit()
    db.close()
    referral_log = ReferralLog.open(path, clock=lambda: T0)
    try:
        assert referral_log._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert referral_log.tampering().intact
        referral_log.record_partner_report(FIRST, report(PartnerReportKind.RECEIVED))
        referral_log.record_settlement(FIRST, OpenActionKind.DELETION_OWED, date(2026, 3, 3))
        assert referral_log.tampering().intact
        assert {"partner_reports", "settlements"} <= set(PROTECTED)
    finally:
        referral_log.close()


def test_retention_removes_reports_and_settlements_with_the_referral(tmp_path: Path) -> None:
    referral_log = ReferralLog.open(tmp_path / "log.sqlite3", clock=lambda: T0)
    try:
        referral_log.add(entry(FIRST))
        referral_log.record_partner_report(FIRST, report(PartnerReportKind.RECEIVED))
        referral_log.record_settlement(FIRST, OpenActionKind.DELETION_OWED, date(2026, 3, 3))
        assert referral_log.purge_older_than(T0 + timedelta(days=1)) == [FIRST]
        assert referral_log.partner_reports() == {} and referral_log.settlements() == {}
        assert referral_log.tampering().intact
    finally:
        referral_log.close()
