"""The evaluation as the window shows it: the period typed, this laptop's figures read from
the referral log, the table's lines in order (:func:`figure_lines`, shared with the CSV), the
name an export is offered under, and writing an export file.

The window words and draws these; it decides nothing of what is counted, which line is a
total, or how a file is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Protocol

from referral_desk.domain.dutch_dates import parse_numeric_date
from referral_desk.domain.referral_record import Incident, PartnerReport, ReferralLogEntry
from referral_desk.lifecycle.evaluation import (
    EvaluationPeriod,
    EvaluationTable,
    FigureLine,
    evaluate,
    figure_lines,
)
from referral_desk.lifecycle.evaluation_export import EvaluationFileError
from referral_desk.storage.atomic_file import atomic_write_bytes

__all__ = [
    "ExportKind",
    "FigureLine",
    "FiguresNotSaved",
    "LoggedReferrals",
    "figure_lines",
    "laptop_figures",
    "save_figures",
    "suggested_file_name",
    "typed_period",
]

ExportKind = Literal["evaluatie", "teamevaluatie"]


class LoggedReferrals(Protocol):
    """What the laptop's figures read of the referral log."""

    def all(self) -> list[ReferralLogEntry]: ...

    def incidents(self, referral_id: str) -> list[Incident]: ...

    def partner_reports(
        self, referral_id: str | None = None
    ) -> dict[str, list[PartnerReport]]: ...


def typed_period(start: str, end: str) -> EvaluationPeriod | None:
    """The period between two dates typed by hand, both days included; None when either is
    no date or the end comes before the start."""
    try:
        return EvaluationPeriod(start=parse_numeric_date(start), end=parse_numeric_date(end))
    except ValueError:
        return None


def laptop_figures(referral_log: LoggedReferrals, period: EvaluationPeriod) -> EvaluationTable:
    """The figures of this laptop's referral log for *period*, incidents and the partners'
    reports included; raises ReferralLogError (a UserFacingError) when the log cannot be
    read."""
    rows = referral_log.all()
    incidents = {
        row.referral_id: [incident.at for incident in referral_log.incidents(row.referral_id)]
        for row in rows
    }
    return evaluate(rows, period, incidents, referral_log.partner_reports())


def suggested_file_name(table: EvaluationTable | None, kind: ExportKind, suffix: str) -> str:
    """``evaluatie-2025-07-01-2026-06-30.csv``: the period in the name, nothing about anyone."""
    if table is None:
        return f"{kind}{suffix}"
    period = table.period
    return f"{kind}-{period.start.isoformat()}-{period.end.isoformat()}{suffix}"


class FiguresNotSaved(EvaluationFileError):
    """An export of the figures that could not be written; *path* and *reason* let the window
    say it in the user's language."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"{path} kon niet geschreven worden ({reason}); kies een andere map of bestandsnaam."
        )
        self.path = path
        self.reason = reason


def save_figures(path: Path, data: bytes) -> None:
    """Whole or not at all; readable by others (0644): figures hold counts, partner names and
    months, nothing about a person. Raises FiguresNotSaved."""
    try:
        atomic_write_bytes(path, data, mode=0o644)
    except OSError as error:
        raise FiguresNotSaved(path, str(error.strerror or error)) from None
