"""What a coordinator types about the partner registry, read into registry values.

The editor's fields and the CSV import's flags arrive here as text; what comes back are
plain TOML values and, per field, a Dutch sentence saying what is wrong, so a window or a
command line only has to show it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from referral_desk.domain.errors import Message, MessageTemplate, UserFacingError, validator_said
from referral_desk.domain.partners import (
    Partner,
    PartnerKind,
    recipient_not_allowed,
    region_of,
)
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.registry.csv_table import parse_registry_date
from referral_desk.registry.editing import (
    PARTNER_KEYS,
    PROTOCOL_KEYS,
    EditableRegistry,
    RawPartner,
)

DATE_HINT = MessageTemplate(
    "registry.input.date_hint", "Geef een datum als 2024-02-01 of 1/02/2024."
)
REQUIRED = MessageTemplate("registry.input.required", "Verplicht.")
VERSION_MISSING = MessageTemplate(
    "registry.input.version_missing", "Geef de versie van het partnerregister."
)
CHANGED_BY_MISSING = MessageTemplate(
    "registry.input.changed_by_missing", "Wie wijzigde het partnerregister?"
)
UNKNOWN_NIS_CODE = MessageTemplate("registry.input.unknown_nis_code", "Onbekende NIS-code: {nis}.")
UNKNOWN_POSTCODE = MessageTemplate(
    "registry.input.unknown_postcode", "Onbekende postcode: {postcode}."
)
POSTCODE_NOT_HERE = MessageTemplate(
    "registry.input.postcode_not_here",
    "Postcode {postcode} hoort bij geen van de gemeenten hierboven.",
)
RECIPIENT_NOT_ALLOWED = MessageTemplate(
    "registry.input.recipient_not_allowed", "{municipality} ({nis}) is een {reason}."
)
WRONG_REGION = MessageTemplate(
    "registry.input.wrong_region", "Een {kind} hoort bij regio {region}."
)
ID_SHAPE = MessageTemplate(
    "registry.input.id_shape", "Kleine letters, cijfers en koppeltekens; vorm klopt niet."
)
NIS_CODE_SHAPE = MessageTemplate(
    "registry.input.nis_code_shape", "Geen NIS-code: {value} (5 cijfers, bv. 33029)."
)
POSTCODE_SHAPE = MessageTemplate(
    "registry.input.postcode_shape", "Geen postcode: {value} (4 cijfers, bv. 3970)."
)
SHAPE = MessageTemplate("registry.input.shape", "Vorm klopt niet: {value}.")
TOO_SHORT_ONE = MessageTemplate("registry.input.too_short_one", "Te kort: minstens {count} teken.")
TOO_SHORT = MessageTemplate("registry.input.too_short", "Te kort: minstens {count} tekens.")

# The header's fields, by the keys problems are reported under.
HEADER_FIELDS = ("version", "date", "changed_by")

# A partner's fields as the editor shows them; ``protocol.x`` is ``x`` in ``[partners.protocol]``.
PARTNER_FIELDS = (
    *PARTNER_KEYS,
    *(f"protocol.{key}" for key in PROTOCOL_KEYS),
    "protocol.withdrawal_clause",
)
CODE_FIELDS = ("municipalities", "postcodes")
DATE_FIELDS = ("protocol.in_force_from", "protocol.ended_on", "protocol.dpo_advice_on")
# Yes/no fields arrive as "true" or "false" and are always written, so the file says it.
YES_NO_FIELDS = ("protocol.withdrawal_clause",)
# Whole numbers; text that is not one stays text, for the check to name.
NUMBER_FIELDS = (
    "protocol.retention_years",
    "protocol.consent_valid_days",
    "protocol.acknowledgement_working_days",
)
# Lists typed one item a line: team names and the protocol's longer lists may hold commas.
LINE_LIST_FIELDS = (
    "protocol.local_teams",
    "protocol.purposes",
    "protocol.shared_fields",
    "protocol.recipients",
    "protocol.onward_recipients",
    "protocol.security_measures",
)
# Sentences typed in a box that wraps; a line break typed in one is a space.
LONG_TEXT_FIELDS = (
    "protocol.access_duty",
    "protocol.quality_duty",
    "protocol.breach_duty",
    "protocol.retention_duty",
)
_PROTOCOL = "protocol."


class NotADate(UserFacingError):
    """Typed text that is not a date; the message says which forms are understood."""


def parse_day(text: str) -> date:
    """``2024-02-01`` or day first as Belgians write it (``1/02/2024``), like the CSV import."""
    try:
        return parse_registry_date(text)
    except ValueError:
        raise NotADate(DATE_HINT()) from None


# --- the header -----------------------------------------------------------------------------


@dataclass(frozen=True)
class HeaderInput:
    """The registry's header as typed: the editor's three fields or the import's flags."""

    version: str
    date_text: str
    changed_by: str

    def problems(self) -> dict[str, Message]:
        """What is wrong with the text itself; whether the version is new enough is
        :func:`referral_desk.registry.rules.header_problems`' question."""
        problems: dict[str, Message] = {}
        if not self.version.strip():
            problems["version"] = VERSION_MISSING()
        try:
            parse_day(self.date_text)
        except NotADate as error:
            problems["date"] = error.said
        if not self.changed_by.strip():
            problems["changed_by"] = CHANGED_BY_MISSING()
        return problems

    def apply_to(self, editable: EditableRegistry) -> None:
        """Writes every field that is well-formed; one still being typed keeps the registry's
        last good value, so a half-typed date never blocks the version from being taken."""
        try:
            day: date | None = parse_day(self.date_text)
        except NotADate:
            day = None
        editable.set_header(
            version=self.version.strip() or None,
            on=day,
            changed_by=self.changed_by.strip() or None,
        )


# --- a partner ------------------------------------------------------------------------------


def split_codes(text: str) -> list[str]:
    """NIS codes or postcodes as people paste them: separated by commas, semicolons or spaces."""
    return [part for part in text.replace(",", " ").replace(";", " ").split() if part]


def partner_from_texts(texts: Mapping[str, str]) -> RawPartner:
    """Plain TOML values from the text per field (:data:`PARTNER_FIELDS`). Empty fields are
    left out; text that is not a date stays text, so nothing typed is lost and
    :func:`partner_problems` names it."""
    raw: RawPartner = {}
    protocol: dict[str, Any] = {}
    for name in PARTNER_FIELDS:
        text = texts.get(name, "").strip()
        value: Any
        if name in CODE_FIELDS:
            value = split_codes(text)
        elif name in LINE_LIST_FIELDS:
            value = [item.strip() for item in text.splitlines() if item.strip()]
        elif name in LONG_TEXT_FIELDS:
            value = " ".join(text.split())
        elif name in YES_NO_FIELDS:
            value = text.lower() == "true"
        elif name in NUMBER_FIELDS and text.isdecimal() and text.isascii():
            value = int(text)
        elif name in DATE_FIELDS and text:
            try:
                value = parse_day(text)
            except NotADate:
                value = text
        else:
            value = text
        if value in ("", []):
            continue
        if name.startswith(_PROTOCOL):
            protocol[name.removeprefix(_PROTOCOL)] = value
        else:
            raw[name] = value
    raw["protocol"] = protocol
    return raw


def partner_problems(raw: Mapping[str, Any], table: PostcodeTable) -> dict[str, Message]:
    """The first problem per field of one partner, the same checks the file gets for it
    (whether partners overlap is the whole file's question)."""
    protocol = raw.get("protocol")
    protocol = protocol if isinstance(protocol, Mapping) else {}
    problems: dict[str, Message] = {}
    for name in DATE_FIELDS:
        if isinstance(protocol.get(name.removeprefix(_PROTOCOL)), str):
            problems[name] = DATE_HINT()
    try:
        Partner.model_validate(raw)
    except ValidationError as error:
        for item in error.errors():
            name = ".".join([str(part) for part in item["loc"] if isinstance(part, str)][:2])
            if name == "protocol":  # the protocol's own rule: it ends after it starts
                name = "protocol.ended_on"
            if name in PARTNER_FIELDS:
                problems.setdefault(name, _message(name, item))
    municipalities = [str(nis) for nis in raw.get("municipalities") or []]
    unknown = [nis for nis in municipalities if table.municipality(nis) is None]
    if unknown and "municipalities" not in problems:
        problems["municipalities"] = UNKNOWN_NIS_CODE(nis=unknown[0])
    kind = _kind(raw.get("kind"))
    if kind is not None:
        _add_recipient_problems(problems, kind, municipalities, raw.get("region"), table)
    chosen = set(municipalities)
    for postcode in [str(code) for code in raw.get("postcodes") or []]:
        if "postcodes" in problems:
            break
        owners = {m.nis_code for m in table.municipalities_for(postcode)}
        if not owners:
            problems["postcodes"] = UNKNOWN_POSTCODE(postcode=postcode)
        elif chosen and not owners & chosen:
            problems["postcodes"] = POSTCODE_NOT_HERE(postcode=postcode)
    return problems


def _kind(value: object) -> PartnerKind | None:
    try:
        return PartnerKind(str(value))
    except ValueError:
        return None


def _add_recipient_problems(
    problems: dict[str, Message],
    kind: PartnerKind,
    municipalities: list[str],
    region: object,
    table: PostcodeTable,
) -> None:
    """The law's rule on who may receive, as the file check applies it, per field."""
    for nis in municipalities:
        municipality = table.municipality(nis)
        if "municipalities" in problems or municipality is None:
            break
        reason = recipient_not_allowed(kind, municipality.region)
        if reason is not None:
            problems["municipalities"] = RECIPIENT_NOT_ALLOWED(
                municipality=municipality.name_nl, nis=nis, reason=reason
            )
    expected = region_of(kind)
    if "region" not in problems and region is not None and str(region) != expected.value:
        problems["region"] = WRONG_REGION(kind=kind.value, region=expected.value)


_PATTERN_HINTS = {
    "id": ID_SHAPE,
    "municipalities": NIS_CODE_SHAPE,
    "postcodes": POSTCODE_SHAPE,
}


def _message(name: str, item: ErrorDetails) -> Message:
    kind = item["type"]
    if kind == "missing" or (kind in ("string_too_short", "too_short") and not item["input"]):
        return REQUIRED()
    if kind == "string_pattern_mismatch":
        template = _PATTERN_HINTS.get(name, SHAPE)
        if template.fields:
            return template(value=str(item["input"]))
        return template()
    if kind == "string_too_short":
        count = int(item.get("ctx", {}).get("min_length", 1))
        return (TOO_SHORT_ONE if count == 1 else TOO_SHORT)(count=count)
    return validator_said(item)
