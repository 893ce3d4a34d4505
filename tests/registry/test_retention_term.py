"""The protocol's retention term (art. 3) in the registry: a whole number of years after
the dossier closes, typed in the editor, carried by the CSV table, refused when it is not."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_desk.domain.partners import Protocol
from referral_desk.registry.csv_table import export_csv, import_csv
from referral_desk.registry.form_input import partner_from_texts, partner_problems
from referral_desk.registry.parsing import load_registry_text
from tests.lifecycle_fixtures import BUNDLED, TABLE

LEOPOLDSBURG = {
    "id": "ocmw-leopoldsburg",
    "name": "OCMW Leopoldsburg",
    "kind": "OCMW",
    "region": "Vlaanderen",
    "mailbox": "socialedienst@leopoldsburg.be",
    "municipalities": "71034",
    "postcodes": "3970",
    "password_mode": "one-time",
    "protocol.reference": "Protocol Leopoldsburg",
    "protocol.local_teams": "Kind en Gezin West-Limburg",
    "protocol.in_force_from": "2024-02-01",
    "protocol.withdrawal_clause": "false",
}


def test_the_bundled_protocols_keep_closed_dossiers_ten_years() -> None:
    document = load_registry_text(BUNDLED, TABLE, file="partners.toml")
    assert {p.protocol.retention_years for p in document.partners} == {10}


def test_typed_years_become_a_number_and_other_text_is_named() -> None:
    raw = partner_from_texts({**LEOPOLDSBURG, "protocol.retention_years": "10"})
    assert raw["protocol"]["retention_years"] == 10
    assert "protocol.retention_years" not in partner_problems(raw, TABLE)
    typed = partner_from_texts({**LEOPOLDSBURG, "protocol.retention_years": "tien"})
    assert "protocol.retention_years" in partner_problems(typed, TABLE)
    left_empty = partner_from_texts({**LEOPOLDSBURG, "protocol.retention_years": ""})
    assert "retention_years" not in left_empty["protocol"]


@given(st.one_of(st.integers(max_value=0), st.integers(min_value=101)))
def test_years_outside_one_to_a_hundred_are_refused(years: int) -> None:
    with pytest.raises(ValueError):
        Protocol.model_validate(
            {
                "reference": "Protocol",
                "local_teams": ["Kind en Gezin Menen"],
                "in_force_from": "2024-01-01",
                "retention_years": years,
            }
        )


def test_the_csv_table_carries_the_term_both_ways() -> None:
    text = export_csv(load_registry_text(BUNDLED, TABLE, file="partners.toml"))
    assert "bewaartermijn_jaren" in text.splitlines()[0]
    partners: list[dict[str, Any]] = import_csv(text)
    assert {p["protocol"]["retention_years"] for p in partners} == {10}


def test_the_consent_age_limit_is_a_number_of_days_too() -> None:
    document = load_registry_text(BUNDLED, TABLE, file="partners.toml")
    assert {p.protocol.consent_valid_days for p in document.partners} == {30}
    raw = partner_from_texts({**LEOPOLDSBURG, "protocol.consent_valid_days": "14"})
    assert raw["protocol"]["consent_valid_days"] == 14
    typed = partner_from_texts({**LEOPOLDSBURG, "protocol.consent_valid_days": "400"})
    assert "protocol.consent_valid_days" in partner_problems(typed, TABLE)
    text = export_csv(document)
    assert "toestemming_geldig_dagen" in text.splitlines()[0]
    assert {p["protocol"]["consent_valid_days"] for p in import_csv(text)} == {30}
