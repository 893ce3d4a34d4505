"""Ending a referral after sending, from the sent-referrals window: consent withdrawn (by
mail or by phone), a withdrawal mail confirmed as sent, a draft never sent cancelled."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.referral_record import ReferralLogEntry, WithdrawalChannel
from referral_desk.lifecycle.after_sending import (
    FollowUpRefused,
    WithdrawalAddress,
    WithdrawalResult,
    cancel_referral,
    confirm_withdrawal_sent,
    withdraw_by_phone,
    withdraw_consent,
    withdrawal_address,
)
from referral_desk.ui.core_messages import worded
from referral_desk.ui.follow_up_host import FollowUpHost
from referral_desk.ui.mail_fallback_dialog import MailFallbackDialog
from referral_desk.ui.questions import Choice, Option

CHANNELS = {"mail": WithdrawalChannel.MAIL, "phone": WithdrawalChannel.PHONE}


class WithdrawalFlow(QObject):
    """Asks, calls the lifecycle, and says the outcome in the host window."""

    def __init__(self, host: FollowUpHost) -> None:
        super().__init__(host.as_parent())
        self.host = host

    def question(self, row: ReferralLogEntry, address: WithdrawalAddress) -> Choice:
        text = self.tr(
            "De cliënt van {0} trekt de toestemming in. Geef dat door aan {1}: per e-mail (er "
            "opent een e-mail aan {2} die vraagt de gegevens te verwijderen) of telefonisch. "
            "Het wachtwoord wordt daarna gewist."
        ).format(row.referral_id, row.partner_name, address.mailbox)
        if address.note:
            text += "\n\n" + address.note
        return self.host.safe_choice(
            "withdrawal",
            self.tr("Toestemming ingetrokken"),
            text,
            Option("mail", self.tr("Per e-mail…"), name="withdrawByMail"),
            Option("phone", self.tr("Telefonisch doorgegeven"), name="withdrawByPhone"),
        )

    def withdraw(self) -> None:
        host = self.host
        row = host.selected()
        profile = host.profile()
        if row is None or host.services is None:
            return
        address = withdrawal_address(row, host.registry())
        answer = host.questions.choose(host.as_parent(), self.question(row, address))
        channel = CHANNELS.get(answer or "")
        if channel is None:
            return
        if channel is WithdrawalChannel.PHONE:
            try:
                vault_problem = withdraw_by_phone(row, host.services)
            except FollowUpRefused as refused:
                host.say(escape(worded(refused)), error=True)
                return
            self._after(
                row,
                self.tr("Intrekking van {0} genoteerd als telefonisch doorgegeven.").format(
                    row.referral_id
                ),
                vault_problem,
            )
            return
        if profile is None:
            host.say(self.tr("Vul eerst uw aanmeldersprofiel in (menu Profiel)."), error=True)
            return
        services = host.services
        started = host.withdrawal.start(
            lambda: withdraw_consent(row, profile, services, address),
            lambda result: self._withdrawn(row, result),
            self._failed,
        )
        if started:
            host.update_actions()
            host.say(self.tr("Bezig: de e-mail voor de intrekking wordt klaargezet…"))

    def _after(self, row: ReferralLogEntry, text: str, vault_problem: str | None) -> None:
        self.host.refresh()
        self.host.select(row.referral_id)
        if vault_problem:
            text += " " + escape(vault_problem)
        self.host.say(text, error=bool(vault_problem))

    def _withdrawn(self, row: ReferralLogEntry, result: object) -> None:
        assert isinstance(result, WithdrawalResult)
        host = self.host
        host.refresh()
        host.select(row.referral_id)
        to = escape(result.address.mailbox)
        if result.recorded:
            text = self.tr(
                "Intrekking van {0} genoteerd; de e-mail aan {1} staat klaar in uw "
                "e-mailprogramma. Verstuur ze."
            ).format(row.referral_id, to)
        elif result.opened:
            text = self.tr(
                "De e-mail aan {0} staat klaar in uw e-mailprogramma. Verstuur ze en klik daarna "
                "op \u2018Intrekking verstuurd bevestigen\u2019."
            ).format(to)
        else:
            host.fallback_dialog = MailFallbackDialog(
                result.draft, result.mail_failures, host.as_parent()
            )
            host.fallback_dialog.open()
            text = self.tr(
                "Geen e-mailprogramma opende de e-mail aan {0}. Verstuur de gekopieerde tekst "
                "zelf en klik daarna op \u2018Intrekking verstuurd bevestigen\u2019; tot dan "
                "blijft de status ongewijzigd."
            ).format(to)
        notes = [result.address.note, result.referral_log_problem, result.vault_problem]
        text += "".join(" " + escape(note) for note in notes if note)
        host.say(text, error=bool(result.referral_log_problem or result.vault_problem))

    def _failed(self, error: BaseException) -> None:
        self.host.follow_up_failed(
            error,
            where="withdrawal",
            outcome=self.tr(
                "De intrekking is misschien niet genoteerd: kijk de status in de lijst na en "
                "herhaal ze zo nodig."
            ),
        )

    def confirm_sent(self) -> None:
        host = self.host
        row = host.selected()
        if row is None or host.services is None:
            return
        choice = host.safe_choice(
            "withdrawal_sent",
            self.tr("Intrekking verstuurd bevestigen"),
            self.tr(
                "Hebt u de e-mail over de intrekking van {0} verstuurd? Dan noteert het "
                "logboek de intrekking per e-mail en wordt het wachtwoord gewist."
            ).format(row.referral_id),
            Option("sent", self.tr("Ja, verstuurd")),
        )
        if host.questions.choose(host.as_parent(), choice) != "sent":
            return
        try:
            vault_problem = confirm_withdrawal_sent(row, host.services)
        except FollowUpRefused as refused:
            host.say(escape(worded(refused)), error=True)
            return
        self._after(
            row,
            self.tr("Intrekking van {0} genoteerd als per e-mail doorgegeven.").format(
                row.referral_id
            ),
            vault_problem,
        )

    def cancel(self) -> None:
        """A draft never sent: removed, not withdrawn; the partner never hears of it."""
        host = self.host
        row = host.selected()
        if row is None or host.services is None:
            return
        choice = host.safe_choice(
            "cancel_referral",
            self.tr("Doorverwijzing annuleren"),
            self.tr(
                "{0} is nooit als verstuurd genoteerd. Annuleren verwijdert het archief uit de "
                "outbox en wist het wachtwoord; er wordt niets gemaild. Verwijder zelf ook het "
                "concept in uw e-mailprogramma.\n\nHebt u de e-mail toch verstuurd? Kies dan "
                "\u2018Niet annuleren\u2019, bevestig eerst dat ze verstuurd is en trek daarna "
                "de toestemming in."
            ).format(row.referral_id),
            Option(
                "confirm",
                self.tr("Doorverwijzing annuleren"),
                QMessageBox.ButtonRole.DestructiveRole,
                name="confirmCancel",
            ),
            cancel=self.tr("Niet annuleren"),
        )
        if host.questions.choose(host.as_parent(), choice) != "confirm":
            return
        try:
            vault_problem = cancel_referral(row, host.services)
        except UserFacingError as error:
            host.say(escape(worded(error)), error=True)
            return
        self._after(
            row,
            self.tr("{0} is geannuleerd; het archief is verwijderd.").format(row.referral_id),
            vault_problem,
        )
