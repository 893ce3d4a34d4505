"""Instellingen: which mail program opens the draft, a test draft, and outbox housekeeping."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.settings import Settings
from referral_desk.i18n import LANGUAGE_CHOICES, choose_language
from referral_desk.lifecycle.mail_setup import (
    AUTOMATIC,
    CheckDraftOpened,
    CheckDraftOutcome,
    CheckDraftRefused,
    CheckDraftSavedOnly,
    MailSetup,
    NoMailProgramOpened,
    OutboxNotEmptied,
)
from referral_desk.lifecycle.preferences import (
    OUTBOX_RETENTION_DAYS,
    Preferences,
    retention_choices,
)
from referral_desk.lifecycle.preshared_passwords import PresharedPasswords
from referral_desk.ui.background import BackgroundRunner
from referral_desk.ui.core_messages import worded
from referral_desk.ui.failure_dialog import report_unexpected_failure
from referral_desk.ui.language import LANGUAGE_NAMES, system_ui_languages
from referral_desk.ui.questions import Answers, Notice, Question, Questions
from referral_desk.ui.retention_settings_page import RetentionSettingsPage
from referral_desk.ui.wrapping_scroll import WrappingScrollArea


def _scrolling(page: QWidget) -> WrappingScrollArea:
    """A tab page whose wrapped texts get the height they need, scrolling on a short screen."""
    area = WrappingScrollArea()
    area.setWidget(page)
    return area


class SettingsDialog(QDialog):
    """Saves through *preferences* itself and then emits ``saved(Settings)``; it and its
    retention page ask through *questions*."""

    saved = Signal(object)

    def __init__(
        self,
        settings: Settings,
        preferences: Preferences,
        mail: MailSetup,
        parent: QWidget | None = None,
        *,
        preshared: PresharedPasswords | None = None,
        questions: Answers | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Instellingen"))
        self.questions: Answers = questions or Questions()
        self.settings = settings
        self.preferences = preferences
        self.mail = mail
        self.test_run = BackgroundRunner(self)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(_scrolling(self._mail_page()), self.tr("E-mail"))
        self.retention_page = RetentionSettingsPage(
            settings, preshared, self.tabs, questions=self.questions
        )
        self.tabs.addTab(_scrolling(self.retention_page), self.tr("Logboek en wachtwoorden"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("settingsSaveButton")
        self.save_button.setText(self.tr("&Bewaren"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(self._language_row())
        layout.addWidget(buttons)
        self.update_order()

    # --- construction ---------------------------------------------------------------------
    def _language_row(self) -> QHBoxLayout:
        """The window's language; Qt's translators are installed at start, so it applies then."""
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        automatic = LANGUAGE_NAMES[choose_language("auto", system_ui_languages(), {})]
        self.language_combo.addItem(self.tr("Automatisch ({0})").format(automatic), "auto")
        for code in LANGUAGE_CHOICES[1:]:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData(self.settings.language), 0)
        )
        self.language_combo.setAccessibleName(self.tr("Taal van het venster"))
        self.language_combo.setAccessibleDescription(
            self.tr("Geldt vanaf de volgende start van referral-desk.")
        )
        label = QLabel(self.tr("T&aal van het venster"), self)
        label.setBuddy(self.language_combo)
        note = QLabel(self.tr("Geldt vanaf de volgende start."), self)
        note.setObjectName("languageNote")
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.language_combo)
        row.addWidget(note, 1)
        return row

    def _mail_page(self) -> QWidget:
        page = QWidget(self)
        mail_box = QGroupBox(self.tr("E-mailprogramma"), page)
        intro = QLabel(
            self.tr(
                "Na het maken van het archief opent referral-desk een e-mailconcept met het "
                "archief als bijlage. Lukt dat niet met het gekozen programma, dan probeert "
                "het de volgende manier, en ten slotte een .eml-bestand. Lukt ook dat niet, "
                "dan toont het venster alles om de e-mail zelf op te stellen."
            ),
            mail_box,
        )
        intro.setWordWrap(True)
        self.adapter_combo = QComboBox(mail_box)
        self.adapter_combo.setObjectName("mailAdapterCombo")
        # An unusable client's reason can be a long sentence: the list shows it whole, the
        # closed box does not widen the dialog past the screen.
        self.adapter_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.adapter_combo.setMinimumContentsLength(40)
        self.adapter_combo.addItem(
            self.tr("Automatisch ({0})").format(self.mail.automatic_client), AUTOMATIC
        )
        for choice in self.mail.choices():
            text = choice.label
            if choice.unusable_reason is not None:
                text = self.tr("{0} – niet beschikbaar: {1}").format(text, choice.unusable_reason)
            self.adapter_combo.addItem(text, choice.adapter)
        self.adapter_combo.setAccessibleName(self.tr("E-mailprogramma"))
        chosen = self.adapter_combo.findData(self.settings.mail_adapter)
        self.adapter_combo.setCurrentIndex(max(chosen, 0))
        self.adapter_combo.currentIndexChanged.connect(lambda _i: self.update_order())
        combo_label = QLabel(self.tr("&Openen met"), mail_box)
        combo_label.setBuddy(self.adapter_combo)

        self.order_label = QLabel(mail_box)
        self.order_label.setObjectName("mailOrderLabel")
        self.order_label.setWordWrap(True)

        self.test_button = QPushButton(self.tr("&Test"), mail_box)
        self.test_button.setObjectName("mailTestButton")
        self.test_button.setAccessibleName(self.tr("Testconcept openen"))
        self.test_button.clicked.connect(self.run_test)
        if self.mail.test_recipient is None:
            self.test_button.setEnabled(False)
            self.test_button.setToolTip(self.tr("Vul eerst uw aanmeldersprofiel in."))
        else:
            self.test_button.setToolTip(
                self.tr("Opent een testconcept aan {0} met een kleine testbijlage.").format(
                    self.mail.test_recipient
                )
            )
        self.test_result = QLabel(mail_box)
        self.test_result.setObjectName("mailTestResult")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        mail_form = QFormLayout()
        mail_form.addRow(combo_label, self.adapter_combo)
        mail_form.addRow(QLabel(self.tr("Volgorde"), mail_box), self.order_label)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        mail_layout = QVBoxLayout(mail_box)
        mail_layout.addWidget(intro)
        mail_layout.addLayout(mail_form)
        mail_layout.addLayout(test_row)

        outbox_box = QGroupBox(self.tr("Outbox"), page)
        outbox_intro = QLabel(
            self.tr(
                "In de outbox bewaart referral-desk de versleutelde archieven en "
                "e-mailconcepten, zodat het e-mailprogramma de bijlage nog kan lezen tot u "
                "verstuurt. Oudere mappen worden bij het starten verwijderd."
            ),
            outbox_box,
        )
        outbox_intro.setWordWrap(True)
        self.retention = QSpinBox(outbox_box)
        self.retention.setObjectName("outboxRetentionDays")
        self.retention.setRange(OUTBOX_RETENTION_DAYS.low, OUTBOX_RETENTION_DAYS.high)
        self.retention.setSuffix(self.tr(" dagen"))
        self.retention.setValue(retention_choices(self.settings).outbox_days)
        self.retention.setAccessibleName(self.tr("Bewaartermijn van de outbox in dagen"))
        retention_label = QLabel(self.tr("Be&waren gedurende"), outbox_box)
        retention_label.setBuddy(self.retention)
        self.empty_button = QPushButton(self.tr("Outbox &leegmaken…"), outbox_box)
        self.empty_button.setObjectName("emptyOutboxButton")
        self.empty_button.clicked.connect(self.empty_outbox)
        self.outbox_status = QLabel(outbox_box)
        self.outbox_status.setObjectName("outboxStatus")
        self.outbox_status.setWordWrap(True)
        outbox_form = QFormLayout()
        outbox_form.addRow(retention_label, self.retention)
        empty_row = QHBoxLayout()
        empty_row.addWidget(self.empty_button)
        empty_row.addWidget(self.outbox_status, 1)
        outbox_layout = QVBoxLayout(outbox_box)
        outbox_layout.addWidget(outbox_intro)
        outbox_layout.addLayout(outbox_form)
        outbox_layout.addLayout(empty_row)

        layout = QVBoxLayout(page)
        layout.addWidget(mail_box)
        layout.addWidget(outbox_box)
        layout.addStretch(1)
        return page

    # --- state ------------------------------------------------------------------------------
    def chosen_adapter(self) -> str:
        data = self.adapter_combo.currentData()
        return data if isinstance(data, str) else AUTOMATIC

    def update_order(self) -> None:
        self.order_label.setText(self.mail.order(self.chosen_adapter()))

    # --- actions ----------------------------------------------------------------------------
    def run_test(self) -> None:
        """Mail clients can take seconds to start: the draft is opened off the GUI thread."""
        adapter = self.chosen_adapter()
        if not self.test_run.start(
            lambda: self.mail.run_check_draft(adapter), self._test_done, self._test_failed
        ):
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Bezig…"))

    def _test_done(self, outcome: object) -> None:
        self.test_button.setEnabled(True)
        self.show_test_result(self._test_text(outcome), ok=isinstance(outcome, CheckDraftOpened))

    def _test_text(self, outcome: CheckDraftOutcome | object) -> str:
        if isinstance(outcome, CheckDraftOpened):
            return self.tr(
                "Testconcept geopend met {0}. Ziet u het met de bijlage {1}? "
                "Dan werkt het; u hoeft het niet te versturen."
            ).format(escape(outcome.opener_label), outcome.attachment_name)
        if isinstance(outcome, CheckDraftSavedOnly):
            return self.tr("Het testconcept is alleen bewaard ({0}); er is niets geopend.").format(
                escape(str(outcome.eml_path))
            )
        if isinstance(outcome, NoMailProgramOpened):
            reasons = "; ".join(f"{label}: {reason}" for label, reason in outcome.failures)
            return self.tr("Geen enkel e-mailprogramma kon het testconcept openen ({0}).").format(
                escape(reasons)
            )
        if isinstance(outcome, CheckDraftRefused):
            return escape(outcome.reason)
        return self.tr("Het e-mailadres in uw profiel is geen geldig adres.")

    def _test_failed(self, error: BaseException) -> None:
        """A failure the core did not expect: the user hears that nothing was sent."""
        self.test_button.setEnabled(True)
        self.show_test_result(self.tr("Het testconcept kon niet gemaakt worden."), ok=False)
        report_unexpected_failure(
            self,
            error,
            where="mail test",
            outcome=self.tr("Er is niets verstuurd; uw instellingen zijn niet gewijzigd."),
        )

    def show_test_result(self, text: str, *, ok: bool) -> None:
        self.test_result.setStyleSheet("" if ok else "color: #611a15;")
        self.test_result.setText(text)

    def confirm_empty_outbox(self) -> bool:
        question = Question(
            "empty_outbox",
            self.tr("Outbox leegmaken?"),
            self.tr(
                "Alle archieven en e-mailconcepten in de outbox worden verwijderd. Een concept "
                "dat nog open staat in uw e-mailprogramma en nog niet verstuurd is, kan dan "
                "zijn bijlage verliezen. Doorgaan?"
            ),
        )
        return self.questions.ask(self, question)

    def empty_outbox(self) -> None:
        if not self.confirm_empty_outbox():
            return
        outcome = self.mail.empty_outbox()
        if isinstance(outcome, OutboxNotEmptied):
            self.outbox_status.setText(escape(outcome.reason))
            return
        self.outbox_status.setText(
            self.tr("De outbox is leeggemaakt ({0} onderdelen verwijderd).").format(outcome.removed)
        )

    def show_save_error(self, message: str) -> None:
        title = self.tr("Instellingen niet bewaard")
        self.questions.tell(self, Notice("settings_not_saved", title, message, warning=True))

    def try_save(self) -> None:
        chosen: dict[str, object] = {
            "mail_adapter": self.chosen_adapter(),
            "language": str(self.language_combo.currentData()),
            "outbox_retention_days": self.retention.value(),
            **self.retention_page.values(),
        }
        try:
            settings = self.preferences.save(self.settings, chosen)
        except UserFacingError as error:
            self.show_save_error(worded(error.said))
            return
        self.settings = settings
        self.saved.emit(settings)
        self.accept()
