"""The one decision whether a referral may be made: Qt-free, every rule, in order."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.domain.errors import Message
from referral_desk.domain.partners import UnknownPostcode
from referral_desk.domain.referral import SheetGiven
from referral_desk.lifecycle.readiness import (
    ConsentAnswers,
    ConsentRefused,
    ReferralInputs,
    consent_date_problem,
    consent_record,
    readiness_sentence,
    referral_blockers,
)
from tests.lifecycle_fixtures import CANARY, CANARY_FORM, PROFILE, TODAY, found

PROTOCOL = found().partner.protocol.model_dump()

HANDED = SheetGiven.HANDED_OVER
GIVEN = ConsentAnswers(informed=True, consented=True, given_on=TODAY, sheet_given=HANDED)
VERSION = "nl-0123abcd"


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
            referral_log_problem=Message.plain("kapot"),
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
        "no_sheet_given",
        "no_consent_date",
    ]
    sentence = readiness_sentence(blockers)
    assert sentence.startswith("Nog niet klaar: het partnerregister is ongeldig;")
    assert "vul voornaam in; e-mail is niet in orde (verbeter of wis het);" in sentence
    assert CANARY not in sentence


def test_phone_or_email_is_one_rule_for_form_and_readiness() -> None:
    form = {**CANARY_FORM, "phone": "", "email": ""}
    [blocker] = referral_blockers(inputs(form=form))
    assert blocker.message == "geef een telefoonnummer of een e-mailadres op"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        # Beside a good phone number a wrong e-mail may simply go: it is not required.
        ({"email": "geen-adres"}, "e-mail is niet in orde (verbeter of wis het)"),
        (
            {"box": "!!", "phone": "12"},
            "bus en telefoon zijn niet in orde (verbeter of wis ze)",
        ),
        # The only way to reach the family has to be corrected.
        ({"phone": "", "email": "geen-adres"}, "verbeter e-mail"),
        (
            {"phone": "12", "email": "geen-adres"},
            "verbeter telefoon en e-mail (of wis er één en verbeter het andere)",
        ),
        (
            {"first_name": "", "street": " ", "postcode": "12"},
            "vul voornaam en straat in; verbeter postcode",
        ),
    ],
)
def test_the_form_sentence_says_what_is_required_and_what_may_be_wiped(
    changes: dict[str, str], message: str
) -> None:
    [blocker] = referral_blockers(inputs(form={**CANARY_FORM, **changes}))
    assert blocker.code == "form_incomplete"
    assert blocker.message == message
    assert CANARY not in blocker.message


@given(
    phone=st.sampled_from(["", "0470 98 76 54", "12"]),
    email=st.sampled_from(["", "a@example.be", "geen-adres"]),
    box=st.sampled_from(["", "3", "!!"]),
)
def test_wiping_what_the_sentence_calls_optional_leaves_a_valid_form(
    phone: str, email: str, box: str
) -> None:
    form = {**CANARY_FORM, "phone": phone, "email": email, "box": box}
    blockers = referral_blockers(inputs(form=form))
    if not blockers:
        return
    [blocker] = blockers
    if "verbeter of wis" in blocker.message and ";" not in blocker.message:
        wiped = {
            name: "" if value in ("12", "geen-adres", "!!") else value
            for name, value in form.items()
        }
        assert referral_blockers(inputs(form=wiped)) == ()


def test_consent_is_never_assumed() -> None:
    informed_only = ConsentAnswers(informed=True, given_on=TODAY, sheet_given=HANDED)
    consented_only = ConsentAnswers(consented=True, given_on=TODAY, sheet_given=HANDED)
    assert codes(consent=informed_only) == ["no_consent"]
    assert codes(consent=consented_only) == ["not_informed"]
    no_day = ConsentAnswers(True, True, sheet_given=HANDED)
    assert codes(consent=no_day) == ["no_consent_date"]
    assert codes(consent=ConsentAnswers(True, True, given_on=TODAY)) == ["no_sheet_given"]
    with pytest.raises(ConsentRefused, match="toestemming geeft"):
        consent_record(
            ConsentAnswers(informed=True, given_on=TODAY, sheet_given=HANDED),
            today=TODAY,
            protocol_in_force_from=None,
            sheet_version=VERSION,
        )


def test_the_typed_day_is_read_day_first_and_what_is_no_date_is_said() -> None:
    day = TODAY - timedelta(days=3)
    typed = ConsentAnswers(True, True, given_on_text=numeric_date(day), sheet_given=HANDED)
    assert typed.day() == day and codes(consent=typed) == []
    wrong = ConsentAnswers(True, True, given_on_text="31-02-2026", sheet_given=HANDED)
    assert codes(consent=wrong) == ["consent_date_unreadable"]
    assert consent_date_problem("31-02-2026") is not None
    assert consent_date_problem("") is None and consent_date_problem(" 1-3-2026 ") is None


def test_the_record_names_the_day_and_the_sheet_given() -> None:
    day = TODAY - timedelta(days=3)
    record = consent_record(
        ConsentAnswers(True, True, day, sheet_given=SheetGiven.READ_ALOUD, sheet_language="tr"),
        today=TODAY,
        protocol_in_force_from=date(2024, 2, 1),
        sheet_version="tr-0123abcd",
    )
    assert record.recorded_on == day
    assert (record.sheet_language, record.sheet_version, record.sheet_given) == (
        "tr",
        "tr-0123abcd",
        SheetGiven.READ_ALOUD,
    )


def test_consent_in_the_future_or_before_the_protocol_is_refused() -> None:
    tomorrow = ConsentAnswers(True, True, TODAY + timedelta(days=1), sheet_given=HANDED)
    assert codes(consent=tomorrow) == ["consent_in_future"]
    # Leopoldsburg's protocol is in force from 1 February 2024.
    early = ConsentAnswers(True, True, date(2024, 1, 31), sheet_given=HANDED)
    [blocker] = referral_blockers(inputs(consent=early))
    assert blocker.code == "consent_before_protocol" and "01-02-2024" in blocker.message
    first_day = ConsentAnswers(True, True, TODAY - timedelta(days=5), sheet_given=HANDED)
    recent = found({"protocol": {**PROTOCOL, "in_force_from": TODAY - timedelta(days=5)}})
    assert codes(consent=first_day, lookup=recent) == []


def test_a_consent_older_than_the_protocol_allows_is_asked_again() -> None:
    """The bundled protocols allow 30 days; a registry may set another limit."""
    month = ConsentAnswers(True, True, TODAY - timedelta(days=30), sheet_given=HANDED)
    older = ConsentAnswers(True, True, TODAY - timedelta(days=31), sheet_given=HANDED)
    assert codes(consent=month) == []
    [blocker] = referral_blockers(inputs(consent=older))
    assert blocker.code == "consent_too_old" and "30 dagen" in blocker.message
    week = found({"protocol": {**PROTOCOL, "consent_valid_days": 7}})
    eight_days = ConsentAnswers(True, True, TODAY - timedelta(days=8), sheet_given=HANDED)
    assert codes(consent=eight_days, lookup=week) == ["consent_too_old"]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_consent_date_accepted_exactly_within_protocol_today_and_its_age(day: date) -> None:
    answers = ConsentAnswers(True, True, day, sheet_given=HANDED)
    start = TODAY - timedelta(days=60)
    ok = start <= day <= TODAY and (TODAY - day).days <= 30
    if ok:
        record = consent_record(
            answers, today=TODAY, protocol_in_force_from=start, sheet_version=VERSION
        )
        assert record.recorded_on == day
    else:
        with pytest.raises(ConsentRefused):
            consent_record(
                answers, today=TODAY, protocol_in_force_from=start, sheet_version=VERSION
            )
