"""Pre-shared passwords at least as strong as one-time ones: when set, and when used."""

from __future__ import annotations

import math
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from referral_desk.domain.partners import PasswordMode
from referral_desk.lifecycle.creation import (
    PRESHARED_RULE,
    ReferralRefused,
    preshared_password_problem,
    usable_preshared_password,
)
from referral_desk.sealing.password import (
    PASSWORD_ENTROPY_BITS,
    as_strong_as_one_time,
    estimated_entropy_bits,
    generate_password,
    normalize_password,
)
from referral_desk.storage.password_vault import PasswordVault
from tests.lifecycle_fixtures import desk_at, found, request
from tests.memory_keyring import MemoryKeyring
from tests.ui.test_retention_settings import NOW, _dialog
from tests.ui_driver import answering

WEAK = ["1", "kort", "wachtwoord", "Wachtwoord1!", "a" * 60, "ab" * 30, "1234567890" * 3]
STRONG = [
    "Afgesproken-Leopoldsburg-2026",
    "hondkatmuisvogelpaard",  # 19+ letters
    "Kq3xHr4cWp9mTz2L",  # 15+ of lower, upper and digits
]


@pytest.mark.parametrize("weak", WEAK)
def test_weak_passwords_are_refused_with_the_rule(weak: str) -> None:
    assert preshared_password_problem(weak) == f"Dit wachtwoord is te zwak. {PRESHARED_RULE}"


@pytest.mark.parametrize("strong", STRONG)
def test_strong_passwords_are_accepted(strong: str) -> None:
    assert preshared_password_problem(strong) is None


def test_blank_is_refused_as_blank() -> None:
    assert "leeg" in (preshared_password_problem(" \t") or "")


def test_generated_one_time_passwords_meet_the_rule() -> None:
    for _ in range(200):
        assert as_strong_as_one_time(generate_password())


@given(
    letters=st.text(alphabet=string.ascii_lowercase, min_size=19, max_size=40),
    mixed=st.text(alphabet=string.ascii_letters + string.digits, min_size=15, max_size=40),
)
def test_the_sentence_describes_a_sufficient_rule(letters: str, mixed: str) -> None:
    """What the sentence promises holds: 19 counted letters, or 15 counted mixed characters."""

    def counted(text: str) -> int:
        return sum(min(text.count(c), 2) for c in set(text))

    if counted(letters) >= 19:
        assert as_strong_as_one_time(letters)
    if counted(mixed) >= 15 and all(
        any(c in group for c in mixed)
        for group in (string.ascii_lowercase, string.ascii_uppercase, string.digits)
    ):
        assert as_strong_as_one_time(mixed)


@given(text=st.text(max_size=80))
def test_the_estimate_never_exceeds_length_times_the_largest_pool(text: str) -> None:
    bits = estimated_entropy_bits(text)
    # NFC may lengthen a text (U+0F73 decomposes), so bound by what 7-Zip gets to hash.
    assert 0 <= bits <= len(normalize_password(text)) * math.log2(26 + 26 + 10 + 33) + 1e-9
    assert as_strong_as_one_time(text) == (bits >= PASSWORD_ENTROPY_BITS)


@pytest.mark.parametrize("stored", ["12345678", "geheimpje", "Afgesproken1"])
def test_a_stored_password_that_no_longer_meets_the_rule_is_refused_at_creation(
    tmp_path: Path, stored: str
) -> None:
    desk = desk_at(tmp_path)
    preshared = found({"password_mode": PasswordMode.PRE_SHARED.value})
    desk.keyring.set_password("referral-desk", "preshared:ocmw-leopoldsburg", stored)
    with pytest.raises(ReferralRefused) as refused:
        desk.make_referral(request(found=preshared), desk.choices)
    assert PRESHARED_RULE in refused.value.message and "te zwak" in refused.value.message
    assert "Uw invoer blijft staan" in refused.value.message
    assert stored not in refused.value.message
    assert desk.written_files() == [] and desk.referral_log.all() == []
    with pytest.raises(ReferralRefused, match="te zwak"):
        usable_preshared_password(stored, "OCMW Leopoldsburg")


@pytest.mark.parametrize(
    "typed", ["1", "Vast-Wervik", "wervikwervikwervik2026", "   ", "\t", "kort"]
)
def test_the_settings_page_refuses_a_weak_password_and_explains_the_rule(
    qtbot: QtBot, tmp_path: Path, typed: str
) -> None:
    backend = MemoryKeyring()
    dialog, _store = _dialog(qtbot, tmp_path, PasswordVault(backend, clock=lambda: NOW))
    page = dialog.retention_page
    answers = answering(page, preshared_password=typed, preshared_password_again=typed)
    page.rows["ocmw-wervik"].set_button.click()
    told = [notice.text for notice in answers.told]
    assert len(told) == 1 and told[0].startswith("Niet bewaard: ")
    assert PRESHARED_RULE in told[0] or "leeg" in told[0]
    assert backend.entries == {}
