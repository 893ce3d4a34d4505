"""What the core tells the window after creating, about a correction and before discarding is
data too: a code and values (IDs, partner names, dates, counts), with the same Dutch."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from referral_desk.domain.errors import Message
from referral_desk.lifecycle.correction import (
    CorrectionRefused,
    PartnerRef,
    confirm_deletion_sent,
    correction_route,
    original_of,
    pending_deletion_question,
    pending_deletion_said,
)
from referral_desk.lifecycle.discarding import WindowContents, discard_said, discard_warning
from referral_desk.storage.referral_log import ReferralLogError
from tests.lifecycle_fixtures import NOW, TODAY, Desk, request
from tests.storage.test_referral_log import entry

ORIGINAL = "KG-2026-ACDEFG"
CORRECTION = "KG-2026-HJKLMN"
WERVIK = PartnerRef("ocmw-wervik", "OCMW Wervik", "kindengezin@wervik.be")


def test_what_was_not_kept_after_creating_is_a_message(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    without = dataclasses.replace(desk, referral_log=None, vault=None)
    made = without.make_referral(request(), desk.choices)
    record = made.record
    assert record.said_referral_log_problem is not None
    assert record.said_referral_log_problem.code == "recording.referral_log_missing"
    assert record.referral_log_problem == "het logboek is niet beschikbaar"
    assert record.said_recall_problem is not None
    assert record.said_recall_problem.code == "recording.no_keyring"
    assert record.recall_problem == "er is geen sleutelbos"

    def explode(_entry: object) -> None:
        raise ValueError("Qzxkwv")

    monkeypatch.setattr(desk.referral_log, "add", explode)
    failed = desk.make_referral(request(), desk.choices).record
    assert failed.said_referral_log_problem is not None
    assert failed.said_referral_log_problem.code == "recording.unexpected"
    assert failed.said_referral_log_problem.values == {"kind": "ValueError"}


def test_a_refused_log_entry_keeps_the_logs_own_message(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusal = ReferralLogError("Het logboek is bezet.")

    def refuse(_entry: object) -> None:
        raise refusal

    monkeypatch.setattr(desk.referral_log, "add", refuse)
    record = desk.make_referral(request(), desk.choices).record
    assert record.said_referral_log_problem == refusal.said
    assert record.referral_log_problem == "Het logboek is bezet."


def test_a_correction_route_names_both_partners_as_values(desk: Desk) -> None:
    desk.referral_log.add(
        entry(
            ORIGINAL,
            NOW,
            partner_id="ocmw-leopoldsburg",
            partner_name="OCMW Leopoldsburg",
            mailbox="socialedienst@leopoldsburg.be",
        )
    )
    desk.referral_log.mark_sent(ORIGINAL, NOW)
    original = original_of(desk.follow_up, ORIGINAL)
    before = correction_route(original, WERVIK)
    assert before.said is not None and before.said.code == "correction.goes_elsewhere"
    assert before.said.values == {
        "partner": "OCMW Wervik",
        "first": "OCMW Leopoldsburg",
        "original": ORIGINAL,
    }
    assert before.sentence == before.said.dutch
    after = correction_route(original, WERVIK, CORRECTION)
    assert after.said is not None and after.said.code == "correction.went_elsewhere"
    assert after.said.values["correction"] == CORRECTION
    pending = pending_deletion_said(after, CORRECTION)
    assert pending is not None and pending.code == "correction.deletion_pending"
    assert pending.dutch == pending_deletion_question(after, CORRECTION)


def test_a_correction_that_cannot_be_checked_says_why_with_codes(desk: Desk) -> None:
    with pytest.raises(CorrectionRefused) as unknown:
        original_of(desk.follow_up, ORIGINAL)
    assert unknown.value.said.code == "referral_log.not_in_log"
    assert unknown.value.said.values == {"referral_id": ORIGINAL}
    without_log = dataclasses.replace(desk.follow_up, referral_log=None)
    with pytest.raises(CorrectionRefused) as missing:
        original_of(without_log, ORIGINAL)
    assert missing.value.said.code == "correction.original_unchecked"
    assert missing.value.message.endswith(
        "kan niet nagekeken worden: het logboek is niet beschikbaar."
    )
    with pytest.raises(CorrectionRefused) as none:
        confirm_deletion_sent(None, ORIGINAL, CORRECTION)
    assert none.value.said.code == "follow_up.referral_log_missing"


@pytest.mark.parametrize(
    ("contents", "code"),
    [
        (WindowContents(form_has_input=True), "discard.form_filled"),
        (WindowContents(form_has_input=True, created=True), "discard.password_lost"),
        (
            WindowContents(form_has_input=True, created=True, recall_kept=True),
            "discard.password_kept",
        ),
    ],
)
def test_the_discard_question_is_a_message(contents: WindowContents, code: str) -> None:
    for closing, go_on in ((True, "discard.go_on_closing"), (False, "discard.go_on_new")):
        said = discard_said(contents, closing=closing, today=TODAY)
        assert said is not None and said.code == code
        assert isinstance(said.values["go_on"], Message)
        assert said.values["go_on"].code == go_on
        assert said.dutch == discard_warning(contents, closing=closing, today=TODAY)


def test_the_days_left_are_a_count_in_the_question() -> None:
    for days, code in ((1, "discard.one_day_left"), (5, "discard.days_left")):
        contents = WindowContents(
            form_has_input=True,
            created=True,
            recall_kept=True,
            recall_until=NOW + timedelta(days=days),
        )
        said = discard_said(contents, today=TODAY)
        assert said is not None
        when = said.values["when"]
        assert isinstance(when, Message) and when.code == code
        assert when.values["days"] == days
    unknown = discard_said(WindowContents(True, created=True, recall_kept=True), today=TODAY)
    assert unknown is not None and unknown.values["when"] == Message("discard.later", "later")
