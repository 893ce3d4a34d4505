"""Recording what the partner said, from the sent-referrals window: that it confirmed
receipt, that it could not open the archive, or (protocol art. 7) which kinds of field it
found incorrect. Every answer goes through the window's questions; the core records."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import Protocol

from PySide6.QtCore import QObject

from referral_desk.domain.dutch_dates import numeric_date, parse_numeric_date
from referral_desk.domain.referral_record import (
    DataFieldKind,
    PartnerReportKind,
    ReferralLogEntry,
    ReplyChannel,
)
from referral_desk.lifecycle.after_sending import FollowUpRefused
from referral_desk.lifecycle.partner_reports import record_partner_report
from referral_desk.ui.core_messages import worded
from referral_desk.ui.follow_up_host import FollowUpHost
from referral_desk.ui.partner_report_labels import field_kind_label, reply_channel_label
from referral_desk.ui.questions import Option, TextInput


class ReportingHost(FollowUpHost, Protocol):
    today: Callable[[], date]


class PartnerReportFlow(QObject):
    """Asks, calls the lifecycle, and says the outcome in the host window."""

    def __init__(self, host: ReportingHost) -> None:
        super().__init__(host.as_parent())
        self.host = host

    def receipt(self) -> None:
        row = self.host.selected()
        if row is None:
            return
        self._record(row, PartnerReportKind.RECEIVED, ())

    def report(self) -> None:
        """Could not open, or an art. 7 report with the kinds of field it names."""
        row = self.host.selected()
        if row is None:
            return
        host = self.host
        answer = host.questions.choose(
            host.as_parent(),
            host.safe_choice(
                "partner_report",
                self.tr("Melding van de partner"),
                self.tr("Wat meldt {0} over {1}?").format(row.partner_name, row.referral_id),
                Option("could_not_open", self.tr("Kon de bijlage niet openen")),
                Option("incorrect_data", self.tr("Onjuiste gegevens (art. 7)…")),
            ),
        )
        if answer == "could_not_open":
            self._record(row, PartnerReportKind.COULD_NOT_OPEN, ())
        elif answer == "incorrect_data":
            fields = self._field_kinds(row)
            if fields:
                self._record(row, PartnerReportKind.INCORRECT_DATA, fields)

    def _field_kinds(self, row: ReferralLogEntry) -> tuple[DataFieldKind, ...]:
        """One kind of field at a time, until Klaar: the kinds, never what was wrong."""
        chosen: list[DataFieldKind] = []
        while True:
            left = [kind for kind in DataFieldKind if kind not in chosen]
            options = [Option(kind.value, field_kind_label(kind)) for kind in left]
            if chosen:
                options.append(Option("done", self.tr("Klaar")))
            named = ", ".join(field_kind_label(kind) for kind in chosen) or self.tr("nog geen")
            answer = self.host.questions.choose(
                self.host.as_parent(),
                self.host.safe_choice(
                    "incorrect_field",
                    self.tr("Onjuiste gegevens (art. 7)"),
                    self.tr(
                        "Welke soort gegevens van {0} noemt de partner onjuist? Noteer alleen "
                        "de soort, nooit de gegevens zelf. Gekozen: {1}."
                    ).format(row.referral_id, named),
                    *options,
                ),
            )
            if answer == "done":
                return tuple(chosen)
            if answer is None or answer == "cancel":
                return ()
            chosen.append(DataFieldKind(answer))
            if not left[1:]:
                return tuple(chosen)

    def _record(
        self, row: ReferralLogEntry, kind: PartnerReportKind, fields: tuple[DataFieldKind, ...]
    ) -> None:
        host = self.host
        channel = host.questions.choose(
            host.as_parent(),
            host.safe_choice(
                "report_channel",
                self.tr("Hoe meldde de partner het?"),
                self.tr("Hoe liet {0} het weten over {1}?").format(
                    row.partner_name, row.referral_id
                ),
                *(Option(c.value, reply_channel_label(c)) for c in ReplyChannel),
            ),
        )
        if channel is None or channel == "cancel":
            return
        day = self._day(row)
        if day is None:
            return
        try:
            record_partner_report(
                host.services, row.referral_id, kind, day, ReplyChannel(channel), fields
            )
        except FollowUpRefused as refused:
            host.say(escape(worded(refused)), error=True)
            return
        host.refresh()
        host.select(row.referral_id)
        host.say(self.tr("Genoteerd voor {0}.").format(row.referral_id))

    def _day(self, row: ReferralLogEntry) -> date | None:
        host = self.host
        typed = host.questions.enter_text(
            host.as_parent(),
            TextInput(
                "report_day",
                self.tr("Datum van de melding"),
                self.tr("Op welke dag meldde de partner het (DD-MM-JJJJ)?"),
                numeric_date(host.today()),
                about=(row.referral_id,),
            ),
        )
        if typed is None:
            return None
        try:
            return parse_numeric_date(typed)
        except ValueError:
            host.say(
                self.tr("{0} is geen datum; schrijf ze als 31-01-2026.").format(escape(typed)),
                error=True,
            )
            return None
