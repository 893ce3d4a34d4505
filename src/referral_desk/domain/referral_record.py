"""What the referral log keeps about a referral: statuses, channels and the entry itself.

No field can hold a client's name, address, phone or email; initials and postcode only when the
user turned that setting on, and validated to be just that. Value types: the window reads them,
the log stores them.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from referral_desk.domain.breach_facts import BreachFacts
from referral_desk.domain.referral import REFERRAL_ID_PATTERN


class ReferralStatus(StrEnum):
    DRAFT_OPENED = "draft_opened"
    SENT = "sent"
    WITHDRAWN = "withdrawn"
    CORRECTED = "corrected"
    CANCELLED = "cancelled"


class WithdrawalChannel(StrEnum):
    """How the withdrawal reached the partner; by mail only once the mail went."""

    PHONE = "telefoon"
    MAIL = "mail"


class PasswordChannel(StrEnum):
    PHONE = "telefoon"
    SMS = "sms"
    OTHER = "ander"
    NOT_YET = "nog_niet"


STATUS_LABELS: dict[ReferralStatus, str] = {
    ReferralStatus.DRAFT_OPENED: "concept gemaakt",
    ReferralStatus.SENT: "verstuurd",
    ReferralStatus.WITHDRAWN: "toestemming ingetrokken",
    ReferralStatus.CORRECTED: "gecorrigeerd",
    ReferralStatus.CANCELLED: "geannuleerd (nooit verstuurd)",
}
WITHDRAWAL_CHANNEL_LABELS: dict[WithdrawalChannel, str] = {
    WithdrawalChannel.PHONE: "telefonisch",
    WithdrawalChannel.MAIL: "per e-mail",
}
CHANNEL_LABELS: dict[PasswordChannel, str] = {
    PasswordChannel.PHONE: "telefoon",
    PasswordChannel.SMS: "sms",
    PasswordChannel.OTHER: "ander kanaal",
    PasswordChannel.NOT_YET: "nog niet doorgegeven",
}

# At most three letters, each optionally followed by a dot ("A.B.", "AV", "É."): no names.
_INITIALS = re.compile(r"^(?:[^\W\d_]\.?){1,3}$")
# An incident is recorded as a short code only, so no description of a client can land here.
_INCIDENT_KIND = re.compile(r"^[a-z][a-z_]{0,31}$")


class StatusChange(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    status: ReferralStatus
    at: datetime


class NewReferralLogEntry(BaseModel):
    """What the flow hands to the referral log; see the module docstring for what is not here."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    referral_id: str = Field(pattern=REFERRAL_ID_PATTERN.pattern)
    created_at: datetime
    partner_id: str = Field(min_length=1, max_length=64)
    partner_name: str = Field(min_length=1, max_length=200)
    mailbox: str = Field(min_length=3, max_length=254)
    archive_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    consent_recorded: bool
    consent_date: date
    referrer_name: str = Field(min_length=1, max_length=200)
    team: str = Field(min_length=1, max_length=200)
    mail_adapter: str = Field(min_length=1, max_length=64)
    corrects: str | None = Field(default=None, pattern=REFERRAL_ID_PATTERN.pattern)
    initials: str | None = None
    postcode: str | None = Field(default=None, pattern=r"^[1-9][0-9]{3}$")
    # Under which partner registry and protocol it was sent (None in rows from before).
    registry_version: str | None = Field(default=None, max_length=64)
    protocol_reference: str | None = Field(default=None, max_length=200)
    # Which information sheet the client was given and how (None in rows from before).
    consent_sheet_language: str | None = Field(default=None, pattern=r"^[a-z]{2}$")
    consent_sheet_version: str | None = Field(default=None, max_length=32)
    consent_sheet_given: str | None = Field(default=None, pattern=r"^[a-z]{1,16}$")

    @model_validator(mode="after")
    def _not_itself(self) -> NewReferralLogEntry:
        if self.corrects == self.referral_id:
            raise ValueError("een doorverwijzing kan zichzelf niet corrigeren")
        return self

    @field_validator("initials")
    @classmethod
    def _only_initials(cls, value: str | None) -> str | None:
        if value is not None and not _INITIALS.match(value):
            raise ValueError("alleen initialen, bv. A.B.")
        return value


class ReferralLogEntry(NewReferralLogEntry):
    password_channel: PasswordChannel
    status: ReferralStatus
    history: tuple[StatusChange, ...]
    corrected_by: str | None = None
    withdrawal_channel: WithdrawalChannel | None = None

    @property
    def sent_at(self) -> datetime | None:
        return next((c.at for c in self.history if c.status is ReferralStatus.SENT), None)

    def status_at(self, status: ReferralStatus) -> datetime | None:
        return next((c.at for c in self.history if c.status is status), None)


class Incident(BaseModel):
    """A reported breach: a kind code (``lifecycle.breach.IncidentKind``), no free text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    at: datetime
    kind: str = Field(pattern=_INCIDENT_KIND.pattern)
    # What art. 33(5) asks to document; None for breaches recorded before it was asked.
    facts: BreachFacts | None = None


class DeletionRequest(BaseModel):
    """A request to *original_id*'s partner to delete its data, because the correction
    *correction_id* went to another partner; shown on both rows."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    at: datetime
    original_id: str = Field(pattern=REFERRAL_ID_PATTERN.pattern)
    correction_id: str = Field(pattern=REFERRAL_ID_PATTERN.pattern)


class ReplyChannel(StrEnum):
    """How the partner told the team something about a referral."""

    MAIL = "mail"  # a reply to the referral mail, with the ID only
    PHONE = "telefoon"
    OTHER = "ander"


class PartnerReportKind(StrEnum):
    RECEIVED = "ontvangen"
    COULD_NOT_OPEN = "niet_geopend"
    # Protocol art. 7: the partner found data in the referral that is not right.
    INCORRECT_DATA = "onjuiste_gegevens"


class DataFieldKind(StrEnum):
    """Which kind of field a partner called incorrect: the kind, never the value."""

    FIRST_NAME = "voornaam"
    LAST_NAME = "achternaam"
    ADDRESS = "adres"
    PHONE = "telefoon"
    EMAIL = "email"


class PartnerReport(BaseModel):
    """What the partner said about a referral: received, could not open it, or (art. 7) that
    some kinds of field are incorrect. *reported_on* is the day the partner said it, *at* when
    it was recorded."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    at: datetime
    kind: PartnerReportKind
    reported_on: date
    channel: ReplyChannel
    fields: tuple[DataFieldKind, ...] = ()

    @model_validator(mode="after")
    def _fields_only_for_incorrect_data(self) -> PartnerReport:
        wanted = self.kind is PartnerReportKind.INCORRECT_DATA
        if wanted != bool(self.fields):
            raise ValueError("welke gegevens onjuist zijn, hoort alleen bij een melding art. 7")
        return self


class OpenActionKind(StrEnum):
    """What can still have to happen after a referral was made (lifecycle.open_actions)."""

    DRAFT_NOT_SENT = "concept_niet_verstuurd"
    PASSWORD_NOT_TOLD = "wachtwoord_niet_doorgegeven"
    NO_ACKNOWLEDGEMENT = "geen_ontvangstbevestiging"
    DELETION_OWED = "verwijderverzoek_verschuldigd"
    CORRECTION_OWED = "correctie_verschuldigd"


class Settlement(BaseModel):
    """That an open action was done on *settled_on*, for the actions no other record settles
    (a written deletion request after a withdrawal by phone, a correction after art. 7, the
    day a password was passed on)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    at: datetime
    action: OpenActionKind
    settled_on: date


class ReferralLogQuery(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = ""
    date_from: date | None = None
    date_to: date | None = None
    partner_id: str | None = None
    status: ReferralStatus | None = None

    def matches(self, row: ReferralLogEntry) -> bool:
        """*text* is part of the referral ID, or the postcode or initials when kept."""
        text = self.text.strip().upper()
        created = row.created_at.date()
        return (
            (not text or text in row.referral_id.upper() or self._recognised(text, row))
            and (self.date_from is None or created >= self.date_from)
            and (self.date_to is None or created <= self.date_to)
            and (self.partner_id is None or row.partner_id == self.partner_id)
            and (self.status is None or row.status is self.status)
        )

    @staticmethod
    def _recognised(text: str, row: ReferralLogEntry) -> bool:
        if row.postcode is not None and text == row.postcode:
            return True
        if row.initials is None:
            return False
        return text.replace(".", "") == row.initials.upper().replace(".", "")
