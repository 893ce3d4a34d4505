"""Every password the app makes can be read out word by word."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from referral_desk.domain.spelling_alphabet import (
    DIGITS,
    LETTERS,
    SPELLING_ALPHABET,
    spell_char,
    spell_password,
    spelled_groups,
)
from referral_desk.sealing.password import (
    GROUP_SIZE,
    GROUPS,
    PASSWORD_ALPHABET,
    SEPARATOR,
    generate_password,
)


def test_cesar_for_c_and_onze_taal_for_the_rest() -> None:
    assert [SPELLING_ALPHABET[c] for c in "ABC"] == ["Anton", "Bernard", "Cesar"]
    assert "".join(LETTERS) == "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    assert all(word[0] == letter for letter, word in LETTERS.items())
    assert [LETTERS[c] for c in "GJRQZ"] == ["Gerard", "Johannes", "Rudolf", "Quotiënt", "Zaandam"]
    assert len(set(LETTERS.values())) == 26
    assert [DIGITS[d] for d in "0123456789"] == [
        "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
    ]  # fmt: skip
    assert all(SPELLING_ALPHABET[c] for c in PASSWORD_ALPHABET)


@given(st.integers(min_value=0, max_value=2**32))
def test_every_generated_password_spells_fully(seed: int) -> None:
    password = generate_password(rng=random.Random(seed))  # type: ignore[arg-type]
    spelled = spell_password(password)
    assert "".join(char for char, _ in spelled) == password
    for char, word in spelled:
        assert word == SPELLING_ALPHABET[char]  # from the table, never a fallback
        assert "letter" not in word  # upper case only: no "hoofdletter" noise
    lines = spelled_groups(password)
    assert len(lines) == GROUPS
    assert all(line.count("·") == GROUP_SIZE - 1 for line in lines)
    assert [line.split(" ")[0::3] for line in lines] == [
        list(group) for group in password.split(SEPARATOR)
    ]


def test_groups_read_as_lines() -> None:
    assert spelled_groups("KQ3X-HR4C") == [
        "K Karel · Q Quotiënt · 3 drie · X Xantippe",
        "H Hendrik · R Rudolf · 4 vier · C Cesar",
    ]


def test_case_is_named_only_when_it_matters() -> None:
    assert spell_password("Ab1") == [
        ("A", "hoofdletter Anton"),
        ("b", "kleine letter Bernard"),
        ("1", "één"),
    ]
    assert spell_password("AB") == [("A", "Anton"), ("B", "Bernard")]


def test_accents_symbols_and_anything_else_have_words() -> None:
    assert spell_char("é", mark_case=True) == "kleine letter Eduard met accent aigu"
    assert spell_char("Ë") == "Eduard met trema"
    assert spell_char("@") == "apenstaartje"
    assert spell_char(" ") == "spatie"
    assert spell_char("ß").startswith("teken ")


@given(st.text(min_size=1, max_size=40))
def test_any_text_spells_one_nonempty_word_per_character(text: str) -> None:
    spelled = spell_password(text)
    assert [char for char, _ in spelled] == list(text)
    assert all(word and word != char for char, word in spelled)
