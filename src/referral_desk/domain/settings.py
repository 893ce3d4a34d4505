"""What the user chose: the referrer profile and preferences, one frozen value.

Every field has a default and a broken or unknown value costs only that field, so a file
from another version of the app still opens; :mod:`referral_desk.storage.settings` reads
and writes it, and says which keys it could not use.
"""

from __future__ import annotations

from typing import Final

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
)

from referral_desk.domain.referral import ReferrerProfile
from referral_desk.domain.window_fit import WindowSize
from referral_desk.i18n import LANGUAGE_CHOICES

# A yearly evaluation looks back twelve months from a day some weeks after the year ended:
# a shorter retention would remove the first months before they are counted.
MIN_REFERRAL_LOG_MONTHS: Final[int] = 15


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", hide_input_in_errors=True)

    schema_version: int = 1
    referrer: ReferrerProfile | None = None
    # Partner id → the mailbox last sent to, as older settings files hold it. That memory
    # now lives in the referral log per municipality: move_last_mailboxes takes these over
    # once and empties them, so this is only read, never filled.
    last_mailboxes: dict[str, str] = {}
    # "auto" or an adapter name from referral_desk.delivery.detection (Instellingen → E-mail).
    mail_adapter: str = "auto"
    # Outbox folders (archive + draft) older than this are removed at start.
    outbox_retention_days: int = 14
    # One-time passwords stay in the OS keyring this long, to read out again on a call back.
    recall_days: int = 30
    # Referral log entries older than this are removed at start. The key under the log's
    # older name, register_retention_months, is read too: a file that has it keeps its choice.
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
        """A lower value (a file written when one month was allowed) is raised, not refused,
        so the rest of the settings stay."""
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


def known_setting_keys() -> frozenset[str]:
    """Every key a settings file may hold: the field names and the older names still read."""
    keys = set(Settings.model_fields)
    for field in Settings.model_fields.values():
        alias = field.validation_alias
        choices = alias.choices if isinstance(alias, AliasChoices) else [alias]
        keys.update(choice for choice in choices if isinstance(choice, str))
    return frozenset(keys)
