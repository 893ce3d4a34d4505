"""The main window's two phases: shown before the core has loaded, then given the session.

``app.main`` shows the window at once and loads the core (the models, the partner registry,
the referral log, the keyring, the mail client detection) off the GUI thread; until it is
attached, what needs the core says so and is disabled, and what is typed is kept, then
checked and looked up. Part of MainWindow, like the menus (window_menus).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton

from referral_desk.domain.errors import Message
from referral_desk.lifecycle.discarding import WindowContents, discard_said, form_has_input
from referral_desk.ui.background import BackgroundRunner
from referral_desk.ui.core_messages import worded
from referral_desk.ui.failure_dialog import report_unexpected_failure
from referral_desk.ui.questions import Answers, Question

if TYPE_CHECKING:
    from referral_desk.lifecycle.desk import Desk
    from referral_desk.lifecycle.session import ReferralSession
    from referral_desk.ui.client_form import ClientForm
    from referral_desk.ui.consent_panel import ConsentPanel
    from referral_desk.ui.deletion_request_bar import DeletionRequestBar
    from referral_desk.ui.open_actions_notice import OpenActionsNotice
    from referral_desk.ui.partner_panel import PartnerPanel
    from referral_desk.ui.password_panel import PasswordPanel

translate = QCoreApplication.translate


class CoreAttachment(QMainWindow if TYPE_CHECKING else object):  # type: ignore[misc]
    """Part of MainWindow: loading the core, attaching it, and what holds until then."""

    session: ReferralSession
    desk: Desk
    attached: bool
    questions: Answers
    loading: BackgroundRunner
    housekeeping: BackgroundRunner
    housekeeping_pending: bool
    core_actions: list[QAction]
    form: ClientForm
    consent_panel: ConsentPanel
    partner_panel: PartnerPanel
    password_panel: PasswordPanel
    correction_actions: DeletionRequestBar
    new_button: QPushButton
    blockers: QLabel
    clock_banner: QLabel
    open_actions_notice: OpenActionsNotice

    def load_core(self, work: Callable[[], ReferralSession]) -> None:
        """Runs *work* (the core's loading, which returns the session) off the GUI thread
        and attaches what it returns; the form takes input meanwhile."""

        def loaded(session: object) -> None:
            from referral_desk.lifecycle.session import ReferralSession

            if isinstance(session, ReferralSession):
                self.attach(session)

        self.loading.start(work, loaded, self._loading_failed)

    def attach(self, session: ReferralSession) -> None:
        """The session and the services behind it: what was typed meanwhile is checked and
        looked up now, and what needs the core is enabled."""
        from referral_desk.domain.referral import form_errors

        self.session = session
        self.attached = True
        desk = session.desk
        self.consent_panel.today = desk.today()
        self.correction_actions.follow_up = desk.follow_up
        self.consent_panel.attach_core()
        self.password_panel.offer_channels()
        self.form.check_with(form_errors)
        for action in self.core_actions:
            action.setEnabled(True)
        self.new_button.setEnabled(True)
        self.show_registry_state()
        self.refresh_lookup()
        self.housekeeping_pending = desk.housekeeping is not None
        # After the first paint too: counting reads the referral log.
        QTimer.singleShot(0, self.open_actions_notice.recount)
        if desk.housekeeping is not None:
            # After the first paint: the keyring can take a while to answer.
            QTimer.singleShot(0, self.start_housekeeping)
        self.coreAttached.emit()

    def _show_loading(self) -> None:
        """Until the session is attached: typing can start, nothing that needs the core."""
        # Under the create button while loading, or why loading failed.
        self.loading_note = translate("MainWindow", "Bezig met laden: doorverwijzen kan zo meteen.")
        for action in self.core_actions:
            action.setEnabled(False)
        self.new_button.setEnabled(False)
        self.partner_panel.show_loading()
        self.update_state()

    def _loading_failed(self, error: BaseException) -> None:
        self.loading_note = translate(
            "MainWindow", "referral-desk kon niet laden; doorverwijzen is niet mogelijk."
        )
        self.partner_panel.setText(self.loading_note)
        self.update_state()
        report_unexpected_failure(
            self,
            error,
            where="start-up",
            outcome=translate(
                "MainWindow",
                "Doorverwijzen is niet mogelijk. Wat u typte staat nog in het venster: "
                "start referral-desk opnieuw en vul het daar in.",
            ),
        )
        self.coreFailed.emit()

    def start_housekeeping(self) -> None:
        work = self.desk.housekeeping
        if work is None:
            return

        def done(notice: object) -> None:
            self.housekeeping_pending = False
            if isinstance(notice, Message):
                self.clock_banner.setText(worded(notice))
                self.clock_banner.setVisible(True)

        def failed(error: BaseException) -> None:
            self.housekeeping_pending = False
            report_unexpected_failure(
                self,
                error,
                where="start-up retention",
                outcome=translate("MainWindow", "Oude gegevens zijn mogelijk niet opgeruimd."),
            )

        self.housekeeping.start(work, done, failed)

    def _close_while_loading(self, event: QCloseEvent) -> None:
        """Nothing was made yet: only what was typed can be lost, as the core words it."""
        contents = WindowContents(form_has_input=form_has_input(self.form.raw_values()))
        said = discard_said(contents, closing=True, today=self.consent_panel.today)
        if said is not None:
            title = translate("MainWindow", "Gegevens gaan verloren")
            if not self.questions.ask(self, Question("discard", title, worded(said))):
                event.ignore()
                return
        event.accept()

