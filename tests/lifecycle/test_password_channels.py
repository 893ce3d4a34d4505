"""What the mail and the password panel may promise: an agreed password needs no call,
and an sms is offered only where one can arrive (a mobile number)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from referral_desk.domain.fields import is_mobile
from referral_desk.domain.referral_record import PasswordChannel
from referral_desk.lifecycle.after_sending import offered_password_channels
from referral_desk.lifecycle.creation import referral_draft
from tests.sealing.test_documents import make_referral

ARCHIVE = Path("/outbox/KG-2026-7F3K9Q/KG-2026-7F3K9Q.7z")


def test_a_preshared_draft_says_the_password_was_agreed() -> None:
    body = referral_draft(make_referral(), ARCHIVE, preshared=True).body
    assert "afgesproken" in body
    assert "telefonisch" not in body


def test_a_one_time_draft_says_the_password_follows_apart() -> None:
    body = referral_draft(make_referral(), ARCHIVE).body
    assert "apart van Łukasz D'hondt (011 34 56 78)" in body
    assert "Windows Verkenner" in body


def test_sms_is_offered_for_a_mobile_number() -> None:
    assert is_mobile("+32470123456")
    assert offered_password_channels("+32470123456") == (
        PasswordChannel.PHONE,
        PasswordChannel.SMS,
        PasswordChannel.OTHER,
    )


def test_sms_is_not_offered_for_a_landline_or_no_number() -> None:
    assert not is_mobile("+3211345678")
    for phone in ("+3211345678", "+3257123456", None):
        assert PasswordChannel.SMS not in offered_password_channels(phone)
        assert offered_password_channels(phone) == (PasswordChannel.PHONE, PasswordChannel.OTHER)


@given(st.text(max_size=40))
def test_is_mobile_answers_for_any_text(text: str) -> None:
    assert isinstance(is_mobile(text), bool)
