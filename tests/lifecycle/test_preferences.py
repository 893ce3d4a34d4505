"""The preferences in Instellingen without a window: bounds, starting values, and saving only
what changed; the pre-shared passwords behind the keyring."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from keyring.backends import fail

from referral_desk.domain.partners import Partner, PartnerRegistry
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.settings import MIN_REFERRAL_LOG_MONTHS, Settings
from referral_desk.lifecycle.creation import PRESHARED_RULE
from referral_desk.lifecycle.preferences import (
    OUTBOX_RETENTION_DAYS,
    RECALL_DAYS,
    REFERRAL_LOG_MONTHS,
    Preferences,
    RetentionChoices,
    changed_settings,
    retention_choices,
)
from referral_desk.lifecycle.preshared_passwords import (
    KeyringState,
    KeyringUnavailable,
    PasswordTooWeak,
    PresharedPasswords,
    preshared_partners,
)
from referral_desk.registry.file_reading import load_registry_file
from referral_desk.storage.password_vault import PasswordVault
from referral_desk.storage.settings import SettingsError, SettingsStore
from tests.memory_keyring import MemoryKeyring

ROOT = Path(__file__).parents[2]
NOW = datetime(2026, 3, 20, tzinfo=UTC)


def test_the_bounds_of_each_retention_field() -> None:
    assert (OUTBOX_RETENTION_DAYS.low, OUTBOX_RETENTION_DAYS.high) == (1, 365)
    assert (RECALL_DAYS.low, RECALL_DAYS.high) == (1, 365)
    assert (REFERRAL_LOG_MONTHS.low, REFERRAL_LOG_MONTHS.high) == (MIN_REFERRAL_LOG_MONTHS, 120)


def test_the_starting_values_are_the_settings_within_bounds() -> None:
    assert retention_choices(Settings()) == RetentionChoices(
        outbox_days=14, recall_days=30, referral_log_months=24, record_initials=False
    )
    odd = Settings(
        outbox_retention_days=0, recall_days=900, referral_log_retention_months=500
    ).model_copy(update={"record_initials": True})
    assert retention_choices(odd) == RetentionChoices(
        outbox_days=1, recall_days=365, referral_log_months=120, record_initials=True
    )


def test_only_what_differs_from_what_was_shown_is_changed() -> None:
    shown = Settings(mail_adapter="thunderbird", recall_days=10)
    assert changed_settings(
        shown, {"mail_adapter": "thunderbird", "recall_days": 12, "language": "auto"}
    ) == {"recall_days": 12}


def test_saving_keeps_what_another_window_saved(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    shown = store.load()
    store.update({"mail_adapter": "xdg-email"})  # the other window, meanwhile
    saved = Preferences(store).save(shown, {"mail_adapter": "auto", "recall_days": 7})
    assert (saved.mail_adapter, saved.recall_days) == ("xdg-email", 7)
    assert store.load() == saved


def test_a_failed_save_raises_the_store_s_dutch_error(tmp_path: Path) -> None:
    class BrokenStore(SettingsStore):
        def save(self, settings: Settings) -> None:
            raise SettingsError("schijf vol")

    with pytest.raises(SettingsError, match="schijf vol"):
        Preferences(BrokenStore(tmp_path / "s.json")).save(Settings(), {"recall_days": 3})


# --- pre-shared passwords -------------------------------------------------------------------------


def _registry() -> PartnerRegistry:
    table = PostcodeTable.load_bundled(ROOT / "resources")
    return load_registry_file(ROOT / "config" / "partners.toml", table).registry


def _partner() -> Partner:
    return _registry().partners[1].model_copy(update={"password_mode": "pre-shared"})


def test_which_partners_have_an_agreed_password() -> None:
    registry = _registry()
    assert preshared_partners(None) == []
    expected = [p for p in registry.partners if p.password_mode.value == "pre-shared"]
    assert preshared_partners(registry) == expected


def test_set_reveal_and_delete_an_agreed_password() -> None:
    backend = MemoryKeyring()
    partner = _partner()
    passwords = PresharedPasswords(PasswordVault(backend, clock=lambda: NOW), [partner])
    assert passwords.partners == (partner,) and passwords.has_keyring
    assert passwords.keyring().available
    assert passwords.is_set(partner.id) is False
    assert passwords.save(partner.id, "Vast-Wervik-2026") is None
    assert passwords.is_set(partner.id) is True
    assert passwords.reveal(partner.id) == "Vast-Wervik-2026"
    assert passwords.delete(partner.id) is None
    assert passwords.is_set(partner.id) is False and backend.entries == {}
    assert passwords.reveal(partner.id) is None


@pytest.mark.parametrize("typed", ["1", "Vast-Wervik", "   "])
def test_a_weak_password_is_refused_with_the_rule(typed: str) -> None:
    backend = MemoryKeyring()
    passwords = PresharedPasswords(PasswordVault(backend, clock=lambda: NOW), [_partner()])
    refused = passwords.save("ocmw-wervik", typed)
    assert isinstance(refused, PasswordTooWeak)
    assert PRESHARED_RULE in refused.problem or "leeg" in refused.problem
    assert backend.entries == {}


def test_without_a_keyring_every_answer_says_so() -> None:
    passwords = PresharedPasswords(PasswordVault(fail.Keyring(), clock=lambda: NOW), [_partner()])
    state = passwords.keyring()
    assert not state.available and state.reason
    assert passwords.is_set("ocmw-wervik") is None
    for outcome in (
        passwords.save("ocmw-wervik", "Vast-Wervik-2026"),
        passwords.reveal("ocmw-wervik"),
        passwords.delete("ocmw-wervik"),
    ):
        assert isinstance(outcome, KeyringUnavailable) and outcome.reason


def test_no_keyring_at_all() -> None:
    passwords = PresharedPasswords(None, [_partner()])
    assert not passwords.has_keyring
    assert passwords.keyring() == KeyringState(available=False)
    assert passwords.is_set("ocmw-wervik") is None
    assert passwords.reveal("ocmw-wervik") is None
