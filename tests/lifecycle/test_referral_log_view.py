"""What the sent-referrals window and the deletion bar read of the referral log, decided
without a display: the listing with its deletion lines, and whether a request is still owed."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from referral_desk.domain.referral_record import ReferralLogEntry
from referral_desk.lifecycle.correction import DeletionAddress, request_deletion
from referral_desk.lifecycle.referral_log_view import deletion_still_owed, read_listing
from referral_desk.storage.referral_log_errors import ReferralLogError
from tests.lifecycle.test_correction import CORRECTION, ORIGINAL, _pair
from tests.lifecycle_fixtures import NOW, PROFILE, Desk
from tests.storage.test_referral_log import entry

ALONE = "KG-2026-CCCCCC"


def _unreadable(*_args: object) -> ReferralLogEntry | None:
    raise ReferralLogError("Het logboek van doorverwijzingen is beschadigd.")


def test_without_services_or_a_log_the_listing_is_empty(desk: Desk) -> None:
    assert read_listing(None).rows == []
    no_log = dataclasses.replace(desk.follow_up, referral_log=None)
    listing = read_listing(no_log)
    assert listing.rows == [] and listing.deletions == {}


def test_the_listing_holds_every_entry_and_the_deletion_line_of_a_pair(desk: Desk) -> None:
    _pair(desk)
    desk.referral_log.add(entry(ALONE, NOW))
    assert read_listing(desk.follow_up).deletions == {}
    original = desk.referral_log.get(ORIGINAL)
    assert original is not None
    request_deletion(original, CORRECTION, PROFILE, DeletionAddress("a@b.be"), desk.follow_up)
    listing = read_listing(desk.follow_up)
    assert {row.referral_id for row in listing.rows} == {ORIGINAL, CORRECTION, ALONE}
    assert set(listing.deletions) == {ORIGINAL, CORRECTION}
    assert listing.deletions[ORIGINAL] == listing.deletions[CORRECTION]


def test_a_log_that_cannot_be_read_is_said_not_shown_as_empty(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pair(desk)
    monkeypatch.setattr(desk.referral_log, "all", _unreadable)
    with pytest.raises(ReferralLogError, match="beschadigd"):
        read_listing(desk.follow_up)


def test_a_request_is_owed_until_it_is_recorded(desk: Desk) -> None:
    original, _ = _pair(desk)
    assert deletion_still_owed(desk.follow_up, ORIGINAL)
    request_deletion(original, CORRECTION, PROFILE, DeletionAddress("a@b.be"), desk.follow_up)
    assert not deletion_still_owed(desk.follow_up, ORIGINAL)


def test_when_the_log_cannot_say_the_offer_stays(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    original, _ = _pair(desk)
    request_deletion(original, CORRECTION, PROFILE, DeletionAddress("a@b.be"), desk.follow_up)
    assert not deletion_still_owed(desk.follow_up, ORIGINAL)
    assert deletion_still_owed(None, ORIGINAL)
    assert deletion_still_owed(dataclasses.replace(desk.follow_up, referral_log=None), ORIGINAL)
    assert deletion_still_owed(desk.follow_up, "KG-2026-DDDDDD")
    monkeypatch.setattr(desk.referral_log, "get", _unreadable)
    assert deletion_still_owed(desk.follow_up, ORIGINAL)


def test_the_listing_says_when_the_log_was_changed_outside_the_app(desk: Desk) -> None:
    _pair(desk)
    desk.referral_log.add(entry(ALONE, NOW))
    assert read_listing(desk.follow_up).tampering is None
    db = sqlite3.connect(desk.referral_log.path)
    with db:
        db.execute(f"DELETE FROM referrals WHERE referral_id = '{ALONE}'")
    db.close()
    listing = read_listing(desk.follow_up)
    assert {row.referral_id for row in listing.rows} == {ORIGINAL, CORRECTION}
    assert listing.tampering is not None
    assert f"de doorverwijzing van {ALONE} is buiten referral-desk verwijderd" in (
        listing.tampering.dutch
    )
