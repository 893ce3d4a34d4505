"""What still has to happen for the referrals in the log, computed from the log and the
partner registry on a given day: nothing is stored as "open", so nothing can go stale.

The rules (each action names the one step that settles it, :class:`SettlingStep`):

* a draft made but not marked sent, from the day after it was made (DRAFT_GRACE_DAYS): the
  usual flow marks it sent right away; settled by marking it sent (or cancelling it);
* a sent referral whose password was not passed on, at once (the partner cannot open the
  archive without it), unless the partner works with a pre-shared password; settled by
  recording how it was passed on;
* a sent referral without the partner's confirmation of receipt, once the protocol's
  ``acknowledgement_working_days`` (else DEFAULT_ACKNOWLEDGEMENT_WORKING_DAYS) working days
  have passed since sending (see open_actions_calendar); a report that it could not be opened
  does not settle it; settled by recording the confirmation;
* a written deletion request after a withdrawal passed on by phone (the withdrawal mail asks
  for it already); settled by recording the request as sent; and after a correction that went
  to another partner (see lifecycle.correction), settled by the deletion request;
* a correction after the partner reported incorrect data (protocol art. 7); settled by a
  correction made on or after the report, or by recording the correction as sent.

A corrected, withdrawn or cancelled referral owes no password nor acknowledgement any more.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol

from referral_desk.domain.errors import Message
from referral_desk.domain.partners import PartnerRegistry, PasswordMode
from referral_desk.domain.referral_record import (
    DeletionRequest,
    OpenActionKind,
    PartnerReport,
    PartnerReportKind,
    PasswordChannel,
    ReferralLogEntry,
    ReferralStatus,
    Settlement,
    WithdrawalChannel,
)
from referral_desk.lifecycle import open_actions_messages as says
from referral_desk.lifecycle.correction import pair_owes_deletion
from referral_desk.lifecycle.open_actions_calendar import working_days_after
from referral_desk.lifecycle.recording import FollowUpServices

DRAFT_GRACE_DAYS = 1
DEFAULT_ACKNOWLEDGEMENT_WORKING_DAYS = 5


class SettlingStep(StrEnum):
    MARK_SENT = "mark_sent"
    RECORD_PASSWORD = "record_password"
    RECORD_RECEIPT = "record_receipt"
    RECORD_DELETION_REQUEST = "record_deletion_request"
    RECORD_CORRECTION = "record_correction"


STEP_OF: dict[OpenActionKind, SettlingStep] = {
    OpenActionKind.DRAFT_NOT_SENT: SettlingStep.MARK_SENT,
    OpenActionKind.PASSWORD_NOT_TOLD: SettlingStep.RECORD_PASSWORD,
    OpenActionKind.NO_ACKNOWLEDGEMENT: SettlingStep.RECORD_RECEIPT,
    OpenActionKind.DELETION_OWED: SettlingStep.RECORD_DELETION_REQUEST,
    OpenActionKind.CORRECTION_OWED: SettlingStep.RECORD_CORRECTION,
}
_STEP_SAID = {
    SettlingStep.MARK_SENT: says.STEP_MARK_SENT,
    SettlingStep.RECORD_PASSWORD: says.STEP_PASSWORD,
    SettlingStep.RECORD_RECEIPT: says.STEP_RECEIPT,
    SettlingStep.RECORD_DELETION_REQUEST: says.STEP_DELETION,
    SettlingStep.RECORD_CORRECTION: says.STEP_CORRECTION,
}


@dataclass(frozen=True)
class OpenAction:
    """One thing still to do. *since*: the day of what made it owed (the draft made, the
    referral sent, the withdrawal, the correction, the report); *working_days* the
    acknowledgement term that applied; *correction_id* the correction a deletion request is
    owed for (None after a withdrawal)."""

    referral_id: str
    partner_id: str
    partner_name: str
    kind: OpenActionKind
    since: date
    working_days: int | None = None
    correction_id: str | None = None

    @property
    def step(self) -> SettlingStep:
        return STEP_OF[self.kind]

    @property
    def said(self) -> Message:
        if self.kind is OpenActionKind.NO_ACKNOWLEDGEMENT:
            return says.NO_ACKNOWLEDGEMENT(days=self.working_days or 0)
        if self.kind is OpenActionKind.DELETION_OWED:
            if self.correction_id is not None:
                return says.DELETION_AFTER_CORRECTION(correction=self.correction_id)
            return says.DELETION_AFTER_WITHDRAWAL()
        return {
            OpenActionKind.DRAFT_NOT_SENT: says.DRAFT_NOT_SENT,
            OpenActionKind.PASSWORD_NOT_TOLD: says.PASSWORD_NOT_TOLD,
            OpenActionKind.CORRECTION_OWED: says.CORRECTION_OWED,
        }[self.kind]()

    @property
    def step_said(self) -> Message:
        return _STEP_SAID[self.step]()


class LoggedFollowUps(Protocol):
    """What the open actions read of the referral log."""

    def all(self) -> list[ReferralLogEntry]: ...

    def partner_reports(self, referral_id: str | None = None) -> dict[str, list[PartnerReport]]: ...

    def settlements(self, referral_id: str | None = None) -> dict[str, list[Settlement]]: ...

    def deletion_requests(self, referral_id: str) -> list[DeletionRequest]: ...


def acknowledgement_days(registry: PartnerRegistry | None, partner_id: str) -> int:
    """The protocol's term for *partner_id*, else the default (a partner no longer in the
    registry too)."""
    partner = registry.partner(partner_id) if registry is not None else None
    days = partner.protocol.acknowledgement_working_days if partner is not None else None
    return days or DEFAULT_ACKNOWLEDGEMENT_WORKING_DAYS


def _preshared(registry: PartnerRegistry | None, partner_id: str) -> bool:
    partner = registry.partner(partner_id) if registry is not None else None
    return partner is not None and partner.password_mode is PasswordMode.PRE_SHARED


@dataclass(frozen=True)
class _Facts:
    """Everything read once for the whole list."""

    rows: Mapping[str, ReferralLogEntry]
    reports: Mapping[str, Sequence[PartnerReport]]
    settlements: Mapping[str, Sequence[Settlement]]
    registry: PartnerRegistry | None
    today: date

    def settled(self, row: ReferralLogEntry, kind: OpenActionKind, since: date) -> bool:
        return any(
            s.action is kind and s.settled_on >= since
            for s in self.settlements.get(row.referral_id, ())
        )

    def reported(self, row: ReferralLogEntry, kind: PartnerReportKind) -> list[date]:
        return [r.reported_on for r in self.reports.get(row.referral_id, ()) if r.kind is kind]


def _action(
    row: ReferralLogEntry,
    kind: OpenActionKind,
    since: date,
    working_days: int | None = None,
    correction_id: str | None = None,
) -> OpenAction:
    return OpenAction(
        row.referral_id, row.partner_id, row.partner_name, kind, since, working_days, correction_id
    )


def _draft(row: ReferralLogEntry, facts: _Facts) -> list[OpenAction]:
    made = row.created_at.date()
    if row.status is not ReferralStatus.DRAFT_OPENED:
        return []
    if facts.today < made + timedelta(days=DRAFT_GRACE_DAYS):
        return []
    return [_action(row, OpenActionKind.DRAFT_NOT_SENT, made)]


def _after_sending(row: ReferralLogEntry, facts: _Facts) -> list[OpenAction]:
    sent = row.sent_at
    if row.status is not ReferralStatus.SENT or sent is None:
        return []
    found: list[OpenAction] = []
    if row.password_channel is PasswordChannel.NOT_YET and not _preshared(
        facts.registry, row.partner_id
    ):
        found.append(_action(row, OpenActionKind.PASSWORD_NOT_TOLD, sent.date()))
    days = acknowledgement_days(facts.registry, row.partner_id)
    due = working_days_after(sent.date(), days)
    if facts.today >= due and not facts.reported(row, PartnerReportKind.RECEIVED):
        found.append(
            _action(row, OpenActionKind.NO_ACKNOWLEDGEMENT, sent.date(), working_days=days)
        )
    return found


def _deletion(row: ReferralLogEntry, facts: _Facts, log: LoggedFollowUps) -> list[OpenAction]:
    found: list[OpenAction] = []
    withdrawn = row.status_at(ReferralStatus.WITHDRAWN)
    if (
        row.status is ReferralStatus.WITHDRAWN
        and withdrawn is not None
        and row.withdrawal_channel is not WithdrawalChannel.MAIL
        and not facts.settled(row, OpenActionKind.DELETION_OWED, withdrawn.date())
    ):
        found.append(_action(row, OpenActionKind.DELETION_OWED, withdrawn.date()))
    correction = facts.rows.get(row.corrected_by or "")
    if (
        correction is not None
        and row.status is ReferralStatus.CORRECTED
        and pair_owes_deletion(row, correction, log.deletion_requests)
    ):
        found.append(
            _action(
                row,
                OpenActionKind.DELETION_OWED,
                correction.created_at.date(),
                correction_id=correction.referral_id,
            )
        )
    return found


def _correction(row: ReferralLogEntry, facts: _Facts) -> list[OpenAction]:
    reports = facts.reported(row, PartnerReportKind.INCORRECT_DATA)
    if not reports or row.status in (ReferralStatus.WITHDRAWN, ReferralStatus.CANCELLED):
        return []
    latest = max(reports)
    correction = facts.rows.get(row.corrected_by or "")
    if correction is not None and correction.created_at.date() >= latest:
        return []
    if facts.settled(row, OpenActionKind.CORRECTION_OWED, latest):
        return []
    return [_action(row, OpenActionKind.CORRECTION_OWED, latest)]


def open_actions(
    referral_log: LoggedFollowUps, registry: PartnerRegistry | None, today: date
) -> list[OpenAction]:
    """Every open action on *today*, the oldest first. Raises ReferralLogError (a
    UserFacingError) when the log cannot be read."""
    rows = referral_log.all()
    facts = _Facts(
        rows={row.referral_id: row for row in rows},
        reports=referral_log.partner_reports(),
        settlements=referral_log.settlements(),
        registry=registry,
        today=today,
    )
    found: list[OpenAction] = []
    for row in rows:
        found += _draft(row, facts)
        found += _after_sending(row, facts)
        found += _deletion(row, facts, referral_log)
        found += _correction(row, facts)
    kinds = list(OpenActionKind)
    return sorted(found, key=lambda a: (a.since, a.referral_id, kinds.index(a.kind)))


def open_actions_of(
    services: FollowUpServices | None, registry: PartnerRegistry | None, today: date
) -> list[OpenAction]:
    """:func:`open_actions` of the window's log; none without a log. Raises ReferralLogError
    (a UserFacingError) when the log cannot be read."""
    if services is None or services.referral_log is None:
        return []
    return open_actions(services.referral_log, registry, today)
