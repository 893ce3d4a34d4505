"""The deletion request of a correction pair, from the sent-referrals window: what is owed
said in the details, the mail prepared (again), or recorded once the user says it went."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.referral_record import ReferralLogEntry
from referral_desk.lifecycle.correction import (
    CorrectionRefused,
    DeletionAddress,
    DeletionDue,
    DeletionResult,
    OwedDeletion,
    confirm_deletion_sent,
    deletion_address,
    deletion_owed,
    request_deletion,
)
from referral_desk.ui.core_messages import worded
from referral_desk.ui.follow_up_host import FollowUpHost
from referral_desk.ui.mail_fallback_dialog import MailFallbackDialog
from referral_desk.ui.questions import Option


class DeletionFlow(QObject):
    """Asks, calls the lifecycle, and says the outcome in the host window."""

    def __init__(self, host: FollowUpHost) -> None:
        super().__init__(host.as_parent())
        self.host = host

    def owed(self, row: ReferralLogEntry | None) -> tuple[OwedDeletion, str | None]:
        """The deletion request still owed for the row's correction pair, or why it is
        unknown."""
        try:
            return deletion_owed(row, self.host.services), None
        except UserFacingError as error:
            return OwedDeletion(DeletionDue.NOT_OWED), worded(error.said)

    def owed_line(self, owed: OwedDeletion) -> str | None:
        original, correction_id = owed.original, owed.correction_id
        if original is None or correction_id is None:
            return None
        if owed.due is DeletionDue.PREPARED:
            return self.tr(
                "Verwijderverzoek nog te versturen: het verzoek aan {0} voor {1} (correctie {2}) "
                "is klaargezet maar nog niet als verstuurd bevestigd."
            ).format(original.partner_name, original.referral_id, correction_id)
        return self.tr(
            "Verwijderverzoek nog te versturen: vraag {0} de gegevens van {1} te verwijderen "
            "(correctie {2})."
        ).format(original.partner_name, original.referral_id, correction_id)

    def send(self) -> None:
        """The deletion request of a correction pair, from either row: prepared again, or
        recorded once the user says the one prepared earlier went."""
        host = self.host
        row = host.selected()
        if row is None or host.services is None:
            return
        owed, problem = self.owed(row)
        original, correction_id = owed.original, owed.correction_id
        if problem is not None:
            host.say(escape(problem), error=True)
            return
        if original is None or correction_id is None:
            return
        if owed.due is DeletionDue.PREPARED:
            choice = host.safe_choice(
                "deletion_sent",
                self.tr("Verwijderverzoek"),
                self.tr(
                    "Het verwijderverzoek aan {0} voor {1} (correctie {2}) is klaargezet maar "
                    "nog niet als verstuurd genoteerd.\n\nIs het verwijderverzoek verstuurd?"
                ).format(original.partner_name, original.referral_id, correction_id),
                Option("sent", self.tr("Ja, noteren"), name="deletionSent"),
                Option(
                    "again",
                    self.tr("Opnieuw klaarzetten"),
                    QMessageBox.ButtonRole.ActionRole,
                    name="deletionAgain",
                ),
            )
            answer = host.questions.choose(host.as_parent(), choice)
            if answer == "sent":
                self._confirm(row, original.referral_id, correction_id)
                return
            if answer != "again":
                return
        self._prepare(row, original, correction_id)

    def _prepare(
        self, row: ReferralLogEntry, original: ReferralLogEntry, correction_id: str
    ) -> None:
        host = self.host
        profile = host.profile()
        if profile is None or host.services is None:
            host.say(self.tr("Vul eerst uw aanmeldersprofiel in (menu Profiel)."), error=True)
            return
        # Read on this thread: the address the window says is the one written to.
        address = deletion_address(original, host.registry())
        services = host.services
        started = host.deletion.start(
            lambda: request_deletion(original, correction_id, profile, address, services),
            lambda result: self._prepared(row, address, result),
            self._failed,
        )
        if started:
            host.update_actions()
            host.say(self.tr("Bezig: het verwijderverzoek wordt klaargezet…"))

    def _prepared(self, row: ReferralLogEntry, address: DeletionAddress, result: object) -> None:
        assert isinstance(result, DeletionResult)
        host = self.host
        host.refresh()
        host.select(row.referral_id)
        to = escape(result.draft.to)
        if result.recorded:
            text = self.tr(
                "Verwijderverzoek genoteerd; de e-mail aan {0} staat klaar in uw "
                "e-mailprogramma. Verstuur ze."
            ).format(to)
        elif result.opened:
            text = self.tr(
                "De e-mail aan {0} staat klaar in uw e-mailprogramma. Verstuur ze en klik daarna "
                "opnieuw op \u2018Verwijderverzoek\u2019 om ze als verstuurd te noteren."
            ).format(to)
        else:
            host.fallback_dialog = MailFallbackDialog(
                result.draft, result.mail_failures, host.as_parent()
            )
            host.fallback_dialog.open()
            text = self.tr(
                "Geen e-mailprogramma opende het verwijderverzoek aan {0}. Verstuur de "
                "gekopieerde tekst zelf en klik daarna opnieuw op \u2018Verwijderverzoek\u2019 "
                "om het als verstuurd te noteren; tot dan is niets genoteerd."
            ).format(to)
        notes = [address.note, result.referral_log_problem]
        text += "".join(" " + escape(note) for note in notes if note)
        host.say(text, error=bool(result.referral_log_problem))

    def _failed(self, error: BaseException) -> None:
        self.host.follow_up_failed(
            error,
            where="correction deletion request",
            outcome=self.tr(
                "Het verwijderverzoek is misschien niet klaargezet; er is niets genoteerd. "
                "Probeer het opnieuw."
            ),
        )

    def _confirm(self, row: ReferralLogEntry, original_id: str, correction_id: str) -> None:
        host = self.host
        try:
            confirm_deletion_sent(host.services, original_id, correction_id)
        except CorrectionRefused as refused:
            host.say(escape(worded(refused)), error=True)
            return
        host.refresh()
        host.select(row.referral_id)
        host.say(
            self.tr("Verwijderverzoek genoteerd bij {0} en {1}.").format(original_id, correction_id)
        )
