"""Verzonden doorverwijzingen: search the referral log and act on a referral after sending it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
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

from referral_desk.domain.dutch_dates import numeric_date_time, parse_numeric_date
from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.partners import PartnerRegistry
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.domain.referral_record import (
    ReferralLogEntry,
    ReferralLogQuery,
    ReferralStatus,
    WithdrawalChannel,
)
from referral_desk.domain.window_fit import WindowSize
from referral_desk.lifecycle.after_sending import (
    FollowUpRefused,
    WithdrawalAddress,
    WithdrawalResult,
    cancel_referral,
    confirm_withdrawal_sent,
    entry_actions,
    entry_details,
    mark_sent,
    recall_password,
    record_password_channel,
    withdraw_by_phone,
    withdraw_consent,
    withdrawal_address,
)
from referral_desk.lifecycle.breach import (
    BreachContacts,
    BreachResult,
    OpenedDraft,
    breach_contacts,
    report_breach,
)
from referral_desk.lifecycle.correction import (
    CorrectionRefused,
    DeletionAddress,
    DeletionDue,
    DeletionResult,
    OwedDeletion,
    confirm_deletion_sent,
    deletion_address,
    deletion_lines,
    deletion_owed,
    request_deletion,
)
from referral_desk.lifecycle.recording import FollowUpServices
from referral_desk.storage.referral_log import ReferralLogError
from referral_desk.ui.background import BackgroundRunner
from referral_desk.ui.breach_dialog import BreachDialog
from referral_desk.ui.client_form import ERROR_STYLE
from referral_desk.ui.escape_key import closed_on_escape
from referral_desk.ui.evaluation_window import EvaluationWindow
from referral_desk.ui.failure_dialog import report_unexpected_failure
from referral_desk.ui.labels import channel_label, status_label
from referral_desk.ui.mail_fallback_dialog import MailFallbackDialog
from referral_desk.ui.password_panel import PasswordPanel
from referral_desk.ui.plain_message import plain_box
from referral_desk.ui.window_placement import place_on_screen

SIZE = WindowSize(width=1100, height=600)
EVALUATION_SIZE = WindowSize(width=1000, height=700)


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
        # For right after creating; on a recall the ID is in the family's file already.
        self.panel.file_reminder.setVisible(False)
        self.panel.copy_id_button.setVisible(False)
        self.panel.channelChosen.connect(lambda value: window.set_channel(row, value))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _r: self.panel.reset())
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
        # The spelling adds five lines: grow for them, and stay on the screen.
        self.panel.spell_button.toggled.connect(lambda _on: QTimer.singleShot(0, self._refit))

    def _refit(self) -> None:
        self.adjustSize()
        area = self.screen().availableGeometry()
        frame = self.frameGeometry()
        self.move(
            max(area.left(), min(frame.left(), area.right() - frame.width() + 1)),
            max(area.top(), min(frame.top(), area.bottom() - frame.height() + 1)),
        )


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
        # Per referral ID: the deletion requests of its correction pair, as one line.
        self.deletions: dict[str, str] = {}
        self.recall_dialog: RecallDialog | None = None
        self.fallback_dialog: MailFallbackDialog | None = None
        self.evaluation: EvaluationWindow | None = None
        # A wrong date in a filter was said; the message goes once the dates read again.
        self.date_problem = False
        self.withdrawal = BackgroundRunner(self)
        self.deletion = BackgroundRunner(self)
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
            edit.setPlaceholderText(self.tr("DD-MM-JJJJ"))
            edit.setToolTip(self.tr("Zoals in de tabel (31-01-2026), of als 2026-01-31."))
            edit.setMaximumWidth(120)
        self.partner = QComboBox(central)
        self.partner.setObjectName("referralLogPartner")
        self.status = QComboBox(central)
        self.status.setObjectName("referralLogStatus")
        self.status.addItem(self.tr("alle"), None)
        for status in ReferralStatus:
            self.status.addItem(status_label(status), status.value)
        # Two rows (ID and dates, then partner and status): one row of five filters made the
        # window wider than a small screen in longer languages.
        filters = QGridLayout()
        for place, text, widget in (
            ((0, 0), self.tr("I&D"), self.search),
            ((0, 2), self.tr("&Van"), self.date_from),
            ((0, 4), self.tr("&Tot"), self.date_to),
            ((1, 0), self.tr("&Partner"), self.partner),
            ((1, 2), self.tr("&Status"), self.status),
        ):
            label = QLabel(text, central)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            line, column = place
            filters.addWidget(label, line, column)
            filters.addWidget(widget, line, column + 1)
        filters.setColumnStretch(1, 2)
        filters.setColumnStretch(3, 1)
        filters.setColumnStretch(5, 1)
        for edit in (self.search, self.date_from, self.date_to):
            edit.textChanged.connect(lambda _t: self.apply_filters())
        for combo in (self.partner, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())

        headers = (
            self.tr("ID"),
            self.tr("Gemaakt"),
            self.tr("Partner"),
            self.tr("Mailbox"),
            self.tr("Status"),
            self.tr("Wachtwoord"),
            self.tr("Correctie"),
            self.tr("Herkenning"),
        )
        self.table = QTableWidget(0, len(headers), central)
        self.table.setObjectName("referralLogTable")
        self.table.setAccessibleName(self.tr("Verzonden doorverwijzingen"))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table; the arrow keys still walk its rows.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self.update_actions)

        self.buttons: dict[str, QPushButton] = {}
        # Three rows: the usual steps, withdrawal, then what else ends or reports a referral;
        # one row of nine was wider than a 1024x768 screen, two in a longer language.
        actions, withdrawal, endings = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        rows = {
            "withdraw": withdrawal,
            "confirm_withdrawal": withdrawal,
            "cancel": endings,
            "deletion": endings,
            "breach": endings,
        }
        for name, text, slot in (
            ("recall", self.tr("&Wachtwoord tonen"), self.recall_password),
            ("sent", self.tr("E-mail &is verstuurd"), self.mark_sent),
            ("withdraw", self.tr("Toestemming i&ngetrokken…"), self.withdraw),
            (
                "confirm_withdrawal",
                self.tr("Intre&kking verstuurd bevestigen"),
                self.confirm_withdrawal_sent,
            ),
            ("cancel", self.tr("&Annuleren…"), self.cancel),
            ("correct", self.tr("&Correctie…"), self.correct),
            ("deletion", self.tr("Verwijde&rverzoek…"), self.send_deletion_request),
            ("breach", self.tr("Gegevens&lek melden…"), self.report_breach),
            ("evaluation", self.tr("&Evaluatie…"), self.open_evaluation),
        ):
            button = QPushButton(text, central)
            button.setObjectName("breachButton" if name == "breach" else f"register_{name}")
            button.clicked.connect(slot)
            self.buttons[name] = button
            if name == "evaluation":
                actions.addStretch(1)
            rows.get(name, actions).addWidget(button)
        withdrawal.addStretch(1)
        endings.addStretch(1)
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
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(actions)
        layout.addLayout(withdrawal)
        layout.addLayout(endings)
        layout.addWidget(self.message)
        layout.addWidget(self.close_buttons)
        self.setCentralWidget(central)
        order: list[QWidget] = [
            self.search,
            self.date_from,
            self.date_to,
            self.partner,
            self.status,
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

    def refresh(self) -> None:
        referral_log = self.services.referral_log if self.services else None
        if referral_log is None:
            self.rows = []
        else:
            try:
                self.rows = referral_log.all()
                self.deletions = deletion_lines(referral_log, self.rows)
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
                bounds.append(parse_numeric_date(text) if text else None)
            except ValueError:
                edit.setStyleSheet("border: 1px solid #b00020;")
                self.date_problem = True
                self.say(
                    self.tr("{0}: geen datum. Geef ze als 31-01-2026 of 2026-01-31.").format(
                        edit.accessibleName()
                    ),
                    error=True,
                )
                return None
            edit.setStyleSheet("")
        if self.date_problem:
            self.say_standing_problem()
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
        owed, owed_problem = self._owed(row)
        self.buttons["deletion"].setEnabled(owed.owed and not self.deletion.busy)
        self.buttons["evaluation"].setEnabled(actions.evaluate)
        # Any row, whatever its status: a breach can come to light after a withdrawal too.
        self.buttons["breach"].setEnabled(
            row is not None and self.services is not None and not self.breach.busy
        )
        lines = list(entry_details(row, self.services)) if row is not None else []
        if actions.recall_reason:
            lines.insert(0, actions.recall_reason)
        owed_line = self._owed_line(owed) or owed_problem
        if owed_line:
            lines.insert(0, owed_line)
        self.details.setText("\n".join(lines))

    def _owed(self, row: ReferralLogEntry | None) -> tuple[OwedDeletion, str | None]:
        """The deletion request still owed for the row's correction pair, or why it is unknown."""
        try:
            return deletion_owed(row, self.services), None
        except ReferralLogError as error:
            return OwedDeletion(DeletionDue.NOT_OWED), error.message

    def _owed_line(self, owed: OwedDeletion) -> str | None:
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

    # --- actions ----------------------------------------------------------------------
    def recall_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            recalled = recall_password(self.services, row.referral_id)
        except FollowUpRefused as refused:
            self.say(escape(refused.message), error=True)
            return
        self.recall_dialog = RecallDialog(row, recalled.password, self)
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

    def run_box(self, box: QMessageBox) -> QAbstractButton | None:
        """Modal; the button clicked (None when closed). Tests answer through this."""
        box.exec()
        return box.clickedButton()

    def _safe_box(self, title: str, text: str) -> tuple[QMessageBox, QAbstractButton]:
        """A question whose default (Enter) and Escape answer is "Annuleren": nothing happens."""
        box = plain_box(
            self, QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton
        )
        box.setObjectName("followUpQuestion")
        cancel = box.addButton(self.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        return box, cancel

    def withdrawal_question(
        self, row: ReferralLogEntry, address: WithdrawalAddress
    ) -> tuple[QMessageBox, dict[QAbstractButton, WithdrawalChannel]]:
        text = self.tr(
            "De cliënt van {0} trekt de toestemming in. Geef dat door aan {1}: per e-mail (er "
            "opent een e-mail aan {2} die vraagt de gegevens te verwijderen) of telefonisch. "
            "Het wachtwoord wordt daarna gewist."
        ).format(row.referral_id, row.partner_name, address.mailbox)
        if address.note:
            text += "\n\n" + address.note
        box, _cancel = self._safe_box(self.tr("Toestemming ingetrokken"), text)
        by_mail = box.addButton(self.tr("Per e-mail…"), QMessageBox.ButtonRole.AcceptRole)
        by_phone = box.addButton(
            self.tr("Telefonisch doorgegeven"), QMessageBox.ButtonRole.AcceptRole
        )
        by_mail.setObjectName("withdrawByMail")
        by_phone.setObjectName("withdrawByPhone")
        return box, {by_mail: WithdrawalChannel.MAIL, by_phone: WithdrawalChannel.PHONE}

    def withdraw(self) -> None:
        row = self.selected()
        profile = self.profile()
        if row is None or self.services is None:
            return
        address = withdrawal_address(row, self.registry())
        box, choices = self.withdrawal_question(row, address)
        channel = choices.get(self.run_box(box))  # type: ignore[arg-type]
        if channel is None:
            return
        if channel is WithdrawalChannel.PHONE:
            try:
                vault_problem = withdraw_by_phone(row, self.services)
            except FollowUpRefused as refused:
                self.say(escape(refused.message), error=True)
                return
            self._after_withdrawal(
                row,
                self.tr("Intrekking van {0} genoteerd als telefonisch doorgegeven.").format(
                    row.referral_id
                ),
                vault_problem,
            )
            return
        if profile is None:
            self.say(self.tr("Vul eerst uw aanmeldersprofiel in (menu Profiel)."), error=True)
            return
        services = self.services
        started = self.withdrawal.start(
            lambda: withdraw_consent(row, profile, services, address),
            lambda result: self._withdrawn(row, result),
            self._withdrawal_failed,
        )
        if started:
            self.update_actions()
            self.say(self.tr("Bezig: de e-mail voor de intrekking wordt klaargezet…"))

    def _after_withdrawal(
        self, row: ReferralLogEntry, text: str, vault_problem: str | None
    ) -> None:
        self.refresh()
        self.select(row.referral_id)
        if vault_problem:
            text += " " + escape(vault_problem)
        self.say(text, error=bool(vault_problem))

    def _withdrawn(self, row: ReferralLogEntry, result: object) -> None:
        assert isinstance(result, WithdrawalResult)
        self.refresh()
        self.select(row.referral_id)
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
            self.fallback_dialog = MailFallbackDialog(result.draft, result.mail_failures, self)
            self.fallback_dialog.open()
            text = self.tr(
                "Geen e-mailprogramma opende de e-mail aan {0}. Verstuur de gekopieerde tekst "
                "zelf en klik daarna op \u2018Intrekking verstuurd bevestigen\u2019; tot dan "
                "blijft de status ongewijzigd."
            ).format(to)
        notes = [result.address.note, result.referral_log_problem, result.vault_problem]
        text += "".join(" " + escape(note) for note in notes if note)
        self.say(text, error=bool(result.referral_log_problem or result.vault_problem))

    def _withdrawal_failed(self, error: BaseException) -> None:
        self._follow_up_failed(
            error,
            where="withdrawal",
            outcome=self.tr(
                "De intrekking is misschien niet genoteerd: kijk de status in de lijst na en "
                "herhaal ze zo nodig."
            ),
        )

    def confirm_withdrawal_sent(self) -> None:
        row = self.selected()
        if row is None or self.services is None:
            return
        box, _cancel = self._safe_box(
            self.tr("Intrekking verstuurd bevestigen"),
            self.tr(
                "Hebt u de e-mail over de intrekking van {0} verstuurd? Dan noteert het "
                "logboek de intrekking per e-mail en wordt het wachtwoord gewist."
            ).format(row.referral_id),
        )
        sent = box.addButton(self.tr("Ja, verstuurd"), QMessageBox.ButtonRole.AcceptRole)
        if self.run_box(box) is not sent:
            return
        try:
            vault_problem = confirm_withdrawal_sent(row, self.services)
        except FollowUpRefused as refused:
            self.say(escape(refused.message), error=True)
            return
        self._after_withdrawal(
            row,
            self.tr("Intrekking van {0} genoteerd als per e-mail doorgegeven.").format(
                row.referral_id
            ),
            vault_problem,
        )

    def cancel(self) -> None:
        """A draft never sent: removed, not withdrawn; the partner never hears of it."""
        row = self.selected()
        if row is None or self.services is None:
            return
        box, _cancel = self._safe_box(
            self.tr("Doorverwijzing annuleren"),
            self.tr(
                "{0} is nooit als verstuurd genoteerd. Annuleren verwijdert het archief uit de "
                "outbox en wist het wachtwoord; er wordt niets gemaild. Verwijder zelf ook het "
                "concept in uw e-mailprogramma.\n\nHebt u de e-mail toch verstuurd? Kies dan "
                "\u2018Niet annuleren\u2019, bevestig eerst dat ze verstuurd is en trek daarna "
                "de toestemming in."
            ).format(row.referral_id),
        )
        _cancel.setText(self.tr("Niet annuleren"))
        confirm = box.addButton(
            self.tr("Doorverwijzing annuleren"), QMessageBox.ButtonRole.DestructiveRole
        )
        confirm.setObjectName("confirmCancel")
        if self.run_box(box) is not confirm:
            return
        try:
            vault_problem = cancel_referral(row, self.services)
        except UserFacingError as error:
            self.say(escape(error.message), error=True)
            return
        self._after_withdrawal(
            row,
            self.tr("{0} is geannuleerd; het archief is verwijderd.").format(row.referral_id),
            vault_problem,
        )

    def _follow_up_failed(self, error: BaseException, *, where: str, outcome: str) -> None:
        """A refusal is said in the window; anything else is an unexpected failure."""
        self.update_actions()
        if isinstance(error, UserFacingError):
            self.say(escape(error.message), error=True)
            return
        report_unexpected_failure(self, error, where=where, outcome=outcome)

    def send_deletion_request(self) -> None:
        """The deletion request of a correction pair, from either row: prepared again, or
        recorded once the user says the one prepared earlier went."""
        row = self.selected()
        if row is None or self.services is None:
            return
        owed, problem = self._owed(row)
        original, correction_id = owed.original, owed.correction_id
        if problem is not None:
            self.say(escape(problem), error=True)
            return
        if original is None or correction_id is None:
            return
        if owed.due is DeletionDue.PREPARED:
            box, _cancel = self._safe_box(
                self.tr("Verwijderverzoek"),
                self.tr(
                    "Het verwijderverzoek aan {0} voor {1} (correctie {2}) is klaargezet maar "
                    "nog niet als verstuurd genoteerd.\n\nIs het verwijderverzoek verstuurd?"
                ).format(original.partner_name, original.referral_id, correction_id),
            )
            sent = box.addButton(self.tr("Ja, noteren"), QMessageBox.ButtonRole.AcceptRole)
            again = box.addButton(self.tr("Opnieuw klaarzetten"), QMessageBox.ButtonRole.ActionRole)
            sent.setObjectName("deletionSent")
            again.setObjectName("deletionAgain")
            answer = self.run_box(box)
            if answer is sent:
                self._confirm_deletion(row, original.referral_id, correction_id)
                return
            if answer is not again:
                return
        self._prepare_deletion(row, original, correction_id)

    def _prepare_deletion(
        self, row: ReferralLogEntry, original: ReferralLogEntry, correction_id: str
    ) -> None:
        profile = self.profile()
        if profile is None or self.services is None:
            self.say(self.tr("Vul eerst uw aanmeldersprofiel in (menu Profiel)."), error=True)
            return
        # Read on this thread: the address the window says is the one written to.
        address = deletion_address(original, self.registry())
        services = self.services
        started = self.deletion.start(
            lambda: request_deletion(original, correction_id, profile, address, services),
            lambda result: self._deletion_prepared(row, address, result),
            self._deletion_failed,
        )
        if started:
            self.update_actions()
            self.say(self.tr("Bezig: het verwijderverzoek wordt klaargezet…"))

    def _deletion_prepared(
        self, row: ReferralLogEntry, address: DeletionAddress, result: object
    ) -> None:
        assert isinstance(result, DeletionResult)
        self.refresh()
        self.select(row.referral_id)
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
            self.fallback_dialog = MailFallbackDialog(result.draft, result.mail_failures, self)
            self.fallback_dialog.open()
            text = self.tr(
                "Geen e-mailprogramma opende het verwijderverzoek aan {0}. Verstuur de "
                "gekopieerde tekst zelf en klik daarna opnieuw op \u2018Verwijderverzoek\u2019 "
                "om het als verstuurd te noteren; tot dan is niets genoteerd."
            ).format(to)
        notes = [address.note, result.referral_log_problem]
        text += "".join(" " + escape(note) for note in notes if note)
        self.say(text, error=bool(result.referral_log_problem))

    def _deletion_failed(self, error: BaseException) -> None:
        self._follow_up_failed(
            error,
            where="correction deletion request",
            outcome=self.tr(
                "Het verwijderverzoek is misschien niet klaargezet; er is niets genoteerd. "
                "Probeer het opnieuw."
            ),
        )

    def _confirm_deletion(
        self, row: ReferralLogEntry, original_id: str, correction_id: str
    ) -> None:
        try:
            confirm_deletion_sent(self.services, original_id, correction_id)
        except CorrectionRefused as refused:
            self.say(escape(refused.message), error=True)
            return
        self.refresh()
        self.select(row.referral_id)
        self.say(
            self.tr("Verwijderverzoek genoteerd bij {0} en {1}.").format(original_id, correction_id)
        )

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
        first = self.evaluation is None
        if self.evaluation is None:
            self.evaluation = EvaluationWindow(
                self.services.referral_log if self.services else None, self.today, self
            )
            self.evaluation.setWindowFlag(Qt.WindowType.Window, True)
        self.evaluation.recompute()
        self.evaluation.show()
        if first:
            place_on_screen(self.evaluation, None, EVALUATION_SIZE)
        self.evaluation.raise_()
        return self.evaluation
