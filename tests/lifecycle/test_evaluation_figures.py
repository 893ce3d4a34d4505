"""The evaluation as the window shows it, decided without a display: the period typed, the
laptop's figures, the table's lines (which one is a total), the export's name and file."""

from __future__ import annotations

import csv
import io
import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from referral_desk.domain.referral_record import Incident, PartnerReport, ReferralLogEntry
from referral_desk.lifecycle.breach import IncidentKind
from referral_desk.lifecycle.evaluation import EvaluationPeriod, evaluate, figure_lines, to_csv
from referral_desk.lifecycle.evaluation_figures import (
    FiguresNotSaved,
    laptop_figures,
    save_figures,
    suggested_file_name,
    typed_period,
)
from referral_desk.storage.referral_log import ReferralLog
from referral_desk.storage.referral_log_errors import ReferralLogError
from tests.lifecycle.test_evaluation import YEAR, at, row
from tests.storage.test_referral_log import entry


def test_a_typed_period_reads_both_ways_of_writing_a_date_and_refuses_the_rest() -> None:
    assert typed_period("2026-01-01", "31-12-2026") == YEAR
    assert typed_period(" 1-1-2026 ", "2026-12-31") == YEAR
    assert typed_period("2026-02-01", "2026-01-31") is None
    assert typed_period("gisteren", "2026-12-31") is None
    assert typed_period("2026-01-01", "") is None
    assert typed_period("2026-02-30", "2026-12-31") is None


def test_per_partner_its_months_then_its_total_and_the_total_of_all_last() -> None:
    table = evaluate(
        [
            row("KG-2026-AAAAAA", at(2)),
            row("KG-2026-CCCCCC", at(3), "ocmw-leopoldsburg"),
        ],
        EvaluationPeriod(start=date(2026, 1, 1), end=date(2026, 3, 31)),
    )
    lines = figure_lines(table)
    shape = [(line.partner_name, "total" if line.total else line.cell.month) for line in lines]
    assert shape == [
        ("OCMW Leopoldsburg", "2026-03"),
        ("OCMW Leopoldsburg", "total"),
        ("OCMW Wervik", "2026-02"),
        ("OCMW Wervik", "total"),
        (None, "total"),
    ]
    assert [line.cell.referrals for line in lines if line.total] == [1, 1, 2]
    # The CSV is the same lines, its totals worded for Excel.
    parsed = list(csv.reader(io.StringIO(to_csv(table)), delimiter=";"))[1:]
    assert [(r[0], r[1]) for r in parsed] == [
        ("OCMW Leopoldsburg", "2026-03"),
        ("OCMW Leopoldsburg", "totaal"),
        ("OCMW Wervik", "2026-02"),
        ("OCMW Wervik", "totaal"),
        ("Alle partners", "totaal"),
    ]


def test_the_laptop_figures_count_the_logged_incidents(tmp_path: Path) -> None:
    referral_log = ReferralLog.open(tmp_path / "referral-log.sqlite3")
    referral_log.add(entry("KG-2026-AAAAAA", at(2)))
    referral_log.mark_sent("KG-2026-AAAAAA", at(2) + timedelta(minutes=3))
    referral_log.record_incident("KG-2026-AAAAAA", IncidentKind.WRONG_RECIPIENT.value, at(4))
    table = laptop_figures(referral_log, YEAR)
    assert table.total().referrals == 1
    assert table.total().incidents == 1
    assert {c.month: c.incidents for c in table.cells if c.incidents} == {"2026-04": 1}


class _UnreadableLog:
    def all(self) -> list[ReferralLogEntry]:
        raise ReferralLogError("Het logboek van doorverwijzingen is beschadigd.")

    def incidents(self, referral_id: str) -> list[Incident]:
        raise AssertionError("not reached")

    def partner_reports(self, referral_id: str | None = None) -> dict[str, list[PartnerReport]]:
        raise AssertionError("not reached")


def test_an_unreadable_log_is_said_not_counted_as_empty() -> None:
    with pytest.raises(ReferralLogError, match="beschadigd"):
        laptop_figures(_UnreadableLog(), YEAR)


def test_an_export_is_offered_under_its_period_and_nothing_about_anyone() -> None:
    table = evaluate([row("KG-2026-AAAAAA", at(2))], YEAR)
    assert suggested_file_name(table, "evaluatie", ".csv") == "evaluatie-2026-01-01-2026-12-31.csv"
    assert (
        suggested_file_name(table, "teamevaluatie", ".png")
        == "teamevaluatie-2026-01-01-2026-12-31.png"
    )
    assert suggested_file_name(None, "evaluatie", ".csv") == "evaluatie.csv"


def test_an_export_is_written_whole_and_readable_by_others(tmp_path: Path) -> None:
    target = tmp_path / "evaluatie.csv"
    save_figures(target, b"partner;maand\r\n")
    assert target.read_bytes() == b"partner;maand\r\n"
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o644
    save_figures(target, b"again")
    assert target.read_bytes() == b"again"


def test_an_export_that_cannot_be_written_says_where_and_why(tmp_path: Path) -> None:
    (tmp_path / "a file").write_text("not a folder")
    target = tmp_path / "a file" / "evaluatie.csv"
    with pytest.raises(FiguresNotSaved) as caught:
        save_figures(target, b"x")
    assert caught.value.path == target
    assert caught.value.reason
    assert "kies een andere map" in caught.value.message
    assert not target.exists()
