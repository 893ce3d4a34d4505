"""What a signed protocol fixes, as registry data: legal basis, purposes, shared fields,
recipients, security measures and the recipient's duties.

Every protocol has its own terms (the Opgroeien–OCMW ones, but also protocols of another
shape such as Herent–Kortenberg or Genk), so they are data in the registry, not code. The
duty texts are printed on the referral as written; a few placeholders keep values the
registry holds elsewhere in one place: ``{partner}`` (the partner's name), ``{meldpunt}``
(its breach contact), ``{dpo}`` (Opgroeien's DPO) and ``{bewaartermijn}`` (the retention
term in years). A schema version 1 registry has no terms; it reads as the Opgroeien standard
protocol, whose texts are :data:`OPGROEIEN_TERMS`.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from referral_desk.domain import fields
from referral_desk.domain.errors import MessageTemplate

PLACEHOLDERS = ("partner", "meldpunt", "dpo", "bewaartermijn")

UNKNOWN_PLACEHOLDER = MessageTemplate(
    "protocol_terms.unknown_placeholder",
    "onbekend invulveld {{{name}}}; mogelijk zijn {known}",
)
BROKEN_BRACES = MessageTemplate(
    "protocol_terms.broken_braces",
    "accolades {{ }} staan alleen rond een invulveld, zoals {{partner}}",
)


def _placeholders_known(text: str) -> str:
    """Refuses a typo such as ``{meldpnt}`` when the registry is read, not when a referral
    is printed."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        raise fields.FieldError(BROKEN_BRACES()) from None
    for name in names:
        if name not in PLACEHOLDERS:
            known = ", ".join(f"{{{known}}}" for known in PLACEHOLDERS)
            raise fields.FieldError(UNKNOWN_PLACEHOLDER(name=name, known=known))
    return text.strip()


TermText = Annotated[str, Field(min_length=3), AfterValidator(_placeholders_known)]
TermList = tuple[TermText, ...]


class ProtocolTerms(BaseModel):
    """The terms of one protocol; :class:`referral_desk.domain.partners.Protocol` holds
    them with its reference and dates, a referral carries them as it was made."""

    # The attribute docstrings describe the fields in the published JSON Schema.
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    legal_basis: TermText
    """The law the sharing rests on, as the protocol cites it."""
    purposes: TermList = Field(min_length=1)
    """Why the data are shared (Opgroeien protocols art. 2)."""
    shared_fields: TermList = Field(min_length=1)
    """Which data are shared, as the protocol lists them (art. 3). Documents the protocol;
    what a referral holds is fixed by art. 10/1 and the form."""
    recipients: TermList = Field(min_length=1)
    """Who at the partner may see the data, bound by professional secrecy (art. 4)."""
    onward_recipients: TermList = ()
    """Who the partner may pass the data on to (art. 4); empty when no one."""
    security_measures: TermList = Field(min_length=1)
    """The protocol's security measures (art. 6)."""
    access_duty: TermText
    """Printed on the referral: who may see the data (art. 4), article first."""
    quality_duty: TermText
    """Printed on the referral: reporting incorrect data (art. 7)."""
    breach_duty: TermText
    """Printed on the referral: reporting a breach (art. 9); {meldpunt} and {dpo} are the
    partner's breach contact and Opgroeien's DPO."""
    retention_duty: TermText
    """Printed on the referral: how long the data are kept (art. 3); {bewaartermijn} is
    the retention term in years."""
    password_channel: TermText
    """How the password reaches the partner, as the referral mail says it."""


TERM_KEYS: tuple[str, ...] = tuple(ProtocolTerms.model_fields)

OPGROEIEN_TERMS: Mapping[str, Any] = {
    "legal_basis": "art. 10/1 decreet van 30 april 2004",
    "purposes": (
        "de toegang tot de sociale hulp- en dienstverlening verhogen en onderbescherming "
        "tegengaan: het OCMW doet vraagverheldering en zoekt de meest passende hulp",
    ),
    "shared_fields": (
        "voornaam en naam van de cliënt",
        "adres van de cliënt",
        "telefoonnummer van de cliënt",
        "e-mailadres van de cliënt",
    ),
    "recipients": (
        "de maatschappelijk werker van het OCMW die door het beroepsgeheim gebonden is en "
        "concrete dienstverlening aan de cliënt zal aanbieden",
    ),
    "onward_recipients": (
        "de actoren van het samenwerkingsverband geïntegreerd breed onthaal, volgens de "
        "regels van het decreet van 9 februari 2018 betreffende het lokaal sociaal beleid",
    ),
    "security_measures": (
        "verzending naar de mailbox van het OCMW met AES-256-versleuteling via 7-Zip",
        "het OCMW heeft een veiligheidsbeleid met een veiligheidsplan",
        "het OCMW heeft een functionaris voor gegevensbescherming",
        "de gegevens worden opgenomen in het verwerkingsregister van het OCMW",
    ),
    "access_duty": (
        "Art. 4: alleen voor de maatschappelijk werker van {partner} die door het "
        "beroepsgeheim gebonden is en de cliënt hulp aanbiedt. Met partners van het "
        "geïntegreerd breed onthaal alleen volgens de regels van het decreet lokaal sociaal "
        "beleid en met toestemming van de cliënt."
    ),
    "quality_duty": (
        "Art. 7: foutieve, onvolledige of overtollige gegevens meldt u onmiddellijk aan de "
        "aanmelder (naam, telefoon en e-mail hierboven)."
    ),
    "breach_duty": (
        "Art. 9: een gegevenslek meldt u zonder uitstel aan {meldpunt} en aan de DPO van "
        "Opgroeien, {dpo}."
    ),
    "retention_duty": (
        "Art. 3: bewaar de gegevens tot er contact was en duidelijk is of de cliënt verdere "
        "hulp wenst; aanvaardt de cliënt hulp, dan komen ze in het cliëntdossier, dat u "
        "{bewaartermijn} bewaart."
    ),
    "password_channel": "telefonisch of per sms, nooit per e-mail",
}
"""The terms of the Opgroeien–OCMW protocols (Leopoldsburg, Wervik) as the app printed
them before the registry held them: what a schema version 1 registry means."""

OPGROEIEN_STANDARD = ProtocolTerms.model_validate(OPGROEIEN_TERMS)


def with_standard_terms(protocol: Mapping[str, Any]) -> dict[str, Any]:
    """*protocol* (raw registry values) with every term it lacks taken from the Opgroeien
    standard: how a schema version 1 protocol is read."""
    filled = dict(protocol)
    for key, value in OPGROEIEN_TERMS.items():
        filled.setdefault(key, list(value) if isinstance(value, tuple) else value)
    return filled


def kept_for(years: int | None) -> str:
    """How long the partner keeps a closed dossier, as ``{bewaartermijn}`` reads."""
    if years is None:
        return "volgens de archiefregels voor sociale dossiers"
    return f"tot {years} jaar na het afsluiten ervan"


def filled_in(text: str, values: Mapping[str, str]) -> str:
    """*text* with its placeholders replaced; the registry check let only known ones in."""
    return text.format_map({name: values.get(name, "") for name in PLACEHOLDERS})
