"""The main window after "create": the draft's state, the password to pass on, what could
not be recorded, and a correction's banner; problems shown where the user acts.

Texts are in the MainWindow context of the catalog, as the window they belong to.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.domain.fields import format_phone_national
from referral_desk.ui.core_messages import worded
from referral_desk.ui.password_panel import PasswordPanel
from referral_desk.ui.plain_message import plain_box
from referral_desk.ui.questions import Answers, Notice, Question

if TYPE_CHECKING:
    # The core comes in after the window shows; what runs once it is there imports it.
    from referral_desk.lifecycle.session import ReferralSession
    from referral_desk.ui.deletion_request_bar import DeletionRequestBar
    from referral_desk.ui.mail_fallback_dialog import MailFallbackDialog


class ResultArea(QMainWindow if TYPE_CHECKING else object):  # type: ignore[misc]
    """Part of MainWindow: what it shows once a referral was made, or refused."""

    session: ReferralSession
    questions: Answers
    result_status: QLabel
    correction_banner: QLabel
    correction_actions: DeletionRequestBar
    password_panel: PasswordPanel
    fallback_dialog: MailFallbackDialog | None = None

    def show_problem(self, title: str, message: str) -> None:
        """In the window, where the user acts, and in a box that does not block the window."""
        self.result_status.setText(f"<b>{escape(title)}</b><br>{escape(message)}")
        box = plain_box(self, QMessageBox.Icon.Warning, title, message)
        box.setObjectName("problemMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def tell_wait(self) -> None:
        notice = Notice(
            "wait",
            QCoreApplication.translate("MainWindow", "Even geduld"),
            QCoreApplication.translate(
                "MainWindow", "De doorverwijzing wordt nog gemaakt. Sluit het venster daarna."
            ),
        )
        self.questions.tell(self, notice)

    def confirm_mailbox_change(self, partner: str, old: str, new: str) -> bool:
        """A changed mailbox is the one registry edit that silently redirects data."""
        text = QCoreApplication.translate(
            "MainWindow",
            "Het partnerregister geeft voor {0} een ander adres dan de vorige keer:<br>"
            "vorige keer: <b>{1}</b><br>nu: <b>{2}</b><br><br>Controleer bij twijfel bij uw "
            "coördinator of dit klopt voor u verstuurt.",
        ).format(escape(partner), escape(old), escape(new))
        question = Question(
            "mailbox_change",
            QCoreApplication.translate("MainWindow", "Mailbox van de partner gewijzigd"),
            text,
            accept=QCoreApplication.translate("MainWindow", "Nieuw adres is juist, doorgaan"),
            cancel=QCoreApplication.translate("MainWindow", "Annuleren"),
            rich=True,
            about=(partner, old, new),
        )
        return self.questions.ask(self, question)

    def show_created(self) -> None:
        from referral_desk.lifecycle.mail_drafts import DraftState, draft_state
        from referral_desk.ui.mail_fallback_dialog import MailFallbackDialog

        created, hand_over = self.session.created, self.session.hand_over()
        if created is None or hand_over is None:
            return
        self.form.set_read_only(True, locked=True)
        self.consent_panel.set_editable(False)
        partner = created.referral.partner
        if hand_over.preshared:
            self.password_panel.show_preshared(created.referral_id, partner.name)
        else:
            phone = (
                format_phone_national(hand_over.password_phone)
                if hand_over.password_phone
                else QCoreApplication.translate(
                    "MainWindow", "telefoonnummer niet in het partnerregister"
                )
            )
            self.password_panel.show_password(
                created.referral_id,
                created.password,
                f"{partner.name}, {phone}",
                hand_over.channels,
            )
        state = draft_state(created.mail_result)
        if state is DraftState.OPENED:
            status = QCoreApplication.translate(
                "MainWindow",
                "Het e-mailconcept aan {0} is geopend met het archief als bijlage. "
                "Controleer het en verstuur het.",
            ).format(escape(partner.mailbox))
        elif state is DraftState.SAVED and created.mail_result is not None:
            status = QCoreApplication.translate(
                "MainWindow", "Het e-mailconcept is bewaard als {0}."
            ).format(escape(str(created.mail_result.eml_path)))
        else:
            status = QCoreApplication.translate(
                "MainWindow", "Geen e-mailprogramma gevonden: stuur het archief zelf."
            )
            self.fallback_dialog = MailFallbackDialog(created.draft, created.mail_failures, self)
            self.fallback_dialog.open()
        self.result_status.setText(status + self.record_note())
        self.show_correction_result()
        self.update_state()
        # On a short screen the password sits below the fold: bring it into view once laid out.
        QTimer.singleShot(0, self.scroll_to_password)

    def record_note(self) -> str:
        record = self.session.record
        if record is None:
            return ""
        notes: list[str] = []
        if record.said_referral_log_problem:
            notes.append(
                QCoreApplication.translate(
                    "MainWindow",
                    "<b>Niet in het logboek opgenomen</b> ({0}). Meld dit aan uw coördinator "
                    "met het ID hierboven.",
                ).format(escape(worded(record.said_referral_log_problem)))
            )
        if record.recall_until is not None:
            notes.append(
                QCoreApplication.translate(
                    "MainWindow",
                    "Het wachtwoord kan tot {0} opnieuw getoond worden (menu Doorverwijzingen).",
                ).format(numeric_date(record.recall_until))
            )
        elif record.said_recall_problem:
            notes.append(
                QCoreApplication.translate(
                    "MainWindow",
                    "Het wachtwoord kan later niet opnieuw getoond worden: {0}. Geef het nu "
                    "door; schrijf het nergens op.",
                ).format(escape(worded(record.said_recall_problem)))
            )
        return "".join(f"<br>{note}" for note in notes)

    def record_channel(self, channel: str) -> None:
        from referral_desk.domain.referral_record import PasswordChannel
        from referral_desk.lifecycle.after_sending import FollowUpRefused

        if self.session.created is None:
            return
        try:
            self.session.record_channel(PasswordChannel(channel))
        except FollowUpRefused as refused:
            self.password_panel.status.setText(worded(refused))
            return
        self.password_panel.status.setText(
            QCoreApplication.translate("MainWindow", "Genoteerd in het logboek.")
        )
        self.refresh_referral_log_window()

    def confirm_sent(self) -> None:
        from referral_desk.lifecycle.after_sending import FollowUpRefused

        if self.session.created is None:
            return
        try:
            self.session.confirm_sent()
        except FollowUpRefused as refused:
            self.password_panel.status.setText(worded(refused))
            return
        self.password_panel.sent_button.setEnabled(False)
        self.password_panel.status.setText(
            QCoreApplication.translate("MainWindow", "Als verstuurd genoteerd in het logboek.")
        )
        self.refresh_referral_log_window()

    # --- a correction ---------------------------------------------------------------
    def start_correction(self, referral_id: str) -> None:
        """An empty form that, once made, names and links the referral it corrects."""
        if not self.new_referral():
            return
        self.session.start_correction(referral_id)
        self.show_correction_banner()
        self.correction_banner.setVisible(True)
        self.raise_()
        self.activateWindow()

    def show_correction_banner(self) -> None:
        """Before creating: whether the partner for the corrected address is another one."""
        correcting = self.session.correcting
        if correcting is None or self.session.created is not None:
            return
        text = QCoreApplication.translate(
            "MainWindow",
            "<b>Correctie van {0}.</b> Vul de juiste gegevens opnieuw in; de nieuwe "
            "doorverwijzing verwijst naar {0}. Nieuwe doorverwijzing annuleert de correctie.",
        ).format(correcting)
        if self.session.correcting_said is not None:
            text += "<br>" + escape(worded(self.session.correcting_said))
        else:
            route = self.session.route_before()
            if route is not None and route.said is not None:
                text += "<br><b>" + escape(worded(route.said)) + "</b>"
        self.correction_banner.setText(text)

    def show_correction_result(self) -> None:
        """After creating a correction: the deletion request when it went to another partner."""
        created, correcting = self.session.created, self.session.correcting
        if created is None or correcting is None or created.referral.corrects != correcting:
            return
        route = self.session.route_after()
        original = self.session.correcting_original
        if route is None or original is None:
            self.correction_banner.setText(escape(worded(self.session.correcting_said or "")))
            return
        if route.said is None:
            self.correction_banner.setText(
                QCoreApplication.translate(
                    "MainWindow", "<b>Correctie gemaakt:</b> {0} corrigeert {1}."
                ).format(created.referral_id, correcting)
            )
            return
        self.correction_banner.setText("<b>" + escape(worded(route.said)) + "</b>")
        self.correction_actions.offer(route, original, created.referral_id)
