"""What may follow a referral, decided by the core: actions per status, sent, recall."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from referral_desk.lifecycle.after_sending import (
    FollowUpRefused,
    entry_actions,
    mark_sent,
    recall_password,
    record_password_channel,
    withdraw_consent,
)
from referral_desk.lifecycle.creation import make_referral
from referral_desk.storage.referral_log import PasswordChannel, ReferralStatus
from tests.lifecycle_fixtures import PROFILE, Desk, RecordingMail, request


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return Desk(tmp_path)


def _made(desk: Desk) -> str:
    return make_referral(request(), desk.services, desk.follow_up, desk.choices).created.referral_id


def test_actions_follow_the_status(desk: Desk) -> None:
    referral_id = _made(desk)
    entry = desk.referral_log.get(referral_id)
    actions = entry_actions(entry, desk.follow_up)
    assert (actions.recall, actions.mark_sent, actions.withdraw, actions.correct) == (
        True,
        True,
        True,
        True,
    )
    mark_sent(desk.follow_up, referral_id)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None and entry.status is ReferralStatus.SENT
    assert not entry_actions(entry, desk.follow_up).mark_sent
    withdraw_consent(entry, PROFILE, desk.follow_up)
    withdrawn = desk.referral_log.get(referral_id)
    actions = entry_actions(withdrawn, desk.follow_up)
    assert not actions.withdraw and not actions.correct
    assert entry_actions(None, desk.follow_up) == dataclasses.replace(
        actions, recall=False, mark_sent=False
    )


def test_without_a_referral_log_nothing_can_be_recorded(desk: Desk) -> None:
    referral_id = _made(desk)
    entry = desk.referral_log.get(referral_id)
    no_log = dataclasses.replace(desk.follow_up, referral_log=None)
    actions = entry_actions(entry, no_log)
    assert not (actions.mark_sent or actions.withdraw or actions.correct or actions.evaluate)
    with pytest.raises(FollowUpRefused, match="logboek"):
        mark_sent(no_log, referral_id)
    with pytest.raises(FollowUpRefused, match="logboek"):
        record_password_channel(None, referral_id, PasswordChannel.PHONE.value)


def test_the_password_channel_is_recorded_and_unknown_ones_refused(desk: Desk) -> None:
    referral_id = _made(desk)
    record_password_channel(desk.follow_up, referral_id, PasswordChannel.PHONE.value)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None and entry.password_channel is PasswordChannel.PHONE
    with pytest.raises(FollowUpRefused, match="Onbekende"):
        record_password_channel(desk.follow_up, referral_id, "duif")


def test_recall_says_why_not(desk: Desk) -> None:
    referral_id = _made(desk)
    assert recall_password(desk.follow_up, referral_id) == "ABCD-EFGH-JKLM-NPQR-STUV"
    desk.vault.forget(referral_id)
    with pytest.raises(FollowUpRefused, match="niet meer bewaard"):
        recall_password(desk.follow_up, referral_id)
    with pytest.raises(FollowUpRefused, match="geen sleutelbos"):
        recall_password(dataclasses.replace(desk.follow_up, vault=None), referral_id)


def test_a_withdrawal_mail_adapter_that_raises_still_records(tmp_path: Path) -> None:
    desk = Desk(tmp_path)
    referral_id = _made(desk)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None
    broken = dataclasses.replace(desk.follow_up, mail=RecordingMail(raises=OSError("x")))
    result = withdraw_consent(entry, PROFILE, broken)
    assert result.mail_result is None and "onverwachte fout" in result.mail_failures[0][1]
    withdrawn = desk.referral_log.get(referral_id)
    assert withdrawn is not None and withdrawn.status is ReferralStatus.WITHDRAWN
