"""User settings: the referrer profile and preferences, as JSON in the user config dir.

Two windows of the app may be open at once, each with its own copy: a window changes
settings with :meth:`SettingsStore.update`, which re-reads the file under a lock and writes
only the keys it was given, so what the other window saved in the meantime stays.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Final, Protocol

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
)

from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.partners import PartnerRegistry
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.domain.window_fit import WindowSize
from referral_desk.i18n import LANGUAGE_CHOICES
from referral_desk.storage.atomic_file import atomic_write_bytes

# A yearly evaluation looks back twelve months from a day some weeks after the year ended:
# a shorter retention would remove the first months before they are counted.
MIN_REFERRAL_LOG_MONTHS: Final[int] = 15


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", hide_input_in_errors=True)

    schema_version: int = 1
    referrer: ReferrerProfile | None = None
    # Until 0.3: partner id → the mailbox last sent to. The memory now lives in the referral
    # log per municipality; move_last_mailboxes takes these over once and empties them.
    last_mailboxes: dict[str, str] = {}
    # "auto" or an adapter name from referral_desk.delivery.detection (Instellingen → E-mail).
    mail_adapter: str = "auto"
    # Outbox folders (archive + draft) older than this are removed at start.
    outbox_retention_days: int = 14
    # One-time passwords stay in the OS keyring this long, to read out again on a call back.
    recall_days: int = 30
    # Referral log entries older than this are removed at start; files from 0.1 call it
    # register_retention_months.
    referral_log_retention_months: int = Field(
        default=24,
        validation_alias=AliasChoices("referral_log_retention_months", "register_retention_months"),
    )
    # Off by default: the client's initials and postcode in the referral log, to recognise a row.
    record_initials: bool = False
    # Registry editor: the coordinator's minisign secret key file, to sign on save. Only the
    # path: its password is asked at each save and never kept.
    signing_key_path: str | None = None

    # The main window's inner size when it was last closed; shrunk to fit at each start.
    main_window_size: WindowSize | None = None

    @field_validator("referral_log_retention_months")
    @classmethod
    def _long_enough_for_the_evaluation(cls, months: int) -> int:
        """A lower value (files before 0.4 allowed one month) is raised, not refused, so
        the rest of the settings stay."""
        return max(int(months), MIN_REFERRAL_LOG_MONTHS)

    @field_validator("main_window_size", mode="wrap")
    @classmethod
    def _size_or_forget(
        cls, value: object, handler: ValidatorFunctionWrapHandler
    ) -> WindowSize | None:
        """A broken remembered size costs the size, never the rest of the settings."""
        try:
            size: WindowSize | None = handler(value)
        except ValidationError:
            return None
        return size

    # The window's language: "auto" (the operating system's), "nl" or "en"; read at start.
    language: str = "auto"

    @field_validator("language", mode="before")
    @classmethod
    def _known_language(cls, value: object) -> object:
        """An unknown language (a newer version's, a typo) becomes auto, never costing the
        rest of the settings."""
        return value if value in LANGUAGE_CHOICES else "auto"


class SettingsError(UserFacingError):
    """The settings file cannot be read or written; ``message`` is Dutch."""


# How long an update waits for another window that is saving the settings. Saving takes
# milliseconds; only a window that hangs while holding the lock makes anyone wait this long.
LOCK_TIMEOUT_SECONDS = 10.0
_LOCK_RETRY_PAUSE = 0.02


def _try_lock(fd: int) -> bool:
    """Takes the exclusive lock on *fd* without waiting; False when another process has it."""
    if sys.platform == "win32":
        import msvcrt

        # One byte at offset 0, locked and unlocked at the same position. LK_NBLCK instead of
        # LK_LOCK: the C runtime's LK_LOCK gives up after ten tries (Wine's within ~10 ms)
        # and then fails the update instead of waiting for the other window.
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock on *path* (a lock file beside the settings) between processes,
    waited for up to LOCK_TIMEOUT_SECONDS; SettingsError when another window keeps it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise SettingsError(
                    "De instellingen konden niet bewaard worden: een ander venster van "
                    "referral-desk is ze al te lang aan het bewaren. Sluit de andere vensters "
                    "en probeer opnieuw."
                )
            time.sleep(_LOCK_RETRY_PAUSE)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


SettingsChanges = Mapping[str, object] | Callable[[Settings], Mapping[str, object]]


class SettingsStore:
    """Reads and writes :class:`Settings`; a broken file is kept aside, never overwritten."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def update(self, changes: SettingsChanges) -> Settings:
        """Re-reads the file, sets only the keys in *changes* (or those a callable returns
        from the current settings) and writes it, all under a lock; returns what was saved.
        Raises SettingsError when the file cannot be read, locked or written."""
        try:
            with _file_lock(self.lock_path):
                try:
                    current = self.load()
                except SettingsError:
                    if self.path.exists():
                        raise
                    current = Settings()  # a broken file was set aside: start afresh
                wanted = dict(changes(current) if callable(changes) else changes)
                unknown = set(wanted) - set(Settings.model_fields)
                if unknown:
                    raise ValueError(f"unknown settings: {sorted(unknown)}")
                updated = Settings.model_validate({**current.model_dump(), **wanted})
                self.save(updated)
                return updated
        except OSError as error:
            raise SettingsError(
                f"De instellingen konden niet bewaard worden in {self.path.parent} "
                f"({error.strerror or error})."
            ) from error

    def load(self) -> Settings:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Settings()
        except OSError as error:
            raise SettingsError(
                f"De instellingen in {self.path} kunnen niet gelezen worden ({error.strerror})."
            ) from error
        try:
            return Settings.model_validate_json(raw)
        except ValidationError:
            broken = self.path.with_suffix(".broken.json")
            try:
                self.path.replace(broken)
            except OSError:
                broken = self.path
            raise SettingsError(
                "De instellingen waren beschadigd en zijn opzijgezet als "
                f"{broken.name}. Vul uw profiel opnieuw in."
            ) from None

    def save(self, settings: Settings) -> None:
        try:
            atomic_write_bytes(self.path, settings.model_dump_json(indent=2).encode() + b"\n")
        except OSError as error:
            raise SettingsError(
                f"De instellingen konden niet bewaard worden in {self.path.parent} "
                f"({error.strerror or error})."
            ) from error


class MailboxSeeds(Protocol):
    def seed_mailboxes(self, mailboxes: Mapping[str, str]) -> None: ...


def move_last_mailboxes(
    store: SettingsStore, target: MailboxSeeds, registry: PartnerRegistry
) -> int:
    """Hands the old per-partner memory to *target* (the referral log) per NIS code, through
    the partners of *registry*, where it fills only gaps; empties it in the settings so it
    happens once. A partner id the registry no longer has cannot be placed and is dropped.
    Returns how many municipalities were handed over; raises SettingsError or the target's
    error, leaving the settings as they were."""
    old = store.load().last_mailboxes
    if not old:
        return 0
    by_nis: dict[str, str] = {}
    for partner_id, mailbox in sorted(old.items()):
        partner = registry.partner(partner_id)
        for nis in partner.municipalities if partner is not None else ():
            by_nis.setdefault(nis, mailbox)
    target.seed_mailboxes(by_nis)
    store.update({"last_mailboxes": {}})
    return len(by_nis)
