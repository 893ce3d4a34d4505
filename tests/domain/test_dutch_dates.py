"""The two date forms, the same on every machine whatever its locale."""

from __future__ import annotations

import locale
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_desk.domain.dutch_dates import (
    numeric_date,
    numeric_date_time,
    parse_numeric_date,
    written_date,
    written_date_time,
)

MOMENT = datetime(2026, 3, 5, 9, 7, tzinfo=ZoneInfo("Europe/Brussels"))


def test_numeric_forms_are_zero_padded() -> None:
    assert numeric_date(date(2026, 3, 5)) == "05-03-2026"
    assert numeric_date(date(2024, 11, 22)) == "22-11-2024"
    assert numeric_date_time(MOMENT) == "05-03-2026 09:07"


def test_written_forms_use_dutch_month_names() -> None:
    assert written_date(date(2024, 3, 1)) == "1 maart 2024"
    assert written_date(date(2026, 11, 22)) == "22 november 2026"
    assert written_date_time(MOMENT) == "5 maart 2026 om 09:07"
    assert [written_date(date(2026, month, 1)).split()[1] for month in (1, 5, 8, 12)] == [
        "januari",
        "mei",
        "augustus",
        "december",
    ]


def test_the_locale_changes_nothing() -> None:
    before = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("fr_BE.UTF-8", "en_US.UTF-8", "C"):
            try:
                locale.setlocale(locale.LC_TIME, name)
            except locale.Error:
                continue
            assert written_date(date(2024, 3, 1)) == "1 maart 2024"
            assert numeric_date(date(2024, 3, 1)) == "01-03-2024"
    finally:
        locale.setlocale(locale.LC_TIME, before)


@pytest.mark.parametrize("day", [date(1, 1, 1), date(999, 12, 31)])
def test_early_years_keep_four_digits(day: date) -> None:
    assert numeric_date(day).endswith(f"-{day.year:04d}")


DAYS = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


@given(DAYS)
def test_a_date_reads_back_in_every_form_a_person_types(day: date) -> None:
    """The table's form, the file's form and the unpadded one all mean the same day."""
    typed = (
        numeric_date(day),
        day.isoformat(),
        f"{day.day}-{day.month}-{day.year}",
        f"{day.day}/{day.month:02d}/{day.year}",
        f" {day.day:02d}.{day.month}.{day.year} ",
    )
    assert {parse_numeric_date(text) for text in typed} == {day}


@given(st.text(max_size=20))
def test_anything_else_is_a_value_error_or_a_real_date(text: str) -> None:
    try:
        parsed = parse_numeric_date(text)
    except ValueError:
        return
    assert isinstance(parsed, date)
    assert text.strip()[:1].isascii() and text.strip()[:1].isdigit()


@pytest.mark.parametrize(
    "text",
    ["", "31-02-2026", "2026-13-01", "05-03.2026", "2026/03/05", "5-3-26", "٣-٣-2026"],
)
def test_no_date_no_guess(text: str) -> None:
    """No day that does not exist, no two-digit year, no mixed separators, no other digits."""
    with pytest.raises(ValueError):
        parse_numeric_date(text)
