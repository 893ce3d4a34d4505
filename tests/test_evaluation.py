"""The yearly figures: per partner and month, from register rows only."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from referral_desk.evaluation import EvaluationPeriod, evaluate, to_csv
from referral_desk.storage.register import (
    PasswordChannel,
    ReferralStatus,
    RegisterRow,
    StatusChange,
)

YEAR = EvaluationPeriod(start=date(2026, 1, 1), end=date(2026, 12, 31))


def row(
    referral_id: str,
    created: datetime,
    partner: str = "ocmw-wervik",
    *,
    channel: PasswordChannel = PasswordChannel.PHONE,
    withdrawn: datetime | None = None,
    corrects: str | None = None,
) -> RegisterRow:
    history = [StatusChange(status=ReferralStatus.DRAFT_OPENED, at=created)]
    if withdrawn is not None:
        history.append(StatusChange(status=ReferralStatus.WITHDRAWN, at=withdrawn))
    return RegisterRow(
        referral_id=referral_id,
        created_at=created,
        partner_id=partner,
        partner_name={"ocmw-wervik": "OCMW Wervik"}.get(partner, "OCMW Leopoldsburg"),
        mailbox="x@example.be",
        archive_sha256="ab" * 32,
        consent_recorded=True,
        consent_date=created.date(),
        referrer_name="Sofie Maes",
        team="Kind en Gezin Menen",
        mail_adapter="eml",
        password_channel=channel,
        status=history[-1].status,
        history=tuple(history),
        corrects=corrects,
    )


def at(month: int, day: int = 10, year: int = 2026) -> datetime:
    return datetime(year, month, day, 9, tzinfo=UTC)


def test_counts_per_partner_and_month() -> None:
    rows = [
        row("KG-2026-AAAAAA", at(2)),
        row("KG-2026-CCCCCC", at(2), channel=PasswordChannel.SMS, withdrawn=at(4)),
        row("KG-2026-DDDDDD", at(3), corrects="KG-2026-AAAAAA"),
        row("KG-2026-EEEEEE", at(3), "ocmw-leopoldsburg"),
        row("KG-2025-FFFFFF", at(12, year=2025), withdrawn=at(1)),  # made last year
    ]
    table = evaluate(rows, YEAR)
    cells = {(c.partner_id, c.month): c for c in table.cells}
    assert cells[("ocmw-wervik", "2026-02")].referrals == 2
    assert cells[("ocmw-wervik", "2026-02")].channels == {
        PasswordChannel.PHONE: 1,
        PasswordChannel.SMS: 1,
    }
    assert cells[("ocmw-wervik", "2026-03")].corrections == 1
    assert cells[("ocmw-wervik", "2026-03")].referrals == 0
    assert cells[("ocmw-wervik", "2026-04")].withdrawals == 1
    assert cells[("ocmw-wervik", "2026-01")].withdrawals == 1
    total = table.total()
    assert (total.referrals, total.corrections, total.withdrawals) == (3, 1, 2)
    assert table.total("ocmw-leopoldsburg").referrals == 1
    assert list(table.by_month()) == [f"2026-{m:02d}" for m in range(1, 13)]


def test_csv_is_for_excel_and_holds_only_counts() -> None:
    table = evaluate([row("KG-2026-AAAAAA", at(2)), row("KG-2026-CCCCCC", at(5))], YEAR)
    text = to_csv(table)
    parsed = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert parsed[0][:5] == ["partner", "maand", "doorverwijzingen", "correcties", "intrekkingen"]
    assert ["OCMW Wervik", "2026-02", "1", "0", "0", "1", "0", "0", "0"] in parsed
    assert parsed[-1][:3] == ["Alle partners", "totaal", "2"]
    assert "KG-2026" not in text and "Sofie" not in text


def test_period_must_be_ordered() -> None:
    with pytest.raises(ValidationError):
        EvaluationPeriod(start=date(2026, 2, 1), end=date(2026, 1, 1))


@given(st.lists(st.integers(min_value=0, max_value=800), max_size=30))
def test_totals_add_up_and_parse_back(offsets: list[int]) -> None:
    alphabet = "ACDEFGHJKLMNPQRTUVWXY"
    rows = [
        row(
            f"KG-2026-{alphabet[i % 21]}{alphabet[(i // 21) % 21]}AAAA",
            at(1, 1, 2025) + timedelta(days=o),
        )
        for i, o in enumerate(offsets)
    ]
    table = evaluate(rows, YEAR)
    inside = sum(1 for r in rows if YEAR.contains(r.created_at.date()))
    assert table.total().referrals == inside
    parsed = list(csv.reader(io.StringIO(to_csv(table)), delimiter=";"))
    assert int(parsed[-1][2]) == inside
