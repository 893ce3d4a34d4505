"""After the draft: the referral log entry, the password kept for recall, and the protocols'
follow-ups (withdrawal of consent by the same procedure, correction).

Qt-free like the workflow. A referral log or keyring that fails never undoes a referral that was
made: the outcome says what could not be recorded, and the window shows it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from referral_desk.delivery.message import DraftMessage, withdrawal_body, withdrawal_subject
from referral_desk.delivery.openers import AllOpenersFailed, DraftResult, MailOpener
from referral_desk.domain.fields import format_phone_national
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.lifecycle.creation import CreatedReferral
from referral_desk.storage.outbox import Outbox, OutboxError
from referral_desk.storage.password_vault import PasswordVault, VaultUnavailable
from referral_desk.storage.referral_log import (
    NewReferralLogEntry,
    ReferralLog,
    ReferralLogEntry,
    ReferralLogError,
)

log = logging.getLogger(__name__)

NO_MAIL_CLIENT = "geen"
WITHDRAWAL_FOLDER = "intrekking"


@dataclass(frozen=True)
class FollowUpServices:
    referral_log: ReferralLog | None
    vault: PasswordVault | None
    clock: Callable[[], datetime]
    outbox: Outbox
    mail: MailOpener


class RecordOutcome(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    registered: bool
    referral_log_problem: str | None = None
    recall_until: datetime | None = None
    recall_problem: str | None = None


def initials_of(first_name: str, last_name: str) -> str:
    """``Ayşe`` + ``Van den Bossche`` → ``A.V.``; only for the optional setting."""
    letters = [part[0].upper() for part in (first_name.strip(), last_name.strip()) if part]
    return "".join(f"{letter}." for letter in letters)


def referral_log_entry(created: CreatedReferral, *, recognisable: bool) -> NewReferralLogEntry:
    referral = created.referral
    client = referral.client
    return NewReferralLogEntry(
        referral_id=referral.referral_id,
        created_at=referral.created_at,
        partner_id=referral.partner.partner_id,
        partner_name=referral.partner.name,
        mailbox=referral.partner.mailbox,
        archive_sha256=created.archive_sha256,
        consent_recorded=referral.consent.informed and referral.consent.consented,
        consent_date=referral.consent.recorded_on,
        referrer_name=referral.referrer.name,
        team=referral.referrer.team,
        mail_adapter=created.mail_result.opener if created.mail_result else NO_MAIL_CLIENT,
        corrects=referral.corrects,
        initials=initials_of(client.first_name, client.last_name) if recognisable else None,
        postcode=client.postcode if recognisable else None,
    )


def record_referral(
    created: CreatedReferral,
    services: FollowUpServices,
    *,
    recall_days: int,
    recognisable: bool = False,
    keep_password: bool = True,
) -> RecordOutcome:
    """*keep_password* is False for a partner's pre-shared password (it is in the keyring
    already, under the partner)."""
    referral_log_problem: str | None = None
    if services.referral_log is None:
        referral_log_problem = "het logboek is niet beschikbaar"
    else:
        try:
            services.referral_log.add(referral_log_entry(created, recognisable=recognisable))
        except ReferralLogError as error:
            referral_log_problem = error.message
    recall_until: datetime | None = None
    recall_problem: str | None = None
    if keep_password:
        if services.vault is None:
            recall_problem = "er is geen sleutelbos"
        else:
            until = services.clock() + timedelta(days=recall_days)
            try:
                services.vault.remember(created.referral_id, created.password, until)
            except VaultUnavailable as unavailable:
                recall_problem = unavailable.reason
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
        registered=referral_log_problem is None,
        referral_log_problem=referral_log_problem,
        recall_until=recall_until,
        recall_problem=recall_problem,
    )


def withdrawal_draft(row: ReferralLogEntry, referrer: ReferrerProfile) -> DraftMessage:
    """To the mailbox the referral went to (not today's registry value): that OCMW has it."""
    sent = row.sent_at or row.created_at
    return DraftMessage(
        to=row.mailbox,
        subject=withdrawal_subject(row.referral_id, row.team),
        body=withdrawal_body(
            row.referral_id,
            row.team,
            referrer.name,
            format_phone_national(referrer.phone),
            sent.strftime("%d-%m-%Y"),
        ),
        attachment=None,
    )


class WithdrawalResult(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    draft: DraftMessage
    mail_result: DraftResult | None
    mail_failures: tuple[tuple[str, str], ...] = ()
    referral_log_problem: str | None = None


def withdraw_consent(
    row: ReferralLogEntry, referrer: ReferrerProfile, services: FollowUpServices
) -> WithdrawalResult:
    """Opens the withdrawal mail through the same adapters and records the withdrawal.

    Raises OutboxError (nothing changed) when there is no place for the draft.

    The status changes even when no mail client could open the draft: the user then sends
    the copied text, and the referral log must not show consent that was withdrawn.
    """
    draft = withdrawal_draft(row, referrer)
    try:
        workdir: Path = services.outbox.folder_for(row.referral_id) / WITHDRAWAL_FOLDER
        workdir.mkdir(mode=0o700, exist_ok=True)
    except OSError as error:
        raise OutboxError(
            f"De outbox {services.outbox.root} is niet beschrijfbaar "
            f"({error.strerror or error}); er is niets gewijzigd."
        ) from error
    mail_result: DraftResult | None = None
    failures: tuple[tuple[str, str], ...] = ()
    try:
        mail_result = services.mail.open_draft(draft, workdir)
    except AllOpenersFailed as failure:
        failures = failure.failures
    referral_log_problem: str | None = None
    if services.referral_log is None:
        referral_log_problem = "het logboek is niet beschikbaar"
    else:
        try:
            services.referral_log.mark_withdrawn(row.referral_id, services.clock())
        except ReferralLogError as error:
            referral_log_problem = error.message
    if services.vault is not None:
        # The OCMW deletes the data; the password has nothing left to open.
        with contextlib.suppress(VaultUnavailable):
            services.vault.forget(row.referral_id)
    log.info("withdrawal of %s recorded", row.referral_id)
    return WithdrawalResult(
        draft=draft,
        mail_result=mail_result,
        mail_failures=failures,
        referral_log_problem=referral_log_problem,
    )
