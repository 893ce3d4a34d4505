"""Whether a deletion request is still owed for a correction pair, from the log and the outbox
alone: a request left unsent when the window closed is found again, on either row."""

from __future__ import annotations

from referral_desk.domain.referral_record import ReferralLogEntry, WithdrawalChannel
from referral_desk.lifecycle.correction import (
    DeletionAddress,
    DeletionDue,
    confirm_deletion_sent,
    deletion_owed,
    request_deletion,
)
from tests.lifecycle.test_correction import (
    CORRECTION,
    LEOPOLDSBURG,
    ORIGINAL,
    SavedOnly,
    _pair,
    _services,
)
from tests.lifecycle_fixtures import NOW, PROFILE, Desk
from tests.storage.test_referral_log import entry


def _rows(desk: Desk) -> tuple[ReferralLogEntry, ReferralLogEntry]:
    original, correction = desk.referral_log.get(ORIGINAL), desk.referral_log.get(CORRECTION)
    assert original is not None and correction is not None
    return original, correction


def test_a_correction_to_another_partner_owes_the_request_on_both_rows(desk: Desk) -> None:
    original, correction = _pair(desk)
    for row in (original, correction):
        owed = deletion_owed(row, desk.follow_up)
        assert owed.owed and owed.due is DeletionDue.OWED
        assert owed.original is not None and owed.original.referral_id == ORIGINAL
        assert owed.correction_id == CORRECTION


def test_a_prepared_request_waits_for_its_confirmation_then_is_no_longer_owed(
    desk: Desk,
) -> None:
    original, _ = _pair(desk)
    services = _services(desk, SavedOnly())
    result = request_deletion(original, CORRECTION, PROFILE, DeletionAddress("a@b.be"), services)
    assert not result.recorded
    for row in _rows(desk):
        assert deletion_owed(row, services).due is DeletionDue.PREPARED
    confirm_deletion_sent(services, ORIGINAL, CORRECTION)
    for row in _rows(desk):
        assert not deletion_owed(row, services).owed


def test_an_opened_request_is_recorded_and_no_longer_owed(desk: Desk) -> None:
    original, _ = _pair(desk)
    request_deletion(original, CORRECTION, PROFILE, DeletionAddress("a@b.be"), desk.follow_up)
    for row in _rows(desk):
        assert deletion_owed(row, desk.follow_up).due is DeletionDue.NOT_OWED


def test_the_same_partner_owes_nothing(desk: Desk) -> None:
    desk.referral_log.add(entry(ORIGINAL, NOW, **LEOPOLDSBURG))
    desk.referral_log.mark_sent(ORIGINAL, NOW)
    desk.referral_log.add(entry(CORRECTION, NOW, corrects=ORIGINAL, **LEOPOLDSBURG))
    for row in _rows(desk):
        assert not deletion_owed(row, desk.follow_up).owed


def test_a_cancelled_correction_owes_nothing(desk: Desk) -> None:
    _pair(desk)
    desk.referral_log.mark_cancelled(CORRECTION, NOW)
    for row in _rows(desk):
        assert not deletion_owed(row, desk.follow_up).owed


def test_a_withdrawn_original_was_asked_to_delete_already(desk: Desk) -> None:
    _pair(desk)
    desk.referral_log.mark_withdrawn(ORIGINAL, WithdrawalChannel.PHONE, NOW)
    for row in _rows(desk):
        assert not deletion_owed(row, desk.follow_up).owed


def test_nothing_selected_no_log_or_no_correction_owes_nothing(desk: Desk) -> None:
    original, _ = _pair(desk)
    desk.referral_log.add(entry("KG-2026-CCCCCC", NOW))
    alone = desk.referral_log.get("KG-2026-CCCCCC")
    assert not deletion_owed(None, desk.follow_up).owed
    assert not deletion_owed(original, None).owed
    assert not deletion_owed(alone, desk.follow_up).owed
