"""Where a follow-up mail about a sent referral goes (withdrawal, deletion request): the
partner's mailbox in today's registry, since whoever reads that mailbox now holds the data;
the mailbox used at the time only when the registry no longer knows the partner, and then
said so."""

from __future__ import annotations

from dataclasses import dataclass

from referral_desk.domain.partners import PartnerRegistry
from referral_desk.domain.referral_record import ReferralLogEntry


@dataclass(frozen=True)
class FollowUpAddress:
    """``note`` (Dutch) when the mail does not simply go to the mailbox used at the time."""

    mailbox: str
    used: str
    note: str | None = None


def follow_up_address(
    entry: ReferralLogEntry, registry: PartnerRegistry | None, mail: str
) -> FollowUpAddress:
    """*mail* names the mail in the note: "de e-mail", "het verzoek"."""
    used = entry.mailbox
    if registry is None:
        return FollowUpAddress(
            used,
            used,
            f"Het partnerregister is niet beschikbaar: {mail} gaat naar de mailbox van toen "
            f"({used}). Controleer dat adres.",
        )
    partner = registry.partner(entry.partner_id)
    if partner is None:
        return FollowUpAddress(
            used,
            used,
            f"{entry.partner_name} staat niet meer in het partnerregister: {mail} gaat naar de "
            f"mailbox van toen ({used}). Controleer dat adres.",
        )
    if partner.mailbox.casefold() != used.casefold():
        return FollowUpAddress(
            partner.mailbox,
            used,
            f"De mailbox van {partner.name} is sinds de doorverwijzing gewijzigd: {mail} gaat "
            f"naar {partner.mailbox} (toen: {used}).",
        )
    return FollowUpAddress(partner.mailbox, used)
