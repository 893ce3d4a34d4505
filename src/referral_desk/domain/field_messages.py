"""What the field validators say: each field's label and each message, as templates.

The Dutch is the source text; the window words them in the user's language. A message that
names its field takes the label as a value (``{label} is verplicht.``), so one sentence
serves every field.
"""

from __future__ import annotations

from referral_desk.domain.errors import MessageTemplate

# The labels a message names its field by.
NAME_LABEL = MessageTemplate("label.name", "Naam")
FIRST_NAME_LABEL = MessageTemplate("label.first_name", "Voornaam")
LAST_NAME_LABEL = MessageTemplate("label.last_name", "Achternaam")
STREET_LABEL = MessageTemplate("label.street", "Straat")
HOUSE_NUMBER_LABEL = MessageTemplate("label.house_number", "Huisnummer")
BOX_LABEL = MessageTemplate("label.box", "Bus")
POSTCODE_LABEL = MessageTemplate("label.postcode", "Postcode")
MUNICIPALITY_LABEL = MessageTemplate("label.municipality", "Gemeente")
PHONE_LABEL = MessageTemplate("label.phone", "Telefoonnummer")
EMAIL_LABEL = MessageTemplate("label.email", "E-mailadres")
TEAM_LABEL = MessageTemplate("label.team", "Lokaal team")

INVALID_INPUT = MessageTemplate("field.invalid_input", "Ongeldige invoer.")
LINE_BREAK = MessageTemplate(
    "field.line_break", "Bevat een tab of regeleinde midden in de tekst; één regel graag."
)
CONTROL_CHARACTER = MessageTemplate(
    "field.control_character",
    "Bevat een onzichtbaar of stuurteken (bv. een zero-width spatie). "
    "Typ de waarde opnieuw in plaats van ze te plakken.",
)
LOOSE_ACCENT = MessageTemplate(
    "field.loose_accent", "Begint met een los accentteken; typ de letter met haar accent."
)
TOO_MANY_ACCENTS = MessageTemplate(
    "field.too_many_accents",
    "Bevat een letter met meer dan {maximum} accenttekens; "
    "typ de waarde opnieuw in plaats van ze te plakken.",
)
TOO_LONG = MessageTemplate("field.too_long", "{label} is te lang (maximaal {maximum} tekens).")
REQUIRED = MessageTemplate("field.required", "{label} is verplicht.")
EMPTY = MessageTemplate("field.empty", "{label} is leeg.")
NAME_CHARACTER = MessageTemplate(
    "field.name_character",
    "{label} mag alleen letters, spaties, koppeltekens en apostrofs bevatten (niet: “{char}”).",
)
NAME_START = MessageTemplate("field.name_start", "{label} moet met een letter beginnen.")
STREET_CHARACTER = MessageTemplate(
    "field.street_character", "Straat bevat een teken dat niet in een adres hoort: “{char}”."
)
STREET_NUMBER_ONLY = MessageTemplate(
    "field.street_number_only", "Straat moet een straatnaam bevatten, geen nummer alleen."
)
HOUSE_NUMBER_SHAPE = MessageTemplate(
    "field.house_number_shape",
    "Huisnummer: cijfers, eventueel gevolgd door letters (bv. 12, 12A, 12-14).",
)
BOX_SHAPE = MessageTemplate(
    "field.box_shape", "Bus: maximaal {maximum} letters of cijfers (bv. 3, 0.1, B)."
)
POSTCODE_SHAPE = MessageTemplate("field.postcode_shape", "Postcode: vier cijfers, bv. 3970.")
PHONE_EXTENSION = MessageTemplate(
    "phone.extension",
    "Een toestelnummer (ext., #) kan niet mee; geef het rechtstreekse nummer op.",
)
PHONE_CHARACTERS = MessageTemplate(
    "phone.characters",
    "Telefoonnummer: alleen cijfers, spaties en + ( ) - . / (bv. 0470 12 34 56).",
)
PHONE_UNREADABLE = MessageTemplate(
    "phone.unreadable",
    "Dit is geen geldig telefoonnummer. Gebruik bv. 0470 12 34 56 of +32 470 12 34 56.",
)
PHONE_FOREIGN_UNKNOWN = MessageTemplate(
    "phone.foreign_unknown",
    "Dit telefoonnummer bestaat niet. Controleer de landcode en het aantal cijfers.",
)
PHONE_FAR_TOO_SHORT = MessageTemplate(
    "phone.far_too_short",
    "Dit telefoonnummer is te kort (gsm: 04xx xx xx xx, vast: 02 xxx xx xx of 050 xx xx xx).",
)
PHONE_MOBILE_TOO_SHORT = MessageTemplate(
    "phone.mobile_too_short",
    "Dit telefoonnummer is te kort: een gsm-nummer heeft {expected} cijfers ({shape}), "
    "dit nummer {count}.",
)
PHONE_MOBILE_TOO_LONG = MessageTemplate(
    "phone.mobile_too_long",
    "Dit telefoonnummer is te lang: een gsm-nummer heeft {expected} cijfers ({shape}), "
    "dit nummer {count}.",
)
PHONE_ZONE_TOO_SHORT = MessageTemplate(
    "phone.zone_too_short",
    "Dit telefoonnummer is te kort: een nummer dat met {prefix} begint heeft {expected} "
    "cijfers ({shape}), dit nummer {count}.",
)
PHONE_ZONE_TOO_LONG = MessageTemplate(
    "phone.zone_too_long",
    "Dit telefoonnummer is te lang: een nummer dat met {prefix} begint heeft {expected} "
    "cijfers ({shape}), dit nummer {count}.",
)
PHONE_ZONE_TOO_LONG_NOT_MOBILE = MessageTemplate(
    "phone.zone_too_long_not_mobile",
    "Dit telefoonnummer is te lang: een nummer dat met {prefix} begint heeft {expected} "
    "cijfers ({shape}), dit nummer {count}. Een gsm-nummer begint met 045 tot 049.",
)
PHONE_NO_SUCH_NUMBER = MessageTemplate(
    "phone.no_such_number",
    "Dit telefoonnummer bestaat niet: het aantal cijfers klopt, maar geen nummer begint "
    "zo. Controleer de cijfers na {prefix}.",
)
EMAIL_SPACE = MessageTemplate("email.space", "Een e-mailadres bevat geen spaties.")
EMAIL_NOT_SENDABLE = MessageTemplate(
    "email.not_sendable",
    "Een e-mailadres met letters buiten het gewone alfabet vóór de @ kan niet in een "
    "e-mailconcept; gebruik het gewone adres.",
)
EMAIL_INVALID = MessageTemplate(
    "email.invalid", "Dit is geen geldig e-mailadres (bv. naam@voorbeeld.be)."
)
TEAM_NOT_IN_REGISTRY_LIKE = MessageTemplate(
    "team.not_in_registry_like",
    "Dit team staat niet zo in het partnerregister. Bedoelt u “{suggestion}”? "
    "Kies uw team uit de lijst.",
)
TEAM_NOT_IN_REGISTRY = MessageTemplate(
    "team.not_in_registry",
    "Dit team staat niet in het partnerregister. Kies uw team uit de lijst.",
)
NO_REGISTRY_TEAMS_NOTE = MessageTemplate(
    "team.no_registry_teams",
    "Het partnerregister noemt geen lokale teams; de naam van uw team wordt niet nagekeken.",
)
