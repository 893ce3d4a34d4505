"""Working days: weekends and Belgium's legal public holidays do not count."""

from __future__ import annotations

from datetime import date

from referral_desk.lifecycle.open_actions_calendar import (
    easter_sunday,
    is_working_day,
    public_holidays,
    working_days_after,
)


def test_easter_falls_where_the_calendar_has_it() -> None:
    assert easter_sunday(2024) == date(2024, 3, 31)
    assert easter_sunday(2025) == date(2025, 4, 20)
    assert easter_sunday(2026) == date(2026, 4, 5)
    assert easter_sunday(2027) == date(2027, 3, 28)


def test_the_ten_legal_holidays() -> None:
    holidays = public_holidays(2026)
    assert len(holidays) == 10
    assert {date(2026, 4, 6), date(2026, 5, 14), date(2026, 5, 25)} <= holidays
    assert date(2026, 7, 11) not in holidays  # the Flemish community's day is not counted out


def test_weekends_and_holidays_are_skipped() -> None:
    assert not is_working_day(date(2026, 3, 7))  # Saturday
    assert not is_working_day(date(2026, 4, 6))  # Easter Monday
    assert working_days_after(date(2026, 3, 2), 10) == date(2026, 3, 16)
    # Thursday 2 April 2026 + 3 working days: Friday, (weekend, Easter Monday), Tuesday, Wednesday.
    assert working_days_after(date(2026, 4, 2), 3) == date(2026, 4, 8)
    assert working_days_after(date(2026, 12, 24), 1) == date(2026, 12, 28)
