"""Instellingen: which mail program opens the draft, a test draft, and outbox housekeeping."""

from __future__ import annotations

from collections.abc import Callable
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
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from referral_desk.delivery.detection import (
    AUTO,
    MailDetection,
    adapter_label,
    adapter_order,
    describe_order,
)
from referral_desk.delivery.openers import AllOpenersFailed, DraftResult
from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.partners import Partner
from referral_desk.i18n import LANGUAGE_CHOICES, choose_language
from referral_desk.lifecycle.mail_check import CHECK_ATTACHMENT_NAME
from referral_desk.storage.outbox import Outbox, OutboxError
from referral_desk.storage.password_vault import PasswordVault
from referral_desk.storage.settings import Settings, SettingsError, SettingsStore
from referral_desk.ui.background import BackgroundRunner
from referral_desk.ui.failure_dialog import report_unexpected_failure
from referral_desk.ui.language import LANGUAGE_NAMES, system_ui_languages
from referral_desk.ui.plain_message import ask, tell
from referral_desk.ui.retention_settings_page import RetentionSettingsPage
from referral_desk.ui.wrapping_scroll import WrappingScrollArea

RETENTION_MIN_DAYS = 1
RETENTION_MAX_DAYS = 365


def _scrolling(page: QWidget) -> WrappingScrollArea:
    """A tab page whose wrapped texts get the height they need, scrolling on a short screen."""
    area = WrappingScrollArea()
    area.setWidget(page)
    return area


class SettingsDialog(QDialog):
    """Saves through *store* itself and then emits ``saved(Settings)``."""

    saved = Signal(object)

    def __init__(
        self,
        settings: Settings,
        store: SettingsStore,
        outbox: Outbox,
        detection: MailDetection,
        open_test_draft: Callable[[str], DraftResult],
        parent: QWidget | None = None,
        *,
        vault: PasswordVault | None = None,
        preshared_partners: list[Partner] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Instellingen"))
        self.settings = settings
        self.store = store
        self.outbox = outbox
        self.detection = detection
        self.open_test_draft = open_test_draft
        self.test_run = BackgroundRunner(self)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(_scrolling(self._mail_page()), self.tr("E-mail"))
        self.retention_page = RetentionSettingsPage(
            settings, vault, preshared_partners or [], self.tabs
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
        detected = self.detection.default_client or adapter_label(self.detection.usable[0])
        self.adapter_combo.addItem(self.tr("Automatisch ({0})").format(detected), AUTO)
        for name in self.detection.choices:
            text = adapter_label(name)
            reason = self.detection.unusable.get(name)
            if reason is not None:
                text = self.tr("{0} – niet beschikbaar: {1}").format(text, reason)
            self.adapter_combo.addItem(text, name)
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
        referrer = self.settings.referrer
        if referrer is None:
            self.test_button.setEnabled(False)
            self.test_button.setToolTip(self.tr("Vul eerst uw aanmeldersprofiel in."))
        else:
            self.test_button.setToolTip(
                self.tr("Opent een testconcept aan {0} met een kleine testbijlage.").format(
                    referrer.email
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
        self.retention.setRange(RETENTION_MIN_DAYS, RETENTION_MAX_DAYS)
        self.retention.setSuffix(self.tr(" dagen"))
        self.retention.setValue(
            min(max(self.settings.outbox_retention_days, RETENTION_MIN_DAYS), RETENTION_MAX_DAYS)
        )
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
        return data if isinstance(data, str) else AUTO

    def update_order(self) -> None:
        self.order_label.setText(
            describe_order(adapter_order(self.chosen_adapter(), self.detection))
        )

    # --- actions ----------------------------------------------------------------------------
    def run_test(self) -> None:
        """Mail clients can take seconds to start: the draft is opened off the GUI thread."""
        adapter = self.chosen_adapter()
        if not self.test_run.start(
            lambda: self.open_test_draft(adapter), self._test_opened, self._test_failed
        ):
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Bezig…"))

    def _test_opened(self, result: object) -> None:
        self.test_button.setEnabled(True)
        assert isinstance(result, DraftResult)
        if result.opened:
            text = self.tr(
                "Testconcept geopend met {0}. Ziet u het met de bijlage {1}? "
                "Dan werkt het; u hoeft het niet te versturen."
            ).format(escape(adapter_label(result.opener)), CHECK_ATTACHMENT_NAME)
        else:
            text = self.tr("Het testconcept is alleen bewaard ({0}); er is niets geopend.").format(
                escape(str(result.eml_path))
            )
        self.show_test_result(text, ok=result.opened)

    def _test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        if isinstance(error, AllOpenersFailed):
            reasons = "; ".join(
                f"{adapter_label(name)}: {reason}" for name, reason in error.failures
            )
            text = self.tr("Geen enkel e-mailprogramma kon het testconcept openen ({0}).").format(
                escape(reasons)
            )
        elif isinstance(error, UserFacingError):
            text = escape(error.message)
        elif isinstance(error, ValueError):
            text = self.tr("Het e-mailadres in uw profiel is geen geldig adres.")
        else:
            self.show_test_result(self.tr("Het testconcept kon niet gemaakt worden."), ok=False)
            report_unexpected_failure(
                self,
                error,
                where="mail test",
                outcome=self.tr("Er is niets verstuurd; uw instellingen zijn niet gewijzigd."),
            )
            return
        self.show_test_result(text, ok=False)

    def show_test_result(self, text: str, *, ok: bool) -> None:
        self.test_result.setStyleSheet("" if ok else "color: #611a15;")
        self.test_result.setText(text)

    def confirm_empty_outbox(self) -> bool:
        answer = ask(
            self,
            self.tr("Outbox leegmaken?"),
            self.tr(
                "Alle archieven en e-mailconcepten in de outbox worden verwijderd. Een concept "
                "dat nog open staat in uw e-mailprogramma en nog niet verstuurd is, kan dan "
                "zijn bijlage verliezen. Doorgaan?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def empty_outbox(self) -> None:
        if not self.confirm_empty_outbox():
            return
        try:
            count = self.outbox.empty()
        except OutboxError as error:
            self.outbox_status.setText(escape(error.message))
            return
        self.outbox_status.setText(
            self.tr("De outbox is leeggemaakt ({0} onderdelen verwijderd).").format(count)
        )

    def show_save_error(self, message: str) -> None:
        tell(self, self.tr("Instellingen niet bewaard"), message, QMessageBox.Icon.Warning)

    def try_save(self) -> None:
        chosen: dict[str, object] = {
            "mail_adapter": self.chosen_adapter(),
            "language": str(self.language_combo.currentData()),
            "outbox_retention_days": self.retention.value(),
            **self.retention_page.values(),
        }
        # Only what the user changed here: another window's changes since this opened stay.
        changed = {
            key: value for key, value in chosen.items() if getattr(self.settings, key) != value
        }
        try:
            settings = self.store.update(changed)
        except SettingsError as error:
            self.show_save_error(error.message)
            return
        self.settings = settings
        self.saved.emit(settings)
        self.accept()
