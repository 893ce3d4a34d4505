"""The consent box: what to tell the client, the two ticks, and the day the client agreed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.consent_text import consent_text
from referral_desk.domain.partners import Partner
from referral_desk.lifecycle.readiness import ConsentAnswers


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ConsentPanel(QGroupBox):
    """Collects the answers only; whether they suffice is the core's question."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Toestemming van de cliënt"), parent)
        explain = QLabel(consent_text(None), self)
        explain.setObjectName("consentExplanation")
        explain.setTextFormat(Qt.TextFormat.PlainText)
        self.explain = explain
        explain.setWordWrap(True)
        # No Alt-key: a field sharing it would send focus here, and a typed space ticks.
        self.informed = QCheckBox(self.tr("De cliënt is hierover geïnformeerd"), self)
        self.informed.setObjectName("informedCheck")
        self.informed.setAccessibleName(self.tr("De cliënt is geïnformeerd"))
        self.consent = QCheckBox(self.tr("De cliënt geeft uitdrukkelijk toestemming"), self)
        self.consent.setObjectName("consentCheck")
        self.consent.setAccessibleName(self.tr("De cliënt geeft toestemming"))
        self.given_on = QDateEdit(self)
        self.given_on.setObjectName("consentDate")
        self.given_on.setCalendarPopup(True)
        self.given_on.setDisplayFormat("dd-MM-yyyy")
        self.given_on.setAccessibleName(self.tr("Datum waarop de cliënt toestemming gaf"))
        self.given_on.setDate(_qdate(today))
        date_label = QLabel(self.tr("Toestemming gegeven op (datu&m)"), self)
        date_label.setBuddy(self.given_on)
        for box in (self.informed, self.consent):
            box.toggled.connect(lambda _c: self.changed.emit())
        self.given_on.dateChanged.connect(lambda _d: self.changed.emit())

        date_row = QHBoxLayout()
        date_row.addWidget(date_label)
        date_row.addWidget(self.given_on)
        date_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.informed)
        layout.addWidget(self.consent)
        layout.addLayout(date_row)
        QWidget.setTabOrder(self.informed, self.consent)
        QWidget.setTabOrder(self.consent, self.given_on)

    def show_partner(self, partner: Partner | None) -> None:
        """What to tell the client about the partner found, or the generic text."""
        self.explain.setText(consent_text(partner))

    def answers(self) -> ConsentAnswers:
        given = self.given_on.date().toPython()
        return ConsentAnswers(
            informed=self.informed.isChecked(),
            consented=self.consent.isChecked(),
            given_on=given if isinstance(given, date) else None,
        )

    def set_editable(self, editable: bool) -> None:
        for widget in (self.informed, self.consent, self.given_on):
            widget.setEnabled(editable)

    def reset(self, today: date) -> None:
        """Unticked and dated today: the next client has said nothing yet."""
        self.set_editable(True)
        self.informed.setChecked(False)
        self.consent.setChecked(False)
        self.given_on.setDate(_qdate(today))
