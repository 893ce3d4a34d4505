"""The passwords agreed once with a partner, kept in the OS keyring, decided without a
window: which partners have one, whether it is set, and setting, showing and deleting it.

A password is shown only when asked for and never written to a file. The keyring may be
missing or locked at any moment: each answer then carries the keyring's Dutch reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from referral_desk.domain.partners import Partner, PartnerRegistry, PasswordMode
from referral_desk.lifecycle.creation import preshared_password_problem
from referral_desk.sealing.password import normalize_password
from referral_desk.storage.password_vault import PasswordVault, VaultUnavailable


@dataclass(frozen=True)
class KeyringState:
    """*backend_name* when available; otherwise *reason*, None when there is no keyring."""

    available: bool
    backend_name: str = ""
    reason: str | None = None


@dataclass(frozen=True)
class KeyringUnavailable:
    reason: str


@dataclass(frozen=True)
class PasswordTooWeak:
    """*problem* says why, with the rule a partner's password must meet."""

    problem: str


def preshared_partners(registry: PartnerRegistry | None) -> list[Partner]:
    """The partners with whom one password is agreed instead of one per referral."""
    if registry is None:
        return []
    return [p for p in registry.partners if p.password_mode is PasswordMode.PRE_SHARED]


class PresharedPasswords:
    """The agreed passwords of *partners* in *vault* (None: no keyring on this computer)."""

    def __init__(self, vault: PasswordVault | None, partners: Sequence[Partner]) -> None:
        self.vault = vault
        self.partners = tuple(partners)

    @property
    def has_keyring(self) -> bool:
        """False when this computer has no keyring at all: nothing to ask the user then."""
        return self.vault is not None

    def keyring(self) -> KeyringState:
        if self.vault is None:
            return KeyringState(available=False)
        status = self.vault.status()
        if not status.available:
            return KeyringState(available=False, reason=status.reason or "")
        return KeyringState(available=True, backend_name=status.backend_name)

    def is_set(self, partner_id: str) -> bool | None:
        """None when the keyring cannot say."""
        if self.vault is None:
            return None
        try:
            return self.vault.has_preshared(partner_id)
        except VaultUnavailable:
            return None

    def save(self, partner_id: str, typed: str) -> PasswordTooWeak | KeyringUnavailable | None:
        """Keeps *typed* (normalised as a partner will type it) when it is strong enough;
        None when kept."""
        problem = preshared_password_problem(typed)
        if problem is not None:
            return PasswordTooWeak(problem)
        if self.vault is None:
            return KeyringUnavailable("")
        try:
            self.vault.set_preshared(partner_id, normalize_password(typed))
        except VaultUnavailable as unavailable:
            return KeyringUnavailable(unavailable.reason)
        return None

    def reveal(self, partner_id: str) -> str | KeyringUnavailable | None:
        """The password, or None when none is set."""
        if self.vault is None:
            return None
        try:
            return self.vault.preshared(partner_id)
        except VaultUnavailable as unavailable:
            return KeyringUnavailable(unavailable.reason)

    def delete(self, partner_id: str) -> KeyringUnavailable | None:
        if self.vault is None:
            return None
        try:
            self.vault.delete_preshared(partner_id)
        except VaultUnavailable as unavailable:
            return KeyringUnavailable(unavailable.reason)
        return None
