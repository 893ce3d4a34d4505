"""Recording a referral that was made: the referral log entry and the password for recall.

A referral log or keyring that fails never undoes a referral that was made (the draft may
already be in the mail client): the outcome says what could not be recorded, and the window
shows it. The entry is built and checked before anything is written, by
:func:`referral_log_entry`, so a bad entry stops creation instead.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import DraftResult, MailOpener
from referral_desk.domain.errors import Message, MessageTemplate
from referral_desk.domain.referral import Referral
from referral_desk.domain.referral_record import NewReferralLogEntry
from referral_desk.lifecycle.mail_drafts import adapter_used
from referral_desk.storage.outbox import Outbox
from referral_desk.storage.password_vault import PasswordVault, VaultUnavailable
from referral_desk.storage.referral_log import ReferralLog, ReferralLogError

log = logging.getLogger(__name__)

REFERRAL_LOG_MISSING_SAID = MessageTemplate(
    "recording.referral_log_missing", "het logboek is niet beschikbaar"
)
REFERRAL_LOG_MISSING = REFERRAL_LOG_MISSING_SAID.text
NO_KEYRING = MessageTemplate("recording.no_keyring", "er is geen sleutelbos")
# Only the exception's type: its text may quote what was being written.
UNEXPECTED = MessageTemplate("recording.unexpected", "onverwachte fout ({kind})")


@dataclass(frozen=True)
class FollowUpServices:
    referral_log: ReferralLog | None
    vault: PasswordVault | None
    clock: Callable[[], datetime]
    outbox: Outbox
    mail: MailOpener


@dataclass(frozen=True)
class RecordingChoices:
    """The user's settings that shape what is kept."""

    recall_days: int
    record_initials: bool = False


@dataclass(frozen=True)
class CreatedReferral:
    """What the user needs to finish, whether or not a mail client could be driven."""

    referral: Referral
    password: str
    archive_path: Path
    draft: DraftMessage
    mail_result: DraftResult | None
    mail_failures: tuple[tuple[str, str], ...] = ()
    # Of the ciphertext, for the referral log: which archive was sent, without keeping it.
    archive_sha256: str = ""

    @property
    def referral_id(self) -> str:
        return self.referral.referral_id


@dataclass(frozen=True)
class RecordOutcome:
    """What was kept of a referral that was made; the problems as messages to word."""

    logged: bool
    said_referral_log_problem: Message | None = None
    recall_until: datetime | None = None
    said_recall_problem: Message | None = None

    @property
    def referral_log_problem(self) -> str | None:
        """Why the entry is not in the log, in Dutch; None when it is."""
        said = self.said_referral_log_problem
        return said.dutch if said is not None else None

    @property
    def recall_problem(self) -> str | None:
        """Why the password cannot be shown again later, in Dutch; None when it can."""
        said = self.said_recall_problem
        return said.dutch if said is not None else None


def initials_of(first_name: str, last_name: str) -> str:
    """``Ayşe`` + ``Van den Bossche`` → ``A.V.``; only for the optional setting.

    NFKC first, and one letter each: a pasted ligature (``ﬁona``) or a letter whose capital
    is two letters (``ß``) still gives one initial.
    """
    letters: list[str] = []
    for part in (first_name, last_name):
        text = unicodedata.normalize("NFKC", part).strip()
        if text:
            letters.append(text[0].upper()[0])
    return "".join(f"{letter}." for letter in letters)


def referral_log_entry(
    referral: Referral,
    *,
    archive_sha256: str,
    mail_adapter: str,
    recognisable: bool,
) -> NewReferralLogEntry:
    """Raises pydantic's ValidationError (input hidden) when the entry would be refused."""
    client = referral.client
    return NewReferralLogEntry(
        referral_id=referral.referral_id,
        created_at=referral.created_at,
        partner_id=referral.partner.partner_id,
        partner_name=referral.partner.name,
        mailbox=referral.partner.mailbox,
        archive_sha256=archive_sha256,
        consent_recorded=referral.consent.informed and referral.consent.consented,
        consent_date=referral.consent.recorded_on,
        referrer_name=referral.referrer.name,
        team=referral.referrer.team,
        mail_adapter=mail_adapter,
        corrects=referral.corrects,
        initials=initials_of(client.first_name, client.last_name) if recognisable else None,
        postcode=client.postcode if recognisable else None,
        registry_version=referral.partner.registry_version,
        protocol_reference=referral.partner.protocol_reference,
        consent_sheet_language=referral.consent.sheet_language,
        consent_sheet_version=referral.consent.sheet_version,
        consent_sheet_given=referral.consent.sheet_given.value,
    )


def _log_problem(
    created: CreatedReferral, services: FollowUpServices, recognisable: bool
) -> Message | None:
    if services.referral_log is None:
        return REFERRAL_LOG_MISSING_SAID()
    entry = referral_log_entry(
        created.referral,
        archive_sha256=created.archive_sha256,
        mail_adapter=adapter_used(created.mail_result),
        recognisable=recognisable,
    )
    try:
        services.referral_log.add(entry)
    except ReferralLogError as error:
        return error.said
    return None


def record_referral(
    created: CreatedReferral,
    services: FollowUpServices,
    choices: RecordingChoices,
    *,
    keep_password: bool = True,
) -> RecordOutcome:
    """Never raises: whatever cannot be recorded is said in the outcome and the log.

    *keep_password* is False for a partner's pre-shared password (it is in the keyring
    already, under the partner).
    """
    try:
        referral_log_problem = _log_problem(created, services, choices.record_initials)
    except Exception as error:  # the draft exists: report, never undo
        log.error("referral log entry for %s failed: %s", created.referral_id, type(error).__name__)
        referral_log_problem = UNEXPECTED(kind=type(error).__name__)
    recall_until: datetime | None = None
    recall_problem: Message | None = None
    if keep_password:
        if services.vault is None:
            recall_problem = NO_KEYRING()
        else:
            until = services.clock() + timedelta(days=choices.recall_days)
            try:
                services.vault.remember(created.referral_id, created.password, until)
            except VaultUnavailable as unavailable:
                recall_problem = unavailable.said
            except Exception as error:
                log.error("keyring for %s failed: %s", created.referral_id, type(error).__name__)
                recall_problem = UNEXPECTED(kind=type(error).__name__)
            else:
                recall_until = until
    if referral_log_problem or recall_problem:
        log.warning(
            "referral %s: referral log %s, recall %s",
            created.referral_id,
            "failed" if referral_log_problem else "ok",
            "unavailable" if recall_problem else "ok",
        )
    return RecordOutcome(
        logged=referral_log_problem is None,
        said_referral_log_problem=referral_log_problem,
        recall_until=recall_until,
        said_recall_problem=recall_problem,
    )
