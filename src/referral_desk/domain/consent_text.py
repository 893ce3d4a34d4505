"""What the team member tells the client before consenting, in Dutch, for the partner at hand.

The words follow the signed protocols (art. 3, 4 and 9 of the Opgroeien → OCMW protocols)
and promise nothing they do not: deletion after withdrawal is only stated for a partner
whose protocol contains the withdrawal clause the Opgroeien FAQ offers as an option. Where a
partner's protocol states its purposes or recipients otherwise than the Opgroeien standard,
the text says the protocol's own words instead of the plain wording of the standard.
"""

from __future__ import annotations

from referral_desk.domain.partners import Partner, PartnerKind
from referral_desk.domain.protocol_terms import OPGROEIEN_STANDARD, ProtocolTerms

DATA_KINDS = "voornaam, achternaam, adres, telefoonnummer en e-mailadres"
GENERIC_PARTNER = "het OCMW van de woonplaats, in Brussel het CAW"


def consent_text_for(
    name: str | None,
    kind: PartnerKind | None,
    withdrawal_clause: bool,
    retention_years: int | None = None,
    terms: ProtocolTerms = OPGROEIEN_STANDARD,
) -> str:
    """The text for a partner by *name* and *kind*; None for both while no partner is found,
    which names the OCMW of the residence (in Brussels the CAW) instead. *retention_years*:
    how long the protocol keeps a closed dossier (art. 3), when the registry says it;
    *terms*: the protocol's purposes and recipients."""
    if name is None or kind is None:
        to_whom, partner, subject = GENERIC_PARTNER, "het OCMW of CAW", "Het OCMW of CAW"
    else:
        to_whom, partner, subject = f"{name} ({kind.value})", name, name
    if name is not None and withdrawal_clause:
        after = f"{subject} verwijdert dan de gegevens."
    elif name is not None:
        after = (
            f"Het protocol met {partner} legt niet vast dat de gegevens dan verwijderd "
            f"worden; de cliënt kan {partner} vragen ze te verwijderen."
        )
    else:
        after = f"Wat er dan met de gegevens gebeurt, hangt af van het protocol met {partner}."
    return "\n".join(
        (
            "Vertel de cliënt vóór het delen:",
            f"• Welke gegevens: {DATA_KINDS}, niets anders.",
            f"• Met wie: {to_whom}.",
            f"• Waarom: {_why(terms)}.",
            f"• Daarna: {_who(terms, partner)} Wie hulp aanvaardt, krijgt een "
            f"cliëntdossier dat {partner} bewaart {_kept(retention_years)} (art. 3).",
            "• De toestemming is vrij en kan altijd ingetrokken worden, bij u of bij "
            f"{partner}. {after}",
        )
    )


def _why(terms: ProtocolTerms) -> str:
    if terms.purposes == OPGROEIEN_STANDARD.purposes:
        return "om toegang te krijgen tot hulp en rechten waar het gezin recht op heeft"
    return "; ".join(terms.purposes)


def _who(terms: ProtocolTerms, partner: str) -> str:
    """Who sees the data and who may receive them next (art. 4)."""
    if terms.recipients == OPGROEIEN_STANDARD.recipients:
        first = (
            f"een maatschappelijk werker van {partner}, gebonden door het beroepsgeheim, "
            "neemt contact op om hulp aan te bieden."
        )
    else:
        first = f"de gegevens zijn bij {partner} alleen voor {'; '.join(terms.recipients)}."
    if terms.onward_recipients == OPGROEIEN_STANDARD.onward_recipients:
        onward = (
            "Met partners van het geïntegreerd breed onthaal worden de gegevens alleen "
            "gedeeld volgens de regels daarvan en met toestemming van de cliënt (art. 4)."
        )
    elif terms.onward_recipients:
        onward = (
            f"Verder alleen met {'; '.join(terms.onward_recipients)}, met toestemming van de "
            "cliënt (art. 4)."
        )
    else:
        onward = f"{partner} geeft ze aan niemand anders door (art. 4)."
    return f"{first} {onward}"


def _kept(years: int | None) -> str:
    if years is None:
        return "volgens de archiefregels"
    return f"tot {years} jaar nadat het is afgesloten"


def consent_text(partner: Partner | None) -> str:
    """The consent text for the partner found, or the generic one while none is."""
    if partner is None:
        return consent_text_for(None, None, False)
    protocol = partner.protocol
    return consent_text_for(
        partner.name,
        partner.kind,
        protocol.withdrawal_clause,
        protocol.retention_years,
        protocol.terms(),
    )
