"""Recording what a partner said about a referral: that it arrived, that the archive could
not be opened, or (protocol art. 7) which kinds of field it found incorrect, never the values.

Each function records and raises FollowUpRefused with a Dutch reason; the windows only ask
and show. *on* is the day the partner said it; it cannot lie after today.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from referral_desk.domain.errors import MessageTemplate
from referral_desk.domain.referral_record import (
    DataFieldKind,
    PartnerReport,
    PartnerReportKind,
    ReferralLogEntry,
    ReplyChannel,
)
from referral_desk.lifecycle import follow_up_messages
from referral_desk.lifecycle.after_sending import FollowUpRefused
from referral_desk.lifecycle.recording import FollowUpServices
from referral_desk.storage.referral_log import ReferralLog, ReferralLogError

DAY_IN_FUTURE = MessageTemplate(
    "partner_reports.day_in_future", "De datum {day} ligt na vandaag; kies een andere."
)
NO_FIELD_KINDS = MessageTemplate(
    "partner_reports.no_field_kinds",
    "Kies welke soort gegevens de partner onjuist noemt (voornaam, achternaam, adres, "
    "telefoon of e-mail).",
)


def may_report(entry: ReferralLogEntry | None) -> bool:
    """A partner can only say something about a referral that was sent to it."""
    return entry is not None and entry.sent_at is not None


def reports_by_referral(services: FollowUpServices | None) -> dict[str, list[PartnerReport]]:
    """Referral ID → its partner's reports, oldest first; empty without a log. Raises
    ReferralLogError (a UserFacingError) when the log cannot be read."""
    if services is None or services.referral_log is None:
        return {}
    return services.referral_log.partner_reports()


def log_of(services: FollowUpServices | None) -> ReferralLog:
    if services is None or services.referral_log is None:
        raise FollowUpRefused(follow_up_messages.REFERRAL_LOG_MISSING())
    return services.referral_log


def moment_on(services: FollowUpServices, on: date) -> datetime:
    """The moment to record for something done on *on*: now when it is today, else noon of
    that day in the clock's zone. Raises FollowUpRefused for a day after today."""
    now = services.clock()
    if on > now.date():
        raise FollowUpRefused(DAY_IN_FUTURE(day=on.isoformat()))
    return now if on == now.date() else datetime.combine(on, time(12), tzinfo=now.tzinfo)


def record_partner_report(
    services: FollowUpServices | None,
    referral_id: str,
    kind: PartnerReportKind,
    on: date,
    channel: ReplyChannel,
    fields: Sequence[DataFieldKind] = (),
) -> PartnerReport:
    """Records the report and returns it; raises FollowUpRefused."""
    referral_log = log_of(services)
    assert services is not None
    moment_on(services, on)
    if kind is PartnerReportKind.INCORRECT_DATA and not fields:
        raise FollowUpRefused(NO_FIELD_KINDS())
    chosen = tuple(dict.fromkeys(fields)) if kind is PartnerReportKind.INCORRECT_DATA else ()
    report = PartnerReport(
        at=services.clock(), kind=kind, reported_on=on, channel=channel, fields=chosen
    )
    try:
        referral_log.record_partner_report(referral_id, report)
    except ReferralLogError as error:
        raise FollowUpRefused(error.said) from None
    return report


def record_receipt(
    services: FollowUpServices | None, referral_id: str, on: date, channel: ReplyChannel
) -> PartnerReport:
    return record_partner_report(services, referral_id, PartnerReportKind.RECEIVED, on, channel)
