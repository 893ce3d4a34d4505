"""A data breach after sending: who must hear of it, the mails that tell them, the record.

The protocols (art. 9) route a breach through the data protection officers; GDPR art. 33
gives the controller 72 hours. The mails name the referral by its ID, date, partner and the
mailbox used, never the client: a breach report that leaks again would make it worse.

Two drafts, one per contact, rather than one draft with a copy: every mail adapter takes a
single recipient, and a missing breach contact then costs one draft, not the whole report.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from referral_desk.delivery.message import DraftMessage, team_phrase
from referral_desk.delivery.openers import DraftResult
from referral_desk.domain.breach_facts import (
    SUPERVISORY_AUTHORITY,
    BreachFacts,
    discovery_problem,
)
from referral_desk.domain.dutch_dates import numeric_date, numeric_date_time
from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.fields import format_phone_national
from referral_desk.domain.partners import OPGROEIEN_DPO, PartnerRegistry
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.domain.referral_record import ReferralLogEntry
from referral_desk.lifecycle.mail_drafts import open_draft_guarded
from referral_desk.lifecycle.recording import REFERRAL_LOG_MISSING, FollowUpServices
from referral_desk.storage.referral_log import ReferralLogError

log = logging.getLogger(__name__)

BREACH_FOLDER = "gegevenslek"
DEADLINE_TEXT = (
    "Een gegevenslek moet onverwijld gemeld worden: de verwerkingsverantwoordelijke heeft "
    "72 uur om het aan de toezichthouder te melden (AVG art. 33)."
)


class IncidentKind(StrEnum):
    WRONG_RECIPIENT = "verkeerde_ontvanger"
    LOST = "verloren"
    PASSWORD_EXPOSED = "wachtwoord_gelekt"
    OTHER = "ander"


INCIDENT_LABELS: dict[IncidentKind, str] = {
    IncidentKind.WRONG_RECIPIENT: "naar een verkeerde ontvanger gestuurd",
    IncidentKind.LOST: "archief of toestel verloren of gestolen",
    IncidentKind.PASSWORD_EXPOSED: "wachtwoord afgeluisterd of samen met het archief verstuurd",
    IncidentKind.OTHER: "ander incident",
}


@dataclass(frozen=True)
class BreachContacts:
    """The partner's breach contact (None when the registry has none) and Opgroeien's DPO."""

    breach_contact: str | None
    dpo_contact: str


def breach_contacts(entry: ReferralLogEntry, registry: PartnerRegistry | None) -> BreachContacts:
    """From today's registry: a log entry keeps only the partner's id, name and mailbox."""
    if registry is None:
        return BreachContacts(None, OPGROEIEN_DPO)
    partner = registry.partner(entry.partner_id)
    return BreachContacts(partner.breach_contact if partner else None, registry.dpo_contact)


def breach_subject(entry: ReferralLogEntry) -> str:
    return f"Melding gegevenslek – doorverwijzing {entry.referral_id} – {team_phrase(entry.team)}"


def breach_body(
    entry: ReferralLogEntry, kind: IncidentKind, referrer: ReferrerProfile, facts: BreachFacts
) -> str:
    """Only what the log holds about the referral and the referrer, and the art. 33(5)
    facts as codes and counts: no client field."""
    sent = entry.sent_at or entry.created_at
    mailbox = facts.actual_recipient or entry.mailbox
    if mailbox != entry.mailbox:
        mailbox += f" (het logboek noteerde {entry.mailbox})"
    paragraphs = (
        "Geachte,",
        f"Wij melden een mogelijk gegevenslek bij doorverwijzing {entry.referral_id} van het "
        f"{team_phrase(entry.team)} (art. 10/1 van het decreet van 30 april 2004).",
        f"Doorverwijzing: {entry.referral_id}\n"
        f"Datum: {numeric_date(sent)}\n"
        f"Partner: {entry.partner_name}\n"
        f"Gebruikte mailbox: {mailbox}\n"
        f"Wat er gebeurde: {INCIDENT_LABELS[kind]}",
        "Feiten (AVG art. 33, lid 5):\n" + "\n".join(facts.lines()),
        f"De 72 uur om het lek aan de toezichthouder, {SUPERVISORY_AUTHORITY}, te melden "
        f"lopen tot {numeric_date_time(facts.deadline)} (AVG art. 33, lid 1).",
        "Het archief is versleuteld met AES-256; deze e-mail bevat geen gegevens van de cliënt. "
        "Wilt u ons laten weten welke stappen nodig zijn?",
        f"Met vriendelijke groeten,\n{referrer.name} ({format_phone_national(referrer.phone)})"
        f"\nL{team_phrase(entry.team)[1:]}",
    )
    return "\n\n".join(paragraphs) + "\n"


def breach_draft(
    entry: ReferralLogEntry,
    kind: IncidentKind,
    referrer: ReferrerProfile,
    breach_contact: str | None,
    dpo_contact: str,
    facts: BreachFacts,
) -> DraftMessage:
    """The report to the partner's breach contact, or to the DPO when it has none."""
    return DraftMessage(
        to=breach_contact or dpo_contact,
        subject=breach_subject(entry),
        body=breach_body(entry, kind, referrer, facts),
        attachment=None,
    )


def deletion_request_draft(
    entry: ReferralLogEntry, referrer: ReferrerProfile, to: str | None = None
) -> DraftMessage:
    """To the mailbox that got it by mistake (*to*: where the mail really went, when the mail
    program sent it elsewhere than the log says): the ID only, so it leaks nothing."""
    paragraphs = (
        "Geachte,",
        f"Wij hebben u per vergissing een e-mail gestuurd met een versleuteld archief "
        f"(doorverwijzing {entry.referral_id}). Die was niet voor u bestemd.",
        "Wij vragen u het archief niet te openen, de e-mail en de bijlage te verwijderen (ook "
        "uit de verwijderde items) en dit kort te bevestigen door op deze e-mail te antwoorden.",
        f"Met vriendelijke groeten,\n{referrer.name} ({format_phone_national(referrer.phone)})"
        f"\nL{team_phrase(entry.team)[1:]}",
    )
    return DraftMessage(
        to=to or entry.mailbox,
        subject=f"Verzoek tot verwijdering – {entry.referral_id}",
        body="\n\n".join(paragraphs) + "\n",
        attachment=None,
    )


class OpenedDraft(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    draft: DraftMessage
    mail_result: DraftResult | None
    mail_failures: tuple[tuple[str, str], ...] = ()


class BreachResult(BaseModel):
    """What the window shows: each draft and whether it opened, and what was not recorded."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    kind: IncidentKind
    drafts: tuple[OpenedDraft, ...]
    breach_contact_known: bool
    referral_log_problem: str | None = None

    @property
    def failed(self) -> tuple[OpenedDraft, ...]:
        return tuple(d for d in self.drafts if d.mail_result is None)


class BreachRefused(UserFacingError):
    """The facts cannot be right (discovered in the future, or before the referral)."""


def report_breach(
    entry: ReferralLogEntry,
    kind: IncidentKind,
    referrer: ReferrerProfile,
    contacts: BreachContacts,
    services: FollowUpServices,
    facts: BreachFacts,
) -> BreachResult:
    """Opens the report to each contact (and, for a wrong recipient, the deletion request to
    the address the mail really went to) and records the incident with its facts. Raises
    BreachRefused for facts that cannot be right and OutboxError without a place for drafts;
    nothing changed then.

    The incident is recorded whether or not a mail client opened: the breach happened, and
    the fallback dialog still lets the user send the text.
    """
    refusal = discovery_problem(facts.discovered_at, entry.created_at, services.clock())
    if refusal is not None:
        raise BreachRefused(refusal)
    drafts: list[DraftMessage] = []
    if contacts.breach_contact is not None:
        drafts.append(
            breach_draft(
                entry, kind, referrer, contacts.breach_contact, contacts.dpo_contact, facts
            )
        )
    drafts.append(breach_draft(entry, kind, referrer, None, contacts.dpo_contact, facts))
    if kind is IncidentKind.WRONG_RECIPIENT:
        drafts.append(deletion_request_draft(entry, referrer, facts.actual_recipient))
    # One folder per draft: an .eml adapter names its file after the referral ID.
    workdirs = [
        services.outbox.follow_up_folder(entry.referral_id, BREACH_FOLDER, str(index + 1))
        for index in range(len(drafts))
    ]
    opened: list[OpenedDraft] = []
    for draft, workdir in zip(drafts, workdirs, strict=True):
        result, failures = open_draft_guarded(services.mail, draft, workdir, entry.referral_id)
        opened.append(OpenedDraft(draft=draft, mail_result=result, mail_failures=failures))
    problem: str | None = None
    if services.referral_log is None:
        problem = REFERRAL_LOG_MISSING
    else:
        try:
            services.referral_log.record_incident(
                entry.referral_id, kind.value, services.clock(), facts
            )
        except ReferralLogError as error:
            problem = error.message
    log.info("breach of kind %s reported for %s", kind.value, entry.referral_id)
    return BreachResult(
        kind=kind,
        drafts=tuple(opened),
        breach_contact_known=contacts.breach_contact is not None,
        referral_log_problem=problem,
    )
