"""The referral model holds exactly the permitted fields, nothing else."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from referral_desk.domain.referral import (
    CLIENT_FIELDS,
    REFERRAL_ID_PATTERN,
    ClientDetails,
    FormErrors,
    new_referral_id,
    parse_client_form,
)

GOOD = {
    "first_name": "Ayşe",
    "last_name": "Van den Bossche",
    "street": "Kerkstraat",
    "house_number": "12A",
    "box": "",
    "postcode": "3970",
    "municipality": "Leopoldsburg",
    "phone": "0470 12 34 56",
    "email": "",
}


def test_model_has_only_permitted_fields() -> None:
    assert set(ClientDetails.model_fields) == set(CLIENT_FIELDS)
    assert set(CLIENT_FIELDS) == {
        "first_name",
        "last_name",
        "street",
        "house_number",
        "box",
        "postcode",
        "municipality",
        "phone",
        "email",
    }


def test_extra_fields_are_refused() -> None:
    with pytest.raises(ValidationError):
        ClientDetails.model_validate({**GOOD, "phone": "+32470123456", "notes": "gezin X"})
    with pytest.raises(FormErrors):
        parse_client_form({**GOOD, "birth_date": "2001-01-01"})


def test_parse_normalises() -> None:
    client = parse_client_form(GOOD)
    assert client.phone == "+32470123456"
    assert client.email is None and client.box is None
    assert client.address_lines == ("Kerkstraat 12A", "3970 Leopoldsburg")


def test_phone_or_email_required_and_all_errors_reported_together() -> None:
    with pytest.raises(FormErrors) as error:
        parse_client_form({**GOOD, "phone": "", "email": "", "first_name": ""})
    assert set(error.value.errors) == {"phone", "email", "first_name"}


def test_referral_ids_are_random_and_well_formed() -> None:
    ids = {new_referral_id(2026) for _ in range(500)}
    assert len(ids) == 500
    assert all(REFERRAL_ID_PATTERN.match(i) for i in ids)
