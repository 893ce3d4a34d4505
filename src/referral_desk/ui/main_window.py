"""The team member's window: it shows a ReferralSession and passes on what was typed.

Every decision is the session's or the Desk's (lifecycle/); this module lays out the form,
the partner, the consent and the result, and the modules beside it carry the menus
(window_menus), the result after creating (result_area) and printing (print_actions).

The window can be shown before the core has loaded (``app.main``): the form takes input at
once, and what needs the core (the partner, creating, the menus) says it is loading until
:meth:`MainWindow.attach` hands it the session. This module therefore imports none of the
core's models at load; what runs once the session is there imports them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.fields import complete_postcode
from referral_desk.ui.background import BackgroundRunner
from referral_desk.ui.client_form import ClientForm
from referral_desk.ui.consent_panel import ConsentPanel
from referral_desk.ui.core_attachment import CoreAttachment
from referral_desk.ui.core_messages import worded
from referral_desk.ui.deletion_request_bar import DeletionRequestBar
from referral_desk.ui.failure_dialog import report_unexpected_failure
from referral_desk.ui.open_actions_notice import OpenActionsNotice
from referral_desk.ui.partner_panel import PartnerPanel
from referral_desk.ui.password_panel import PasswordPanel
from referral_desk.ui.print_actions import PrintActions
from referral_desk.ui.questions import Answers, Question, Questions
from referral_desk.ui.result_area import ResultArea
from referral_desk.ui.window_menus import WindowMenus
from referral_desk.ui.window_placement import inner_size
from referral_desk.ui.wrapping_scroll import WrappingScrollArea

if TYPE_CHECKING:
    from referral_desk.domain.referral import ReferrerProfile
    from referral_desk.lifecycle.desk import Desk
    from referral_desk.lifecycle.recording import CreatedReferral, RecordOutcome

# Below this viewport width (logical pixels) the two columns no longer both fit their texts.
STACK_BELOW = 960

LABEL_STYLE = "QLabel { padding-right: 1px; qproperty-indent: 0; }"

_AMBER = "background: #fff4e5; color: #663c00; padding: 6px; border: 1px solid #ffd8a8;"


class MainWindow(CoreAttachment, WindowMenus, ResultArea, PrintActions, QMainWindow):
    # The session is attached: the partner, creating and the menus work from now on.
    coreAttached = Signal()
    # The core could not be loaded (the failure dialog says so); the window stays as it is.
    coreFailed = Signal()

    def __init__(
        self,
        desk: Desk | None,
        parent: QWidget | None = None,
        *,
        questions: Answers | None = None,
        today: date | None = None,
    ) -> None:
        """With a *desk*, ready at once. Without (``None``), a window that can be shown
        while the core loads; *today* is then the day the consent button fills in until
        :meth:`attach` (or :meth:`load_core`) brings the session."""
        super().__init__(parent)
        self.attached = False
        # Every yes-or-no question goes through here: a test answers it instead.
        self.questions: Answers = questions or Questions()
        self.creation = BackgroundRunner(self)
        self.loading = BackgroundRunner(self)
        self.init_tools()
        self.setWindowTitle(self.tr("referral-desk – doorverwijzing naar OCMW of CAW"))
        # Scaled (125 %, 150 %) a label's whole-pixel size hint can be narrower than its glyphs
        # and cut the last letter; one spare pixel, for this window and every tool opened from it.
        self.setStyleSheet(LABEL_STYLE)
        if desk is not None:
            today = desk.today()
        if today is None:
            raise TypeError("MainWindow needs a Desk, or the day it is for while it loads")
        self._build(today)
        self.build_menu()
        self.housekeeping = BackgroundRunner(self)
        self.housekeeping_pending = False
        self._show_loading()
        if desk is not None:
            from referral_desk.lifecycle.session import ReferralSession

            self.attach(ReferralSession(desk))

    # --- what the session holds, by the names the tools and tests use ---------------------
    @property
    def desk(self) -> Desk:
        return self.session.desk

    @desk.setter
    def desk(self, desk: Desk) -> None:
        self.session.desk = desk

    @property
    def profile(self) -> ReferrerProfile | None:
        return self.session.profile

    @property
    def created(self) -> CreatedReferral | None:
        return self.session.created

    @property
    def record(self) -> RecordOutcome | None:
        return self.session.record

    @property
    def correcting(self) -> str | None:
        return self.session.correcting

    # --- construction ---------------------------------------------------------------
    def _build(self, today: date) -> None:
        central = QWidget(self)
        self.banner = QLabel(central)
        self.banner.setObjectName("registryBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setVisible(False)

        self.correction_banner = QLabel(central)
        self.correction_banner.setObjectName("correctionBanner")
        self.correction_banner.setWordWrap(True)
        self.correction_banner.setStyleSheet(_AMBER)
        self.correction_banner.setVisible(False)
        self.correction_actions = DeletionRequestBar(
            None,
            lambda: self.session.partners,
            lambda: self.profile,
            central,
        )
        self.correction_actions.recorded.connect(self.refresh_referral_log_window)

        self.clock_banner = QLabel(central)
        self.clock_banner.setObjectName("clockBanner")
        self.clock_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.clock_banner.setWordWrap(True)
        self.clock_banner.setStyleSheet(_AMBER)
        self.clock_banner.setVisible(False)

        self.form = ClientForm(central, checked_later=True)
        self.form.changed.connect(self.update_state)
        self.form.postcodeChanged.connect(lambda _t: self.refresh_lookup())
        self.form.municipality.currentIndexChanged.connect(lambda _i: self.refresh_lookup())

        self.partner_panel = PartnerPanel(central)
        partner_box = QGroupBox(self.tr("Partner (uit het partnerregister)"), central)
        QVBoxLayout(partner_box).addWidget(self.partner_panel)

        self.consent_panel = ConsentPanel(today, central, core_later=True)
        self.consent_panel.changed.connect(self.update_state)
        # The ticks by their old names: tests and the screenshot script reach them so.
        self.informed = self.consent_panel.informed
        self.consent = self.consent_panel.consent
        self.printing = BackgroundRunner(self)
        self.consent_panel.leafletRequested.connect(self.open_leaflet)
        self.consent_panel.receiptRequested.connect(self.open_receipt)

        self.create_button = QPushButton(self.tr("Ar&chief en e-mail maken"), central)
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.start_creation)
        self.new_button = QPushButton(self.tr("Nieu&we doorverwijzing"), central)
        self.new_button.setObjectName("newButton")
        self.new_button.clicked.connect(self.new_referral)
        self.blockers = QLabel(central)
        self.blockers.setObjectName("createBlockers")
        self.blockers.setWordWrap(True)
        # A disabled button takes no focus: its reason is the next stop on Tab, read-only.
        self.blockers.setAccessibleName(self.tr("Waarom nog niet klaar"))
        self.blockers.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.blockers.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.result_status = QLabel(central)
        self.result_status.setObjectName("resultStatus")
        self.result_status.setWordWrap(True)
        self.result_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password_panel = PasswordPanel(central, channels_now=False)
        self.password_panel.channelChosen.connect(self.record_channel)
        self.password_panel.sentConfirmed.connect(self.confirm_sent)

        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)

        # One scroll for both columns: side by side on a wide window, the form above the
        # rest on a narrow one; never sideways, and as tall as the wrapped texts need.
        scroll = self.content_scroll = WrappingScrollArea(central, self._narrowest_content)
        scroll.setObjectName("contentScroll")
        content = QWidget(scroll)
        content.setObjectName("content")
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(partner_box)
        right.addWidget(self.consent_panel)
        right.addLayout(buttons)
        right.addWidget(self.blockers)
        right.addWidget(self.result_status)
        right.addWidget(self.password_panel)
        # No Alt-key: every free letter is taken by the form and the menus.
        self.breach_button = QPushButton(self.tr("Gegevenslek melden…"), central)
        self.breach_button.setObjectName("breachButton")
        self.breach_button.clicked.connect(self.report_breach)
        self.breach_button.setVisible(False)
        right.addWidget(self.breach_button)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.form)
        left.addStretch(1)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, content)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.addLayout(left)
        self.columns.addLayout(right)
        scroll.contentChanged.connect(self._arrange_columns)
        scroll.setWidget(content)
        outer = QVBoxLayout(central)
        outer.addWidget(self.banner)
        outer.addWidget(self.correction_banner)
        outer.addWidget(self.correction_actions)
        outer.addWidget(self.clock_banner)
        self.open_actions_notice = OpenActionsNotice(self, central)
        outer.addWidget(self.open_actions_notice)
        outer.addWidget(scroll, 1)
        self.setCentralWidget(central)

        QWidget.setTabOrder(self.form.edits["email"], self.partner_panel)
        QWidget.setTabOrder(self.partner_panel, self.informed)
        QWidget.setTabOrder(self.consent_panel.receipt_button, self.create_button)
        QWidget.setTabOrder(self.create_button, self.blockers)
        QWidget.setTabOrder(self.blockers, self.new_button)

    def _arrange_columns(self) -> None:
        """Side by side from STACK_BELOW logical pixels and where both columns fit (a longer
        translation needs more), the form on top otherwise."""
        both = self.columns.spacing() + sum(
            item.minimumSize().width()
            for item in (self.columns.itemAt(0), self.columns.itemAt(1))
            if item is not None
        )
        wide = self.content_scroll.viewport().width() >= max(STACK_BELOW, both)
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        # The form needs less width than the partner, consent and password texts.
        self.columns.setStretch(0, 2 if wide else 0)
        self.columns.setStretch(1, 3 if wide else 0)

    def _narrowest_content(self) -> int:
        """Stacked, the content is as narrow as its wider column."""
        return max(
            (
                item.minimumSize().width()
                for item in (self.columns.itemAt(0), self.columns.itemAt(1))
                if item is not None
            ),
            default=0,
        )

    def scroll_to_password(self) -> None:
        self.content_scroll.ensureWidgetVisible(self.password_panel)
        # Only up or down: the content is as wide as the view, never shifted sideways.
        self.content_scroll.horizontalScrollBar().setValue(0)

    # --- showing the session --------------------------------------------------------
    def refresh_lookup(self) -> None:
        if not self.attached:
            return
        postcode = complete_postcode(self.form.edits["postcode"].text())
        options = self.session.municipalities(postcode)
        codes = [self.form.municipality.itemData(i) for i in range(self.form.municipality.count())]
        if [m.nis_code for m in options] != [c for c in codes if c]:
            self.form.set_municipalities(options)
        found = self.session.look_up(postcode, self.form.chosen_nis_code())
        self.partner_panel.show_result(found)
        partner = self.session.found
        self.consent_panel.show_partner(partner.partner if partner is not None else None)
        self.show_correction_banner()
        self.update_state()

    def blocking_reasons(self) -> list[str]:
        """What the core says still stands in the way, as shown under the button."""
        if not self.attached:
            return [self.blockers.text()]
        self._pass_on_input()
        return [worded(blocker.said) for blocker in self.session.readiness().blockers]

    def _pass_on_input(self) -> None:
        self.session.type_in(self.form.raw_values(), self.consent_panel.answers())

    def update_state(self) -> None:
        if not self.attached:
            self.consent_panel.set_receipt_available(False)
            self.breach_button.setVisible(False)
            self.create_button.setEnabled(False)
            self.create_button.setAccessibleDescription(self.loading_note)
            self.blockers.setText(self.loading_note)
            self.blockers.setVisible(True)
            return
        self._pass_on_input()
        self.consent_panel.set_leaflet_available(self.leaflet_unavailable())
        self.consent_panel.set_receipt_available(self.created is not None)
        self.breach_button.setVisible(self.created is not None)
        readiness = self.session.readiness()
        self.create_button.setEnabled(readiness.can_create)
        sentence = worded(readiness.said) if readiness.said is not None else ""
        self.create_button.setAccessibleDescription(sentence)
        self.blockers.setText(sentence)
        self.blockers.setVisible(bool(sentence))

    # --- creating -------------------------------------------------------------------
    def start_creation(self) -> None:
        """Ask the session for the referral to make, and let the Desk make it off the GUI
        thread."""
        from referral_desk.domain.referral import FormErrors
        from referral_desk.lifecycle.readiness import ConsentRefused
        from referral_desk.lifecycle.session import NotReady

        if not self.attached or self.creation.busy or self.created is not None:
            return
        self._pass_on_input()
        try:
            plan = self.session.plan()
        except FormErrors as errors:
            for name, said in errors.messages.items():
                if name in self.form.rows:
                    self.form.rows[name].show_error(worded(said))
            return
        except NotReady:
            self.form.show_all_errors()
            self.update_state()
            return
        except ConsentRefused as refused:
            self.show_problem(self.tr("Toestemming niet in orde"), worded(refused))
            return
        except UserFacingError as refused:
            self.show_problem(self.tr("Doorverwijzing niet gemaakt"), worded(refused))
            return
        change = plan.mailbox_change
        if change is not None and not self.confirm_mailbox_change(
            f"{change.partner_name} ({change.municipality})", change.previous, change.current
        ):
            return
        work = self.session.creation(plan, change_confirmed=change is not None)
        if self.creation.start(work, self._creation_done, self._creation_failed):
            self._show_busy(True)
        else:
            self.session.creation_ended(None)

    def _show_busy(self, busy: bool) -> None:
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self.result_status.setText(
                self.tr("Bezig: het document wordt versleuteld en de e-mail klaargezet…")
            )
        else:
            QApplication.restoreOverrideCursor()
            self.result_status.clear()
        self.form.set_read_only(busy)
        self.consent_panel.set_editable(not busy)
        self.update_state()

    def _creation_done(self, made: object) -> None:
        from referral_desk.lifecycle.creation import MadeReferral

        self.session.creation_ended(made if isinstance(made, MadeReferral) else None)
        self._show_busy(False)
        self.show_created()
        self.refresh_referral_log_window()

    def _creation_failed(self, error: BaseException) -> None:
        self.session.creation_ended(None)
        self._show_busy(False)
        self.form.set_read_only(False)
        self.refresh_lookup()
        if isinstance(error, UserFacingError):
            self.show_problem(self.tr("Doorverwijzing niet gemaakt"), worded(error))
            return
        report_unexpected_failure(
            self,
            error,
            where="referral creation",
            outcome=self.tr(
                "Er is niets verstuurd en er is geen archief achtergebleven. Uw invoer en de "
                "toestemming staan nog in het venster."
            ),
        )

    # --- starting over and closing --------------------------------------------------
    def _discard_question(self, *, closing: bool = False) -> str | None:
        # The channel shown is what the team member sees as passed on.
        self.session.password_shown_as(self.password_panel.channel.currentData())
        said = self.session.discard_said(closing=closing)
        questions = [
            q
            for q in (
                worded(said) if said is not None else None,
                self.correction_actions.pending_question(),
            )
            if q
        ]
        return "\n\n".join(questions) or None

    def _discard_title(self) -> str:
        """Only a title that says data is lost when the core says it is."""
        if self.session.loses_data() or self.correction_actions.pending_question() is not None:
            return self.tr("Gegevens gaan verloren")
        return self.tr("Wachtwoord nog niet doorgegeven")

    def confirm_discard(self, question: str) -> bool:
        """The core's question, with 'Nee' as the default: one stray key must not wipe work."""
        return self.questions.ask(self, Question("discard", self._discard_title(), question))

    def new_referral(self) -> bool:
        """Empties the window for the next client, after asking if that would lose anything."""
        if not self.attached or self.creation.busy or self.correction_actions.busy:
            return False
        question = self._discard_question()
        if question is not None and not self.confirm_discard(question):
            return False
        self.session.start_over()
        self.correction_actions.reset()
        self.correction_banner.setVisible(False)
        self.form.set_read_only(False)
        self.form.clear()
        self.consent_panel.reset(self.desk.today())
        self.password_panel.reset()
        self.result_status.clear()
        self.refresh_lookup()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.attached:
            self._close_while_loading(event)
            return
        if self.creation.busy:
            self.tell_wait()
            event.ignore()
            return
        question = self._discard_question(closing=True)
        if question is not None and not self.confirm_discard(question):
            event.ignore()
            return
        self.password_panel.reset()
        self.remember_size()
        event.accept()

    def remember_size(self) -> None:
        """For the next start; a settings file that refuses costs only that."""
        self.session.remember_window_size(inner_size(self))
