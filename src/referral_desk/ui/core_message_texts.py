# ruff: noqa: E501
"""The core's message templates as literals for lupdate: generated, do not edit.

Made by scripts/update_translations.py from the templates the Qt-free core registers
(domain.errors.MessageTemplate); ui/core_messages.py words them. Never imported.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

CORE_MESSAGE_TEXTS = (
    QT_TRANSLATE_NOOP("CoreMessage", "Dit is geen geldig e-mailadres (bv. naam@voorbeeld.be)."),  # email.invalid
    QT_TRANSLATE_NOOP("CoreMessage", "Een e-mailadres met letters buiten het gewone alfabet vóór de @ kan niet in een e-mailconcept; gebruik het gewone adres."),  # email.not_sendable
    QT_TRANSLATE_NOOP("CoreMessage", "Een e-mailadres bevat geen spaties."),  # email.space
    QT_TRANSLATE_NOOP("CoreMessage", "Bus: maximaal {maximum} letters of cijfers (bv. 3, 0.1, B)."),  # field.box_shape
    QT_TRANSLATE_NOOP("CoreMessage", "Bevat een onzichtbaar of stuurteken (bv. een zero-width spatie). Typ de waarde opnieuw in plaats van ze te plakken."),  # field.control_character
    QT_TRANSLATE_NOOP("CoreMessage", "{label} is leeg."),  # field.empty
    QT_TRANSLATE_NOOP("CoreMessage", "Huisnummer: cijfers, eventueel gevolgd door letters (bv. 12, 12A, 12-14)."),  # field.house_number_shape
    QT_TRANSLATE_NOOP("CoreMessage", "Ongeldige invoer."),  # field.invalid_input
    QT_TRANSLATE_NOOP("CoreMessage", "Bevat een tab of regeleinde midden in de tekst; één regel graag."),  # field.line_break
    QT_TRANSLATE_NOOP("CoreMessage", "Begint met een los accentteken; typ de letter met haar accent."),  # field.loose_accent
    QT_TRANSLATE_NOOP("CoreMessage", "{label} mag alleen letters, spaties, koppeltekens en apostrofs bevatten (niet: “{char}”)."),  # field.name_character
    QT_TRANSLATE_NOOP("CoreMessage", "{label} moet met een letter beginnen."),  # field.name_start
    QT_TRANSLATE_NOOP("CoreMessage", "Postcode: vier cijfers, bv. 3970."),  # field.postcode_shape
    QT_TRANSLATE_NOOP("CoreMessage", "{label} is verplicht."),  # field.required
    QT_TRANSLATE_NOOP("CoreMessage", "Straat bevat een teken dat niet in een adres hoort: “{char}”."),  # field.street_character
    QT_TRANSLATE_NOOP("CoreMessage", "Straat moet een straatnaam bevatten, geen nummer alleen."),  # field.street_number_only
    QT_TRANSLATE_NOOP("CoreMessage", "{label} is te lang (maximaal {maximum} tekens)."),  # field.too_long
    QT_TRANSLATE_NOOP("CoreMessage", "Bevat een letter met meer dan {maximum} accenttekens; typ de waarde opnieuw in plaats van ze te plakken."),  # field.too_many_accents
    QT_TRANSLATE_NOOP("CoreMessage", "Geef minstens een telefoonnummer of een e-mailadres op."),  # form.reachable
    QT_TRANSLATE_NOOP("CoreMessage", "Onbekende velden: {names}"),  # form.unknown_fields
    QT_TRANSLATE_NOOP("CoreMessage", "Bus"),  # label.box
    QT_TRANSLATE_NOOP("CoreMessage", "E-mailadres"),  # label.email
    QT_TRANSLATE_NOOP("CoreMessage", "Voornaam"),  # label.first_name
    QT_TRANSLATE_NOOP("CoreMessage", "Huisnummer"),  # label.house_number
    QT_TRANSLATE_NOOP("CoreMessage", "Achternaam"),  # label.last_name
    QT_TRANSLATE_NOOP("CoreMessage", "Gemeente"),  # label.municipality
    QT_TRANSLATE_NOOP("CoreMessage", "Naam"),  # label.name
    QT_TRANSLATE_NOOP("CoreMessage", "Telefoonnummer"),  # label.phone
    QT_TRANSLATE_NOOP("CoreMessage", "Postcode"),  # label.postcode
    QT_TRANSLATE_NOOP("CoreMessage", "Straat"),  # label.street
    QT_TRANSLATE_NOOP("CoreMessage", "Lokaal team"),  # label.team
    QT_TRANSLATE_NOOP("CoreMessage", "Er is geen protocol met het CAW voor {municipality}."),  # partner.no_protocol_with_caw
    QT_TRANSLATE_NOOP("CoreMessage", "Er is geen protocol met het OCMW van {municipality}."),  # partner.no_protocol_with_ocmw
    QT_TRANSLATE_NOOP("CoreMessage", "{municipality} ligt in Wallonië of de Duitstalige Gemeenschap: het decreet (art. 10/1) laat daar geen doorverwijzing toe."),  # partner.no_referral_in_wallonia
    QT_TRANSLATE_NOOP("CoreMessage", "Telefoonnummer: alleen cijfers, spaties en + ( ) - . / (bv. 0470 12 34 56)."),  # phone.characters
    QT_TRANSLATE_NOOP("CoreMessage", "Een toestelnummer (ext., #) kan niet mee; geef het rechtstreekse nummer op."),  # phone.extension
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer is te kort (gsm: 04xx xx xx xx, vast: 02 xxx xx xx of 050 xx xx xx)."),  # phone.far_too_short
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer bestaat niet. Controleer de landcode en het aantal cijfers."),  # phone.foreign_unknown
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer is te lang: een gsm-nummer heeft {expected} cijfers ({shape}), dit nummer {count}."),  # phone.mobile_too_long
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer is te kort: een gsm-nummer heeft {expected} cijfers ({shape}), dit nummer {count}."),  # phone.mobile_too_short
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer bestaat niet: het aantal cijfers klopt, maar geen nummer begint zo. Controleer de cijfers na {prefix}."),  # phone.no_such_number
    QT_TRANSLATE_NOOP("CoreMessage", "Dit is geen geldig telefoonnummer. Gebruik bv. 0470 12 34 56 of +32 470 12 34 56."),  # phone.unreadable
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer is te lang: een nummer dat met {prefix} begint heeft {expected} cijfers ({shape}), dit nummer {count}."),  # phone.zone_too_long
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer is te lang: een nummer dat met {prefix} begint heeft {expected} cijfers ({shape}), dit nummer {count}. Een gsm-nummer begint met 045 tot 049."),  # phone.zone_too_long_not_mobile
    QT_TRANSLATE_NOOP("CoreMessage", "Dit telefoonnummer is te kort: een nummer dat met {prefix} begint heeft {expected} cijfers ({shape}), dit nummer {count}."),  # phone.zone_too_short
    QT_TRANSLATE_NOOP("CoreMessage", "Het partnerregister noemt geen lokale teams; de naam van uw team wordt niet nagekeken."),  # team.no_registry_teams
    QT_TRANSLATE_NOOP("CoreMessage", "Dit team staat niet in het partnerregister. Kies uw team uit de lijst."),  # team.not_in_registry
    QT_TRANSLATE_NOOP("CoreMessage", "Dit team staat niet zo in het partnerregister. Bedoelt u “{suggestion}”? Kies uw team uit de lijst."),  # team.not_in_registry_like
)
