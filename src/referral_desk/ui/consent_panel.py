"""The consent box: what to tell the client, the two ticks, the day the client agreed (typed,
never assumed), which information sheet the client got and how, and the sheet and receipt
the client takes home, in the client's language."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.domain.referral_vocabulary import SheetGiven
from referral_desk.ui.client_form import ERROR_STYLE
from referral_desk.ui.core_messages import worded

if TYPE_CHECKING:
    from referral_desk.domain.partners import Partner
    from referral_desk.lifecycle.readiness import ConsentAnswers


class ConsentPanel(QGroupBox):
    """Collects the answers only; whether they suffice is the core's question."""

    changed = Signal()
    leafletRequested = Signal()
    receiptRequested = Signal()

    def __init__(
        self, today: date, parent: QWidget | None = None, *, core_later: bool = False
    ) -> None:
        """*core_later*: the main window is shown before the core loads; the text to tell
        the client, the sheet's languages and the date check come with :meth:`attach_core`,
        and the ticks and the date typed meanwhile are kept."""
        super().__init__(self.tr("Toestemming van de cliënt"), parent)
        self.loaded = False
        explain = QLabel(self.tr("De tekst voor de cliënt wordt geladen…"), self)
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
        self.today = today
        # Typed, or today at one click: the record says the day the client agreed, which
        # is not always the day the referral is made.
        self.given_on = QLineEdit(self)
        self.given_on.setObjectName("consentDate")
        self.given_on.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.given_on.setMaxLength(10)
        self.given_on.setAccessibleName(self.tr("Datum waarop de cliënt toestemming gaf"))
        self.given_on.textChanged.connect(self._date_typed)
        date_label = QLabel(self.tr("Toestemming gegeven op (datu&m)"), self)
        date_label.setBuddy(self.given_on)
        self.today_button = QPushButton(self.tr("Vandaag"), self)
        self.today_button.setObjectName("consentToday")
        self.today_button.setAccessibleName(self.tr("Toestemming vandaag gegeven"))
        self.today_button.clicked.connect(self._given_today)
        self.date_error = QLabel(self)
        self.date_error.setObjectName("consentDateError")
        self.date_error.setStyleSheet(ERROR_STYLE)
        self.date_error.setTextFormat(Qt.TextFormat.PlainText)
        self.date_error.setVisible(False)
        # No Alt-key: every letter is taken in this window; Tab from Taalkeuze reaches it.
        self.sheet_given = QComboBox(self)
        self.sheet_given.setObjectName("sheetGiven")
        self.sheet_given.setAccessibleName(self.tr("Hoe de cliënt het informatieblad kreeg"))
        self.sheet_given.addItem(self.tr("kies…"), "")
        for given, text in (
            (SheetGiven.HANDED_OVER, self.tr("overhandigd")),
            (SheetGiven.READ_ALOUD, self.tr("voorgelezen")),
            (SheetGiven.SENT, self.tr("opgestuurd")),
        ):
            self.sheet_given.addItem(text, given.value)
        self.sheet_given.currentIndexChanged.connect(lambda _i: self.changed.emit())
        given_label = QLabel(self.tr("Informatieblad gekregen:"), self)
        given_label.setBuddy(self.sheet_given)
        for box in (self.informed, self.consent):
            box.toggled.connect(lambda _c: self.changed.emit())
        self.given_on.textChanged.connect(lambda _t: self.changed.emit())

        self.language = QComboBox(self)
        self.language.setObjectName("leafletLanguage")
        self.language.setAccessibleName(self.tr("Taal van het informatieblad en het bewijs"))
        self.language.currentIndexChanged.connect(lambda _i: self.changed.emit())
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
        date_row.addWidget(self.today_button)
        date_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.informed)
        layout.addWidget(self.consent)
        layout.addLayout(date_row)
        layout.addWidget(self.date_error)
        language_row = QHBoxLayout()
        language_row.addWidget(language_label)
        language_row.addWidget(self.language)
        language_row.addWidget(given_label)
        language_row.addWidget(self.sheet_given)
        language_row.addStretch(1)
        leaflet_row = QHBoxLayout()
        leaflet_row.addWidget(self.leaflet_button)
        leaflet_row.addWidget(self.receipt_button)
        leaflet_row.addStretch(1)
        layout.addLayout(language_row)
        layout.addLayout(leaflet_row)
        QWidget.setTabOrder(self.informed, self.consent)
        QWidget.setTabOrder(self.consent, self.given_on)
        QWidget.setTabOrder(self.given_on, self.today_button)
        QWidget.setTabOrder(self.today_button, self.language)
        QWidget.setTabOrder(self.language, self.sheet_given)
        QWidget.setTabOrder(self.sheet_given, self.leaflet_button)
        QWidget.setTabOrder(self.leaflet_button, self.receipt_button)
        if core_later:
            self.language.setEnabled(False)
            self.leaflet_button.setEnabled(False)
        else:
            self.attach_core()

    def attach_core(self) -> None:
        """What the core says: the generic text for the client, the languages the sheet
        exists in, and whether the date typed so far is one."""
        from referral_desk.domain.consent_text import consent_text
        from referral_desk.lifecycle.client_documents import leaflet_languages

        self.explain.setText(consent_text(None))
        self.language.blockSignals(True)
        for code, info in leaflet_languages().items():
            # The team member must know a text no native speaker has checked yet.
            shown = (
                info.dutch_name
                if info.reviewed or info.original
                else self.tr("{0} (niet nagelezen)").format(info.dutch_name)
            )
            self.language.addItem(shown, code)
        self.language.setCurrentIndex(max(self.language.findData("nl"), 0))
        self.language.blockSignals(False)
        self.language.setEnabled(True)
        self.leaflet_button.setEnabled(True)
        self.loaded = True
        self._date_typed(self.given_on.text())

    def show_partner(self, partner: Partner | None) -> None:
        """What to tell the client about the partner found, or the generic text."""
        from referral_desk.domain.consent_text import consent_text

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
        from referral_desk.lifecycle.readiness import ConsentAnswers

        given = self.sheet_given.currentData()
        return ConsentAnswers(
            informed=self.informed.isChecked(),
            consented=self.consent.isChecked(),
            given_on_text=self.given_on.text(),
            sheet_given=SheetGiven(given) if given else None,
            sheet_language=self.language_code(),
        )

    def _given_today(self) -> None:
        self.given_on.setText(numeric_date(self.today))

    def _date_typed(self, text: str) -> None:
        if not self.loaded:
            return
        from referral_desk.lifecycle.readiness import consent_date_problem

        problem = consent_date_problem(text)
        self.date_error.setText(worded(problem) if problem else "")
        self.date_error.setVisible(problem is not None)

    def set_editable(self, editable: bool) -> None:
        widgets = (self.informed, self.consent, self.given_on, self.today_button, self.sheet_given)
        for widget in widgets:
            widget.setEnabled(editable)

    def reset(self, today: date) -> None:
        """Unticked, no day, no sheet, in Dutch: the next client has said nothing yet."""
        self.set_editable(True)
        self.today = today
        self.informed.setChecked(False)
        self.consent.setChecked(False)
        self.given_on.clear()
        self.language.setCurrentIndex(max(self.language.findData("nl"), 0))
        self.sheet_given.setCurrentIndex(0)
        self.set_receipt_available(False)
