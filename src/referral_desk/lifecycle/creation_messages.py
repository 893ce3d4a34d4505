"""Why a referral was not made: each refusal as a template the window words.

The values are a partner's or a municipality's name, mailboxes from the partner registry, a
date, or the reason another part of the core gave (itself a message); never client data.
"""

from __future__ import annotations

from referral_desk.domain.errors import MessageTemplate

KEPT = "Uw invoer blijft staan."

MAILBOX_MEMORY_UNREADABLE = MessageTemplate(
    "creation.mailbox_memory_unreadable",
    "Er kan niet nagekeken worden naar welk adres de vorige doorverwijzing voor "
    "{municipality} ging: {reason} Er is niets gemaakt of verstuurd; uw invoer blijft staan.",
)
PRESHARED_RULE = MessageTemplate(
    "creation.preshared_rule",
    "Een afgesproken wachtwoord moet even sterk zijn als een eenmalig: minstens {letters} "
    "tekens met letters, of {mixed} met kleine letters, hoofdletters én cijfers; elk teken "
    "telt hoogstens twee keer mee.",
)
PRESHARED_MISSING = MessageTemplate(
    "creation.preshared_missing",
    "Met {partner} is een vast wachtwoord afgesproken, maar het staat niet in de sleutelbos. "
    "Stel het in via Bestand → Instellingen → Logboek en wachtwoorden. " + KEPT,
)
PRESHARED_TOO_WEAK = MessageTemplate(
    "creation.preshared_too_weak",
    "Het afgesproken wachtwoord voor {partner} in de sleutelbos is te zwak. {rule} Spreek een "
    "sterker af en stel het in via Bestand → Instellingen → Logboek en wachtwoorden. " + KEPT,
)
PRESHARED_NO_KEYRING = MessageTemplate(
    "creation.preshared_no_keyring",
    "Met {partner} is een vast wachtwoord afgesproken, maar er is geen sleutelbos om het uit "
    "te lezen. " + KEPT,
)
PRESHARED_UNREADABLE = MessageTemplate(
    "creation.preshared_unreadable",
    "Het afgesproken wachtwoord voor {partner} kan niet gelezen worden: {reason}. " + KEPT,
)
DOCUMENT_TOO_LONG = MessageTemplate(
    "creation.document_too_long",
    "De doorverwijzing past niet op één pagina: de naam of de protocolreferentie van "
    "{partner} in het partnerregister is te lang. Meld dit aan uw coördinator; er is niets "
    "bewaard of verstuurd.",
)
MAILBOX_NOT_FOR_DRAFT = MessageTemplate(
    "creation.mailbox_not_for_draft",
    "Het adres van {partner} in het partnerregister kan niet in een e-mailconcept. Meld dit "
    "aan uw coördinator; er is niets bewaard of verstuurd.",
)
REFERRAL_LOG_BUSY = MessageTemplate(
    "creation.referral_log_busy",
    "Het logboek van doorverwijzingen is bezet door een ander venster van referral-desk. Er "
    "is niets gemaakt of verstuurd; probeer het over enkele seconden opnieuw. " + KEPT,
)
REFERRAL_LOG_REFUSES = MessageTemplate(
    "creation.referral_log_refuses",
    "{reason} Er is niets gemaakt of verstuurd; uw invoer blijft staan.",
)
CLOCK_BEFORE_NEWEST = MessageTemplate(
    "creation.clock_before_newest",
    "De klok van deze computer staat verkeerd: ze staat vóór de laatste doorverwijzing "
    "({date}). Laat de datum en tijd nakijken door de IT-dienst; er is niets gemaakt of "
    "verstuurd. " + KEPT,
)
MAILBOX_CHANGE_NOT_CONFIRMED = MessageTemplate(
    "creation.mailbox_change_not_confirmed",
    "Het partnerregister geeft voor {partner} ({municipality}) een ander adres dan de vorige "
    "keer ({previous} → {current}); bevestig dat eerst.",
)
ENTRY_NOT_LOGGABLE = MessageTemplate(
    "creation.entry_not_loggable",
    "De doorverwijzing kan niet in het logboek genoteerd worden zoals ze is. Zet "
    "'Initialen en postcode bewaren' uit in Instellingen, of meld dit aan de helpdesk; er is "
    "niets bewaard of verstuurd.",
)
