"""Why a follow-up (sent, password channel, recall, withdrawal, cancelling) was refused.

Templates the window words; the values are a referral's ID, a date or the reason another
part of the core gave (itself a message), never client data.
"""

from __future__ import annotations

from referral_desk.domain.errors import MessageTemplate

REFERRAL_LOG_MISSING = MessageTemplate(
    "follow_up.referral_log_missing", "Het logboek is niet beschikbaar."
)
UNKNOWN_CHANNEL = MessageTemplate(
    "follow_up.unknown_channel", "Onbekende manier om het wachtwoord door te geven."
)
NO_KEYRING = MessageTemplate(
    "follow_up.no_keyring",
    "Er is geen sleutelbos; wachtwoorden kunnen niet opnieuw getoond worden.",
)
RECALL_UNAVAILABLE = MessageTemplate(
    "follow_up.recall_unavailable", "Het wachtwoord kan niet getoond worden: {reason}."
)
RECALL_GONE = MessageTemplate(
    "follow_up.recall_gone",
    "Het wachtwoord van {referral_id} is niet meer bewaard (bewaartermijn voorbij, of een "
    "vooraf afgesproken wachtwoord). Maak zo nodig een correctie met een nieuw wachtwoord.",
)
RECALL_WITHDRAWN = MessageTemplate(
    "follow_up.recall_withdrawn", "Toestemming ingetrokken: het wachtwoord is gewist."
)
RECALL_CANCELLED = MessageTemplate(
    "follow_up.recall_cancelled", "Geannuleerd (nooit verstuurd): het wachtwoord is gewist."
)
NOT_WITHDRAWABLE = MessageTemplate(
    "follow_up.not_withdrawable",
    "{referral_id} kan niet ingetrokken worden: de status is niet verstuurd.",
)
WITHDRAWAL_NOT_RECORDED = MessageTemplate(
    "follow_up.withdrawal_not_recorded",
    "De intrekking is niet genoteerd: {reason} Er is niets gewijzigd.",
)
NEVER_SENT = MessageTemplate(
    "follow_up.never_sent",
    "{referral_id} is nooit als verstuurd genoteerd: annuleer de doorverwijzing in plaats van "
    "de toestemming in te trekken.",
)
NOT_CANCELLABLE = MessageTemplate(
    "follow_up.not_cancellable",
    "{referral_id} kan niet geannuleerd worden: alleen een concept dat nooit verstuurd werd.",
)
CANCELLING_NOT_RECORDED = MessageTemplate(
    "follow_up.cancelling_not_recorded",
    "De annulering is niet genoteerd: {reason} Er is niets gewijzigd.",
)
CANCELLED_NOT_RECORDED = MessageTemplate(
    "follow_up.cancelled_not_recorded",
    "Het archief is verwijderd, maar de annulering is niet genoteerd: {reason} Probeer "
    "opnieuw te annuleren.",
)
ARCHIVE_NOT_REMOVED = MessageTemplate(
    "follow_up.archive_not_removed",
    "Het archief van {referral_id} kon niet uit de outbox {folder} verwijderd worden (in "
    "gebruik of alleen-lezen?). Sluit het e-mailprogramma en probeer opnieuw; de "
    "doorverwijzing is niet geannuleerd.",
)
