"""The consent box: what to tell the client, the two ticks, the day the client agreed, and the
information sheet and receipt the client takes home, in the client's language."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.consent_text import consent_text
from referral_desk.domain.partners import Partner
from referral_desk.lifecycle.client_documents import leaflet_languages
from referral_desk.lifecycle.readiness import ConsentAnswers


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ConsentPanel(QGroupBox):
    """Collects the answers only; whether they suffice is the core's question."""

    changed = Signal()
    leafletRequested = Signal()
    receiptRequested = Signal()

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

        self.language = QComboBox(self)
        self.language.setObjectName("leafletLanguage")
        self.language.setAccessibleName(self.tr("Taal van het informatieblad en het bewijs"))
        for code, info in leaflet_languages().items():
            # The team member must know a text no native speaker has checked yet.
            shown = (
                info.dutch_name
                if info.reviewed
                else self.tr("{0} (niet nagelezen)").format(info.dutch_name)
            )
            self.language.addItem(shown, code)
        self.language.setCurrentIndex(max(self.language.findData("nl"), 0))
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language.setToolTip(
            self.tr("Niet nagelezen: nog niet nagekeken door iemand met die taal als moedertaal.")
        )
        language_label = QLabel(self.tr("Taalkeu&ze"), self)
        language_label.setBuddy(self.language)
        self.leaflet_button = QPushButton(self.tr("Informatieblad beki&jken"), self)
        self.leaflet_button.setObjectName("leafletButton")
        self.leaflet_button.setAccessibleName(self.tr("Informatieblad voor de cliënt"))
        self.leaflet_button.clicked.connect(self.leafletRequested)
        self.receipt_button = QPushButton(self.tr("Bewijs voor de cliënt (e&xemplaar)"), self)
        self.receipt_button.setObjectName("receiptButton")
        self.receipt_button.setAccessibleName(self.tr("Bewijs voor de cliënt"))
        self.receipt_button.clicked.connect(self.receiptRequested)
        self.receipt_button.setVisible(False)

        date_row = QHBoxLayout()
        date_row.addWidget(date_label)
        date_row.addWidget(self.given_on)
        date_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.informed)
        layout.addWidget(self.consent)
        layout.addLayout(date_row)
        language_row = QHBoxLayout()
        language_row.addWidget(language_label)
        language_row.addWidget(self.language)
        language_row.addStretch(1)
        leaflet_row = QHBoxLayout()
        leaflet_row.addWidget(self.leaflet_button)
        leaflet_row.addWidget(self.receipt_button)
        leaflet_row.addStretch(1)
        layout.addLayout(language_row)
        layout.addLayout(leaflet_row)
        QWidget.setTabOrder(self.informed, self.consent)
        QWidget.setTabOrder(self.consent, self.given_on)
        QWidget.setTabOrder(self.given_on, self.language)
        QWidget.setTabOrder(self.language, self.leaflet_button)
        QWidget.setTabOrder(self.leaflet_button, self.receipt_button)

    def show_partner(self, partner: Partner | None) -> None:
        """What to tell the client about the partner found, or the generic text."""
        self.explain.setText(consent_text(partner))

    def language_code(self) -> str:
        code = self.language.currentData()
        return code if isinstance(code, str) else "nl"

    def set_leaflet_available(self, why_not: str | None) -> None:
        """Enabled only when it can work; otherwise a screen reader hears why not."""
        self.leaflet_button.setEnabled(why_not is None)
        self.leaflet_button.setAccessibleDescription(why_not or "")
        self.leaflet_button.setToolTip(why_not or "")

    def set_receipt_available(self, available: bool) -> None:
        """Shown once a referral exists: the receipt quotes its ID."""
        self.receipt_button.setVisible(available)
        self.receipt_button.setEnabled(available)

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
        """Unticked, dated today, in Dutch: the next client has said nothing yet."""
        self.set_editable(True)
        self.informed.setChecked(False)
        self.consent.setChecked(False)
        self.given_on.setDate(_qdate(today))
        self.language.setCurrentIndex(max(self.language.findData("nl"), 0))
        self.set_receipt_available(False)
