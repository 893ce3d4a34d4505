"""Why the keyring cannot keep a password is a message with a code, so the window words it;
its Dutch is the reason the vault always gave."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from referral_desk.storage.password_vault import PasswordVault, VaultUnavailable
from tests.storage.test_password_vault import CannotStart, LockedKeyring, RefusesToStore

ID = "KG-2026-ACDEFG"
NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("backend", "code"),
    [
        (fail.Keyring(), "keyring.none"),
        (LockedKeyring(), "keyring.locked"),
        (CannotStart(), "keyring.init"),
        (RefusesToStore(), "keyring.set_refused"),
    ],
)
def test_each_refusal_has_its_code(backend: KeyringBackend, code: str) -> None:
    vault = PasswordVault(backend, clock=lambda: NOW)
    with pytest.raises(VaultUnavailable) as raised:
        vault.remember(ID, "PLAINTEXT-CANARY", NOW + timedelta(days=30))
    assert raised.value.said.code == code
    assert raised.value.reason == raised.value.said.dutch
    assert "PLAINTEXT-CANARY" not in repr(raised.value.said)
