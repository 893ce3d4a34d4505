"""Counts read as Dutch: never "1 problemen" or "bestand(en)"."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from referral_desk.domain.dutch_counts import counted


def test_one_takes_the_singular() -> None:
    assert counted(1, "bestand", "bestanden") == "1 bestand"
    assert counted(0, "bestand", "bestanden") == "0 bestanden"
    assert counted(2, "probleem", "problemen") == "2 problemen"


@given(st.integers(min_value=0, max_value=10**6))
def test_the_noun_follows_the_number(count: int) -> None:
    text = counted(count, "incident", "incidenten")
    assert text.startswith(f"{count} ")
    assert text.endswith("incidenten") is (count != 1)
