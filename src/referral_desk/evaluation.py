"""The yearly evaluation: per partner and per month, counted from the referral log only.

What is counted, for a period (first and last day included):

* ``referrals``: new referrals created in the month (corrections not included);
* ``corrections``: referrals created in the month that correct an earlier one;
* ``withdrawals``: consent withdrawals recorded in the month, whenever the referral was made;
* per password channel: how the password of the month's referrals and corrections was passed.

The figures hold no personal data: counts, partner names and months.

The CSV comes from the one CSV writer (:mod:`referral_desk.domain.excel_csv`), for Excel as a
Belgian (nl-BE) locale opens it, with a partner name that looks like a formula kept as text.
:func:`to_csv` gives the text without the byte order mark; :func:`to_csv_bytes` gives the
bytes to write, mark included.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from pydantic import BaseModel, ConfigDict, model_validator

from referral_desk.domain import excel_csv
from referral_desk.storage.referral_log import (
    CHANNEL_LABELS,
    PasswordChannel,
    ReferralLogEntry,
    ReferralStatus,
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


class EvaluationCell(BaseModel):
    model_config = ConfigDict(extra="forbid")

    partner_id: str
    partner_name: str
    month: str
    referrals: int = 0
    corrections: int = 0
    withdrawals: int = 0
    channels: dict[PasswordChannel, int] = {}

    def add_channel(self, channel: PasswordChannel) -> None:
        self.channels[channel] = self.channels.get(channel, 0) + 1


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
            total.referrals += cell.referrals
            total.corrections += cell.corrections
            total.withdrawals += cell.withdrawals
            for channel, count in cell.channels.items():
                total.channels[channel] = total.channels.get(channel, 0) + count
        return total

    def by_month(self) -> dict[str, EvaluationCell]:
        """All partners together, one cell per month of the period (for the chart)."""
        months = {
            month: EvaluationCell(partner_id="", partner_name="", month=month)
            for month in self.period.months()
        }
        for cell in self.cells:
            target = months[cell.month]
            target.referrals += cell.referrals
            target.corrections += cell.corrections
            target.withdrawals += cell.withdrawals
        return months


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def evaluate(rows: Iterable[ReferralLogEntry], period: EvaluationPeriod) -> EvaluationTable:
    cells: dict[tuple[str, str], EvaluationCell] = {}

    def cell(row: ReferralLogEntry, day: date) -> EvaluationCell:
        key = (row.partner_id, _month(day))
        if key not in cells:
            cells[key] = EvaluationCell(
                partner_id=row.partner_id, partner_name=row.partner_name, month=key[1]
            )
        return cells[key]

    for row in rows:
        created = row.created_at.date()
        if period.contains(created):
            target = cell(row, created)
            if row.corrects is None:
                target.referrals += 1
            else:
                target.corrections += 1
            target.add_channel(row.password_channel)
        withdrawn = row.status_at(ReferralStatus.WITHDRAWN)
        if withdrawn is not None and period.contains(withdrawn.date()):
            cell(row, withdrawn.date()).withdrawals += 1
    ordered = sorted(cells.values(), key=lambda c: (c.partner_name, c.month))
    return EvaluationTable(period=period, cells=ordered)


CSV_HEADER = (
    "partner",
    "maand",
    "doorverwijzingen",
    "correcties",
    "intrekkingen",
    *(f"wachtwoord {CHANNEL_LABELS[c]}" for c in PasswordChannel),
)


def to_csv(table: EvaluationTable) -> str:
    """``;``-separated, for Excel in a Belgian locale; write it with ``utf-8-sig``
    (or use :func:`to_csv_bytes`)."""
    rows: list[list[str | int]] = [list(CSV_HEADER)]

    def write(name: str, month: str, cell: EvaluationCell) -> None:
        rows.append(
            [
                name,
                month,
                cell.referrals,
                cell.corrections,
                cell.withdrawals,
                *(cell.channels.get(c, 0) for c in PasswordChannel),
            ]
        )

    for partner_id, name in table.partners():
        for cell in table.cells:
            if cell.partner_id == partner_id:
                write(name, cell.month, cell)
        write(name, "totaal", table.total(partner_id))
    write("Alle partners", "totaal", table.total())
    return excel_csv.write_csv(rows)


def to_csv_bytes(table: EvaluationTable) -> bytes:
    """What to write to the ``.csv`` file: UTF-8 with a byte order mark, for Excel."""
    return excel_csv.csv_bytes(to_csv(table))
