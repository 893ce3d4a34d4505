"""Verzonden doorverwijzingen: search the referral log and act on a referral after sending it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.dutch_dates import numeric_date_time
from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.partners import PartnerRegistry
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.domain.referral_record import PartnerReport, ReferralLogEntry, ReferralLogQuery
from referral_desk.domain.window_fit import WindowSize
from referral_desk.lifecycle.after_sending import (
    FollowUpRefused,
    entry_actions,
    entry_details,
    mark_sent,
    recall_password,
    record_password_channel,
)
from referral_desk.lifecycle.partner_reports import may_report, reports_by_referral
from referral_desk.lifecycle.recording import FollowUpServices
from referral_desk.lifecycle.referral_log_view import read_listing
from referral_desk.ui.background import BackgroundRunner
from referral_desk.ui.breach_dialog import BreachDialog
from referral_desk.ui.breach_flow import BreachFlow
from referral_desk.ui.client_form import ERROR_STYLE
from referral_desk.ui.core_messages import worded
from referral_desk.ui.deletion_flow import DeletionFlow
from referral_desk.ui.escape_key import closed_on_escape
from referral_desk.ui.evaluation_window import EvaluationWindow
from referral_desk.ui.failure_dialog import report_unexpected_failure
from referral_desk.ui.labels import channel_label, status_label
from referral_desk.ui.mail_fallback_dialog import MailFallbackDialog
from referral_desk.ui.open_actions_window import show_open_actions
from referral_desk.ui.partner_report_flow import PartnerReportFlow
from referral_desk.ui.partner_report_labels import reports_text
from referral_desk.ui.questions import Answers, Choice, Option, Questions
from referral_desk.ui.recall_dialog import RecallDialog
from referral_desk.ui.referral_log_filters import ReferralLogFilters
from referral_desk.ui.row_table import row_table
from referral_desk.ui.window_placement import place_on_screen
from referral_desk.ui.withdrawal_flow import WithdrawalFlow

SIZE = WindowSize(width=1100, height=600)
EVALUATION_SIZE = WindowSize(width=1000, height=700)


class ReferralLogWindow(QMainWindow):
    """The referral log as a table to search, and the follow-ups the selected row allows.

    The main window keeps one instance and shows it again: every time it is shown anew it
    starts from the log as it is now, without the messages of the last visit."""

    correctionRequested = Signal(str)

    def __init__(
        self,
        services: FollowUpServices | None,
        problem: str | None,
        profile: Callable[[], ReferrerProfile | None],
        today: Callable[[], date],
        parent: QWidget | None = None,
        registry: Callable[[], PartnerRegistry | None] = lambda: None,
        *,
        questions: Answers | None = None,
    ) -> None:
        super().__init__(parent)
        self.questions: Answers = questions or Questions()
        self.setObjectName("referralLogWindow")
        self.registry = registry
        self.breach_dialog: BreachDialog | None = None
        self.breach = BackgroundRunner(self)
        self.setWindowTitle(self.tr("Verzonden doorverwijzingen"))
        self.services = services
        self.problem = problem
        self.profile = profile
        self.today = today
        self.rows: list[ReferralLogEntry] = []
        self.shown: list[ReferralLogEntry] = []
        # Per referral ID: the deletion requests of its correction pair, as one line.
        self.deletions: dict[str, str] = {}
        self.recall_dialog: RecallDialog | None = None
        self.fallback_dialog: MailFallbackDialog | None = None
        self.evaluation: EvaluationWindow | None = None
        # A wrong date in a filter was said; the message goes once the dates read again.
        self.date_problem = False
        self.withdrawal = BackgroundRunner(self)
        self.deletion = BackgroundRunner(self)
        self.withdrawal_flow = WithdrawalFlow(self)
        self.deletion_flow = DeletionFlow(self)
        self.breach_flow = BreachFlow(self)
        self.report_flow = PartnerReportFlow(self)
        self.reports: dict[str, list[PartnerReport]] = {}
        self.open_actions_window: QWidget | None = None
        self._build()

    # --- construction ---------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget(self)
        self.filters = ReferralLogFilters(central)
        self.search, self.date_from, self.date_to = (
            self.filters.search,
            self.filters.date_from,
            self.filters.date_to,
        )
        self.partner, self.status = self.filters.partner, self.filters.status
        self.filters.changed.connect(self.apply_filters)

        headers = (
            self.tr("ID"),
            self.tr("Gemaakt"),
            self.tr("Partner"),
            self.tr("Mailbox"),
            self.tr("Status"),
            self.tr("Wachtwoord"),
            self.tr("Correctie"),
            self.tr("Herkenning"),
            self.tr("Partner meldt"),
        )
        self.table = row_table(
            central, "referralLogTable", self.tr("Verzonden doorverwijzingen"), headers
        )
        self.table.itemSelectionChanged.connect(self.update_actions)

        self.buttons: dict[str, QPushButton] = {}
        # Four rows: the usual steps, withdrawal, what else ends or reports a referral, what
        # the partner said; one row of nine was wider than a 1024x768 screen.
        actions, withdrawal, endings = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        partner = QHBoxLayout()
        rows = {
            "withdraw": withdrawal,
            "confirm_withdrawal": withdrawal,
            "cancel": endings,
            "deletion": endings,
            "breach": endings,
            "receipt": partner,
            "partner_report": partner,
            "open_actions": partner,
        }
        for name, text, slot in (
            ("recall", self.tr("&Wachtwoord tonen"), self.recall_password),
            ("sent", self.tr("E-mail &is verstuurd"), self.mark_sent),
            ("withdraw", self.tr("Toestemming i&ngetrokken…"), self.withdrawal_flow.withdraw),
            (
                "confirm_withdrawal",
                self.tr("Intre&kking verstuurd bevestigen"),
                self.withdrawal_flow.confirm_sent,
            ),
            ("cancel", self.tr("&Annuleren…"), self.withdrawal_flow.cancel),
            ("correct", self.tr("&Correctie…"), self.correct),
            ("deletion", self.tr("Verwijde&rverzoek…"), self.deletion_flow.send),
            ("breach", self.tr("Gegevens&lek melden…"), self.breach_flow.report),
            ("receipt", self.tr("Ontvangst &bevestigd…"), self.report_flow.receipt),
            ("partner_report", self.tr("&Melding van de partner…"), self.report_flow.report),
            ("open_actions", self.tr("&Open acties…"), self.open_open_actions),
            ("evaluation", self.tr("&Evaluatie…"), self.open_evaluation),
        ):
            button = QPushButton(text, central)
            button.setObjectName("breachButton" if name == "breach" else _object_name(name))
            button.clicked.connect(slot)
            self.buttons[name] = button
            if name == "evaluation":
                actions.addStretch(1)
            rows.get(name, actions).addWidget(button)
        withdrawal.addStretch(1)
        endings.addStretch(1)
        partner.addStretch(1)
        # What the journal found changed outside the app: stays until the log is whole again.
        self.tampering = QLabel(central)
        self.tampering.setObjectName("referralLogTampering")
        self.tampering.setTextFormat(Qt.TextFormat.PlainText)
        self.tampering.setWordWrap(True)
        self.tampering.setStyleSheet(ERROR_STYLE)
        self.tampering.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tampering.setVisible(False)
        self.details = QLabel(central)
        self.details.setObjectName("referralLogDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.message = QLabel(central)
        self.message.setObjectName("referralLogMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Qt's own Close button: its text follows the window's language.
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, central)
        self.close_buttons.setObjectName("referralLogClose")
        self.close_buttons.rejected.connect(self.close)

        layout = QVBoxLayout(central)
        layout.addWidget(self.tampering)
        layout.addLayout(self.filters.grid)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(actions)
        layout.addLayout(withdrawal)
        layout.addLayout(endings)
        layout.addLayout(partner)
        layout.addWidget(self.message)
        layout.addWidget(self.close_buttons)
        self.setCentralWidget(central)
        order: list[QWidget] = [
            *self.filters.widgets(),
            self.table,
            *self.buttons.values(),
            *self.close_buttons.buttons(),
        ]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        if self.problem:
            self.say(self.problem, error=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not closed_on_escape(self, event):
            super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous():
            self.reset()
        super().showEvent(event)

    def reset(self) -> None:
        """Shown again: the log as it is now; only a problem that still holds is said."""
        self.say_standing_problem()
        self.refresh()

    def say_standing_problem(self) -> None:
        """Clears the message line but for the log's own problem, which still holds."""
        self.date_problem = False
        self.say(self.problem or "", error=bool(self.problem))

    # --- data -------------------------------------------------------------------------
    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def as_parent(self) -> QWidget:
        return self

    def refresh(self) -> None:
        try:
            listing = read_listing(self.services)
            self.reports = reports_by_referral(self.services)
        except UserFacingError as error:
            self.say(escape(worded(error)), error=True)
            self.rows = []
        else:
            self.rows, self.deletions = listing.rows, listing.deletions
            self.tampering.setText(worded(listing.tampering) if listing.tampering else "")
            self.tampering.setVisible(listing.tampering is not None)
        self.filters.offer_partners(self.rows)
        self.apply_filters()

    def query(self) -> ReferralLogQuery | None:
        query = self.filters.query()
        if isinstance(query, str):
            self.date_problem = True
            self.say(query, error=True)
            return None
        if self.date_problem:
            self.say_standing_problem()
        return query

    def visible_rows(self) -> list[ReferralLogEntry]:
        query = self.query()
        return [row for row in self.rows if query.matches(row)] if query else []

    def apply_filters(self) -> None:
        self.shown = shown = self.visible_rows()
        self.table.setRowCount(len(shown))
        for index, row in enumerate(shown):
            link = ""
            if row.corrects:
                link = self.tr("corrigeert {0}").format(row.corrects)
            elif row.corrected_by:
                link = self.tr("gecorrigeerd door {0}").format(row.corrected_by)
            deletion = self.deletions.get(row.referral_id, "")
            if deletion:
                link = f"{link}; {deletion}" if link else deletion
            recognise = " ".join(part for part in (row.initials, row.postcode) if part)
            cells = (
                row.referral_id,
                numeric_date_time(row.created_at),
                row.partner_name,
                row.mailbox,
                status_label(row.status),
                channel_label(row.password_channel),
                link,
                recognise,
                reports_text(self.reports.get(row.referral_id, [])),
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 6 and deletion:
                    item.setToolTip(deletion)
                self.table.setItem(index, column, item)
        self.update_actions()

    def selected(self) -> ReferralLogEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.shown):
            return None
        return self.shown[rows[0].row()]

    def select(self, referral_id: str) -> None:
        for index, row in enumerate(self.shown):
            if row.referral_id == referral_id:
                self.table.selectRow(index)
                return

    def update_actions(self) -> None:
        row = self.selected()
        actions = entry_actions(row, self.services)
        busy = self.withdrawal.busy
        recall = self.buttons["recall"]
        recall.setEnabled(actions.recall)
        # The core's Dutch reason, as its other messages.
        reason = actions.recall_reason or ""
        recall.setToolTip(reason)
        recall.setAccessibleDescription(reason)
        self.buttons["sent"].setEnabled(actions.mark_sent)
        self.buttons["withdraw"].setEnabled(actions.withdraw and not busy)
        self.buttons["confirm_withdrawal"].setEnabled(actions.confirm_withdrawal and not busy)
        self.buttons["cancel"].setEnabled(actions.cancel and not busy)
        self.buttons["correct"].setEnabled(actions.correct)
        owed, owed_problem = self.deletion_flow.owed(row)
        self.buttons["deletion"].setEnabled(owed.owed and not self.deletion.busy)
        self.buttons["evaluation"].setEnabled(actions.evaluate)
        for name in ("receipt", "partner_report"):
            self.buttons[name].setEnabled(may_report(row) and actions.evaluate)
        self.buttons["breach"].setEnabled(actions.report_breach and not self.breach.busy)
        lines = list(entry_details(row, self.services)) if row is not None else []
        if actions.recall_reason:
            lines.insert(0, actions.recall_reason)
        owed_line = self.deletion_flow.owed_line(owed) or owed_problem
        if owed_line:
            lines.insert(0, owed_line)
        self.details.setText("\n".join(lines))

    # --- actions ----------------------------------------------------------------------
    def recall_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            recalled = recall_password(self.services, row.referral_id)
        except FollowUpRefused as refused:
            self.say(escape(worded(refused)), error=True)
            return
        self.recall_dialog = RecallDialog(
            row, recalled.password, lambda value: self.set_channel(row, value), self
        )
        self.recall_dialog.open()
        # Shown anyway: the partner is on the phone; the log problem is said, not hidden.
        self.say(
            escape(recalled.referral_log_problem or ""), error=bool(recalled.referral_log_problem)
        )
        self.update_actions()

    def set_channel(self, row: ReferralLogEntry, value: str) -> None:
        try:
            record_password_channel(self.services, row.referral_id, value)
        except FollowUpRefused as refused:
            self.say(escape(worded(refused)), error=True)
            return
        self.refresh()

    def mark_sent(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            mark_sent(self.services, row.referral_id)
        except FollowUpRefused as refused:
            self.say(escape(worded(refused)), error=True)
            return
        self.refresh()
        self.select(row.referral_id)
        self.say(self.tr("{0} is als verstuurd genoteerd.").format(row.referral_id))

    def safe_choice(
        self, key: str, title: str, text: str, *options: Option, cancel: str | None = None
    ) -> Choice:
        """A question whose default (Enter) and Escape answer is "Annuleren": nothing happens."""
        keep = Option("cancel", cancel or self.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
        return Choice(
            key, title, text, (keep, *options), default="cancel", name="followUpQuestion"
        )

    def follow_up_failed(self, error: BaseException, *, where: str, outcome: str) -> None:
        """A refusal is said in the window; anything else is an unexpected failure."""
        self.update_actions()
        if isinstance(error, UserFacingError):
            self.say(escape(worded(error)), error=True)
            return
        report_unexpected_failure(self, error, where=where, outcome=outcome)

    def report_breach(self) -> None:
        """For the selected row; the main window asks it for the referral just made."""
        self.breach_flow.report()

    def correct(self) -> None:
        row = self.selected()
        if row is not None:
            self.correctionRequested.emit(row.referral_id)

    def open_open_actions(self) -> QWidget:
        self.open_actions_window = show_open_actions(
            self, self.open_actions_window, self.services, self.registry, self.today,
            self.questions,
        )  # fmt: skip
        return self.open_actions_window

    def open_evaluation(self) -> EvaluationWindow:
        first = self.evaluation is None
        if self.evaluation is None:
            self.evaluation = EvaluationWindow(
                self.services.referral_log if self.services else None,
                self.today,
                self,
                questions=self.questions,
            )
            self.evaluation.setWindowFlag(Qt.WindowType.Window, True)
        self.evaluation.recompute()
        self.evaluation.show()
        if first:
            place_on_screen(self.evaluation, None, EVALUATION_SIZE)
        self.evaluation.raise_()
        return self.evaluation


def _object_name(action: str) -> str:
    """``confirm_withdrawal`` → ``referralLogConfirmWithdrawal``."""
    return "referralLog" + "".join(part.title() for part in action.split("_"))
