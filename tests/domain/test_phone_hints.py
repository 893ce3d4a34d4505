"""The phone hint judges a Belgian number by its own zone, never by a one-size count."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_desk.domain.fields import FieldError, validate_phone

ONE_DIGIT_ZONES = ("2", "3", "4", "9")  # Brussels, Antwerp, Liège, Ghent: 02 xxx xx xx
TWO_DIGIT_ZONES = tuple(
    f"{a}{b}" for a in "15678" for b in "0123456789" if f"{a}{b}" != "80"
)  # 050, 056, 011, …: 0xx xx xx xx
MOBILE_PREFIXES = tuple(f"4{b}" for b in "56789")  # 045x–049x: 04xx xx xx xx


def _is_zone_number(national: str) -> bool:
    """Not a mobile (045–049) or a 0800/090x number, which have shapes of their own."""
    return not national.startswith(("045", "046", "047", "048", "049", "080", "090"))


def _message(typed: str) -> str | None:
    try:
        validate_phone(typed)
    except FieldError as error:
        return error.message
    return None


def test_a_brussels_number_of_the_right_length_is_not_told_to_count() -> None:
    message = _message("02 123 45 67")
    assert message is not None
    assert "aantal cijfers klopt" in message
    assert "Controleer de cijfers na 02" in message


def test_a_short_brussels_number_is_told_its_zone_count() -> None:
    assert _message("02 12 34 56") == (
        "Dit telefoonnummer is te kort: een nummer dat met 02 begint heeft 9 cijfers "
        "(02 xxx xx xx), dit nummer 8."
    )


def test_a_short_mobile_number_is_told_the_mobile_count() -> None:
    assert _message("0470 12 34 5") == (
        "Dit telefoonnummer is te kort: een gsm-nummer heeft 10 cijfers (04xx xx xx xx), "
        "dit nummer 9."
    )


def test_ten_digits_after_a_non_mobile_04_names_the_mobile_prefixes() -> None:
    message = _message("0412 34 56 78")
    assert message is not None
    assert "te lang: een nummer dat met 04 begint heeft 9 cijfers (04 xxx xx xx)" in message
    assert "045 tot 049" in message


def test_a_foreign_number_gets_no_belgian_shapes() -> None:
    message = _message("+33 1 2")
    assert message is not None
    assert "landcode" in message
    assert "04xx" not in message


@pytest.mark.parametrize("typed", ["02 512 34 56", "050 12 34 56", "056 12 34 56", "09 223 45 67"])
def test_real_zone_numbers_still_pass(typed: str) -> None:
    assert _message(typed) is None


@given(
    zone=st.sampled_from(ONE_DIGIT_ZONES),
    rest=st.text(alphabet="0123456789", min_size=7, max_size=7),
)
def test_one_digit_zones_with_nine_digits_are_never_told_to_count(zone: str, rest: str) -> None:
    if not _is_zone_number(f"0{zone}{rest}"):
        return
    message = _message(f"0{zone} {rest}")
    assert message is None or "aantal cijfers klopt" in message


@given(
    zone=st.sampled_from(TWO_DIGIT_ZONES),
    rest=st.text(alphabet="0123456789", min_size=6, max_size=6),
)
def test_two_digit_zones_with_nine_digits_are_never_told_to_count(zone: str, rest: str) -> None:
    message = _message(f"0{zone} {rest}")
    assert message is None or "aantal cijfers klopt" in message


@given(
    prefix=st.sampled_from(MOBILE_PREFIXES),
    rest=st.text(alphabet="0123456789", min_size=7, max_size=7),
)
def test_every_ten_digit_mobile_number_passes(prefix: str, rest: str) -> None:
    assert _message(f"0{prefix}{rest}") is None


@given(
    zone=st.sampled_from(ONE_DIGIT_ZONES + TWO_DIGIT_ZONES),
    digits=st.text(alphabet="0123456789", min_size=3, max_size=10),
)
def test_a_wrong_count_names_the_zone_and_both_counts(zone: str, digits: str) -> None:
    typed = f"0{zone}{digits}"
    mobile = zone == "4" and digits[0] in "56789"
    if typed.startswith(("080", "090")):
        return
    message = _message(typed)
    if len(typed) == (10 if mobile else 9) or message is None or "geen geldig" in message:
        return
    if len(typed) < 6:
        assert "te kort" in message
        return
    if mobile:
        assert "een gsm-nummer heeft 10 cijfers" in message
    else:
        assert f"een nummer dat met 0{zone} begint heeft 9 cijfers" in message
    assert f"dit nummer {len(typed)}." in message
