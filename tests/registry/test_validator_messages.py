"""A partner's mailbox, phone or protocol dates refused by a validator keep their message
(a code and values) through pydantic, so the registry editor words them; the Dutch is as
before. Any other validator text stays a plain message."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError, field_validator

from referral_desk.domain.errors import Message, validator_said
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_problems import RegistryError, RegistryProblem
from referral_desk.registry.parsing import load_registry_text

ROOT = Path(__file__).parents[2]
TABLE = PostcodeTable.load_bundled(ROOT / "resources")
BUNDLED = (ROOT / "config" / "partners.toml").read_text("utf-8")


def _problems(text: str) -> tuple[RegistryProblem, ...]:
    with pytest.raises(RegistryError) as refused:
        load_registry_text(text, TABLE, file="partners.toml")
    return refused.value.problems


def _reason(problem: RegistryProblem) -> Message:
    assert isinstance(problem.reason, Message)
    return problem.reason


def test_a_wrong_mailbox_is_a_code_with_the_value_quoted() -> None:
    [problem] = _problems(BUNDLED.replace('"kindengezin@wervik.be"', '"kindengezin@wervik"'))
    reason = _reason(problem)
    assert reason.code == "partner.mailbox_invalid"
    assert reason.values == {"detail": "'kindengezin@wervik'"}
    assert problem.sentence.startswith("OCMW Wervik, mailbox: geen geldig e-mailadres")


def test_a_mailbox_no_draft_can_carry_nests_the_fields_own_message() -> None:
    [problem] = _problems(BUNDLED.replace('"kindengezin@wervik.be"', '"jürgen@wervik.be"'))
    detail = _reason(problem).values["detail"]
    assert isinstance(detail, Message) and detail.code == "email.not_sendable"
    assert "vóór de @" in problem.sentence


def test_a_protocol_ending_before_it_starts_names_both_dates() -> None:
    text = BUNDLED.replace(
        "in_force_from = 2023-12-01", "in_force_from = 2023-12-01\nended_on = 2022-01-01"
    )
    [problem] = _problems(text)
    reason = _reason(problem)
    assert reason.code == "partner.protocol_ends_before_start"
    assert reason.values == {"ended_on": "2022-01-01", "in_force_from": "2023-12-01"}
    assert reason.dutch == "ended_on (2022-01-01) moet na in_force_from (2023-12-01) liggen"


class _Plain(BaseModel):
    value: str

    @field_validator("value")
    @classmethod
    def _refuse(cls, value: str) -> str:
        raise ValueError("gewoon nee")


def test_another_validator_text_stays_a_plain_message() -> None:
    with pytest.raises(ValidationError) as refused:
        _Plain(value="x")
    said = validator_said(refused.value.errors()[0])
    assert said == Message.plain("gewoon nee")
