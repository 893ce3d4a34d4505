"""The yearly evaluation: per partner and per month, counted from referral records only.

What is counted, for a period (first and last day included), each referral made in the
period falling in exactly one of the first three columns:

* ``referrals``: new referrals created in the month that were sent;
* ``corrections``: referrals created in the month that correct an earlier one, and were sent;
* ``never_sent``: referrals or corrections created in the month that never left (only a
  draft, or cancelled): an ID handed out is not a referral made;
* ``withdrawals``: consent withdrawals recorded in the month, whenever the referral was made;
* ``incidents``: breaches reported in the month, whenever the referral was made;
* per password channel: how the password of the month's sent referrals and corrections was
  passed;
* ``received``: of the month's sent referrals and corrections, those whose partner confirmed
  receipt (set against ``referrals`` + ``corrections``);
* ``could_not_open`` and ``incorrect_data``: the partners' reports that the archive could not
  be opened, and of incorrect data (protocol art. 7), in the month they were made.

The records come from this laptop's referral log (:func:`evaluate`) or from the team's
export files (:mod:`referral_desk.lifecycle.team_figures`); both are counted by :func:`count`. The
figures hold no personal data: counts, partner names and months.

The CSV comes from the one CSV writer (:mod:`referral_desk.domain.excel_csv`), for Excel as a
Belgian (nl-BE) locale opens it, with a partner name that looks like a formula kept as text.
:func:`to_csv` gives the text without the byte order mark; :func:`to_csv_bytes` gives the
bytes to write, mark included.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, model_validator

from referral_desk.domain import excel_csv
from referral_desk.domain.referral_record import (
    CHANNEL_LABELS,
    PartnerReport,
    PartnerReportKind,
    PasswordChannel,
    ReferralLogEntry,
    ReferralStatus,
    StatusChange,
)


class EvaluationPeriod(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    start: date
    end: date

    @model_validator(mode="after")
    def _ordered(self) -> EvaluationPeriod:
        if self.end < self.start:
            raise ValueError("het einde van de periode ligt voor het begin")
        return self

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def months(self) -> list[str]:
        months: list[str] = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months


def last_twelve_months(today: date) -> EvaluationPeriod:
    """This month and the eleven before it, up to *today*: the usual evaluation period."""
    index = today.year * 12 + today.month - 1 - 11
    return EvaluationPeriod(start=date(index // 12, index % 12 + 1, 1), end=today)


class EvaluationCell(BaseModel):
    model_config = ConfigDict(extra="forbid")

    partner_id: str
    partner_name: str
    month: str
    referrals: int = 0
    corrections: int = 0
    withdrawals: int = 0
    never_sent: int = 0
    incidents: int = 0
    channels: dict[PasswordChannel, int] = {}
    received: int = 0
    could_not_open: int = 0
    incorrect_data: int = 0

    def add_channel(self, channel: PasswordChannel) -> None:
        self.channels[channel] = self.channels.get(channel, 0) + 1

    def add(self, other: EvaluationCell) -> None:
        for key in COUNTS:
            setattr(self, key, getattr(self, key) + getattr(other, key))
        for channel, number in other.channels.items():
            self.channels[channel] = self.channels.get(channel, 0) + number


COUNTS = (
    "referrals",
    "corrections",
    "withdrawals",
    "never_sent",
    "incidents",
    "received",
    "could_not_open",
    "incorrect_data",
)


class EvaluationTable(BaseModel):
    model_config = ConfigDict(extra="forbid")

    period: EvaluationPeriod
    cells: list[EvaluationCell]

    def partners(self) -> list[tuple[str, str]]:
        seen: dict[str, str] = {}
        for cell in self.cells:
            seen.setdefault(cell.partner_id, cell.partner_name)
        return sorted(seen.items(), key=lambda item: item[1])

    def total(self, partner_id: str | None = None) -> EvaluationCell:
        total = EvaluationCell(partner_id=partner_id or "", partner_name="Totaal", month="totaal")
        for cell in self.cells:
            if partner_id is not None and cell.partner_id != partner_id:
                continue
            total.add(cell)
        return total

    def by_month(self) -> dict[str, EvaluationCell]:
        """All partners together, one cell per month of the period (for the chart)."""
        months = {
            month: EvaluationCell(partner_id="", partner_name="", month=month)
            for month in self.period.months()
        }
        for cell in self.cells:
            months[cell.month].add(cell)
        return months


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


class CountedReferral(BaseModel):
    """What the figures need of one referral, whichever way it was read."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    partner_id: str
    partner_name: str
    created: date
    correction: bool
    sent: bool
    password_channel: PasswordChannel
    withdrawn: date | None = None
    incidents: tuple[date, ...] = ()
    received: bool = False
    could_not_open: tuple[date, ...] = ()
    incorrect_data: tuple[date, ...] = ()


def reported_days(
    reports: Iterable[PartnerReport], kind: PartnerReportKind
) -> tuple[date, ...]:
    """The days the partner made reports of *kind*, each report once."""
    return tuple(report.reported_on for report in reports if report.kind is kind)


def was_sent(history: Iterable[StatusChange]) -> bool:
    """Only a confirmed sending counts; a draft, cancelled or not, never reached the partner."""
    return any(change.status is ReferralStatus.SENT for change in history)


def counted(
    row: ReferralLogEntry,
    incidents: Sequence[datetime] = (),
    reports: Sequence[PartnerReport] = (),
) -> CountedReferral:
    withdrawn = row.status_at(ReferralStatus.WITHDRAWN)
    return CountedReferral(
        partner_id=row.partner_id,
        partner_name=row.partner_name,
        created=row.created_at.date(),
        correction=row.corrects is not None,
        sent=was_sent(row.history),
        password_channel=row.password_channel,
        withdrawn=None if withdrawn is None else withdrawn.date(),
        incidents=tuple(moment.date() for moment in incidents),
        received=bool(reported_days(reports, PartnerReportKind.RECEIVED)),
        could_not_open=reported_days(reports, PartnerReportKind.COULD_NOT_OPEN),
        incorrect_data=reported_days(reports, PartnerReportKind.INCORRECT_DATA),
    )


def count(records: Iterable[CountedReferral], period: EvaluationPeriod) -> EvaluationTable:
    cells: dict[tuple[str, str], EvaluationCell] = {}

    def cell(record: CountedReferral, day: date) -> EvaluationCell:
        key = (record.partner_id, _month(day))
        if key not in cells:
            cells[key] = EvaluationCell(
                partner_id=record.partner_id, partner_name=record.partner_name, month=key[1]
            )
        return cells[key]

    for record in records:
        if period.contains(record.created):
            target = cell(record, record.created)
            if not record.sent:
                target.never_sent += 1
            else:
                if record.correction:
                    target.corrections += 1
                else:
                    target.referrals += 1
                target.add_channel(record.password_channel)
                target.received += int(record.received)
        if record.withdrawn is not None and period.contains(record.withdrawn):
            cell(record, record.withdrawn).withdrawals += 1
        for day in record.incidents:
            if period.contains(day):
                cell(record, day).incidents += 1
        for day in record.could_not_open:
            if period.contains(day):
                cell(record, day).could_not_open += 1
        for day in record.incorrect_data:
            if period.contains(day):
                cell(record, day).incorrect_data += 1
    ordered = sorted(cells.values(), key=lambda c: (c.partner_name, c.month))
    return EvaluationTable(period=period, cells=ordered)


def evaluate(
    rows: Iterable[ReferralLogEntry],
    period: EvaluationPeriod,
    incidents: Mapping[str, Sequence[datetime]] | None = None,
    reports: Mapping[str, Sequence[PartnerReport]] | None = None,
) -> EvaluationTable:
    """The figures of this laptop's referral log; *incidents* and the partners' *reports*
    per referral ID, when read."""
    found = incidents or {}
    said = reports or {}
    return count(
        (
            counted(row, found.get(row.referral_id, ()), said.get(row.referral_id, ()))
            for row in rows
        ),
        period,
    )


@dataclass(frozen=True)
class FigureLine:
    """One line of the figures table. *partner_name* None is the line of all partners."""

    partner_name: str | None
    cell: EvaluationCell
    total: bool


def figure_lines(table: EvaluationTable) -> list[FigureLine]:
    """Per partner (by name) its months, then its total; the total of all partners last."""
    lines: list[FigureLine] = []
    for partner_id, name in table.partners():
        lines += [FigureLine(name, c, False) for c in table.cells if c.partner_id == partner_id]
        lines.append(FigureLine(name, table.total(partner_id), True))
    lines.append(FigureLine(None, table.total(), True))
    return lines


CSV_HEADER = (
    "partner",
    "maand",
    "verstuurd",
    "correcties",
    "intrekkingen",
    "nooit verstuurd",
    "incidenten",
    *(f"wachtwoord {CHANNEL_LABELS[c]}" for c in PasswordChannel),
    "ontvangst bevestigd",
    "kon niet openen",
    "onjuiste gegevens (art. 7)",
)


def to_csv(table: EvaluationTable) -> str:
    """``;``-separated, for Excel in a Belgian locale; write it with ``utf-8-sig``
    (or use :func:`to_csv_bytes`)."""
    rows: list[list[str | int]] = [list(CSV_HEADER)]
    for line in figure_lines(table):
        cell = line.cell
        rows.append(
            [
                "Alle partners" if line.partner_name is None else line.partner_name,
                "totaal" if line.total else cell.month,
                cell.referrals,
                cell.corrections,
                cell.withdrawals,
                cell.never_sent,
                cell.incidents,
                *(cell.channels.get(c, 0) for c in PasswordChannel),
                cell.received,
                cell.could_not_open,
                cell.incorrect_data,
            ]
        )
    return excel_csv.write_csv(rows)


def to_csv_bytes(table: EvaluationTable) -> bytes:
    """What to write to the ``.csv`` file: UTF-8 with a byte order mark, for Excel."""
    return excel_csv.csv_bytes(to_csv(table))
