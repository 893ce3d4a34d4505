"""The breach dialog's questions for GDPR art. 33(5): where the mail really went, when the
breach was discovered, how many people and records, whether the archive could be read, the
likely consequences and the measures taken; each problem beside its field, as the core
(lifecycle/breach_answers.py) says it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.breach_facts import Consequence, Exposure, Measure
from referral_desk.lifecycle.breach import IncidentKind
from referral_desk.lifecycle.breach_answers import BreachAnswers, BreachAnswersChecked
from referral_desk.ui.client_form import ERROR_STYLE
from referral_desk.ui.core_messages import worded

translate = QCoreApplication.translate


def exposure_label(exposure: Exposure) -> str:
    return {
        Exposure.NOT_READABLE: translate(
            "Labels", "niet leesbaar: versleuteld en het wachtwoord ging niet mee"
        ),
        Exposure.POSSIBLY_READ: translate("Labels", "mogelijk gelezen"),
        Exposure.READ: translate("Labels", "gelezen"),
        Exposure.UNKNOWN: translate("Labels", "onbekend"),
    }[exposure]


def consequence_label(consequence: Consequence) -> str:
    return {
        Consequence.UNLIKELY: translate("Labels", "onwaarschijnlijk"),
        Consequence.POSSIBLE: translate("Labels", "mogelijk"),
        Consequence.LIKELY: translate("Labels", "waarschijnlijk"),
    }[consequence]


def measure_label(measure: Measure) -> str:
    """With its Alt-key: unique in the breach dialog."""
    return {
        Measure.DELETION_REQUESTED: translate(
            "Labels", "de ontvanger gevraagd alles te verwij&deren"
        ),
        Measure.PASSWORD_WITHHELD: translate("Labels", "het wachtwoord &niet gegeven"),
        Measure.DELETION_CONFIRMED: translate("Labels", "de ontvanger &bevestigde de verwijdering"),
        Measure.CLIENT_INFORMED: translate("Labels", "de &cliënt ingelicht"),
        Measure.DEVICE_BLOCKED: translate("Labels", "het &toestel geblokkeerd of gewist"),
    }[measure]


def _local(moment: datetime) -> QDateTime:
    """The moment on this computer's clock face, as the user reads and types it."""
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


class BreachFactsForm(QWidget):
    changed = Signal()

    def __init__(self, mailbox: str, discovered: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.errors: dict[str, QLabel] = {}

        def row(text: str, field: QWidget, name: str, key: str | None = None) -> None:
            label = QLabel(text, self)
            label.setBuddy(field)
            field.setObjectName(name)
            field.setAccessibleName(label.text().replace("&", ""))
            if key is None:
                form.addRow(label, field)
                return
            error = QLabel(self)
            error.setObjectName(f"{name}Error")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.setTextFormat(Qt.TextFormat.PlainText)
            error.setVisible(False)
            self.errors[key] = error
            column = QWidget(self)
            stacked = QVBoxLayout(column)
            stacked.setContentsMargins(0, 0, 0, 0)
            stacked.addWidget(field)
            stacked.addWidget(error)
            form.addRow(label, column)

        self.recipient = QLineEdit(mailbox, self)
        row(self.tr("&Werkelijke ontvanger:"), self.recipient, "breachRecipient", "recipient")
        self.recipient.textChanged.connect(self.changed)
        self.discovered = QDateTimeEdit(_local(discovered), self)
        self.discovered.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.discovered.setCalendarPopup(True)
        row(self.tr("&Ontdekt op:"), self.discovered, "breachDiscovered", "discovered_at")
        self.discovered.dateTimeChanged.connect(self.changed)
        self.people = QSpinBox(self)
        self.records = QSpinBox(self)
        for spin in (self.people, self.records):
            spin.setRange(1, 1000)
            spin.valueChanged.connect(self.changed)
        row(self.tr("Aantal &personen (ongeveer):"), self.people, "breachPeople")
        row(self.tr("Aantal gegevens&records (ongeveer):"), self.records, "breachRecords")
        self.exposure = QComboBox(self)
        for exposure in Exposure:
            self.exposure.addItem(exposure_label(exposure), exposure.value)
        self.exposure.setCurrentIndex(self.exposure.findData(Exposure.UNKNOWN.value))
        self.exposure.currentIndexChanged.connect(self.changed)
        row(self.tr("&Inhoud leesbaar?"), self.exposure, "breachExposure")
        self.consequence = QComboBox(self)
        for consequence in Consequence:
            self.consequence.addItem(consequence_label(consequence), consequence.value)
        self.consequence.setCurrentIndex(self.consequence.findData(Consequence.POSSIBLE.value))
        self.consequence.currentIndexChanged.connect(self.changed)
        row(self.tr("&Gevolgen voor de cliënt:"), self.consequence, "breachConsequence")
        measures = QWidget(self)
        stacked = QVBoxLayout(measures)
        stacked.setContentsMargins(0, 0, 0, 0)
        self.measures: dict[Measure, QCheckBox] = {}
        for measure in Measure:
            tick = QCheckBox(measure_label(measure), measures)
            tick.setObjectName(f"breach_{measure.value}")
            tick.toggled.connect(self.changed)
            stacked.addWidget(tick)
            self.measures[measure] = tick
        form.addRow(QLabel(self.tr("Genomen maatregelen:"), self), measures)
        self.setTabOrder(self.recipient, self.discovered)
        self.setTabOrder(self.discovered, self.people)
        self.setTabOrder(self.people, self.records)
        self.setTabOrder(self.records, self.exposure)
        self.setTabOrder(self.exposure, self.consequence)
        previous: QWidget = self.consequence
        for tick in self.measures.values():
            self.setTabOrder(previous, tick)
            previous = tick

    def answers(self, kind: IncidentKind) -> BreachAnswers:
        discovered = self.discovered.dateTime().toPython()
        assert isinstance(discovered, datetime)
        return BreachAnswers(
            kind=kind,
            discovered_at=discovered.astimezone(),
            recipient=self.recipient.text(),
            people=self.people.value(),
            records=self.records.value(),
            exposure=Exposure(self.exposure.currentData()),
            consequence=Consequence(self.consequence.currentData()),
            measures=tuple(m for m, tick in self.measures.items() if tick.isChecked()),
        )

    def show_check(self, checked: BreachAnswersChecked, asks_recipient: bool) -> None:
        self.recipient.setEnabled(asks_recipient)
        for key, error in self.errors.items():
            problem = checked.problems.get(key)
            error.setText(worded(problem) if problem else "")
            error.setVisible(problem is not None)
