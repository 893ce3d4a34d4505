"""The one decision whether a referral may be made: Qt-free, every rule, in order."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_desk.domain.partners import UnknownPostcode
from referral_desk.lifecycle.readiness import (
    ConsentAnswers,
    ConsentRefused,
    ReferralInputs,
    consent_record,
    readiness_sentence,
    referral_blockers,
)
from tests.lifecycle_fixtures import CANARY, CANARY_FORM, PROFILE, TODAY, found

GIVEN = ConsentAnswers(informed=True, consented=True, given_on=TODAY)


def inputs(**changes: object) -> ReferralInputs:
    values: dict[str, object] = {
        "registry_usable": True,
        "referral_log_problem": None,
        "referrer": PROFILE,
        "form": CANARY_FORM,
        "lookup": found(),
        "consent": GIVEN,
        "today": TODAY,
    }
    values.update(changes)
    return ReferralInputs(**values)  # type: ignore[arg-type]


def codes(**changes: object) -> list[str]:
    return [b.code for b in referral_blockers(inputs(**changes))]


def test_a_complete_referral_may_be_made() -> None:
    assert referral_blockers(inputs()) == ()
    assert readiness_sentence(()) == ""


def test_every_reason_in_the_order_to_fix_them() -> None:
    blockers = referral_blockers(
        inputs(
            registry_usable=False,
            referral_log_problem="kapot",
            referrer=None,
            form={**CANARY_FORM, "first_name": "", "email": "geen-adres"},
            lookup=UnknownPostcode("3970"),
            consent=ConsentAnswers(),
        )
    )
    assert [b.code for b in blockers] == [
        "registry_invalid",
        "referral_log_broken",
        "no_profile",
        "form_incomplete",
        "no_partner",
        "not_informed",
        "no_consent",
        "no_consent_date",
    ]
    sentence = readiness_sentence(blockers)
    assert sentence.startswith("Nog niet klaar: het partnerregister is ongeldig;")
    assert "nog niet in orde: voornaam, e-mail" in sentence
    assert CANARY not in sentence


def test_phone_or_email_is_one_rule_for_form_and_readiness() -> None:
    form = {**CANARY_FORM, "phone": "", "email": ""}
    [blocker] = referral_blockers(inputs(form=form))
    assert blocker.message == "nog niet in orde: telefoon, e-mail"


def test_consent_is_never_assumed() -> None:
    assert codes(consent=ConsentAnswers(informed=True, given_on=TODAY)) == ["no_consent"]
    assert codes(consent=ConsentAnswers(consented=True, given_on=TODAY)) == ["not_informed"]
    with pytest.raises(ConsentRefused, match="toestemming geeft"):
        consent_record(
            ConsentAnswers(informed=True, given_on=TODAY),
            today=TODAY,
            protocol_in_force_from=None,
        )


def test_the_consent_date_is_the_clients_not_todays() -> None:
    day = TODAY - timedelta(days=3)
    record = consent_record(
        ConsentAnswers(True, True, day), today=TODAY, protocol_in_force_from=date(2024, 2, 1)
    )
    assert record.recorded_on == day


def test_consent_in_the_future_or_before_the_protocol_is_refused() -> None:
    tomorrow = ConsentAnswers(True, True, TODAY + timedelta(days=1))
    assert codes(consent=tomorrow) == ["consent_in_future"]
    # Leopoldsburg's protocol is in force from 1 February 2024.
    early = ConsentAnswers(True, True, date(2024, 1, 31))
    [blocker] = referral_blockers(inputs(consent=early))
    assert blocker.code == "consent_before_protocol" and "01-02-2024" in blocker.message
    assert codes(consent=ConsentAnswers(True, True, date(2024, 2, 1))) == []


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_consent_date_accepted_exactly_within_protocol_and_today(day: date) -> None:
    answers = ConsentAnswers(True, True, day)
    start = date(2024, 2, 1)
    ok = start <= day <= TODAY
    if ok:
        assert consent_record(answers, today=TODAY, protocol_in_force_from=start).recorded_on == day
    else:
        with pytest.raises(ConsentRefused):
            consent_record(answers, today=TODAY, protocol_in_force_from=start)
