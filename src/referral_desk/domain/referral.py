"""What a referral is: exactly the permitted client fields, consent, referrer, partner.

Art. 10/1 of the decree of 30 April 2004 allows first name, last name, address,
phone number and e-mail address, nothing more. There is deliberately no field for
notes, birth date or national register number, and ``extra="forbid"`` makes sure
nothing else can be smuggled in from a form or a JSON file.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from referral_desk.domain import fields
from referral_desk.domain.errors import Message, MessageTemplate
from referral_desk.domain.field_messages import FIRST_NAME_LABEL, LAST_NAME_LABEL
from referral_desk.domain.fields import FieldError
from referral_desk.domain.partners import OPGROEIEN_DPO
from referral_desk.domain.protocol_terms import OPGROEIEN_STANDARD, ProtocolTerms
from referral_desk.domain.referral_vocabulary import CLIENT_FIELDS as CLIENT_FIELDS
from referral_desk.domain.referral_vocabulary import SheetGiven as SheetGiven

REFERRAL_ID_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679"
REFERRAL_ID_PATTERN = re.compile(r"^KG-[0-9]{4}-[ACDEFGHJKLMNPQRTUVWXY34679]{6}$")


def _optional(
    validator: Callable[[str], str | None],
) -> Callable[[str | None], str | None]:
    def check(value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        return validator(value)

    return check


REACHABLE = MessageTemplate(
    "form.reachable", "Geef minstens een telefoonnummer of een e-mailadres op."
)
UNKNOWN_FIELDS = MessageTemplate("form.unknown_fields", "Onbekende velden: {names}")


def _first_name(value: str) -> str:
    return fields.validate_name(value, label=FIRST_NAME_LABEL())


def _last_name(value: str) -> str:
    return fields.validate_name(value, label=LAST_NAME_LABEL())


FirstName = Annotated[str, AfterValidator(_first_name)]
LastName = Annotated[str, AfterValidator(_last_name)]
Street = Annotated[str, AfterValidator(fields.validate_street)]
HouseNumber = Annotated[str, AfterValidator(fields.validate_house_number)]
Box = Annotated[str | None, AfterValidator(_optional(fields.validate_box))]
Postcode = Annotated[str, AfterValidator(fields.validate_postcode_syntax)]
MunicipalityName = Annotated[str, AfterValidator(fields.validate_municipality)]
Phone = Annotated[str | None, AfterValidator(_optional(fields.validate_phone))]
Email = Annotated[str | None, AfterValidator(_optional(fields.validate_email_address))]
RequiredPhone = Annotated[str, AfterValidator(fields.validate_phone)]
RequiredEmail = Annotated[str, AfterValidator(fields.validate_sendable_address)]


class ClientDetails(BaseModel):
    """The family's contact data: the only personal data the app ever holds."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    first_name: FirstName
    last_name: LastName
    street: Street
    house_number: HouseNumber
    box: Box = None
    postcode: Postcode
    municipality: MunicipalityName
    phone: Phone = None
    email: Email = None

    @model_validator(mode="after")
    def _reachable(self) -> ClientDetails:
        if self.phone is None and self.email is None:
            raise ValueError(REACHABLE.text)
        return self

    @property
    def address_lines(self) -> tuple[str, str]:
        box = f" bus {self.box}" if self.box else ""
        return (f"{self.street} {self.house_number}{box}", f"{self.postcode} {self.municipality}")


class FormErrors(Exception):
    """Per-field messages; key ``""`` holds errors that belong to no single field.

    ``messages`` are what the window words in the user's language; ``errors`` their Dutch.
    """

    def __init__(self, errors: Mapping[str, Message | str]) -> None:
        self.messages: dict[str, Message] = {
            name: value if isinstance(value, Message) else Message.plain(value)
            for name, value in errors.items()
        }
        self.errors: dict[str, str] = {
            name: message.dutch for name, message in self.messages.items()
        }
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))


_FIELD_VALIDATORS: dict[str, Callable[[str], object]] = {
    "first_name": _first_name,
    "last_name": _last_name,
    "street": fields.validate_street,
    "house_number": fields.validate_house_number,
    "box": _optional(fields.validate_box),
    "postcode": fields.validate_postcode_syntax,
    "municipality": fields.validate_municipality,
    "phone": _optional(fields.validate_phone),
    "email": _optional(fields.validate_email_address),
}


def field_message(field: str, raw: str) -> Message | None:
    """What is wrong with one raw form value, or None when it is acceptable."""
    try:
        _FIELD_VALIDATORS[field](raw)
    except FieldError as error:
        return error.said
    return None


def field_error(field: str, raw: str) -> str | None:
    """The Dutch message for one raw form value, or None when it is acceptable."""
    message = field_message(field, raw)
    return None if message is None else message.dutch


# How the form and the readiness sentence name each field, in the form's order.
FIELD_NAMES_NL: Mapping[str, str] = {
    "first_name": "voornaam",
    "last_name": "achternaam",
    "street": "straat",
    "house_number": "huisnummer",
    "box": "bus",
    "postcode": "postcode",
    "municipality": "gemeente",
    "phone": "telefoon",
    "email": "e-mail",
}
REACHABLE_MESSAGE = REACHABLE.text


def form_messages(raw: Mapping[str, str]) -> dict[str, Message]:
    """Every field's message at once, in the form's order; empty when all is well.

    The one place that says what a valid form is: the window's inline errors, the
    readiness check and :func:`parse_client_form` all read it.
    """
    errors = {
        name: message
        for name in CLIENT_FIELDS
        if (message := field_message(name, raw.get(name, ""))) is not None
    }
    if not raw.get("phone", "").strip() and not raw.get("email", "").strip():
        errors.setdefault("phone", REACHABLE())
        errors.setdefault("email", REACHABLE())
    return {name: errors[name] for name in CLIENT_FIELDS if name in errors}


def form_errors(raw: Mapping[str, str]) -> dict[str, str]:
    """:func:`form_messages` in Dutch, for the CLI, the logs and the readiness sentence."""
    return {name: message.dutch for name, message in form_messages(raw).items()}


def parse_client_form(raw: Mapping[str, str]) -> ClientDetails:
    """Validate every field at once so the form can show all problems together."""
    unknown = set(raw) - set(CLIENT_FIELDS)
    if unknown:
        raise FormErrors({"": UNKNOWN_FIELDS(names=", ".join(sorted(unknown)))})
    errors = form_messages(raw)
    if errors:
        raise FormErrors(errors)
    values = {name: raw.get(name, "") or None for name in CLIENT_FIELDS}
    return ClientDetails.model_validate(values)


class ReferrerProfile(BaseModel):
    """The referring team member; staff data, printed on the document and the mail."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    name: Annotated[str, AfterValidator(fields.validate_name)]
    team: Annotated[str, AfterValidator(fields.validate_team)]
    phone: RequiredPhone
    email: RequiredEmail


class Consent(BaseModel):
    """Both ticks are required by the protocol. ``recorded_on`` is the day the client
    consented (not the day the referral was made), as the team member typed it; with the
    sheet's language, version and how it was given, the record proves what the client was
    told. It goes on the PDF, into the JSON and into the referral log."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    informed: Literal[True]
    consented: Literal[True]
    recorded_on: date
    sheet_language: str = Field(pattern=r"^[a-z]{2}$")
    sheet_version: str = Field(pattern=r"^[a-z]{2}-([0-9a-f]{8}|onbekend)$")
    sheet_given: SheetGiven


class PartnerSnapshot(BaseModel):
    """What the document says about the recipient, frozen at the moment of creation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    partner_id: str
    name: str
    kind: str
    mailbox: str
    protocol_reference: str
    protocol_in_force_from: date
    breach_contact: str | None = None
    dpo_contact: str = OPGROEIEN_DPO
    withdrawal_clause: bool = False
    # Art. 3: the years the partner keeps a closed dossier (None: the registry does not say).
    retention_years: int | None = None
    # The partner registry's version the partner was taken from (None: not known).
    registry_version: str | None = None
    # The protocol's terms the documents print (a snapshot made without them: the
    # Opgroeien standard, what a schema version 1 registry says).
    terms: ProtocolTerms = OPGROEIEN_STANDARD


def new_referral_id(year: int, token: Callable[[int], str] | None = None) -> str:
    """Random, pronounceable over the phone, and free of anything personal."""
    draw = token or (lambda n: "".join(secrets.choice(REFERRAL_ID_ALPHABET) for _ in range(n)))
    return f"KG-{year:04d}-{draw(6)}"


def _check_referral_id(value: str) -> str:
    if not REFERRAL_ID_PATTERN.match(value):
        raise ValueError("Ongeldig doorverwijzings-ID.")
    return value


ReferralId = Annotated[str, AfterValidator(_check_referral_id)]


class Referral(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    referral_id: ReferralId
    created_at: datetime
    client: ClientDetails
    consent: Consent
    referrer: ReferrerProfile
    partner: PartnerSnapshot
    corrects: ReferralId | None = None

    @model_validator(mode="after")
    def _aware(self) -> Referral:
        if self.created_at.tzinfo is None:
            raise ValueError("created_at must carry a time zone")
        return self
