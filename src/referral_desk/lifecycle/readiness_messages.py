"""What the readiness check says: each reason, and how reasons and field names are joined.

Every phrase completes "Nog niet klaar: …"; a list of fields or reasons is made of
messages too, so the window words the joints ("en", ";") in the user's language as well.
The values are field names and dates, never what was typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from referral_desk.domain.errors import Message, MessageTemplate
from referral_desk.domain.referral import FIELD_NAMES_NL

NOT_READY = MessageTemplate("readiness.not_ready", "Nog niet klaar: {reasons}.")
CONSENT_NOT_IN_ORDER = MessageTemplate(
    "readiness.consent_refused", "Toestemming niet in orde: {reasons}."
)
REASONS = MessageTemplate("readiness.reasons", "{first}; {rest}")
AND = MessageTemplate("readiness.list_and", "{first} en {last}")
COMMA = MessageTemplate("readiness.list_comma", "{first}, {rest}")

REGISTRY_INVALID = MessageTemplate("readiness.registry_invalid", "het partnerregister is ongeldig")
REFERRAL_LOG_BROKEN = MessageTemplate(
    "readiness.referral_log_broken", "het logboek van doorverwijzingen werkt niet"
)
NO_PROFILE = MessageTemplate(
    "readiness.no_profile", "vul eerst uw aanmeldersprofiel in (menu Profiel)"
)
NO_PARTNER = MessageTemplate("readiness.no_partner", "geen partner voor dit adres")
NOT_INFORMED = MessageTemplate("readiness.not_informed", "vink aan dat de cliënt geïnformeerd is")
NO_CONSENT = MessageTemplate("readiness.no_consent", "vink aan dat de cliënt toestemming geeft")
NO_CONSENT_DATE = MessageTemplate("readiness.no_consent_date", "vul de datum van de toestemming in")
CONSENT_IN_FUTURE = MessageTemplate(
    "readiness.consent_in_future", "de datum van de toestemming ligt in de toekomst"
)
CONSENT_DATE_UNREADABLE = MessageTemplate(
    "readiness.consent_date_unreadable",
    "de datum van de toestemming is geen datum (dd-mm-jjjj)",
)
CONSENT_TOO_OLD = MessageTemplate(
    "readiness.consent_too_old",
    "de toestemming is ouder dan {days} dagen: vraag ze opnieuw en vul de nieuwe datum in",
)
NO_SHEET_GIVEN = MessageTemplate(
    "readiness.no_sheet_given", "kies hoe de cliënt het informatieblad kreeg"
)
CONSENT_BEFORE_PROTOCOL = MessageTemplate(
    "readiness.consent_before_protocol",
    "de datum van de toestemming ligt vóór het protocol met deze partner ({date})",
)

FILL_IN = MessageTemplate("readiness.fill_in", "vul {fields} in")
GIVE_CONTACT = MessageTemplate(
    "readiness.give_contact", "geef een telefoonnummer of een e-mailadres op"
)
CORRECT_BOTH_CONTACTS = MessageTemplate(
    "readiness.correct_both_contacts",
    "verbeter telefoon en e-mail (of wis er één en verbeter het andere)",
)
CORRECT = MessageTemplate("readiness.correct", "verbeter {fields}")
OPTIONAL_WRONG_ONE = MessageTemplate(
    "readiness.optional_wrong_one", "{fields} is niet in orde (verbeter of wis het)"
)
OPTIONAL_WRONG_MORE = MessageTemplate(
    "readiness.optional_wrong_more", "{fields} zijn niet in orde (verbeter of wis ze)"
)

# A form field as the sentence names it (lower case, mid-sentence).
FIELD_NAMES = {
    name: MessageTemplate(f"readiness.field.{name}", text) for name, text in FIELD_NAMES_NL.items()
}


def field_list(names: Sequence[str]) -> Message:
    """The fields by their names, joined as in "voornaam, straat en postcode"."""
    said = [FIELD_NAMES[name]() for name in names]
    if len(said) == 1:
        return said[0]
    joined = AND(first=said[-2], last=said[-1])
    for name in reversed(said[:-2]):
        joined = COMMA(first=name, rest=joined)
    return joined


def reasons(said: Sequence[Message]) -> Message:
    """The reasons in order, joined with "; "; at least one."""
    joined = said[-1]
    for reason in reversed(said[:-1]):
        joined = REASONS(first=reason, rest=joined)
    return joined
