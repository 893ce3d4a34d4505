"""Under the correction banner: the deletion request to the first partner of a correction
that went to another one (``lifecycle.correction`` decides; this shows and asks)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from referral_desk.ui.background import BackgroundRunner
from referral_desk.ui.core_messages import worded
from referral_desk.ui.failure_dialog import report_unexpected_failure

if TYPE_CHECKING:
    # The bar is built with the main window, before the core loads; its calls import it.
    from referral_desk.domain.partners import PartnerRegistry
    from referral_desk.domain.referral import ReferrerProfile
    from referral_desk.domain.referral_record import ReferralLogEntry
    from referral_desk.lifecycle.correction import CorrectionRoute
    from referral_desk.lifecycle.recording import FollowUpServices


class DeletionRequestBar(QWidget):
    # The log gained a deletion request: windows showing the log refresh.
    recorded = Signal()

    def __init__(
        self,
        follow_up: FollowUpServices | None,
        registry: Callable[[], PartnerRegistry | None],
        profile: Callable[[], ReferrerProfile | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("correctionActions")
        self.follow_up = follow_up
        self.registry = registry
        self.profile = profile
        self.route: CorrectionRoute | None = None
        self.original: ReferralLogEntry | None = None
        self.correction_id: str | None = None
        # (original, correction) of a request waiting for the user to confirm it went.
        self.unconfirmed: tuple[str, str] | None = None
        self.runner = BackgroundRunner(self)
        self.fallback_dialog: QWidget | None = None

        self.button = QPushButton(self)
        self.button.setObjectName("deletionRequestButton")
        self.button.clicked.connect(self.open_request)
        self.sent_button = QPushButton(self.tr("Verwijderverzoek verstuurd"), self)
        self.sent_button.setObjectName("deletionSentButton")
        self.sent_button.clicked.connect(self.confirm_sent)
        self.sent_button.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("deletionStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.sent_button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.status)
        self.setVisible(False)

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def offer(self, route: CorrectionRoute, original: ReferralLogEntry, correction_id: str) -> None:
        self.route, self.original, self.correction_id = route, original, correction_id
        self.button.setText(
            self.tr("Verwijderverzoek aan {0}").format(route.first_partner).replace("&", "&&")
        )
        self.button.setEnabled(True)
        self.sent_button.setVisible(False)
        self.status.clear()
        self.setVisible(True)

    def reset(self) -> None:
        self.route = self.original = self.correction_id = None
        self.unconfirmed = None
        self.sent_button.setVisible(False)
        self.status.clear()
        self.setVisible(False)

    def pending_question(self) -> str | None:
        """An offered request not yet recorded is lost with the window's contents."""
        if self.route is None or self.correction_id is None or not self.button.isEnabled():
            return None
        if not self._still_owed():
            return None
        from referral_desk.lifecycle.correction import pending_deletion_said

        said = pending_deletion_said(self.route, self.correction_id)
        return worded(said) if said is not None else None

    def _still_owed(self) -> bool:
        """False once the request is recorded elsewhere (the sent-referrals window can send
        it too); when the log cannot say, the offer stays."""
        if self.original is None:
            return True
        from referral_desk.lifecycle.referral_log_view import deletion_still_owed

        return deletion_still_owed(self.follow_up, self.original.referral_id)

    def _already_recorded(self) -> bool:
        if self._still_owed():
            return False
        self.unconfirmed = None
        self.button.setEnabled(False)
        self.sent_button.setVisible(False)
        self.status.setText(self.tr("Het verwijderverzoek staat al in het logboek."))
        return True

    def open_request(self) -> None:
        """The deletion mail to the first partner, off the GUI thread like every draft."""
        from referral_desk.lifecycle.correction import deletion_address, request_deletion

        original, correction_id, services = self.original, self.correction_id, self.follow_up
        if original is None or correction_id is None or services is None:
            return
        if self._already_recorded():
            return
        profile = self.profile()
        if profile is None:
            self.status.setText(self.tr("Vul eerst uw aanmeldersprofiel in (menu Profiel)."))
            return
        # Read on this thread: the address the window says is the one written to.
        address = deletion_address(original, self.registry())
        started = self.runner.start(
            lambda: request_deletion(original, correction_id, profile, address, services),
            lambda result: self._done(address.note, result),
            self._failed,
        )
        if started:
            self.button.setEnabled(False)
            self.status.setText(self.tr("Bezig: het verwijderverzoek wordt klaargezet…"))

    def _done(self, note: str | None, result: object) -> None:
        from referral_desk.lifecycle.correction import DeletionResult
        from referral_desk.ui.mail_fallback_dialog import MailFallbackDialog

        assert isinstance(result, DeletionResult)
        route, correction_id = self.route, self.correction_id
        if route is None or correction_id is None:
            return
        to = escape(result.draft.to)
        if result.opened:
            text = self.tr("Het verwijderverzoek aan {0} is geopend. Verstuur het.").format(to)
        elif result.mail_result is not None and result.mail_result.eml_path is not None:
            text = self.tr("Het verwijderverzoek aan {0} is bewaard als {1}.").format(
                to, escape(str(result.mail_result.eml_path))
            )
        else:
            text = self.tr(
                "Geen e-mailprogramma gevonden: stuur het verwijderverzoek aan {0} zelf."
            ).format(to)
            dialog = MailFallbackDialog(result.draft, result.mail_failures, self.window())
            self.fallback_dialog = dialog
            dialog.open()
        if note:
            text += " " + escape(note)
        if result.recorded:
            text += " " + self.tr("Genoteerd in het logboek bij {0} en {1}.").format(
                route.original_id, correction_id
            )
            self.unconfirmed = None
            self.sent_button.setVisible(False)
        else:
            if result.referral_log_problem:
                text += " " + self.tr("Niet genoteerd in het logboek: {0}.").format(
                    escape(result.referral_log_problem)
                )
            text += " " + self.tr(
                "Klik op ‘Verwijderverzoek verstuurd’ zodra het verstuurd is: pas dan noteert "
                "het logboek het."
            )
            self.unconfirmed = (route.original_id, correction_id)
            self.sent_button.setVisible(True)
            self.button.setEnabled(True)
        self.status.setText(text)
        self.recorded.emit()

    def _failed(self, error: BaseException) -> None:
        from referral_desk.domain.errors import UserFacingError

        self.button.setEnabled(True)
        if isinstance(error, UserFacingError):
            self.status.setText(escape(worded(error)))
            return
        report_unexpected_failure(
            self.window(),
            error,
            where="correction deletion request",
            outcome=self.tr(
                "Het verwijderverzoek is misschien niet klaargezet; probeer het opnieuw."
            ),
        )

    def confirm_sent(self) -> None:
        from referral_desk.lifecycle.correction import CorrectionRefused, confirm_deletion_sent

        pending = self.unconfirmed
        if pending is None or self._already_recorded():
            return
        try:
            confirm_deletion_sent(self.follow_up, *pending)
        except CorrectionRefused as refused:
            self.status.setText(escape(worded(refused)))
            return
        self.unconfirmed = None
        self.sent_button.setVisible(False)
        self.button.setEnabled(False)
        self.status.setText(
            self.tr("Verwijderverzoek genoteerd in het logboek bij {0} en {1}.").format(*pending)
        )
        self.recorded.emit()
