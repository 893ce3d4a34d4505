"""The partners' reports as the windows word them: the channel, the kinds of field an
art. 7 report names, and one line per referral for the sent-referrals table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.domain.referral_record import (
    DataFieldKind,
    PartnerReport,
    PartnerReportKind,
    ReplyChannel,
)

translate = QCoreApplication.translate


def reply_channel_label(channel: ReplyChannel) -> str:
    return {
        ReplyChannel.MAIL: translate("PartnerReports", "antwoord per e-mail"),
        ReplyChannel.PHONE: translate("PartnerReports", "telefonisch"),
        ReplyChannel.OTHER: translate("PartnerReports", "ander kanaal"),
    }[channel]


def field_kind_label(kind: DataFieldKind) -> str:
    return {
        DataFieldKind.FIRST_NAME: translate("PartnerReports", "voornaam"),
        DataFieldKind.LAST_NAME: translate("PartnerReports", "achternaam"),
        DataFieldKind.ADDRESS: translate("PartnerReports", "adres"),
        DataFieldKind.PHONE: translate("PartnerReports", "telefoon"),
        DataFieldKind.EMAIL: translate("PartnerReports", "e-mail"),
    }[kind]


def report_text(report: PartnerReport) -> str:
    day = numeric_date(report.reported_on)
    if report.kind is PartnerReportKind.RECEIVED:
        return translate("PartnerReports", "ontvangen {0} ({1})").format(
            day, reply_channel_label(report.channel)
        )
    if report.kind is PartnerReportKind.COULD_NOT_OPEN:
        return translate("PartnerReports", "kon niet openen {0}").format(day)
    fields = ", ".join(field_kind_label(kind) for kind in report.fields)
    return translate("PartnerReports", "onjuist (art. 7) {0}: {1}").format(day, fields)


def reports_text(reports: Sequence[PartnerReport]) -> str:
    """Every report of one referral, oldest first, on one line."""
    return "; ".join(report_text(report) for report in reports)
