"""After the draft: sent, the password channel, recall, and the protocols' follow-ups
(withdrawal of consent by the same procedure, cancelling a draft never sent).

Each function decides and records; the windows only show what it returns. A referral
log or keyring that fails is said in the result or a FollowUpRefused, in Dutch, and what
did not happen is not recorded as if it had.

A withdrawal by mail is *pending* while its folder exists in the outbox and the status is
not yet WITHDRAWN: the folder is made only when the withdrawal mail is prepared, so it is
the record that a mail was prepared without a schema change. Retention may remove it; the
withdrawal can then simply be started again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from referral_desk.delivery.message import DraftMessage, withdrawal_body, withdrawal_subject
from referral_desk.delivery.openers import DraftResult
from referral_desk.domain.dutch_dates import numeric_date, numeric_date_time
from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.fields import format_phone_national, is_mobile
from referral_desk.domain.partners import PartnerRegistry
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.domain.referral_record import (
    WITHDRAWAL_CHANNEL_LABELS,
    PasswordChannel,
    ReferralLogEntry,
    ReferralStatus,
    WithdrawalChannel,
)
from referral_desk.lifecycle import follow_up_messages as says
from referral_desk.lifecycle.follow_up_address import FollowUpAddress, follow_up_address
from referral_desk.lifecycle.mail_drafts import open_draft_guarded
from referral_desk.lifecycle.recording import REFERRAL_LOG_MISSING, FollowUpServices
from referral_desk.storage.outbox import OutboxError
from referral_desk.storage.password_vault import VaultUnavailable
from referral_desk.storage.referral_log import ReferralLog, ReferralLogError

log = logging.getLogger(__name__)

WITHDRAWAL_FOLDER = "intrekking"
RECALL_GONE_WITHDRAWN = says.RECALL_WITHDRAWN.text
RECALL_GONE_CANCELLED = says.RECALL_CANCELLED.text
_RECALL_GONE = {
    RECALL_GONE_WITHDRAWN: says.RECALL_WITHDRAWN(),
    RECALL_GONE_CANCELLED: says.RECALL_CANCELLED(),
}


class FollowUpRefused(UserFacingError):
    """The step cannot be taken (no referral log, no keyring, nothing to recall)."""


@dataclass(frozen=True)
class EntryActions:
    """Which follow-ups make sense for one referral log entry.

    ``recall_reason`` says why the password cannot be shown (None when it can, or when
    nothing is selected). A referral is withdrawn once it may have reached the partner;
    a draft never sent is cancelled instead, so the partner is never mailed about it. A breach
    can be reported for any entry, whatever its status: one can come to light after a
    withdrawal too.
    """

    recall: bool
    mark_sent: bool
    withdraw: bool
    correct: bool
    evaluate: bool
    cancel: bool = False
    confirm_withdrawal: bool = False
    report_breach: bool = False
    recall_reason: str | None = None


def withdrawal_pending(entry: ReferralLogEntry, services: FollowUpServices | None) -> bool:
    """A withdrawal mail was prepared but not yet recorded as sent (see the module docstring)."""
    if services is None or entry.status in (ReferralStatus.WITHDRAWN, ReferralStatus.CANCELLED):
        return False
    return services.outbox.has_follow_up(entry.referral_id, WITHDRAWAL_FOLDER)


def entry_actions(
    entry: ReferralLogEntry | None, services: FollowUpServices | None
) -> EntryActions:
    """A withdrawn or cancelled referral is final; a corrected one is replaced by its
    correction but can still be withdrawn (the partner holds it)."""
    usable = services is not None and services.referral_log is not None
    if entry is None:
        return EntryActions(False, False, False, False, usable)
    status = entry.status
    gone = {
        ReferralStatus.WITHDRAWN: RECALL_GONE_WITHDRAWN,
        ReferralStatus.CANCELLED: RECALL_GONE_CANCELLED,
    }.get(status)
    may_withdraw = usable and status in (ReferralStatus.SENT, ReferralStatus.CORRECTED)
    return EntryActions(
        recall=gone is None,
        mark_sent=usable and status is ReferralStatus.DRAFT_OPENED,
        withdraw=may_withdraw,
        correct=usable and status in (ReferralStatus.DRAFT_OPENED, ReferralStatus.SENT),
        evaluate=usable,
        cancel=usable and status is ReferralStatus.DRAFT_OPENED,
        confirm_withdrawal=may_withdraw and withdrawal_pending(entry, services),
        report_breach=services is not None,
        recall_reason=gone,
    )


def _log_of(services: FollowUpServices | None) -> ReferralLog:
    if services is None or services.referral_log is None:
        raise FollowUpRefused(says.REFERRAL_LOG_MISSING())
    return services.referral_log


def mark_sent(services: FollowUpServices | None, referral_id: str) -> None:
    """The team member confirms the mail left; raises FollowUpRefused with a Dutch reason."""
    referral_log = _log_of(services)
    assert services is not None
    try:
        referral_log.mark_sent(referral_id, services.clock())
    except ReferralLogError as error:
        raise FollowUpRefused(error.said) from None


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
    referral_log = _log_of(services)
    try:
        referral_log.set_password_channel(referral_id, PasswordChannel(channel))
    except ValueError:
        raise FollowUpRefused(says.UNKNOWN_CHANNEL()) from None
    except ReferralLogError as error:
        raise FollowUpRefused(error.said) from None


@dataclass(frozen=True)
class RecalledPassword:
    """The password (never in a repr, so never in a log line) and whether the recall
    could be recorded: a log that fails must not hide the password, but is said."""

    password: str = field(repr=False)
    referral_log_problem: str | None = None


def recall_password(services: FollowUpServices | None, referral_id: str) -> RecalledPassword:
    """The one-time password again, for a call back, recorded as shown (the moment, never
    the password); raises FollowUpRefused with why not."""
    vault = services.vault if services else None
    if services is None or vault is None:
        raise FollowUpRefused(says.NO_KEYRING())
    referral_log = services.referral_log
    if referral_log is not None:
        try:
            entry = referral_log.get(referral_id)
        except ReferralLogError:
            entry = None
        reason = entry_actions(entry, services).recall_reason if entry else None
        if reason is not None:
            raise FollowUpRefused(_RECALL_GONE[reason])
    try:
        password = vault.recall(referral_id)
    except VaultUnavailable as unavailable:
        raise FollowUpRefused(says.RECALL_UNAVAILABLE(reason=unavailable.said)) from None
    if password is None:
        raise FollowUpRefused(says.RECALL_GONE(referral_id=referral_id))
    problem: str | None = None
    if referral_log is None:
        problem = REFERRAL_LOG_MISSING
    else:
        try:
            referral_log.record_recall(referral_id, services.clock())
        except ReferralLogError as error:
            problem = error.message
    if problem is not None:
        log.warning("recall of %s shown but not recorded", referral_id)
        problem = f"Het opnieuw tonen is niet in het logboek genoteerd: {problem}"
    return RecalledPassword(password, problem)


def entry_details(entry: ReferralLogEntry, services: FollowUpServices | None) -> tuple[str, ...]:
    """Dutch lines about one entry beyond its table row: how it was withdrawn, a withdrawal
    mail still to confirm, and when the password was shown again."""
    lines: list[str] = []
    if entry.status is ReferralStatus.WITHDRAWN:
        moment = entry.status_at(ReferralStatus.WITHDRAWN)
        how = (
            f" {WITHDRAWAL_CHANNEL_LABELS[entry.withdrawal_channel]}"
            if entry.withdrawal_channel
            else ""
        )
        when = f" op {numeric_date_time(moment)}" if moment else ""
        lines.append(f"Intrekking{how} doorgegeven{when}.")
    elif withdrawal_pending(entry, services):
        lines.append(
            "De e-mail over de intrekking is klaargezet maar nog niet als verstuurd bevestigd."
        )
    referral_log = services.referral_log if services else None
    if referral_log is not None:
        try:
            recalls = referral_log.recalls(entry.referral_id)
        except ReferralLogError as error:
            lines.append(error.message)
        else:
            lines.append(recall_summary(recalls))
    return tuple(lines)


def recall_summary(recalls: list[datetime]) -> str:
    if not recalls:
        return "Wachtwoord nooit opnieuw getoond."
    shown = ", ".join(numeric_date_time(moment) for moment in recalls[-3:])
    earlier = " (laatste drie)" if len(recalls) > 3 else ""
    return f"Wachtwoord {len(recalls)} keer opnieuw getoond{earlier}: {shown}."


# --- withdrawal ---------------------------------------------------------------------------
# Where the withdrawal mail goes, and ``note`` when that is not simply the mailbox used.
WithdrawalAddress = FollowUpAddress


def withdrawal_address(
    entry: ReferralLogEntry, registry: PartnerRegistry | None
) -> WithdrawalAddress:
    """The partner's mailbox in today's registry: whoever reads it now must delete the data."""
    return follow_up_address(entry, registry, "de e-mail")


def withdrawal_draft(
    row: ReferralLogEntry, referrer: ReferrerProfile, to: str | None = None
) -> DraftMessage:
    """To *to* (see :func:`withdrawal_address`), else the mailbox used at the time."""
    sent = row.sent_at
    return DraftMessage(
        to=to or row.mailbox,
        subject=withdrawal_subject(row.referral_id, row.team),
        body=withdrawal_body(
            row.referral_id,
            row.team,
            referrer.name,
            format_phone_national(referrer.phone),
            numeric_date(sent) if sent is not None else None,
        ),
        attachment=None,
    )


class WithdrawalResult(BaseModel):
    """``recorded``: the status is WITHDRAWN now. When no mail client opened the draft it is
    not: the user sends the copied text and confirms (``confirm_withdrawal_sent``)."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    draft: DraftMessage
    address: WithdrawalAddress
    mail_result: DraftResult | None
    mail_failures: tuple[tuple[str, str], ...] = ()
    recorded: bool = False
    referral_log_problem: str | None = None
    vault_problem: str | None = None

    @property
    def opened(self) -> bool:
        return self.mail_result is not None and self.mail_result.opened


def _forget_password(services: FollowUpServices, referral_id: str) -> str | None:
    """The partner deletes the data or never got it: the password has nothing left to open.
    Recall is refused from now on whatever the keyring does; a failure is said."""
    if services.vault is None:
        return None
    try:
        services.vault.forget(referral_id)
    except VaultUnavailable as unavailable:
        log.warning("password of %s not removed from the keyring", referral_id)
        return (
            f"Het wachtwoord kon niet uit de sleutelbos gewist worden ({unavailable.reason}); "
            "het wordt niet meer getoond en verdwijnt na de bewaartermijn."
        )
    return None


def _mark_withdrawn(
    services: FollowUpServices, entry: ReferralLogEntry, channel: WithdrawalChannel
) -> str | None:
    """Records the withdrawal, then forgets the password; raises FollowUpRefused (nothing
    changed) when it cannot be recorded. Returns a keyring problem, if any."""
    if entry.status not in (ReferralStatus.SENT, ReferralStatus.CORRECTED):
        raise FollowUpRefused(says.NOT_WITHDRAWABLE(referral_id=entry.referral_id))
    referral_log = _log_of(services)
    try:
        referral_log.mark_withdrawn(entry.referral_id, channel, services.clock())
    except ReferralLogError as error:
        raise FollowUpRefused(says.WITHDRAWAL_NOT_RECORDED(reason=error.said)) from None
    log.info("withdrawal of %s recorded (%s)", entry.referral_id, channel.value)
    return _forget_password(services, entry.referral_id)


def withdraw_by_phone(entry: ReferralLogEntry, services: FollowUpServices) -> str | None:
    """The partner was told by phone: no mail, WITHDRAWN at once. Raises FollowUpRefused;
    returns a keyring problem to show, if any."""
    return _mark_withdrawn(services, entry, WithdrawalChannel.PHONE)


def confirm_withdrawal_sent(entry: ReferralLogEntry, services: FollowUpServices) -> str | None:
    """The user sent the withdrawal mail by hand (no mail client opened it)."""
    return _mark_withdrawn(services, entry, WithdrawalChannel.MAIL)


def withdraw_consent(
    row: ReferralLogEntry,
    referrer: ReferrerProfile,
    services: FollowUpServices,
    address: WithdrawalAddress | None = None,
) -> WithdrawalResult:
    """Opens the withdrawal mail through the same adapters; records the withdrawal only when
    a mail client opened it.

    Raises FollowUpRefused (no referral log, or not a referral that left) and OutboxError
    when there is no place for the draft; nothing changed then.
    """
    _log_of(services)
    if row.status not in (ReferralStatus.SENT, ReferralStatus.CORRECTED):
        raise FollowUpRefused(says.NEVER_SENT(referral_id=row.referral_id))
    address = address or withdrawal_address(row, None)
    draft = withdrawal_draft(row, referrer, address.mailbox)
    workdir = services.outbox.follow_up_folder(row.referral_id, WITHDRAWAL_FOLDER)
    mail_result, failures = open_draft_guarded(services.mail, draft, workdir, row.referral_id)
    recorded = False
    referral_log_problem: str | None = None
    vault_problem: str | None = None
    if mail_result is not None and mail_result.opened:
        try:
            vault_problem = _mark_withdrawn(services, row, WithdrawalChannel.MAIL)
        except FollowUpRefused as refused:
            referral_log_problem = refused.message
        else:
            recorded = True
    return WithdrawalResult(
        draft=draft,
        address=address,
        mail_result=mail_result,
        mail_failures=failures,
        recorded=recorded,
        referral_log_problem=referral_log_problem,
        vault_problem=vault_problem,
    )


# --- cancelling ---------------------------------------------------------------------------
def cancel_referral(entry: ReferralLogEntry, services: FollowUpServices) -> str | None:
    """A draft never sent: its archive leaves the outbox, its password the keyring, and the
    row becomes CANCELLED. Nothing is mailed. Raises FollowUpRefused or OutboxError with
    nothing changed; returns a keyring problem to show, if any."""
    if entry.status is not ReferralStatus.DRAFT_OPENED:
        raise FollowUpRefused(says.NOT_CANCELLABLE(referral_id=entry.referral_id))
    referral_log = _log_of(services)
    try:
        referral_log.check_writable()
    except ReferralLogError as error:
        raise FollowUpRefused(says.CANCELLING_NOT_RECORDED(reason=error.said)) from None
    if not services.outbox.discard(entry.referral_id):
        raise OutboxError(
            says.ARCHIVE_NOT_REMOVED(
                referral_id=entry.referral_id, folder=str(services.outbox.root)
            )
        )
    try:
        referral_log.mark_cancelled(entry.referral_id, services.clock())
    except ReferralLogError as error:
        raise FollowUpRefused(says.CANCELLED_NOT_RECORDED(reason=error.said)) from None
    log.info("referral %s cancelled", entry.referral_id)
    return _forget_password(services, entry.referral_id)
