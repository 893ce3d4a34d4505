"""Field validators: the real-world names and numbers teams meet, and never a crash."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_desk.domain import fields
from referral_desk.domain.fields import FieldError


@pytest.mark.parametrize(
    "name",
    [
        "D'hondt",
        "Van den Bossche",
        "Çelik",
        "Nguyễn",
        "O’Brien",
        "Łukasz",
        "Ελένη",
        "محمد",
        "Jean-Pierre",
        "de la Cruz",
        "van der Berg",
    ],
)
def test_real_names_are_accepted_and_never_recapitalised(name: str) -> None:
    assert fields.validate_name(name) == unicodedata.normalize("NFC", name)


def test_names_are_nfc_normalised() -> None:
    decomposed = "Nguye\u0302\u0303n"
    assert fields.validate_name(decomposed) == "Nguyễn"
    assert unicodedata.is_normalized("NFC", fields.validate_name(decomposed))


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("", "verplicht"),
        ("   ", "verplicht"),
        ("Jan\u200bssens", "onzichtbaar"),
        ("Jan\u202essens", "onzichtbaar"),
        ("Jan\x00", "onzichtbaar"),
        ("Jan3", "alleen letters"),
        ("Jan<script>", "alleen letters"),
        ("-Jan", "beginnen"),
        ("x" * 61, "te lang"),
    ],
)
def test_bad_names_say_what_to_fix(name: str, fragment: str) -> None:
    with pytest.raises(FieldError) as error:
        fields.validate_name(name)
    assert fragment in error.value.message


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("0470 12 34 56", "+32470123456"),
        ("0456/12.34.56", "+32456123456"),
        ("+32 470 12 34 56", "+32470123456"),
        ("0032470123456", "+32470123456"),
        ("011 34 56 78", "+3211345678"),
        ("02 512 34 56", "+3225123456"),
        ("+31 6 12345678", "+31612345678"),
    ],
)
def test_phone_numbers_are_stored_e164(typed: str, e164: str) -> None:
    assert fields.validate_phone(typed) == e164


@pytest.mark.parametrize("typed", ["0470 12 34", "12345", "04701234567890", "telefoon", "+32"])
def test_invalid_phone_numbers_are_refused(typed: str) -> None:
    with pytest.raises(FieldError):
        fields.validate_phone(typed)


def test_phone_is_shown_nationally() -> None:
    assert fields.format_phone_national("+32470123456") == "0470 12 34 56"


@pytest.mark.parametrize("address", ["a@example.be", "jan.peeters@gent.be", "zoë@voorbeeld.be"])
def test_email_syntax_ok(address: str) -> None:
    assert "@" in fields.validate_email_address(address)


@pytest.mark.parametrize("address", ["a@", "@b.be", "a b@c.be", "a@b", "a@@b.be"])
def test_email_syntax_refused(address: str) -> None:
    with pytest.raises(FieldError):
        fields.validate_email_address(address)


@pytest.mark.parametrize("number", ["12", "12A", "12 bis", "12-14", "7/1", "101b"])
def test_house_numbers(number: str) -> None:
    assert fields.validate_house_number(number)


@pytest.mark.parametrize("number", ["", "A", "12!", "123456"])
def test_bad_house_numbers(number: str) -> None:
    with pytest.raises(FieldError):
        fields.validate_house_number(number)


def test_box_drops_the_word_bus() -> None:
    assert fields.validate_box("bus 3") == "3"
    assert fields.validate_box("  ") is None


@pytest.mark.parametrize("postcode", ["0999", "999", "12345", "abcd", "١٢٣٤", "3970 "])
def test_postcode_syntax(postcode: str) -> None:
    if postcode == "3970 ":
        assert fields.validate_postcode_syntax(postcode) == "3970"
        return
    with pytest.raises(FieldError):
        fields.validate_postcode_syntax(postcode)


VALIDATORS = [
    fields.validate_name,
    fields.validate_street,
    fields.validate_house_number,
    fields.validate_box,
    fields.validate_postcode_syntax,
    fields.validate_municipality,
    fields.validate_phone,
    fields.validate_email_address,
]


@pytest.mark.parametrize("validator", VALIDATORS)
@given(text=st.text(max_size=120))
def test_validators_raise_only_field_errors(validator: object, text: str) -> None:
    assert callable(validator)
    try:
        result = validator(text)
    except FieldError as error:
        assert error.message
    else:
        assert result is None or isinstance(result, str)


@given(text=st.text(alphabet=st.characters(categories=["L", "Zs"]), min_size=1, max_size=60))
def test_accepted_names_are_nfc_and_clean(text: str) -> None:
    try:
        value = fields.validate_name(text)
    except FieldError:
        return
    assert unicodedata.is_normalized("NFC", value)
    assert value == value.strip()
    assert not any(unicodedata.category(c).startswith("C") for c in value)
