"""Signing a saved registry with the coordinator's minisign key, and writing the two files.

The key's path is remembered in the settings, never its password. The key is unlocked and
the signature made before anything is written: a wrong password saves nothing, so no file
is left behind with a signature that does not fit it, and the changes stay open.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol, TypeAlias

from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.settings import Settings
from referral_desk.registry.minisign import MinisignError, WrongPassword, secret_key_is_encrypted
from referral_desk.registry.signing import RegistrySignature, unlock_and_sign
from referral_desk.registry.trust import signature_file
from referral_desk.storage.atomic_file import atomic_write_bytes
from referral_desk.storage.settings import SettingsChanges, SettingsError

_MAX_KEY_BYTES = 4096  # a minisign secret key is two short lines

# The finished ``.minisig`` for one save: a value, made on a worker thread, written on this.
Signature: TypeAlias = RegistrySignature


class KeySettings(Protocol):
    """Where the chosen key's path is remembered (the app's settings file)."""

    def load(self) -> Settings: ...

    def update(self, changes: SettingsChanges) -> Settings: ...


class KeyUnusable(UserFacingError):
    """The chosen file is no usable minisign secret key. *detail* says why; None when the
    file is no text at all, which the window words in its own language."""

    def __init__(self, path: Path, detail: str | None) -> None:
        super().__init__(f"De sleutel {path} is niet bruikbaar: {detail or 'geen tekstbestand'}")
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class UnlockableKey:
    """A secret key read from its file, still locked when :attr:`encrypted`."""

    path: Path
    text: str
    encrypted: bool

    def sign(self, text: str, target: Path, password: str | None, *, now: float) -> Signature:
        """The signature for *text* saved as *target*. Unlocking takes about a second of
        scrypt, so this is work for a worker thread; it returns a value and shares nothing.
        Raises WrongPassword or MinisignError (see :func:`signing_failure`)."""
        data = text.encode("utf-8")
        return unlock_and_sign(data, target.name, self.text, password, now=now)


def read_key(path: Path) -> UnlockableKey:
    """The key at *path*, or KeyUnusable (unreadable, too large, no text, or no minisign
    secret key, such as the ``.pub`` chosen by mistake)."""
    try:
        with path.open("rb") as handle:
            text = handle.read(_MAX_KEY_BYTES + 1).decode("utf-8")
        if len(text) > _MAX_KEY_BYTES:
            raise MinisignError("geheime sleutel: te groot voor een minisign-sleutel.")
        encrypted = secret_key_is_encrypted(text)
    except MinisignError as error:
        raise KeyUnusable(path, error.message) from None
    except OSError as error:
        raise KeyUnusable(path, str(error.strerror or error)) from None
    except UnicodeDecodeError:
        raise KeyUnusable(path, None) from None
    return UnlockableKey(path, text, encrypted)


class SigningKeyMemory:
    """Which key signs a save: read from the settings once, changed by the coordinator.

    The choice holds for this session even when the settings cannot be written; the caller
    is told so and can say the choice lasts until the registry is closed.
    """

    def __init__(self, settings: KeySettings | None) -> None:
        self.settings = settings
        self.path: Path | None = None
        if settings is not None:
            try:
                stored = settings.load().signing_key_path
            except SettingsError:
                stored = None  # the main window already says the settings are broken
            self.path = Path(stored) if stored else None

    def choose(self, path: Path | None) -> str | None:
        """Signs with *path* from now on (None: saves unsigned); a key is read first and
        refused with KeyUnusable. Returns why it could not be remembered, or None."""
        if path is not None:
            read_key(path)
        self.path = path
        if self.settings is None:
            return None
        try:
            self.settings.update({"signing_key_path": str(path) if path else None})
        except SettingsError as error:
            return error.message
        return None


class SigningFailureKind(StrEnum):
    """What the window words differently: a retry with the right password, another key,
    or a failure it can only report."""

    WRONG_PASSWORD = "wrong_password"
    KEY_UNUSABLE = "key_unusable"
    FAILED = "failed"


@dataclass(frozen=True)
class SigningFailure:
    """Why nothing was signed; *detail* is the key's problem or the error's text."""

    kind: SigningFailureKind
    detail: str = ""


def signing_failure(error: BaseException) -> SigningFailure:
    """What went wrong while unlocking and signing, for the window to word."""
    if isinstance(error, WrongPassword):
        return SigningFailure(SigningFailureKind.WRONG_PASSWORD)
    if isinstance(error, MinisignError):
        return SigningFailure(SigningFailureKind.KEY_UNUSABLE, error.message)
    return SigningFailure(SigningFailureKind.FAILED, str(error))


class NotWritten(UserFacingError):
    """The registry could not be written; nothing was saved and the changes stay open."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} kon niet geschreven worden ({reason}).")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Written:
    """A registry written to :attr:`path`, with what became of its signature."""

    path: Path
    signature: Path  # where the .minisig beside it is (or would be)
    signed: bool
    # The signature could not be written (why): laptops with a trusted key refuse the file.
    signature_problem: str | None = None
    # Saved unsigned while a signature lies beside it that no longer fits.
    stale_signature: bool = False


def write_registry(path: Path, text: str, signature: Signature | None = None) -> Written:
    """The registry, then its signature: whoever reloads the registry finds both. Raises
    NotWritten when the registry itself cannot be written. *signature* is what
    :meth:`UnlockableKey.sign` returned, or None to save unsigned."""
    try:
        atomic_write_bytes(path, text.encode("utf-8"), mode=0o644)
    except OSError as error:
        raise NotWritten(path, str(error.strerror or error)) from None
    target = signature_file(path)
    if signature is None:
        return Written(path, target, signed=False, stale_signature=target.exists())
    try:
        atomic_write_bytes(target, signature.text.encode("utf-8"), mode=0o644)
    except OSError as error:
        return Written(path, target, signed=False, signature_problem=str(error.strerror or error))
    return Written(path, target, signed=True)
