"""Every password the app makes can be read out word by word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from referral_desk.domain.spelling_alphabet import (
    SPELLING_ALPHABET,
    spell_password,
    spelled_groups,
)
from referral_desk.packaging.password import GROUPS, PASSWORD_ALPHABET, generate_password


def test_the_alphabet_the_issue_names() -> None:
    assert [SPELLING_ALPHABET[c] for c in "ABC"] == ["Anton", "Bernard", "Cesar"]
    assert all(SPELLING_ALPHABET[c] for c in PASSWORD_ALPHABET)


@given(st.integers(min_value=0, max_value=2**32))
def test_every_generated_password_spells_fully(seed: int) -> None:
    import random

    class Seeded(random.Random):
        pass

    password = generate_password(rng=Seeded(seed))  # type: ignore[arg-type]
    spelled = spell_password(password)
    assert "".join(char for char, _ in spelled) == password
    assert all(word != char for char, word in spelled)
    lines = spelled_groups(password)
    assert len(lines) == GROUPS
    assert lines[0].count("·") == 3


def test_groups_read_as_lines() -> None:
    assert spelled_groups("KQ3X-HR4C") == [
        "K Karel · Q Quotiënt · 3 drie · X Xantippe",
        "H Hendrik · R Richard · 4 vier · C Cesar",
    ]
