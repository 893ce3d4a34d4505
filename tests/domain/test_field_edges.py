"""Pasted and odd input: said at the field, never cut or changed behind the user's back."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from referral_desk.domain import fields
from referral_desk.domain.fields import FieldError
from referral_desk.domain.referral import form_errors, parse_client_form
from referral_desk.ui.client_form import ClientForm

FORM = {
    "first_name": "Jan",
    "last_name": "Peeters",
    "street": "Kerkstraat",
    "house_number": "12",
    "box": "",
    "postcode": "3970",
    "municipality": "Leopoldsburg",
    "phone": "0470 12 34 56",
    "email": "",
}

# Each validator with the longest value it may return.
LIMITED: list[tuple[Callable[[str], str | None], int]] = [
    (fields.validate_name, fields.NAME_MAX),
    (fields.validate_street, fields.STREET_MAX),
    (fields.validate_house_number, fields.HOUSE_NUMBER_MAX),
    (fields.validate_box, fields.BOX_MAX),
    (fields.validate_postcode_syntax, fields.POSTCODE_MAX),
    (fields.validate_municipality, fields.MUNICIPALITY_MAX),
    (fields.validate_phone, 16),  # E.164: + and at most 15 digits
    (fields.validate_email_address, fields.EMAIL_MAX),
    (fields.validate_team, fields.TEAM_MAX),
]


@pytest.mark.parametrize(
    ("validator", "typed", "expected"),
    [
        (fields.validate_postcode_syntax, " 3970", "3970"),
        (fields.validate_postcode_syntax, "3970\n", "3970"),
        (fields.validate_name, "\tJan\r\n", "Jan"),
        (fields.validate_street, "Kerkstraat\n", "Kerkstraat"),
        (fields.validate_phone, "0470 12 34 56\t", "+32470123456"),
        (fields.validate_email_address, " jan@voorbeeld.be\n", "jan@voorbeeld.be"),
    ],
)
def test_surrounding_whitespace_of_a_paste_is_trimmed_not_refused(
    validator: Callable[[str], str | None], typed: str, expected: str
) -> None:
    assert validator(typed) == expected


def test_a_tab_or_newline_inside_a_value_is_refused_with_a_message() -> None:
    with pytest.raises(FieldError, match="tab of regeleinde"):
        fields.validate_street("Kerkstraat 12\n3970 Leopoldsburg")


@pytest.mark.parametrize(
    ("validator", "maximum", "label"),
    [
        (fields.validate_street, fields.STREET_MAX, "Straat"),
        (fields.validate_name, fields.NAME_MAX, "Naam"),
        (fields.validate_house_number, fields.HOUSE_NUMBER_MAX, "Huisnummer"),
        (fields.validate_municipality, fields.MUNICIPALITY_MAX, "Gemeente"),
        (fields.validate_postcode_syntax, fields.POSTCODE_MAX, "Postcode"),
        (fields.validate_phone, fields.PHONE_MAX, "Telefoonnummer"),
        (fields.validate_email_address, fields.EMAIL_MAX, "E-mailadres"),
        (fields.validate_team, fields.TEAM_MAX, "Lokaal team"),
    ],
)
def test_too_long_says_the_maximum(
    validator: Callable[[str], str | None], maximum: int, label: str
) -> None:
    with pytest.raises(FieldError) as error:
        validator(
            "1" * 10_010 if "nummer" in label.lower() or label == "Postcode" else "a" * 10_010
        )
    assert error.value.message == f"{label} is te lang (maximaal {maximum} tekens)."


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("𝐉𝐚𝐧", "Jan"),  # mathematical bold
        ("Ｊａｎ", "Jan"),  # full width
        ("Ｄ＇ｈｏｎｄｔ", "D'hondt"),
        ("Stéphanie", "Stéphanie"),
    ],
)
def test_compatibility_letters_become_the_letters_they_stand_for(typed: str, expected: str) -> None:
    assert fields.validate_name(typed) == expected


def test_compatibility_digits_in_a_postcode_or_house_number_become_digits() -> None:
    assert fields.validate_postcode_syntax("３９７０") == "3970"
    assert fields.validate_house_number("１２Ａ") == "12A"


def test_a_stack_of_combining_marks_is_refused_saying_why() -> None:
    assert fields.validate_name("Nguye\u0302\u0303n") == "Nguyễn"
    with pytest.raises(FieldError) as error:
        fields.validate_name("Ja" + "\u0301\u0300\u0302\u0303\u0308" * 6 + "n")
    assert f"meer dan {fields.MAX_COMBINING_MARKS} accenttekens" in error.value.message


@pytest.mark.parametrize(
    "typed", ["0470 12 34 56 ext 5", "0470 12 34 56 x5", "0470123456#5", "0470 12 34 56;ext=5"]
)
def test_a_phone_extension_is_refused_not_dropped(typed: str) -> None:
    with pytest.raises(FieldError, match="toestelnummer"):
        fields.validate_phone(typed)
    assert "toestelnummer" in form_errors({**FORM, "phone": typed})["phone"]


@pytest.mark.parametrize("typed", ["047012345a6", "0470-ABC-DEF"])
def test_letters_in_a_phone_are_refused_not_read_as_keypad_digits(typed: str) -> None:
    with pytest.raises(FieldError, match="alleen cijfers"):
        fields.validate_phone(typed)


def test_the_form_parses_pasted_values_trimmed_and_folded() -> None:
    client = parse_client_form(
        {**FORM, "first_name": "𝐉𝐚𝐧\n", "postcode": " 3970", "phone": "0470 12 34 56\t"}
    )
    assert (client.first_name, client.postcode, client.phone) == ("Jan", "3970", "+32470123456")


@pytest.mark.parametrize(("validator", "maximum"), LIMITED)
@given(text=st.text(max_size=300))
def test_validators_raise_only_field_errors_and_stay_within_their_limit(
    validator: Callable[[str], str | None], maximum: int, text: str
) -> None:
    try:
        value = validator(text)
    except FieldError as error:
        assert error.message
        return
    assert value is None or len(value) <= maximum


@pytest.mark.parametrize(("validator", "_maximum"), LIMITED)
@given(text=st.text(max_size=120))
def test_normalisation_is_idempotent(
    validator: Callable[[str], str | None], _maximum: int, text: str
) -> None:
    try:
        value = validator(text)
    except FieldError:
        return
    # A box typed "bus bus" is box "bus", which read again is only the word: not a fixpoint.
    if value is not None and validator is not fields.validate_box:
        assert validator(value) == value


@given(
    text=st.text(alphabet=st.characters(categories=["L", "M", "Zs", "Cc"]), min_size=1, max_size=80)
)
def test_accepted_names_are_nfkc_trimmed_and_hold_few_marks_per_letter(text: str) -> None:
    try:
        value = fields.validate_name(text)
    except FieldError:
        return
    assert unicodedata.is_normalized("NFKC", value)
    assert value == value.strip() and "  " not in value
    run = 0
    for char in value:
        run = run + 1 if unicodedata.category(char).startswith("M") else 0
        assert run <= fields.MAX_COMBINING_MARKS


def test_the_form_keeps_a_long_paste_whole_and_says_it_is_too_long(qtbot: QtBot) -> None:
    form = ClientForm()
    qtbot.addWidget(form)
    street = "Kerkstraat" * 1001
    form.edits["street"].insert(street)
    form.edits["postcode"].insert(" 3970")
    form.show_all_errors()
    assert form.edits["street"].text() == street
    assert form.rows["street"].error.text() == "Straat is te lang (maximaal 100 tekens)."
    assert form.edits["postcode"].text() == " 3970"
    assert form.rows["postcode"].error.text() == ""
