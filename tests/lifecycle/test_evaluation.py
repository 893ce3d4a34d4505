"""The yearly figures: per partner and month, from referral log entries only."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from referral_desk.domain.referral_record import (
    PasswordChannel,
    ReferralLogEntry,
    ReferralStatus,
    StatusChange,
    WithdrawalChannel,
)
from referral_desk.lifecycle.evaluation import EvaluationPeriod, evaluate, to_csv, to_csv_bytes
from referral_desk.storage.referral_log import ReferralLog
from tests.storage.test_referral_log import entry

YEAR = EvaluationPeriod(start=date(2026, 1, 1), end=date(2026, 12, 31))


def row(
    referral_id: str,
    created: datetime,
    partner: str = "ocmw-wervik",
    *,
    channel: PasswordChannel = PasswordChannel.PHONE,
    withdrawn: datetime | None = None,
    corrects: str | None = None,
    sent: bool = True,
) -> ReferralLogEntry:
    history = [StatusChange(status=ReferralStatus.DRAFT_OPENED, at=created)]
    if sent:
        history.append(StatusChange(status=ReferralStatus.SENT, at=created + timedelta(minutes=2)))
    if withdrawn is not None:
        history.append(StatusChange(status=ReferralStatus.WITHDRAWN, at=withdrawn))
    return ReferralLogEntry(
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
    assert parsed[0][:7] == [
        "partner",
        "maand",
        "verstuurd",
        "correcties",
        "intrekkingen",
        "nooit verstuurd",
        "incidenten",
    ]
    assert [
        "OCMW Wervik", "2026-02", "1", "0", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0"
    ] in parsed  # fmt: skip
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


def test_figures_from_a_seeded_referral_log_match_hand_counts(tmp_path: Path) -> None:
    """A real referral log, filled the way the app fills it, for the first half of 2026.

    Hand count (W = OCMW Wervik, L = OCMW Leopoldsburg):
      2025-12  W  KG-2025-AAAAAA made (outside the period), withdrawn 2026-01-20
      2026-01  W  KG-2026-CCCCCC phone, KG-2026-DDDDDD sms;  L KG-2026-EEEEEE not yet
      2026-02  W  KG-2026-FFFFFF corrects CCCCCC (phone); DDDDDD withdrawn 2026-02-03
      2026-03  L  KG-2026-GGGGGG other, withdrawn 2026-07-01 (after the period)
      2026-07  W  KG-2026-HHHHHH (after the period)
    """
    referral_log = ReferralLog.open(tmp_path / "referral-log.sqlite3")

    def add(rid: str, when: datetime, partner: str, channel: PasswordChannel, **x: object) -> None:
        names = {"ocmw-wervik": "OCMW Wervik", "ocmw-leopoldsburg": "OCMW Leopoldsburg"}
        referral_log.add(entry(rid, when, partner_id=partner, partner_name=names[partner], **x))
        referral_log.mark_sent(rid, when + timedelta(minutes=3))
        referral_log.set_password_channel(rid, channel)

    w, lb = "ocmw-wervik", "ocmw-leopoldsburg"
    add("KG-2025-AAAAAA", at(12, 15, 2025), w, PasswordChannel.PHONE)
    add("KG-2026-CCCCCC", at(1, 5), w, PasswordChannel.PHONE)
    add("KG-2026-DDDDDD", at(1, 9), w, PasswordChannel.SMS)
    add("KG-2026-EEEEEE", at(1, 30), lb, PasswordChannel.NOT_YET)
    add("KG-2026-FFFFFF", at(2, 2), w, PasswordChannel.PHONE, corrects="KG-2026-CCCCCC")
    add("KG-2026-GGGGGG", at(3, 11), lb, PasswordChannel.OTHER)
    add("KG-2026-HHHHHH", at(7, 2), w, PasswordChannel.PHONE)
    referral_log.mark_withdrawn("KG-2025-AAAAAA", WithdrawalChannel.PHONE, at(1, 20))
    referral_log.mark_withdrawn("KG-2026-DDDDDD", WithdrawalChannel.PHONE, at(2, 3))
    referral_log.mark_withdrawn("KG-2026-GGGGGG", WithdrawalChannel.PHONE, at(7, 1))

    half = EvaluationPeriod(start=date(2026, 1, 1), end=date(2026, 6, 30))
    table = evaluate(referral_log.all(), half)
    referral_log.close()
    got = {
        (c.partner_id, c.month): (
            c.referrals,
            c.corrections,
            c.withdrawals,
            {k.value: v for k, v in c.channels.items()},
        )
        for c in table.cells
    }
    assert got == {
        (w, "2026-01"): (2, 0, 1, {"telefoon": 1, "sms": 1}),
        (lb, "2026-01"): (1, 0, 0, {"nog_niet": 1}),
        (w, "2026-02"): (0, 1, 1, {"telefoon": 1}),
        (lb, "2026-03"): (1, 0, 0, {"ander": 1}),
    }
    total = table.total()
    assert (total.referrals, total.corrections, total.withdrawals) == (4, 1, 2)
    assert table.total(w).channels == {PasswordChannel.PHONE: 2, PasswordChannel.SMS: 1}
    assert [m.referrals for m in table.by_month().values()] == [3, 0, 1, 0, 0, 0]

    rows = list(csv.reader(io.StringIO(to_csv(table)), delimiter=";"))
    no_reports = ["0", "0", "0"]  # the partners' reports, counted in their own test
    assert rows[1:] == [
        line + no_reports
        for line in (
            ["OCMW Leopoldsburg", "2026-01", "1", "0", "0", "0", "0", "0", "0", "0", "1"],
            ["OCMW Leopoldsburg", "2026-03", "1", "0", "0", "0", "0", "0", "0", "1", "0"],
            ["OCMW Leopoldsburg", "totaal", "2", "0", "0", "0", "0", "0", "0", "1", "1"],
            ["OCMW Wervik", "2026-01", "2", "0", "1", "0", "0", "1", "1", "0", "0"],
            ["OCMW Wervik", "2026-02", "0", "1", "1", "0", "0", "1", "0", "0", "0"],
            ["OCMW Wervik", "totaal", "2", "1", "2", "0", "0", "2", "1", "0", "0"],
            ["Alle partners", "totaal", "4", "1", "2", "0", "0", "2", "1", "1", "1"],
        )
    ]


def test_csv_bytes_carry_the_bom_and_read_back_in_excel_style() -> None:
    table = evaluate(
        [row("KG-2026-AAAAAA", at(2), channel=PasswordChannel.SMS)],
        YEAR,
    )
    data = to_csv_bytes(table)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\xef\xbb\xbf") == 1
    text = data.decode("utf-8-sig")
    assert text == to_csv(table) and "\r\n" in text
    header = next(csv.reader(io.StringIO(text), delimiter=";"))
    assert header[7:] == [
        "wachtwoord telefoon",
        "wachtwoord sms",
        "wachtwoord ander kanaal",
        "wachtwoord nog niet doorgegeven",
        "ontvangst bevestigd",
        "kon niet openen",
        "onjuiste gegevens (art. 7)",
    ]


def test_a_partner_name_excel_would_run_stays_text() -> None:
    evil = row("KG-2026-AAAAAA", at(2)).model_copy(update={"partner_name": "=HYPERLINK(1)"})
    parsed = list(csv.reader(io.StringIO(to_csv(evaluate([evil], YEAR))), delimiter=";"))
    assert parsed[1][0] == "'=HYPERLINK(1)"


def test_no_personal_or_identifying_data_in_the_csv() -> None:
    kept = row("KG-2026-AAAAAA", at(2)).model_copy(update={"initials": "A.V.", "postcode": "8940"})
    text = to_csv(evaluate([kept], YEAR))
    for secret in ("KG-2026", "A.V.", "8940", "Sofie", "Maes", "x@example.be", "Menen", "ab" * 8):
        assert secret not in text


_ROWS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=800),  # created, days after 2025-01-01
        st.sampled_from(["ocmw-wervik", "ocmw-leopoldsburg"]),
        st.sampled_from(list(PasswordChannel)),
        st.booleans(),  # a correction
        st.one_of(st.none(), st.integers(min_value=0, max_value=300)),  # withdrawn after
    ),
    max_size=40,
)


@given(_ROWS)
def test_csv_parses_back_to_the_same_figures(
    specs: list[tuple[int, str, PasswordChannel, bool, int | None]],
) -> None:
    alphabet = "ACDEFGHJKLMNPQRTUVWXY"
    rows = []
    for i, (offset, partner, channel, correction, withdrawn_after) in enumerate(specs):
        created = at(1, 1, 2025) + timedelta(days=offset)
        rows.append(
            row(
                f"KG-2026-{alphabet[i % 21]}{alphabet[(i // 21) % 21]}AAAA",
                created,
                partner,
                channel=channel,
                corrects="KG-2026-QQQQQQ" if correction else None,
                withdrawn=None if withdrawn_after is None else created + timedelta(withdrawn_after),
            )
        )
    table = evaluate(rows, YEAR)
    data = to_csv_bytes(table)
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    header, body = parsed[0], parsed[1:]
    assert all(len(line) == len(header) for line in body)
    by_key = {(line[0], line[1]): [int(v) for v in line[2:]] for line in body}
    for cell in table.cells:
        expected = [
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
        assert by_key[(cell.partner_name, cell.month)] == expected
    # Per partner, the month lines add up to the partner's total line, and those to the end.
    grand = [0] * (len(header) - 2)
    for partner_name in {cell.partner_name for cell in table.cells}:
        months = [
            v for (name, month), v in by_key.items() if name == partner_name and month != "totaal"
        ]
        summed = [sum(column) for column in zip(*months, strict=True)]
        assert by_key[(partner_name, "totaal")] == summed
        grand = [a + b for a, b in zip(grand, summed, strict=True)]
    assert by_key[("Alle partners", "totaal")] == grand
    inside = [r for r in rows if YEAR.contains(r.created_at.date())]
    assert grand[0] == sum(1 for r in inside if r.corrects is None)
    assert grand[1] == sum(1 for r in inside if r.corrects is not None)


def test_drafts_never_sent_and_incidents_are_counted_apart(tmp_path: Path) -> None:
    """A draft that never left, or was cancelled, is no referral made; breaches have their
    own column, in the month they were reported."""
    referral_log = ReferralLog.open(tmp_path / "referral-log.sqlite3")
    referral_log.add(entry("KG-2026-AAAAAA", at(2)))
    referral_log.mark_sent("KG-2026-AAAAAA", at(2, 11))
    referral_log.add(entry("KG-2026-CCCCCC", at(2)))  # only the draft
    referral_log.add(entry("KG-2026-DDDDDD", at(3)))
    referral_log.mark_cancelled("KG-2026-DDDDDD", at(3, 11))
    referral_log.record_incident("KG-2026-AAAAAA", "wrong_recipient", at(4))
    rows = referral_log.all()
    incidents = {r.referral_id: [i.at for i in referral_log.incidents(r.referral_id)] for r in rows}
    referral_log.close()
    table = evaluate(rows, YEAR, incidents)
    cells = {c.month: c for c in table.cells}
    assert (cells["2026-02"].referrals, cells["2026-02"].never_sent) == (1, 1)
    assert (cells["2026-03"].referrals, cells["2026-03"].never_sent) == (0, 1)
    assert cells["2026-04"].incidents == 1
    total = table.total()
    assert (total.referrals, total.never_sent, total.incidents) == (1, 2, 1)
    # Only what was sent says how its password went.
    assert total.channels == {PasswordChannel.NOT_YET: 1}
    parsed = list(csv.reader(io.StringIO(to_csv(table)), delimiter=";"))
    assert parsed[-1][:7] == ["Alle partners", "totaal", "1", "0", "0", "2", "1"]
