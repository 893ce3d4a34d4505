"""Partners (OCMW / CAW), their protocols, and the postcode → partner lookup.

The lookup never guesses: every postcode ends in exactly one of the outcomes below,
and only :class:`PartnerFound` lets a referral be created.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from referral_desk.domain import fields
from referral_desk.domain.errors import Message, MessageTemplate
from referral_desk.domain.postcodes import Municipality, PostcodeTable, Region
from referral_desk.domain.protocol_terms import TERM_KEYS, ProtocolTerms

# Art. 9 of the protocols: Opgroeien's data protection officer, for breaches.
OPGROEIEN_DPO = "dpo@opgroeien.be"


class PartnerKind(StrEnum):
    OCMW = "OCMW"
    CAW = "CAW"


class PartnerRegion(StrEnum):
    VLAANDEREN = "Vlaanderen"
    BRUSSEL = "Brussel"


# Art. 10/1 of the decree of 30 April 2004: in Flanders the OCMW of the client's municipality,
# in the Brussels-Capital Region the CAW; the decree reaches no one in Wallonia or the
# German-speaking community. Which region a municipality lies in comes from the postcode table.
_RECIPIENT_OF: dict[Region, PartnerKind] = {
    Region.VLAANDEREN: PartnerKind.OCMW,
    Region.BRUSSEL: PartnerKind.CAW,
}
_REGION_OF: dict[PartnerKind, PartnerRegion] = {
    PartnerKind.OCMW: PartnerRegion.VLAANDEREN,
    PartnerKind.CAW: PartnerRegion.BRUSSEL,
}


NOT_IN_WALLONIA = MessageTemplate(
    "partner.recipient.wallonia",
    "gemeente in Wallonië of de Duitstalige Gemeenschap: het decreet (art. 10/1) laat "
    "daar geen doorverwijzing toe",
)
NOT_IN_BRUSSELS = MessageTemplate(
    "partner.recipient.brussels",
    "Brusselse gemeente: daar is het {allowed} de partner, niet een {kind} (art. 10/1)",
)
NOT_IN_FLANDERS = MessageTemplate(
    "partner.recipient.flanders",
    "Vlaamse gemeente: daar is het {allowed} de partner, niet een {kind} (art. 10/1)",
)


def recipient_not_allowed(kind: PartnerKind, region: Region) -> Message | None:
    """Why the law lets no partner of *kind* receive referrals for a municipality in *region*,
    as a phrase that names the kind of municipality, or None when it may."""
    allowed = _RECIPIENT_OF.get(region)
    if allowed is None:
        return NOT_IN_WALLONIA()
    if allowed is not kind:
        template = NOT_IN_BRUSSELS if region is Region.BRUSSEL else NOT_IN_FLANDERS
        return template(allowed=allowed.value, kind=kind.value)
    return None


def expected_partner(municipality: Municipality) -> str | None:
    """Who the law names as partner for *municipality*, as a Dutch phrase ("het OCMW van
    Wervik", in Brussels the CAW), or None where the decree reaches no one."""
    kind = _RECIPIENT_OF.get(municipality.region)
    if kind is None:
        return None
    if kind is PartnerKind.CAW:
        return f"het CAW voor {municipality.name_nl}"
    return f"het OCMW van {municipality.name_nl}"


NO_REFERRAL_IN_WALLONIA = MessageTemplate(
    "partner.no_referral_in_wallonia",
    "{municipality} ligt in Wallonië of de Duitstalige Gemeenschap: het decreet (art. 10/1) "
    "laat daar geen doorverwijzing toe.",
)
NO_PROTOCOL_WITH_OCMW = MessageTemplate(
    "partner.no_protocol_with_ocmw", "Er is geen protocol met het OCMW van {municipality}."
)
NO_PROTOCOL_WITH_CAW = MessageTemplate(
    "partner.no_protocol_with_caw", "Er is geen protocol met het CAW voor {municipality}."
)


def no_protocol(municipality: Municipality) -> Message:
    """Why no partner was found for *municipality*, naming the OCMW or, in Brussels, the CAW."""
    kind = _RECIPIENT_OF.get(municipality.region)
    template = {
        None: NO_REFERRAL_IN_WALLONIA,
        PartnerKind.OCMW: NO_PROTOCOL_WITH_OCMW,
        PartnerKind.CAW: NO_PROTOCOL_WITH_CAW,
    }[kind]
    return template(municipality=municipality.name_nl)


def no_protocol_message(municipality: Municipality) -> str:
    """:func:`no_protocol` in Dutch."""
    return no_protocol(municipality).dutch


def region_of(kind: PartnerKind) -> PartnerRegion:
    """The only region a partner of *kind* can serve: an OCMW Flanders, a CAW Brussels."""
    return _REGION_OF[kind]


class PasswordMode(StrEnum):
    ONE_TIME = "one-time"
    PRE_SHARED = "pre-shared"


MAILBOX_INVALID = MessageTemplate("partner.mailbox_invalid", "geen geldig e-mailadres: {detail}")
PHONE_INVALID = MessageTemplate("partner.phone_invalid", "geen geldig telefoonnummer: {value}")
PROTOCOL_ENDS_BEFORE_START = MessageTemplate(
    "partner.protocol_ends_before_start",
    "ended_on ({ended_on}) moet na in_force_from ({in_force_from}) liggen",
)


def _mailbox(value: str) -> str:
    try:
        return fields.validate_sendable_address(value)
    except fields.FieldError as error:
        # The syntax message is the generic one; any other says what the coordinator must fix.
        detail = repr(value) if "geen geldig" in error.message else error.said
        raise fields.FieldError(MAILBOX_INVALID(detail=detail)) from error


def _phone(value: str) -> str:
    try:
        return fields.validate_phone(value)
    except fields.FieldError as error:
        raise fields.FieldError(PHONE_INVALID(value=repr(value))) from error


Mailbox = Annotated[str, AfterValidator(_mailbox)]
PhoneNumber = Annotated[str, AfterValidator(_phone)]
NisCode = Annotated[str, Field(pattern=r"^[0-9]{5}$")]
PostcodeText = Annotated[str, Field(pattern=r"^[1-9][0-9]{3}$")]


CONSENT_VALID_DAYS = 30
"""How old a consent may be when the registry does not say: a month."""


class Protocol(ProtocolTerms):
    """A signed protocol: its reference, parties and dates, and its terms (the fields of
    :class:`ProtocolTerms`, which a schema version 2 registry must all state)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    reference: str = Field(min_length=3)
    local_teams: tuple[str, ...] = Field(min_length=1)
    in_force_from: date
    ended_on: date | None = None
    dpo_advice_on: date | None = None
    # The FAQ's optional clause "de gegevens worden door het OCMW gewist" after withdrawal;
    # only a protocol that contains it lets the product say the data will be deleted.
    withdrawal_clause: bool = False
    # Art. 3: how many years after the client's dossier is closed the partner keeps it (the
    # OCMW archive rules: 10). None: the registry does not say; the texts then refer to
    # the archive rules without a number.
    retention_years: int | None = Field(default=None, ge=1, le=100)
    # How many days a client's consent may be old when the referral is made; older, the
    # team member asks again. None: CONSENT_VALID_DAYS.
    consent_valid_days: int | None = Field(default=None, ge=1, le=365)
    acknowledgement_working_days: int | None = Field(default=None, ge=1, le=60)

    @model_validator(mode="after")
    def _ends_after_start(self) -> Protocol:
        if self.ended_on is not None and self.ended_on <= self.in_force_from:
            raise fields.FieldError(
                PROTOCOL_ENDS_BEFORE_START(
                    ended_on=self.ended_on.isoformat(), in_force_from=self.in_force_from.isoformat()
                )
            )
        return self

    def terms(self) -> ProtocolTerms:
        """Only the terms, as a referral carries them."""
        return ProtocolTerms.model_validate({key: getattr(self, key) for key in TERM_KEYS})

    def in_force_on(self, day: date) -> bool:
        return self.in_force_from <= day and (self.ended_on is None or day < self.ended_on)


class Partner(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,63}$")
    name: str = Field(min_length=2)
    kind: PartnerKind
    region: PartnerRegion
    mailbox: Mailbox
    password_phone: PhoneNumber | None = None
    breach_contact: Mailbox | None = None
    municipalities: tuple[NisCode, ...] = Field(min_length=1)
    postcodes: tuple[PostcodeText, ...] = Field(min_length=1)
    password_mode: PasswordMode = PasswordMode.ONE_TIME
    protocol: Protocol


@dataclass(frozen=True)
class PartnerFound:
    partner: Partner
    municipality: Municipality
    dpo_contact: str = OPGROEIEN_DPO
    # The version of the registry the partner was found in, recorded with the referral.
    registry_version: str | None = None


@dataclass(frozen=True)
class UnknownPostcode:
    postcode: str


@dataclass(frozen=True)
class ChooseMunicipality:
    postcode: str
    options: tuple[Municipality, ...]


@dataclass(frozen=True)
class NoProtocol:
    municipality: Municipality


@dataclass(frozen=True)
class ProtocolNotYetInForce:
    partner: Partner
    municipality: Municipality


@dataclass(frozen=True)
class ProtocolEnded:
    partner: Partner
    municipality: Municipality


@dataclass(frozen=True)
class TeamNotParty:
    partner: Partner
    municipality: Municipality
    team: str


LookupResult = (
    PartnerFound
    | UnknownPostcode
    | ChooseMunicipality
    | NoProtocol
    | ProtocolNotYetInForce
    | ProtocolEnded
    | TeamNotParty
)


class PartnerRegistry:
    """Validated partners plus the Belgian postcode table they refer to."""

    def __init__(
        self,
        partners: tuple[Partner, ...],
        postcodes: PostcodeTable,
        dpo_contact: str = OPGROEIEN_DPO,
        version: str | None = None,
    ) -> None:
        self.partners = partners
        self.postcodes = postcodes
        self.dpo_contact = dpo_contact
        self.version = version

    def partner(self, partner_id: str) -> Partner | None:
        return next((p for p in self.partners if p.id == partner_id), None)

    def local_teams(self) -> tuple[str, ...]:
        return tuple(sorted({t for p in self.partners for t in p.protocol.local_teams}))

    def lookup(
        self,
        postcode: str,
        *,
        on: date,
        nis_code: str | None = None,
        team: str | None = None,
    ) -> LookupResult:
        """Resolve a postcode (and, where it is shared, the chosen municipality)."""
        options = self.postcodes.municipalities_for(postcode)
        if not options:
            return UnknownPostcode(postcode)
        if nis_code is not None:
            options = tuple(m for m in options if m.nis_code == nis_code)
            if not options:
                return UnknownPostcode(postcode)
        if len(options) > 1:
            return ChooseMunicipality(postcode, options)
        municipality = options[0]
        serving = [
            p
            for p in self.partners
            if municipality.nis_code in p.municipalities and postcode in p.postcodes
        ]
        if not serving:
            return NoProtocol(municipality)
        active = [p for p in serving if p.protocol.in_force_on(on)]
        if not active:
            latest = max(serving, key=lambda p: p.protocol.in_force_from)
            if latest.protocol.in_force_from > on:
                return ProtocolNotYetInForce(latest, municipality)
            return ProtocolEnded(latest, municipality)
        partner = active[0]
        if team is not None and team not in partner.protocol.local_teams:
            return TeamNotParty(partner, municipality, team)
        return PartnerFound(partner, municipality, self.dpo_contact, self.version)
