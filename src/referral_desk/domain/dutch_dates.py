"""Dates as a Flemish reader expects them, in two forms, the same everywhere.

Built from a month table and the numbers, never from ``strftime``'s locale: the machine's
locale is not ours to rely on, and ``%d`` padding differs between C libraries.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Final

_MONTHS: Final = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


_DAY_FIRST: Final = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})")
_YEAR_FIRST: Final = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


def parse_numeric_date(text: str) -> date:
    """A date typed by hand: ``22-11-2026`` as the tables show it, ``2026-11-22`` as files
    write it, or unpadded ``5-3-2026``; ``/`` or ``.`` pass for ``-`` when the day comes first.

    Raises ``ValueError`` for anything else, a day that does not exist included; the caller
    says so in its own words.
    """
    text = text.strip()
    if match := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(match[index]) for index in (1, 3, 4))
    elif match := _YEAR_FIRST.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise ValueError("no date")
    return date(year, month, day)


def numeric_date(day: date) -> str:
    """``22-11-2026``: for the window, tables and short messages."""
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def numeric_date_time(moment: datetime) -> str:
    """``22-11-2026 14:05``: a moment in a table (the referral log)."""
    return f"{numeric_date(moment.date())} {moment.hour:02d}:{moment.minute:02d}"


def written_date(day: date) -> str:
    """``22 november 2026``: in running text (the referral's PDF)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def written_date_time(moment: datetime) -> str:
    """``22 november 2026 om 14:05``: a moment in running text."""
    return f"{written_date(moment.date())} om {moment.hour:02d}:{moment.minute:02d}"
