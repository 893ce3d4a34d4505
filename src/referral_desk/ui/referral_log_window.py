"""Verzonden doorverwijzingen: search the referral log and act on a referral after sending it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.dutch_dates import numeric_date_time
from referral_desk.domain.partners import PartnerRegistry
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.domain.registry_csv import parse_registry_date
from referral_desk.errors import UserFacingError
from referral_desk.lifecycle.after_sending import (
    FollowUpRefused,
    WithdrawalResult,
    entry_actions,
    mark_sent,
    recall_password,
    record_password_channel,
    withdraw_consent,
)
from referral_desk.lifecycle.breach import (
    BreachContacts,
    BreachResult,
    OpenedDraft,
    breach_contacts,
    report_breach,
)
from referral_desk.lifecycle.recording import FollowUpServices
from referral_desk.storage.referral_log import (
    CHANNEL_LABELS,
    STATUS_LABELS,
    ReferralLogEntry,
    ReferralLogError,
    ReferralLogQuery,
    ReferralStatus,
)
from referral_desk.ui.background import BackgroundRunner
from referral_desk.ui.breach_dialog import BreachDialog
from referral_desk.ui.client_form import ERROR_STYLE
from referral_desk.ui.evaluation_window import EvaluationWindow
from referral_desk.ui.failure_dialog import report_unexpected_failure
from referral_desk.ui.mail_fallback_dialog import MailFallbackDialog
from referral_desk.ui.password_panel import PasswordPanel
from referral_desk.ui.plain_message import ask

HEADERS = ("ID", "Gemaakt", "Partner", "Mailbox", "Status", "Wachtwoord", "Correctie", "Herkenning")


class RecallDialog(QDialog):
    """A recalled password, with the same read-out help as right after creating it."""

    def __init__(self, row: ReferralLogEntry, password: str, window: ReferralLogWindow) -> None:
        super().__init__(window)
        self.setObjectName("recallDialog")
        self.setWindowTitle(self.tr("Wachtwoord van {0}").format(row.referral_id))
        self.panel = PasswordPanel(self)
        self.panel.show_password(row.referral_id, password, row.partner_name)
        self.panel.set_channel(row.password_channel.value)
        self.panel.sent_button.setVisible(False)
        self.panel.channelChosen.connect(lambda value: window.set_channel(row, value))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _r: self.panel.reset())
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)


class ReferralLogWindow(QMainWindow):
    correctionRequested = Signal(str)

    def __init__(
        self,
        services: FollowUpServices | None,
        problem: str | None,
        profile: Callable[[], ReferrerProfile | None],
        today: Callable[[], date],
        parent: QWidget | None = None,
        registry: Callable[[], PartnerRegistry | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
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
        self.recall_dialog: RecallDialog | None = None
        self.fallback_dialog: MailFallbackDialog | None = None
        self.evaluation: EvaluationWindow | None = None
        self.withdrawal = BackgroundRunner(self)
        self._build()

    # --- construction ---------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget(self)
        self.search = QLineEdit(central)
        self.search.setObjectName("referralLogSearch")
        self.search.setPlaceholderText(self.tr("bv. KG-2026-7F3K"))
        self.date_from = QLineEdit(central)
        self.date_from.setObjectName("referralLogFrom")
        self.date_to = QLineEdit(central)
        self.date_to.setObjectName("referralLogTo")
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("JJJJ-MM-DD"))
            edit.setMaximumWidth(120)
        self.partner = QComboBox(central)
        self.partner.setObjectName("referralLogPartner")
        self.status = QComboBox(central)
        self.status.setObjectName("referralLogStatus")
        self.status.addItem(self.tr("alle"), None)
        for status, status_text in STATUS_LABELS.items():
            self.status.addItem(self.tr(status_text), status.value)
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("&ID"), self.search),
            (self.tr("&Van"), self.date_from),
            (self.tr("&Tot"), self.date_to),
            (self.tr("&Partner"), self.partner),
            (self.tr("&Status"), self.status),
        ):
            label = QLabel(text, central)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            filters.addWidget(label)
            filters.addWidget(widget)
        for edit in (self.search, self.date_from, self.date_to):
            edit.textChanged.connect(lambda _t: self.apply_filters())
        for combo in (self.partner, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())

        self.table = QTableWidget(0, len(HEADERS), central)
        self.table.setObjectName("referralLogTable")
        self.table.setAccessibleName(self.tr("Verzonden doorverwijzingen"))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self.update_actions)

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for name, text, slot in (
            ("recall", self.tr("&Wachtwoord tonen"), self.recall_password),
            ("sent", self.tr("Verstuurd &bevestigen"), self.mark_sent),
            ("withdraw", self.tr("Toestemming i&ngetrokken…"), self.withdraw),
            ("correct", self.tr("&Correctie…"), self.correct),
            ("breach", self.tr("Gegevens&lek melden…"), self.report_breach),
            ("evaluation", self.tr("&Evaluatie…"), self.open_evaluation),
        ):
            button = QPushButton(text, central)
            button.setObjectName("breachButton" if name == "breach" else f"register_{name}")
            button.clicked.connect(slot)
            self.buttons[name] = button
            if name == "evaluation":
                actions.addStretch(1)
            actions.addWidget(button)
        self.message = QLabel(central)
        self.message.setObjectName("referralLogMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(central)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self.setCentralWidget(central)
        self.resize(1100, 600)
        if self.problem:
            self.say(self.problem, error=True)

    # --- data -------------------------------------------------------------------------
    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def refresh(self) -> None:
        referral_log = self.services.referral_log if self.services else None
        if referral_log is None:
            self.rows = []
        else:
            try:
                self.rows = referral_log.all()
            except ReferralLogError as error:
                self.say(escape(error.message), error=True)
                self.rows = []
        current = self.partner.currentData()
        partners = sorted({(r.partner_name, r.partner_id) for r in self.rows})
        self.partner.blockSignals(True)
        self.partner.clear()
        self.partner.addItem(self.tr("alle"), None)
        for name, partner_id in partners:
            self.partner.addItem(name, partner_id)
        self.partner.setCurrentIndex(max(self.partner.findData(current), 0))
        self.partner.blockSignals(False)
        self.apply_filters()

    def query(self) -> ReferralLogQuery | None:
        bounds: list[date | None] = []
        for edit in (self.date_from, self.date_to):
            text = edit.text().strip()
            try:
                bounds.append(parse_registry_date(text) if text else None)
            except ValueError:
                edit.setStyleSheet("border: 1px solid #b00020;")
                self.say(self.tr("Geef een datum als 2026-01-31."), error=True)
                return None
            edit.setStyleSheet("")
        status = self.status.currentData()
        return ReferralLogQuery(
            text=self.search.text(),
            date_from=bounds[0],
            date_to=bounds[1],
            partner_id=self.partner.currentData(),
            status=ReferralStatus(status) if status else None,
        )

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
            recognise = " ".join(part for part in (row.initials, row.postcode) if part)
            cells = (
                row.referral_id,
                numeric_date_time(row.created_at),
                row.partner_name,
                row.mailbox,
                self.tr(STATUS_LABELS[row.status]),
                self.tr(CHANNEL_LABELS[row.password_channel]),
                link,
                recognise,
            )
            for column, value in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(value))
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
        actions = entry_actions(self.selected(), self.services)
        busy = self.withdrawal.busy
        self.buttons["recall"].setEnabled(actions.recall)
        self.buttons["sent"].setEnabled(actions.mark_sent)
        self.buttons["withdraw"].setEnabled(actions.withdraw and not busy)
        self.buttons["correct"].setEnabled(actions.correct)
        self.buttons["evaluation"].setEnabled(actions.evaluate)
        # Any row, whatever its status: a breach can come to light after a withdrawal too.
        self.buttons["breach"].setEnabled(
            self.selected() is not None and self.services is not None and not self.breach.busy
        )

    # --- actions ----------------------------------------------------------------------
    def recall_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            password = recall_password(self.services, row.referral_id)
        except FollowUpRefused as refused:
            self.say(escape(refused.message), error=True)
            return
        self.recall_dialog = RecallDialog(row, password, self)
        self.recall_dialog.open()
        self.say("")

    def set_channel(self, row: ReferralLogEntry, value: str) -> None:
        try:
            record_password_channel(self.services, row.referral_id, value)
        except FollowUpRefused as refused:
            self.say(escape(refused.message), error=True)
            return
        self.refresh()

    def mark_sent(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            mark_sent(self.services, row.referral_id)
        except FollowUpRefused as refused:
            self.say(escape(refused.message), error=True)
            return
        self.refresh()
        self.select(row.referral_id)
        self.say(self.tr("{0} is als verstuurd genoteerd.").format(row.referral_id))

    def confirm_withdrawal(self, row: ReferralLogEntry) -> bool:
        answer = ask(
            self,
            self.tr("Toestemming ingetrokken"),
            self.tr(
                "De cliënt van {0} trekt de toestemming in. Er opent een e-mail aan {1} die "
                "vraagt de gegevens te verwijderen, en het logboek noteert de intrekking. "
                "Doorgaan?"
            ).format(row.referral_id, row.mailbox),
        )
        return answer == QMessageBox.StandardButton.Yes

    def withdraw(self) -> None:
        row = self.selected()
        profile = self.profile()
        if row is None or self.services is None:
            return
        if profile is None:
            self.say(self.tr("Vul eerst uw aanmeldersprofiel in (menu Profiel)."), error=True)
            return
        if not self.confirm_withdrawal(row):
            return
        services = self.services
        started = self.withdrawal.start(
            lambda: withdraw_consent(row, profile, services),
            lambda result: self._withdrawn(row, result),
            self._withdrawal_failed,
        )
        if started:
            self.update_actions()
            self.say(self.tr("Bezig: de e-mail voor de intrekking wordt klaargezet…"))

    def _withdrawn(self, row: ReferralLogEntry, result: object) -> None:
        assert isinstance(result, WithdrawalResult)
        self.refresh()
        self.select(row.referral_id)
        if result.mail_result is None:
            self.fallback_dialog = MailFallbackDialog(result.draft, result.mail_failures, self)
            self.fallback_dialog.open()
        text = self.tr("Intrekking van {0} genoteerd; de e-mail aan {1} staat klaar.").format(
            row.referral_id, escape(row.mailbox)
        )
        if result.referral_log_problem:
            text += " " + escape(result.referral_log_problem)
        self.say(text, error=bool(result.referral_log_problem))

    def _withdrawal_failed(self, error: BaseException) -> None:
        self._follow_up_failed(
            error,
            where="withdrawal",
            outcome=self.tr(
                "De intrekking is misschien niet genoteerd: kijk de status in de lijst na en "
                "herhaal ze zo nodig."
            ),
        )

    def _follow_up_failed(self, error: BaseException, *, where: str, outcome: str) -> None:
        """A refusal is said in the window; anything else is an unexpected failure."""
        self.update_actions()
        if isinstance(error, UserFacingError):
            self.say(escape(error.message), error=True)
            return
        report_unexpected_failure(self, error, where=where, outcome=outcome)

    def report_breach(self) -> None:
        row = self.selected()
        profile = self.profile()
        if row is None or self.services is None:
            return
        if profile is None:
            self.say(self.tr("Vul eerst uw aanmeldersprofiel in (menu Profiel)."), error=True)
            return
        contacts = breach_contacts(row, self.registry())
        self.breach_dialog = BreachDialog(row, contacts, self)
        dialog = self.breach_dialog
        dialog.accepted.connect(lambda: self._start_breach(row, profile, contacts, dialog))
        self.breach_dialog.open()

    def _start_breach(
        self,
        row: ReferralLogEntry,
        profile: ReferrerProfile,
        contacts: BreachContacts,
        dialog: BreachDialog,
    ) -> None:
        """The contacts the dialog showed are the ones written to: read once, on this thread."""
        if self.services is None:
            return
        kind = dialog.kind()
        services = self.services
        started = self.breach.start(
            lambda: report_breach(row, kind, profile, contacts, services),
            lambda result: self._breach_reported(row, result),
            self._breach_failed,
        )
        if started:
            self.update_actions()
            self.say(self.tr("Bezig: de e-mails over het gegevenslek worden klaargezet…"))

    def _breach_reported(self, row: ReferralLogEntry, result: object) -> None:
        assert isinstance(result, BreachResult)
        self.refresh()
        self.select(row.referral_id)
        failed = result.failed
        self._show_fallbacks(list(failed))
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
        self.say(text, error=bool(result.referral_log_problem))

    def _show_fallbacks(self, pending: list[OpenedDraft]) -> None:
        """Each draft no mail client opened, one after the other."""
        if not pending:
            return
        first, rest = pending[0], pending[1:]
        self.fallback_dialog = MailFallbackDialog(first.draft, first.mail_failures, self)
        self.fallback_dialog.finished.connect(lambda _r: self._show_fallbacks(rest))
        self.fallback_dialog.open()

    def _breach_failed(self, error: BaseException) -> None:
        self._follow_up_failed(
            error,
            where="breach report",
            outcome=self.tr(
                "De melding van het gegevenslek is misschien niet klaargezet: meld het zelf aan "
                "de functionaris voor gegevensbescherming."
            ),
        )

    def correct(self) -> None:
        row = self.selected()
        if row is not None:
            self.correctionRequested.emit(row.referral_id)

    def open_evaluation(self) -> EvaluationWindow:
        if self.evaluation is None:
            self.evaluation = EvaluationWindow(
                self.services.referral_log if self.services else None, self.today, self
            )
            self.evaluation.setWindowFlag(Qt.WindowType.Window, True)
        self.evaluation.recompute()
        self.evaluation.show()
        self.evaluation.raise_()
        return self.evaluation
