"""What an open action is and the one step that settles it, as templates the window words
and the command line prints in Dutch. The values are a number of days or a referral ID,
never client data."""

from __future__ import annotations

from referral_desk.domain.errors import MessageTemplate

DRAFT_NOT_SENT = MessageTemplate(
    "open_actions.draft_not_sent", "Concept gemaakt maar niet als verstuurd genoteerd"
)
PASSWORD_NOT_TOLD = MessageTemplate(
    "open_actions.password_not_told", "Wachtwoord nog niet doorgegeven aan de partner"
)
NO_ACKNOWLEDGEMENT = MessageTemplate(
    "open_actions.no_acknowledgement",
    "Geen ontvangstbevestiging van de partner na {days} werkdagen",
)
DELETION_AFTER_WITHDRAWAL = MessageTemplate(
    "open_actions.deletion_after_withdrawal",
    "Schriftelijk verwijderverzoek na de telefonische intrekking",
)
DELETION_AFTER_CORRECTION = MessageTemplate(
    "open_actions.deletion_after_correction",
    "Verwijderverzoek: de correctie {correction} ging naar een andere partner",
)
CORRECTION_OWED = MessageTemplate(
    "open_actions.correction_owed",
    "Correctie na de melding van onjuiste gegevens (art. 7)",
)

STEP_MARK_SENT = MessageTemplate("open_actions.step.mark_sent", "Noteren als verstuurd")
STEP_PASSWORD = MessageTemplate(
    "open_actions.step.password", "Noteren hoe het wachtwoord doorgegeven is"
)
STEP_RECEIPT = MessageTemplate("open_actions.step.receipt", "Ontvangstbevestiging noteren")
STEP_DELETION = MessageTemplate(
    "open_actions.step.deletion", "Noteren dat het verwijderverzoek verstuurd is"
)
STEP_CORRECTION = MessageTemplate(
    "open_actions.step.correction", "Noteren dat de correctie verstuurd is"
)

NOTHING_OPEN = MessageTemplate("open_actions.nothing_open", "Er staat niets meer open.")
COUNT_OPEN = MessageTemplate("open_actions.count_open", "Open acties: {count}")
NO_LONGER_OPEN = MessageTemplate(
    "open_actions.no_longer_open",
    "Voor {referral_id} staat deze actie niet meer open; de lijst is bijgewerkt.",
)
NOT_SETTLED = MessageTemplate(
    "open_actions.not_settled", "Niet genoteerd: {reason} Er is niets gewijzigd."
)
