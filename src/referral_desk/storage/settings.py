"""User settings: the referrer profile and preferences, as JSON in the user config dir."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

from referral_desk.domain.referral import ReferrerProfile
from referral_desk.errors import UserFacingError
from referral_desk.storage.atomic_file import atomic_write_bytes


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", hide_input_in_errors=True)

    schema_version: int = 1
    referrer: ReferrerProfile | None = None
    # partner id → the mailbox this user last sent to, to catch a registry change.
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


class SettingsError(UserFacingError):
    """The settings file cannot be read or written; ``message`` is Dutch."""


class SettingsStore:
    """Reads and writes :class:`Settings`; a broken file is kept aside, never overwritten."""

    def __init__(self, path: Path) -> None:
        self.path = path

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


class SettingsMailboxMemory:
    """The last mailbox per partner, kept in the settings file.

    Each call reads the file again and a write changes only this one key, so another
    window of the app that saved other settings in the meantime loses nothing.
    """

    def __init__(self, store: SettingsStore) -> None:
        self.store = store

    def last_mailbox(self, partner_id: str) -> str | None:
        try:
            return self.store.load().last_mailboxes.get(partner_id)
        except SettingsError:
            return None

    def remember_mailbox(self, partner_id: str, mailbox: str) -> None:
        """Raises SettingsError when the file cannot be read or written."""
        settings = self.store.load()
        if settings.last_mailboxes.get(partner_id) == mailbox:
            return
        mailboxes = {**settings.last_mailboxes, partner_id: mailbox}
        self.store.save(settings.model_copy(update={"last_mailboxes": mailboxes}))
