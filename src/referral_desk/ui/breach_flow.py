"""A data breach reported from the sent-referrals window: the kind asked, the mails to the
data protection officer and the partner prepared off the GUI thread, each draft no mail
program opened shown to copy by hand."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject

from referral_desk.domain.referral import ReferrerProfile
from referral_desk.domain.referral_record import ReferralLogEntry
from referral_desk.lifecycle.breach import (
    BreachContacts,
    BreachResult,
    OpenedDraft,
    breach_contacts,
    report_breach,
)
from referral_desk.ui.breach_dialog import BreachDialog
from referral_desk.ui.follow_up_host import FollowUpHost
from referral_desk.ui.mail_fallback_dialog import MailFallbackDialog


class BreachFlow(QObject):
    """Asks, calls the lifecycle, and says the outcome in the host window."""

    def __init__(self, host: FollowUpHost) -> None:
        super().__init__(host.as_parent())
        self.host = host

    def report(self) -> None:
        host = self.host
        row = host.selected()
        profile = host.profile()
        if row is None or host.services is None:
            return
        if profile is None:
            host.say(self.tr("Vul eerst uw aanmeldersprofiel in (menu Profiel)."), error=True)
            return
        contacts = breach_contacts(row, host.registry())
        dialog = BreachDialog(row, contacts, host.services.clock, host.as_parent())
        host.breach_dialog = dialog
        dialog.accepted.connect(lambda: self._start(row, profile, contacts, dialog))
        dialog.open()

    def _start(
        self,
        row: ReferralLogEntry,
        profile: ReferrerProfile,
        contacts: BreachContacts,
        dialog: BreachDialog,
    ) -> None:
        """The contacts the dialog showed are the ones written to: read once, on this thread."""
        host = self.host
        if host.services is None:
            return
        kind, facts = dialog.kind(), dialog.facts()
        services = host.services
        started = host.breach.start(
            lambda: report_breach(row, kind, profile, contacts, services, facts),
            lambda result: self._reported(row, result),
            self._failed,
        )
        if started:
            host.update_actions()
            host.say(self.tr("Bezig: de e-mails over het gegevenslek worden klaargezet…"))

    def _reported(self, row: ReferralLogEntry, result: object) -> None:
        assert isinstance(result, BreachResult)
        host = self.host
        host.refresh()
        host.select(row.referral_id)
        self._show_fallbacks(list(result.failed))
        addresses = ", ".join(escape(d.draft.to) for d in result.drafts)
        text = self.tr(
            "Gegevenslek bij {0} genoteerd; de e-mails aan {1} staan klaar. Verstuur ze meteen."
        ).format(row.referral_id, addresses)
        if not result.breach_contact_known:
            text += " " + self.tr(
                "Het meldpunt gegevenslekken van de partner is onbekend: zoek het op in het "
                "protocol."
            )
        if result.referral_log_problem:
            text += " " + escape(result.referral_log_problem)
        host.say(text, error=bool(result.referral_log_problem))

    def _show_fallbacks(self, pending: list[OpenedDraft]) -> None:
        """Each draft no mail client opened, one after the other."""
        if not pending:
            return
        first, rest = pending[0], pending[1:]
        dialog = MailFallbackDialog(first.draft, first.mail_failures, self.host.as_parent())
        self.host.fallback_dialog = dialog
        dialog.finished.connect(lambda _r: self._show_fallbacks(rest))
        dialog.open()

    def _failed(self, error: BaseException) -> None:
        self.host.follow_up_failed(
            error,
            where="breach report",
            outcome=self.tr(
                "De melding van het gegevenslek is misschien niet klaargezet: meld het zelf aan "
                "de functionaris voor gegevensbescherming."
            ),
        )
