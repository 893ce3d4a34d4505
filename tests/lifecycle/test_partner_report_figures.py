"""The partners' reports in the yearly figures: received against sent, could-not-open and
art. 7 reports per partner, carried by the team export and merged once however often a file
is given; files of the first format, without reports, still merge."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from referral_desk.domain.referral_record import (
    DataFieldKind,
    PartnerReport,
    PartnerReportKind,
    ReplyChannel,
)
from referral_desk.lifecycle.evaluation import EvaluationPeriod, to_csv
from referral_desk.lifecycle.evaluation_export import (
    export_from_log,
    read_export,
    write_export,
)
from referral_desk.lifecycle.evaluation_figures import laptop_figures
from referral_desk.lifecycle.team_figures import merge_referrals, team_table
from referral_desk.storage.referral_log import ReferralLog
from tests.storage.test_referral_log import entry

YEAR = EvaluationPeriod(start=date(2026, 1, 1), end=date(2026, 12, 31))
MARCH = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
A, B, C, D = "KG-2026-AAAAAA", "KG-2026-CCCCCC", "KG-2026-DDDDDD", "KG-2026-EEEEEE"


def report(kind: PartnerReportKind, day: int, *fields: DataFieldKind) -> PartnerReport:
    return PartnerReport(
        at=datetime(2026, 4, day, 15, 0, tzinfo=UTC),
        kind=kind,
        reported_on=date(2026, 4, day),
        channel=ReplyChannel.MAIL,
        fields=fields,
    )


def seeded_log(path: Path) -> ReferralLog:
    referral_log = ReferralLog.open(path, clock=lambda: MARCH)
    for number, referral_id in enumerate((A, B, C, D)):
        referral_log.add(entry(referral_id, MARCH + timedelta(hours=number)))
    for referral_id in (A, B, C):
        referral_log.mark_sent(referral_id, MARCH + timedelta(hours=5))
    referral_log.record_partner_report(A, report(PartnerReportKind.RECEIVED, 1))
    referral_log.record_partner_report(B, report(PartnerReportKind.COULD_NOT_OPEN, 2))
    referral_log.record_partner_report(B, report(PartnerReportKind.RECEIVED, 3))
    referral_log.record_partner_report(
        C, report(PartnerReportKind.INCORRECT_DATA, 7, DataFieldKind.ADDRESS, DataFieldKind.EMAIL)
    )
    return referral_log


def test_the_laptop_counts_received_against_sent_and_the_reports(tmp_path: Path) -> None:
    referral_log = seeded_log(tmp_path / "log.sqlite3")
    try:
        table = laptop_figures(referral_log, YEAR)
    finally:
        referral_log.close()
    total = table.total()
    assert (total.referrals, total.never_sent, total.received) == (3, 1, 2)
    assert (total.could_not_open, total.incorrect_data) == (1, 1)
    # Received with the month the referral was made; the reports with the month they came.
    cells = {cell.month: cell for cell in table.cells}
    assert (cells["2026-03"].received, cells["2026-03"].could_not_open) == (2, 0)
    assert (cells["2026-04"].could_not_open, cells["2026-04"].incorrect_data) == (1, 1)
    rows = list(csv.reader(io.StringIO(to_csv(table)), delimiter=";"))
    assert rows[0][-3:] == ["ontvangst bevestigd", "kon niet openen", "onjuiste gegevens (art. 7)"]
    assert rows[-1][:3] == ["Alle partners", "totaal", "3"] and rows[-1][-3:] == ["2", "1", "1"]


def test_the_export_carries_the_reports_and_a_file_merged_twice_changes_nothing(
    tmp_path: Path,
) -> None:
    referral_log = seeded_log(tmp_path / "log.sqlite3")
    try:
        export = export_from_log(referral_log, YEAR, MARCH + timedelta(days=60))
    finally:
        referral_log.close()
    path = tmp_path / "evaluatie.json"
    write_export(path, export)
    text = path.read_text("utf-8")
    assert "adres" in text and "Sofie" not in text  # the kind of field, never a value
    again = read_export(path)
    by_id = {r.referral_id: r for r in again.referrals}
    assert [r.kind for r in by_id[B].partner_reports] == [
        PartnerReportKind.COULD_NOT_OPEN,
        PartnerReportKind.RECEIVED,
    ]
    once = team_table([again])
    twice = team_table([again, read_export(path), again])
    assert once == twice
    assert merge_referrals([again]) == merge_referrals([again, again])
    total = once.total()
    assert (total.referrals, total.received, total.could_not_open, total.incorrect_data) == (
        3, 2, 1, 1,
    )  # fmt: skip


def test_a_file_of_the_first_format_still_merges(tmp_path: Path) -> None:
    referral_log = seeded_log(tmp_path / "log.sqlite3")
    try:
        export = export_from_log(referral_log, YEAR, MARCH + timedelta(days=60))
    finally:
        referral_log.close()
    new_path, old_path = tmp_path / "nieuw.json", tmp_path / "oud.json"
    write_export(new_path, export)
    data = json.loads(new_path.read_text("utf-8"))
    data["format_version"] = 1
    for referral in data["referrals"]:
        del referral["partner_reports"]
    old_path.write_text(json.dumps(data), "utf-8")
    old = read_export(old_path)
    assert old.format_version == 1
    assert team_table([old]).total().received == 0
    # The old copy of each referral adds nothing to the new one, and takes nothing away.
    merged = team_table([old, read_export(new_path)]).total()
    assert (merged.referrals, merged.received, merged.incorrect_data) == (3, 2, 1)
