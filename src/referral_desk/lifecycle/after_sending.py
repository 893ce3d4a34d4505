"""After the draft: sent, the password channel, recall, and the protocols' follow-ups
(withdrawal of consent by the same procedure, correction).

Each function decides and records; the windows only show what it returns. A referral
log or keyring that fails is said in the result, in Dutch, never raised at the window.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from referral_desk.delivery.message import DraftMessage, withdrawal_body, withdrawal_subject
from referral_desk.delivery.openers import DraftResult
from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.domain.fields import format_phone_national, is_mobile
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.errors import UserFacingError
from referral_desk.lifecycle.mail_drafts import open_draft_guarded
from referral_desk.lifecycle.recording import REFERRAL_LOG_MISSING, FollowUpServices
from referral_desk.storage.outbox import OutboxError
from referral_desk.storage.password_vault import VaultUnavailable
from referral_desk.storage.referral_log import (
    PasswordChannel,
    ReferralLogEntry,
    ReferralLogError,
    ReferralStatus,
    WithdrawalChannel,
)

log = logging.getLogger(__name__)

WITHDRAWAL_FOLDER = "intrekking"


class FollowUpRefused(UserFacingError):
    """The step cannot be taken (no referral log, no keyring, nothing to recall)."""


@dataclass(frozen=True)
class EntryActions:
    """Which follow-ups make sense for one referral log entry."""

    recall: bool
    mark_sent: bool
    withdraw: bool
    correct: bool
    evaluate: bool


def entry_actions(
    entry: ReferralLogEntry | None, services: FollowUpServices | None
) -> EntryActions:
    """A withdrawn referral is final; a corrected one is replaced by its correction."""
    usable = services is not None and services.referral_log is not None
    if entry is None:
        return EntryActions(False, False, False, False, usable)
    active = entry.status not in (ReferralStatus.WITHDRAWN, ReferralStatus.CORRECTED)
    return EntryActions(
        recall=True,
        mark_sent=usable and entry.status is ReferralStatus.DRAFT_OPENED,
        withdraw=usable and entry.status is not ReferralStatus.WITHDRAWN,
        correct=usable and active,
        evaluate=usable,
    )


def _log_of(services: FollowUpServices | None) -> FollowUpServices:
    if services is None or services.referral_log is None:
        raise FollowUpRefused(REFERRAL_LOG_MISSING[0].upper() + REFERRAL_LOG_MISSING[1:] + ".")
    return services


def mark_sent(services: FollowUpServices | None, referral_id: str) -> None:
    """The team member confirms the mail left; raises FollowUpRefused with a Dutch reason."""
    checked = _log_of(services)
    assert checked.referral_log is not None
    try:
        checked.referral_log.mark_sent(referral_id, checked.clock())
    except ReferralLogError as error:
        raise FollowUpRefused(error.message) from None


def offered_password_channels(password_phone: str | None) -> tuple[PasswordChannel, ...]:
    """The ways to pass a password on that the window offers for the partner's password
    phone (E.164, or None when the registry has none): sms only to a mobile number."""
    if password_phone is not None and is_mobile(password_phone):
        return (PasswordChannel.PHONE, PasswordChannel.SMS, PasswordChannel.OTHER)
    return (PasswordChannel.PHONE, PasswordChannel.OTHER)


def record_password_channel(
    services: FollowUpServices | None, referral_id: str, channel: str
) -> None:
    """How the password went (phone, sms, in person); raises FollowUpRefused.

    Records what happened without checking it against the offered channels: the number it
    went to is not in the log and the registry may have changed since.
    """
    checked = _log_of(services)
    assert checked.referral_log is not None
    try:
        checked.referral_log.set_password_channel(referral_id, PasswordChannel(channel))
    except ValueError:
        raise FollowUpRefused("Onbekende manier om het wachtwoord door te geven.") from None
    except ReferralLogError as error:
        raise FollowUpRefused(error.message) from None


def recall_password(services: FollowUpServices | None, referral_id: str) -> str:
    """The one-time password again, for a call back; raises FollowUpRefused with why not."""
    vault = services.vault if services else None
    if vault is None:
        raise FollowUpRefused(
            "Er is geen sleutelbos; wachtwoorden kunnen niet opnieuw getoond worden."
        )
    try:
        password = vault.recall(referral_id)
    except VaultUnavailable as unavailable:
        raise FollowUpRefused(
            f"Het wachtwoord kan niet getoond worden: {unavailable.reason}."
        ) from None
    if password is None:
        raise FollowUpRefused(
            f"Het wachtwoord van {referral_id} is niet meer bewaard (bewaartermijn voorbij, of "
            "een vooraf afgesproken wachtwoord). Maak zo nodig een correctie met een nieuw "
            "wachtwoord."
        )
    return password


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
            numeric_date(sent),
        ),
        attachment=None,
    )


class WithdrawalResult(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

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
    mail_result, failures = open_draft_guarded(services.mail, draft, workdir, row.referral_id)
    referral_log_problem: str | None = None
    if services.referral_log is None:
        referral_log_problem = REFERRAL_LOG_MISSING
    else:
        try:
            services.referral_log.mark_withdrawn(
                row.referral_id, WithdrawalChannel.MAIL, services.clock()
            )
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
