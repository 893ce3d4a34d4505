"""A correction that goes to another partner (art. 7): the first partner must hear of it.

A corrected address can fall under another OCMW. The correction then goes there, and the
first partner keeps data it was never competent for unless it is asked to delete them. This
module says whether that is the case (before creating, as soon as the partner for the
corrected address is known, and after), builds the deletion request and records it once it
opened or the user confirmed it went. The mail names the two referral IDs only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from pydantic import BaseModel, ConfigDict

from referral_desk.delivery.message import (
    DraftMessage,
    correction_deletion_body,
    correction_deletion_subject,
)
from referral_desk.delivery.openers import DraftResult
from referral_desk.domain.dutch_dates import numeric_date, numeric_date_time
from referral_desk.domain.errors import Message, MessageTemplate, UserFacingError
from referral_desk.domain.fields import format_phone_national
from referral_desk.domain.partners import PartnerRegistry
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.domain.referral_record import DeletionRequest, ReferralLogEntry, ReferralStatus
from referral_desk.lifecycle.follow_up_address import follow_up_address
from referral_desk.lifecycle.follow_up_messages import REFERRAL_LOG_MISSING as LOG_NOT_AVAILABLE
from referral_desk.lifecycle.mail_drafts import DraftState, draft_state, open_draft_guarded
from referral_desk.lifecycle.recording import (
    REFERRAL_LOG_MISSING,
    REFERRAL_LOG_MISSING_SAID,
    FollowUpServices,
)
from referral_desk.storage.referral_log import ReferralLog, ReferralLogError
from referral_desk.storage.referral_log_errors import NOT_IN_LOG

log = logging.getLogger(__name__)

DELETION_FOLDER = "verwijderverzoek"


class CorrectionRefused(UserFacingError):
    """A step of the deletion request cannot be taken; nothing was changed."""


ORIGINAL_UNCHECKED = MessageTemplate(
    "correction.original_unchecked",
    "Of de correctie naar een andere partner gaat, kan niet nagekeken worden: {reason}",
)
GOES_ELSEWHERE = MessageTemplate(
    "correction.goes_elsewhere",
    "De gecorrigeerde gegevens gaan naar {partner}, niet naar {first} die de eerste "
    "doorverwijzing kreeg. Vraag {first} de gegevens van {original} te verwijderen: na het "
    "maken staat daarvoor een knop klaar.",
)
WENT_ELSEWHERE = MessageTemplate(
    "correction.went_elsewhere",
    "De correctie {correction} ging naar {partner}, niet naar {first} die de eerste "
    "doorverwijzing kreeg. Vraag {first} de gegevens van {original} te verwijderen.",
)
WITH_PERIOD = MessageTemplate("correction.with_period", "{reason}.")


@dataclass(frozen=True)
class PartnerRef:
    """Who receives the correction: what the window knows from the lookup or the referral."""

    partner_id: str
    name: str
    mailbox: str


@dataclass(frozen=True)
class CorrectionRoute:
    """Whether the correction leaves the first partner behind, and what the window says."""

    original_id: str
    other_partner: bool
    first_partner: str
    said: Message | None

    @property
    def sentence(self) -> str | None:
        """:attr:`said` in Dutch; None when the correction stays with the first partner."""
        return self.said.dutch if self.said is not None else None

    @property
    def button_text(self) -> str:
        return f"Verwijderverzoek aan {self.first_partner}"


def original_of(services: FollowUpServices | None, referral_id: str) -> ReferralLogEntry:
    """The row being corrected; raises CorrectionRefused with a Dutch reason."""
    referral_log = services.referral_log if services is not None else None
    if referral_log is None:
        raise CorrectionRefused(
            ORIGINAL_UNCHECKED(reason=WITH_PERIOD(reason=REFERRAL_LOG_MISSING_SAID()))
        )
    try:
        entry = referral_log.get(referral_id)
    except ReferralLogError as error:
        raise CorrectionRefused(ORIGINAL_UNCHECKED(reason=error.said)) from None
    if entry is None:
        raise CorrectionRefused(NOT_IN_LOG(referral_id=referral_id))
    return entry


def _never_sent(original: ReferralLogEntry) -> bool:
    # A cancelled draft never reached the first partner: there is nothing to delete there.
    return original.status_at(ReferralStatus.CANCELLED) is not None


def goes_elsewhere(original: ReferralLogEntry, new: PartnerRef) -> bool:
    """Another partner: another id *and* another mailbox. A renewed protocol (new id, same
    mailbox) or a changed mailbox of the same partner reaches the same service, which
    replaces the data as the correction mail asks."""
    return (
        original.partner_id != new.partner_id
        and original.mailbox.casefold() != new.mailbox.casefold()
        and not _never_sent(original)
    )


def correction_route(
    original: ReferralLogEntry, new: PartnerRef, correction_id: str | None = None
) -> CorrectionRoute:
    """Before creating (*correction_id* None) and after: the sentence names both partners."""
    first = original.partner_name
    if not goes_elsewhere(original, new):
        return CorrectionRoute(original.referral_id, False, first, None)
    if correction_id is None:
        said = GOES_ELSEWHERE(partner=new.name, first=first, original=original.referral_id)
    else:
        said = WENT_ELSEWHERE(
            correction=correction_id, partner=new.name, first=first, original=original.referral_id
        )
    return CorrectionRoute(original.referral_id, True, first, said)


@dataclass(frozen=True)
class DeletionAddress:
    """Where the request goes, and a Dutch note when it is not simply the mailbox used."""

    to: str
    note: str | None = None


def deletion_address(
    original: ReferralLogEntry, registry: PartnerRegistry | None
) -> DeletionAddress:
    """The first partner's mailbox in today's registry: the one read now."""
    address = follow_up_address(original, registry, "het verzoek")
    return DeletionAddress(address.mailbox, address.note)


def deletion_draft(
    original: ReferralLogEntry, correction_id: str, referrer: ReferrerProfile, to: str
) -> DraftMessage:
    """Only the two IDs, the date and the referrer: no client field, not the new partner."""
    return DraftMessage(
        to=to,
        subject=correction_deletion_subject(original.referral_id, correction_id, original.team),
        body=correction_deletion_body(
            original.referral_id,
            correction_id,
            original.team,
            referrer.name,
            format_phone_national(referrer.phone),
            numeric_date(original.sent_at or original.created_at),
        ),
        attachment=None,
    )


class DeletionResult(BaseModel):
    """What the window shows. *recorded*: the request is in the log; when the draft did not
    open, the window asks the user to confirm it went and then calls
    :func:`confirm_deletion_sent`."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    draft: DraftMessage
    mail_result: DraftResult | None
    mail_failures: tuple[tuple[str, str], ...] = ()
    recorded: bool = False
    referral_log_problem: str | None = None

    @property
    def opened(self) -> bool:
        return draft_state(self.mail_result) is DraftState.OPENED


def _record(services: FollowUpServices, original_id: str, correction_id: str) -> str | None:
    if services.referral_log is None:
        return REFERRAL_LOG_MISSING
    try:
        services.referral_log.record_deletion_request(original_id, correction_id, services.clock())
    except ReferralLogError as error:
        return error.message
    return None


def request_deletion(
    original: ReferralLogEntry,
    correction_id: str,
    referrer: ReferrerProfile,
    address: DeletionAddress,
    services: FollowUpServices,
) -> DeletionResult:
    """Opens the request through the same mail adapters; records it only when a client
    opened it. Raises OutboxError (nothing changed) when there is no place for the draft."""
    draft = deletion_draft(original, correction_id, referrer, address.to)
    workdir = services.outbox.follow_up_folder(original.referral_id, DELETION_FOLDER)
    mail_result, failures = open_draft_guarded(services.mail, draft, workdir, original.referral_id)
    recorded, problem = False, None
    if draft_state(mail_result) is DraftState.OPENED:
        problem = _record(services, original.referral_id, correction_id)
        recorded = problem is None
    log.info(
        "deletion request for %s (correction %s) %s",
        original.referral_id,
        correction_id,
        "recorded" if recorded else "waiting for confirmation",
    )
    return DeletionResult(
        draft=draft,
        mail_result=mail_result,
        mail_failures=failures,
        recorded=recorded,
        referral_log_problem=problem,
    )


def confirm_deletion_sent(
    services: FollowUpServices | None, original_id: str, correction_id: str
) -> None:
    """The user says the request went; raises CorrectionRefused (nothing recorded)."""
    if services is None:
        raise CorrectionRefused(LOG_NOT_AVAILABLE())
    problem = _record(services, original_id, correction_id)
    if problem is not None:
        raise CorrectionRefused(problem[0].upper() + problem[1:])


def deletion_line(requests: list[DeletionRequest]) -> str:
    """The detail a sent-referrals row shows, the same on the original and the correction."""
    return "; ".join(
        f"verwijderverzoek voor {r.original_id} (correctie {r.correction_id}) op "
        f"{numeric_date_time(r.at)}"
        for r in requests
    )


def deletion_lines(referral_log: ReferralLog, rows: list[ReferralLogEntry]) -> dict[str, str]:
    """Per referral ID in a correction pair, its deletion requests as one line; raises
    ReferralLogError. Rows outside a correction cannot have one and are not asked for."""
    lines: dict[str, str] = {}
    for row in rows:
        if row.corrects is None and row.corrected_by is None:
            continue
        requests = referral_log.deletion_requests(row.referral_id)
        if requests:
            lines[row.referral_id] = deletion_line(requests)
    return lines


DELETION_PENDING = MessageTemplate(
    "correction.deletion_pending",
    "Het verwijderverzoek aan {partner} voor {original} (correctie {correction}) is nog niet "
    "als verstuurd genoteerd. Toch doorgaan?",
)


def pending_deletion_said(route: CorrectionRoute, correction_id: str) -> Message | None:
    """What emptying or closing the window would drop: the offer is made only here."""
    if not route.other_partner:
        return None
    return DELETION_PENDING(
        partner=route.first_partner, original=route.original_id, correction=correction_id
    )


def pending_deletion_question(route: CorrectionRoute, correction_id: str) -> str | None:
    """:func:`pending_deletion_said` in Dutch."""
    said = pending_deletion_said(route, correction_id)
    return said.dutch if said is not None else None


class DeletionDue(Enum):
    """Whether the first partner of a correction pair still has to be asked to delete."""

    NOT_OWED = "not_owed"
    # Owed and never prepared: the offer after creating was left (window closed, crash).
    OWED = "owed"
    # Prepared (its outbox folder exists) but neither opened nor confirmed as sent.
    PREPARED = "prepared"


@dataclass(frozen=True)
class OwedDeletion:
    """The pair a deletion request is owed for; *original* is the row the request is about."""

    due: DeletionDue
    original: ReferralLogEntry | None = None
    correction_id: str | None = None

    @property
    def owed(self) -> bool:
        return self.due is not DeletionDue.NOT_OWED


_NOT_OWED = OwedDeletion(DeletionDue.NOT_OWED)


def pair_owes_deletion(
    original: ReferralLogEntry,
    correction: ReferralLogEntry,
    requests: Callable[[str], Sequence[DeletionRequest]],
) -> bool:
    """Whether the first partner is still owed a request to delete *original*, which
    *correction* sent elsewhere. A withdrawn original was already asked to be deleted; a
    cancelled correction never left, so the first partner is still the only one.
    *requests* reads the deletion requests recorded for an original, only when needed."""
    if (
        original.corrected_by != correction.referral_id
        or original.status is ReferralStatus.WITHDRAWN
        or correction.status is ReferralStatus.CANCELLED
        or not goes_elsewhere(
            original,
            PartnerRef(correction.partner_id, correction.partner_name, correction.mailbox),
        )
    ):
        return False
    return not any(
        r.original_id == original.referral_id and r.correction_id == correction.referral_id
        for r in requests(original.referral_id)
    )


def _pair_owes(
    original: ReferralLogEntry,
    correction: ReferralLogEntry,
    referral_log: ReferralLog,
    services: FollowUpServices,
) -> OwedDeletion:
    if not pair_owes_deletion(original, correction, referral_log.deletion_requests):
        return _NOT_OWED
    prepared = services.outbox.has_follow_up(original.referral_id, DELETION_FOLDER)
    due = DeletionDue.PREPARED if prepared else DeletionDue.OWED
    return OwedDeletion(due, original, correction.referral_id)


def deletion_owed(
    entry: ReferralLogEntry | None, services: FollowUpServices | None
) -> OwedDeletion:
    """Whether a deletion request is still owed for *entry*'s correction pair, read from the
    log and the outbox alone so that a request left unsent when the app closed is offered
    again. On an original it is its own; on a correction, its original's (the request is
    about both rows). Raises ReferralLogError."""
    referral_log = services.referral_log if services is not None else None
    if entry is None or services is None or referral_log is None:
        return _NOT_OWED
    if entry.corrected_by is not None:
        correction = referral_log.get(entry.corrected_by)
        if correction is not None:
            owed = _pair_owes(entry, correction, referral_log, services)
            if owed.owed:
                return owed
    if entry.corrects is not None:
        original = referral_log.get(entry.corrects)
        if original is not None:
            return _pair_owes(original, entry, referral_log, services)
    return _NOT_OWED
