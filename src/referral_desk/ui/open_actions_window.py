"""Open acties: what still has to happen for the referrals in the log, one per row, and the
one step that settles the selected one, recorded with today's date.

The core lists the actions and records the step (lifecycle.open_actions,
open_actions_settling); this window shows the list and asks only what the step needs: how the
password went, or how the partner confirmed receipt.
"""

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
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.partners import PartnerRegistry
from referral_desk.domain.referral_record import PasswordChannel, ReplyChannel
from referral_desk.domain.window_fit import WindowSize
from referral_desk.lifecycle.after_sending import offered_password_channels
from referral_desk.lifecycle.open_actions import OpenAction, SettlingStep, open_actions_of
from referral_desk.lifecycle.open_actions_settling import settle
from referral_desk.lifecycle.recording import FollowUpServices
from referral_desk.ui.client_form import ERROR_STYLE
from referral_desk.ui.core_messages import worded
from referral_desk.ui.escape_key import closed_on_escape
from referral_desk.ui.labels import channel_label
from referral_desk.ui.partner_report_labels import reply_channel_label
from referral_desk.ui.questions import Answers, Choice, Option, Question, Questions
from referral_desk.ui.row_table import row_table
from referral_desk.ui.window_placement import place_on_screen

SIZE = WindowSize(width=900, height=480)


class OpenActionsWindow(QMainWindow):
    """The list, kept up to date: computed again each time it is shown and after each step.
    ``counted`` gives the number open after each computation, for the main window's line."""

    counted = Signal(int)

    def __init__(
        self,
        services: FollowUpServices | None,
        registry: Callable[[], PartnerRegistry | None],
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        questions: Answers | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("openActionsWindow")
        self.setWindowTitle(self.tr("Open acties"))
        self.services = services
        self.registry = registry
        self.today = today
        self.questions: Answers = questions or Questions()
        self.listed: list[OpenAction] = []
        self._build()

    def _build(self) -> None:
        central = QWidget(self)
        self.intro = QLabel(
            self.tr(
                "Wat nog moet gebeuren voor de doorverwijzingen in het logboek. Kies een rij "
                "en Afhandelen: de stap wordt met de datum van vandaag genoteerd."
            ),
            central,
        )
        self.intro.setWordWrap(True)
        headers = (
            self.tr("ID"),
            self.tr("Partner"),
            self.tr("Wat staat open"),
            self.tr("Sinds"),
            self.tr("Afhandelen met"),
        )
        self.table = row_table(central, "openActionsTable", self.tr("Open acties"), headers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self.update_button)
        self.table.itemActivated.connect(lambda _item: self.settle_selected())
        self.settle_button = QPushButton(self.tr("&Afhandelen…"), central)
        self.settle_button.setObjectName("openActionsSettle")
        self.settle_button.clicked.connect(self.settle_selected)
        self.message = QLabel(central)
        self.message.setObjectName("openActionsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, central)
        self.close_buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.settle_button)
        row.addStretch(1)
        layout = QVBoxLayout(central)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.close_buttons)
        self.setCentralWidget(central)
        order: list[QWidget] = [self.table, self.settle_button, *self.close_buttons.buttons()]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not closed_on_escape(self, event):
            super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous():
            self.say("")
            self.recompute()
            self.table.setFocus()
        super().showEvent(event)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def recompute(self) -> None:
        try:
            self.listed = open_actions_of(self.services, self.registry(), self.today())
        except UserFacingError as error:
            self.listed = []
            self.say(escape(worded(error)), error=True)
        self.table.setRowCount(len(self.listed))
        for index, action in enumerate(self.listed):
            cells = (
                action.referral_id,
                action.partner_name,
                worded(action.said),
                numeric_date(action.since),
                worded(action.step_said),
            )
            for column, value in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(value))
        if self.listed:
            self.table.selectRow(0)
        elif not self.message.text():
            self.say(self.tr("Er staat niets meer open."))
        self.update_button()
        self.counted.emit(len(self.listed))

    def selected(self) -> OpenAction | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.listed):
            return None
        return self.listed[rows[0].row()]

    def update_button(self) -> None:
        self.settle_button.setEnabled(self.selected() is not None)

    def settle_selected(self) -> None:
        action = self.selected()
        if action is None:
            return
        password: PasswordChannel | None = None
        reply: ReplyChannel | None = None
        if action.step is SettlingStep.RECORD_PASSWORD:
            phone = self._password_phone(action)
            keys = {c.value: c for c in offered_password_channels(phone)}
            answer = self._choose(action, "settle_password", keys, channel_label)
            if answer is None:
                return
            password = keys[answer]
        elif action.step is SettlingStep.RECORD_RECEIPT:
            replies = {c.value: c for c in ReplyChannel}
            answer = self._choose(action, "settle_receipt", replies, reply_channel_label)
            if answer is None:
                return
            reply = replies[answer]
        elif not self.questions.ask(
            self,
            Question(
                "settle",
                worded(action.step_said),
                self.tr("{0} ({1}): {2}. Noteren met de datum van vandaag ({3})?").format(
                    action.referral_id,
                    action.partner_name,
                    worded(action.said),
                    numeric_date(self.today()),
                ),
                accept=self.tr("Noteren"),
                about=(action.referral_id,),
            ),
        ):
            return
        try:
            settle(
                self.services, action, self.today(), password_channel=password,
                reply_channel=reply,
            )  # fmt: skip
        except UserFacingError as error:
            self.say(escape(worded(error)), error=True)
            self.recompute()
            return
        done = self.tr("Genoteerd voor {0}: {1}.").format(
            action.referral_id, worded(action.step_said)
        )
        self.say(done)
        self.recompute()
        if not self.listed:
            self.say(f"{done} {self.tr('Er staat niets meer open.')}")

    def _password_phone(self, action: OpenAction) -> str | None:
        registry = self.registry()
        partner = registry.partner(action.partner_id) if registry is not None else None
        return partner.password_phone if partner is not None else None

    def _choose(
        self,
        action: OpenAction,
        key: str,
        options: dict[str, PasswordChannel] | dict[str, ReplyChannel],
        label: Callable[..., str],
    ) -> str | None:
        keep = Option("cancel", self.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
        answer = self.questions.choose(
            self,
            Choice(
                key,
                worded(action.step_said),
                self.tr(
                    "{0} ({1}): {2}. Hoe? Het wordt met de datum van vandaag ({3}) genoteerd."
                ).format(
                    action.referral_id,
                    action.partner_name,
                    worded(action.said),
                    numeric_date(self.today()),
                ),
                (keep, *(Option(value, label(channel)) for value, channel in options.items())),
                default="cancel",
                name="openActionsQuestion",
            ),
        )
        return None if answer in (None, "cancel") else answer


def show_open_actions(
    parent: QWidget,
    existing: QWidget | None,
    services: FollowUpServices | None,
    registry: Callable[[], PartnerRegistry | None],
    today: Callable[[], date],
    questions: Answers,
) -> OpenActionsWindow:
    """*existing* shown again (its list computed anew), or a new list window placed on
    screen."""
    window = existing if isinstance(existing, OpenActionsWindow) else None
    first = window is None
    if window is None:
        window = OpenActionsWindow(services, registry, today, parent, questions=questions)
        window.setWindowFlag(Qt.WindowType.Window, True)
    window.show()
    if first:
        place_on_screen(window, None, SIZE)
    window.raise_()
    window.activateWindow()
    return window
