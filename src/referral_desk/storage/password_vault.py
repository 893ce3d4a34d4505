"""Passwords in the OS keyring (Windows Credential Manager, Secret Service, macOS Keychain).

Two kinds, both under the service ``referral-desk``:

* one-time passwords, keyed by referral ID, kept for a limited time so the app can show one
  again when the OCMW calls back days later; an index holds only IDs and expiry dates, in
  pages small enough for one Windows credential each (``index:one-time``, then
  ``index:one-time:1`` …);
* pre-shared passwords agreed with a partner, keyed ``preshared:<partner id>``.

When the keyring is missing, locked or refuses access, every call raises
:class:`VaultUnavailable` with a Dutch reason. There is deliberately no fallback: a password
never goes to a file.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ConfigDict

from referral_desk.domain.errors import Message, MessageTemplate, UserFacingError
from referral_desk.domain.referral import REFERRAL_ID_PATTERN

# keyring loads at the first keyring call, not when the app starts: importing it reads
# every installed package's entry points, a tenth of the app's start-up.
if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE = "referral-desk"
INDEX_KEY = "index:one-time"
# Windows keeps at most 2560 bytes in one credential (CRED_MAX_CREDENTIAL_BLOB_SIZE), which
# keyring fills as UTF-16: 1280 characters. An index page holds at most this many (about 18
# referrals), so a year of recall copies never makes the Credential Manager refuse the index.
INDEX_PAGE_CHARS = 1000
# Pages are read until the first one missing; this bounds a keyring that answers for any key.
MAX_INDEX_PAGES = 1000
PRESHARED_PREFIX = "preshared:"
_T = TypeVar("_T")


class VaultUnavailable(UserFacingError):
    """Why passwords cannot be kept for recall here; Dutch, shown in the window."""

    @property
    def reason(self) -> str:
        return self.message


class VaultStatus(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    available: bool
    backend_name: str
    reason: str | None = None


def _backend_name(backend: KeyringBackend) -> str:
    name = getattr(backend, "name", None)
    return str(name) if name else type(backend).__name__


KEYRING_LOCKED = MessageTemplate(
    "keyring.locked",
    "de sleutelbos is vergrendeld; ontgrendel hem (meld u opnieuw aan) en probeer opnieuw",
)
NO_KEYRING = MessageTemplate(
    "keyring.none",
    "er is geen sleutelbos (Windows Referentiebeheer of Secret Service) beschikbaar",
)
KEYRING_WONT_START = MessageTemplate("keyring.init", "de sleutelbos kan niet gestart worden")
KEYRING_WONT_STORE = MessageTemplate(
    "keyring.set_refused", "de sleutelbos weigert het wachtwoord te bewaren (geen toegang)"
)
KEYRING_WONT_DELETE = MessageTemplate(
    "keyring.delete_refused", "de sleutelbos weigert het wachtwoord te verwijderen (geen toegang)"
)
KEYRING_NO_ACCESS = MessageTemplate("keyring.no_access", "de sleutelbos weigert de toegang")
KEYRING_REFUSES = MessageTemplate("keyring.refuses", "de sleutelbos weigert ({kind})")
KEYRING_SILENT = MessageTemplate("keyring.silent", "de sleutelbos antwoordt niet ({kind})")


def _reason(error: BaseException) -> Message:
    from keyring.errors import (
        InitError,
        KeyringError,
        KeyringLocked,
        NoKeyringError,
        PasswordDeleteError,
        PasswordSetError,
    )

    if isinstance(error, KeyringLocked):
        return KEYRING_LOCKED()
    if isinstance(error, NoKeyringError):
        return NO_KEYRING()
    if isinstance(error, InitError):
        return KEYRING_WONT_START()
    if isinstance(error, PasswordSetError):
        return KEYRING_WONT_STORE()
    if isinstance(error, PasswordDeleteError):
        return KEYRING_WONT_DELETE()
    if isinstance(error, PermissionError):
        return KEYRING_NO_ACCESS()
    if isinstance(error, KeyringError):
        return KEYRING_REFUSES(kind=type(error).__name__)
    return KEYRING_SILENT(kind=type(error).__name__)


def _delete_if_present(backend: KeyringBackend, *, key: str) -> None:
    from keyring.errors import PasswordDeleteError

    if backend.get_password(SERVICE, key) is None:
        return
    try:
        backend.delete_password(SERVICE, key)
    except PasswordDeleteError:
        if backend.get_password(SERVICE, key) is not None:
            raise  # still there: a real refusal
        # gone in between (another window of the app removed it): that is what we wanted


def _page_key(number: int) -> str:
    return INDEX_KEY if number == 0 else f"{INDEX_KEY}:{number}"


def _page_text(page: Mapping[str, str]) -> str:
    return json.dumps(page, sort_keys=True)


def _parse_page(text: str | None) -> dict[str, str]:
    """An index page's entries; a damaged page forgets dates, never passwords."""
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if REFERRAL_ID_PATTERN.match(str(k))}


def _merged(texts: list[str | None]) -> dict[str, str]:
    """The whole index from its pages' texts."""
    index: dict[str, str] = {}
    for text in texts:
        for referral_id, until in _parse_page(text).items():
            index.setdefault(referral_id, until)
    return index


def _get(backend: KeyringBackend, *, key: str) -> str | None:
    return backend.get_password(SERVICE, key)


def _set(backend: KeyringBackend, *, key: str, value: str) -> None:
    backend.set_password(SERVICE, key, value)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class PasswordVault:
    """*backend* None: the keyring the ``keyring`` package chooses (on first use)."""

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._backend = backend
        self.clock = clock
        # Retention runs in the background while a referral may remember its password: the
        # index is read, changed and written under this lock so neither loses an entry.
        self._index_lock = threading.RLock()

    @property
    def backend(self) -> KeyringBackend:
        if self._backend is None:
            import keyring

            self._backend = keyring.get_keyring()
        return self._backend

    def _usable_backend(self) -> KeyringBackend:
        try:
            backend = self.backend
        except Exception as error:
            raise VaultUnavailable(_reason(error)) from None
        try:
            # A backend's priority asks the system whether it can work; SecretService's
            # raises when there is no D-Bus session at all.
            priority = float(backend.priority)
        except Exception as error:
            log.warning("keyring backend not usable: %s", type(error).__name__)
            priority = 0
        if priority <= 0 or type(backend).__module__.startswith("keyring.backends.fail"):
            raise VaultUnavailable(NO_KEYRING())
        return backend

    def _call(self, action: Callable[[KeyringBackend], _T]) -> _T:
        backend = self._usable_backend()
        try:
            return action(backend)
        except Exception as error:  # every backend has its own exceptions (DBus, Win32 …)
            log.warning("keyring call failed: %s", type(error).__name__)
            raise VaultUnavailable(_reason(error)) from None

    def status(self) -> VaultStatus:
        """Asks the keyring for real (a harmless read): a locked one shows up here."""
        try:
            backend = self._usable_backend()
            self._call(lambda b: b.get_password(SERVICE, INDEX_KEY))
        except VaultUnavailable as unavailable:
            name = _backend_name(self._backend) if self._backend is not None else "geen"
            return VaultStatus(available=False, backend_name=name, reason=unavailable.reason)
        return VaultStatus(available=True, backend_name=_backend_name(backend))

    # --- one-time passwords -------------------------------------------------------------------

    def _index_pages(self) -> list[str | None]:
        """The index pages as the keyring holds them: the first always (None when never
        written), then each next one until one is missing."""
        texts: list[str | None] = []
        while len(texts) < MAX_INDEX_PAGES:
            text = self._call(functools.partial(_get, key=_page_key(len(texts))))
            if text is None and texts:
                break
            texts.append(text)
        return texts

    def _index(self) -> dict[str, str]:
        return _merged(self._index_pages())

    def _save_index(self, index: dict[str, str], texts: list[str | None]) -> None:
        """Writes *index* over the pages *texts* were read from. An entry stays on the page it
        is on (a new one goes on the first page with room) and only pages that changed are
        written, each whole: a keyring failing halfway never leaves a kept password out of
        every page. Empty pages at the end go; an empty one before others stays, as ``{}``,
        or the pages after it would no longer be read."""
        pages: list[dict[str, str]] = []
        placed: set[str] = set()
        for text in texts or [None]:
            kept = {
                rid: index[rid] for rid in _parse_page(text) if rid in index and rid not in placed
            }
            placed.update(kept)
            pages.append(kept)
        for referral_id in sorted(set(index) - placed):
            for page in pages:
                if len(_page_text({**page, referral_id: index[referral_id]})) <= INDEX_PAGE_CHARS:
                    page[referral_id] = index[referral_id]
                    break
            else:
                pages.append({referral_id: index[referral_id]})
        while len(pages) > 1 and not pages[-1]:
            pages.pop()
        for number, page in enumerate(pages):
            text = _page_text(page)
            if number >= len(texts) or texts[number] != text:
                self._call(functools.partial(_set, key=_page_key(number), value=text))
        for number in range(len(texts) - 1, len(pages) - 1, -1):
            self._call(functools.partial(_delete_if_present, key=_page_key(number)))

    def remember(self, referral_id: str, password: str, keep_until: datetime) -> None:
        if not REFERRAL_ID_PATTERN.match(referral_id):
            raise ValueError("ongeldig doorverwijzings-ID")
        # The date goes in first: a password the keyring took is then always one that
        # purge_expired will find, even when the keyring fails halfway. A date already kept
        # that is later stays: an existing expiry is never shortened.
        with self._index_lock:
            texts = self._index_pages()
            index = _merged(texts)
            known = index.get(referral_id)
            if known is None or datetime.fromisoformat(known) < keep_until:
                index[referral_id] = keep_until.isoformat()
                self._save_index(index, texts)
        self._call(lambda b: b.set_password(SERVICE, referral_id, password))

    def recall(self, referral_id: str) -> str | None:
        """None when it was never kept or its time is up (then it is removed as well)."""
        keep_until = self._index().get(referral_id)
        if keep_until is not None and datetime.fromisoformat(keep_until) <= self.clock():
            self.forget(referral_id)
            return None
        return self._call(lambda b: b.get_password(SERVICE, referral_id))

    def kept_until(self, referral_id: str) -> datetime | None:
        value = self._index().get(referral_id)
        return datetime.fromisoformat(value) if value else None

    def forget(self, referral_id: str) -> None:
        self._call(functools.partial(_delete_if_present, key=referral_id))
        with self._index_lock:
            texts = self._index_pages()
            index = _merged(texts)
            if index.pop(referral_id, None) is not None:
                self._save_index(index, texts)

    def purge_expired(self, *, also: tuple[str, ...] = (), now: datetime | None = None) -> int:
        """Removes passwords whose time is up at *now* (default: the clock), plus *also*
        (entries the referral log dropped). Returns how many were removed."""
        now = self.clock() if now is None else now
        with self._index_lock:
            texts = self._index_pages()
            index = _merged(texts)
            expired = [rid for rid, until in index.items() if datetime.fromisoformat(until) <= now]
            expired += [rid for rid in also if rid in index and rid not in expired]

            for referral_id in expired:
                self._call(functools.partial(_delete_if_present, key=referral_id))
                index.pop(referral_id, None)
            if expired:
                self._save_index(index, texts)
        return len(expired)

    def cap_expiry(self, created: Mapping[str, datetime], days: int) -> int:
        """No one-time password is kept more than *days* after its referral was made (per
        *created*): after the user shortened the period, dates set under the longer one are
        brought forward. Anchored to when each was made, never to the clock now, so a clock
        set back cannot shorten an expiry; a password whose referral is not in *created* is
        left as it is. Returns how many changed."""
        with self._index_lock:
            texts = self._index_pages()
            index = _merged(texts)
            capped: dict[str, str] = {}
            for rid, until in index.items():
                made = created.get(rid)
                if made is None:
                    continue
                latest = made + timedelta(days=days)
                if datetime.fromisoformat(until) > latest:
                    capped[rid] = latest.isoformat()
            if capped:
                index.update(capped)
                self._save_index(index, texts)
        return len(capped)

    # --- pre-shared passwords -----------------------------------------------------------------

    def set_preshared(self, partner_id: str, password: str) -> None:
        if not password:
            raise ValueError("leeg wachtwoord")
        self._call(lambda b: b.set_password(SERVICE, PRESHARED_PREFIX + partner_id, password))

    def preshared(self, partner_id: str) -> str | None:
        return self._call(lambda b: b.get_password(SERVICE, PRESHARED_PREFIX + partner_id))

    def has_preshared(self, partner_id: str) -> bool:
        return self.preshared(partner_id) is not None

    def delete_preshared(self, partner_id: str) -> None:
        self._call(functools.partial(_delete_if_present, key=PRESHARED_PREFIX + partner_id))


def vault_status(backend: KeyringBackend | None = None) -> VaultStatus:
    """Whether passwords can be kept, and why not: for the settings page and the referral log
    window ("Wachtwoord tonen is niet beschikbaar: …")."""
    return PasswordVault(backend).status()
