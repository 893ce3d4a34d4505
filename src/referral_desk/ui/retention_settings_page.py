"""Instellingen → Logboek en wachtwoorden: how long things are kept, and the pre-shared
passwords agreed with partners (in the OS keyring, never shown after saving unless asked)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.partners import Partner
from referral_desk.domain.settings import MIN_REFERRAL_LOG_MONTHS, Settings
from referral_desk.lifecycle.creation import PRESHARED_RULE
from referral_desk.lifecycle.preferences import (
    RECALL_DAYS,
    REFERRAL_LOG_MONTHS,
    Bounds,
    retention_choices,
)
from referral_desk.lifecycle.preshared_passwords import (
    KeyringUnavailable,
    PasswordTooWeak,
    PresharedPasswords,
)
from referral_desk.ui.questions import Answers, Notice, Question, Questions, TextInput


def _spin(parent: QWidget, name: str, bounds: Bounds, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setObjectName(name)
    spin.setRange(bounds.low, bounds.high)
    spin.setSuffix(suffix)
    spin.setValue(value)
    return spin


class PresharedRow(QWidget):
    def __init__(self, partner: Partner, page: RetentionSettingsPage) -> None:
        super().__init__(page)
        self.partner = partner
        self.page = page
        self.status = QLabel(self)
        self.status.setObjectName(f"preshared_{partner.id}_status")
        self.set_button = QPushButton(self)
        self.set_button.setObjectName(f"preshared_{partner.id}_set")
        self.set_button.clicked.connect(lambda: page.set_preshared(partner))
        self.show_button = QPushButton(self.tr("Tonen"), self)
        self.show_button.setObjectName(f"preshared_{partner.id}_show")
        self.show_button.setAccessibleName(self.tr("Wachtwoord van {0} tonen").format(partner.name))
        self.show_button.clicked.connect(lambda: page.show_preshared(partner))
        self.delete_button = QPushButton(self.tr("Verwijderen"), self)
        self.delete_button.setObjectName(f"preshared_{partner.id}_delete")
        self.delete_button.setAccessibleName(
            self.tr("Wachtwoord van {0} verwijderen").format(partner.name)
        )
        self.delete_button.clicked.connect(lambda: page.delete_preshared(partner))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 1)
        for button in (self.set_button, self.show_button, self.delete_button):
            layout.addWidget(button)

    def refresh(self, is_set: bool | None) -> None:
        if is_set is None:
            self.status.setText(self.tr("onbekend (sleutelbos niet beschikbaar)"))
        else:
            self.status.setText(self.tr("ingesteld") if is_set else self.tr("niet ingesteld"))
        self.set_button.setText(self.tr("Vervangen…") if is_set else self.tr("Instellen…"))
        self.set_button.setAccessibleName(
            self.tr("Wachtwoord van {0} instellen").format(self.partner.name)
        )
        self.set_button.setEnabled(is_set is not None)
        self.show_button.setEnabled(bool(is_set))
        self.delete_button.setEnabled(bool(is_set))


class RetentionSettingsPage(QWidget):
    def __init__(
        self,
        settings: Settings,
        preshared: PresharedPasswords | None = None,
        parent: QWidget | None = None,
        *,
        questions: Answers | None = None,
    ) -> None:
        super().__init__(parent)
        self.preshared = preshared
        self.questions: Answers = questions or Questions()
        chosen = retention_choices(settings)

        keep_box = QGroupBox(self.tr("Bewaren"), self)
        self.recall_days = _spin(
            keep_box, "recallDays", RECALL_DAYS, chosen.recall_days, self.tr(" dagen")
        )
        self.referral_log_months = _spin(
            keep_box,
            "referralLogMonths",
            REFERRAL_LOG_MONTHS,
            chosen.referral_log_months,
            self.tr(" maanden"),
        )
        self.referral_log_months.setToolTip(
            self.tr(
                "Minstens {0} maanden: de jaarlijkse evaluatie telt het hele vorige jaar."
            ).format(MIN_REFERRAL_LOG_MONTHS)
        )
        self.recognisable = QCheckBox(
            self.tr("Initialen en postcode van de cliënt in het logboek bewaren"), keep_box
        )
        self.recognisable.setObjectName("recordInitials")
        self.recognisable.setChecked(chosen.record_initials)
        self.recognisable.setToolTip(
            self.tr("Alleen om een doorverwijzing te herkennen; standaard uit.")
        )
        form = QFormLayout(keep_box)
        for text, widget, accessible in (
            (
                self.tr("&Wachtwoorden opvraagbaar"),
                self.recall_days,
                self.tr("Wachtwoorden opvraagbaar, in dagen"),
            ),
            (
                self.tr("&Logboek bewaren"),
                self.referral_log_months,
                self.tr("Logboek bewaren, in maanden"),
            ),
        ):
            label = QLabel(text, keep_box)
            label.setBuddy(widget)
            widget.setAccessibleName(accessible)
            form.addRow(label, widget)
        self.recognisable.setAccessibleName(self.recognisable.text())
        # Across both columns: a check box cannot wrap, and a longer language needs the width.
        form.addRow(self.recognisable)

        keyring_box = QGroupBox(self.tr("Sleutelbos"), self)
        self.keyring_status = QLabel(keyring_box)
        self.keyring_status.setObjectName("keyringStatus")
        self.keyring_status.setWordWrap(True)
        keyring_layout = QVBoxLayout(keyring_box)
        keyring_layout.addWidget(self.keyring_status)
        self.rows: dict[str, PresharedRow] = {}
        partners = preshared.partners if preshared is not None else ()
        if partners:
            intro = QLabel(
                self.tr(
                    "Met deze partners is één vast wachtwoord afgesproken. Het staat in de "
                    "sleutelbos van Windows, niet in een bestand."
                ),
                keyring_box,
            )
            intro.setWordWrap(True)
            keyring_layout.addWidget(intro)
            partner_form = QFormLayout()
            for partner in partners:
                row = PresharedRow(partner, self)
                self.rows[partner.id] = row
                label = QLabel(partner.name.replace("&", "&&"), keyring_box)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setBuddy(row.set_button)
                partner_form.addRow(label, row)
            keyring_layout.addLayout(partner_form)

        layout = QVBoxLayout(self)
        layout.addWidget(keep_box)
        layout.addWidget(keyring_box)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        keyring = self.preshared.keyring() if self.preshared is not None else None
        if keyring is None or not keyring.available:
            reason = keyring.reason if keyring is not None else None
            if reason is None:
                reason = self.tr("geen sleutelbos")
            self.keyring_status.setText(
                self.tr(
                    "Niet beschikbaar: {0}. Doorverwijzen werkt wel, met een nieuw wachtwoord "
                    "per doorverwijzing, maar een wachtwoord kan later niet opnieuw getoond "
                    "worden. Wachtwoorden worden nooit in een bestand bewaard."
                ).format(escape(reason))
            )
            for row in self.rows.values():
                row.refresh(None)
            return
        self.keyring_status.setText(
            self.tr("Beschikbaar ({0}).").format(escape(keyring.backend_name))
        )
        for partner_id, row in self.rows.items():
            row.refresh(self.preshared.is_set(partner_id) if self.preshared else None)

    def values(self) -> dict[str, object]:
        return {
            "recall_days": self.recall_days.value(),
            "referral_log_retention_months": self.referral_log_months.value(),
            "record_initials": self.recognisable.isChecked(),
        }

    # --- pre-shared passwords ------------------------------------------------------------
    def ask_new_password(self, partner: Partner) -> str | None:
        """Typed twice, never shown; None when cancelled, left empty or typed differently."""
        title = self.tr("Afgesproken wachtwoord")
        first = self.questions.enter_text(
            self,
            TextInput(
                "preshared_password",
                title,
                self.tr("{0}\n\nWachtwoord dat met {1} is afgesproken:").format(
                    PRESHARED_RULE, partner.name
                ),
                secret=True,
                about=(partner.name,),
            ),
        )
        if not first:
            return None
        again = TextInput(
            "preshared_password_again",
            title,
            self.tr("Typ het wachtwoord nogmaals:"),
            secret=True,
            about=(partner.name,),
        )
        second = self.questions.enter_text(self, again)
        if second is None:
            return None
        if first != second:
            self.tell(
                "passwords_differ",
                self.tr("De twee wachtwoorden verschillen; er is niets bewaard."),
            )
            return None
        return first

    def tell(self, key: str, message: str) -> None:
        self.questions.tell(self, Notice(key, self.tr("Sleutelbos"), message))

    def set_preshared(self, partner: Partner) -> None:
        if self.preshared is None or not self.preshared.has_keyring:
            return
        password = self.ask_new_password(partner)
        if password is None:
            return
        refused = self.preshared.save(partner.id, password)
        if isinstance(refused, PasswordTooWeak):
            self.tell("password_too_weak", self.tr("Niet bewaard: {0}").format(refused.problem))
            return
        if isinstance(refused, KeyringUnavailable):
            self.tell("preshared_not_saved", self.tr("Niet bewaard: {0}.").format(refused.reason))
        self.refresh()

    def show_preshared(self, partner: Partner) -> None:
        if self.preshared is None or not self.preshared.has_keyring:
            return
        password = self.preshared.reveal(partner.id)
        if isinstance(password, KeyringUnavailable):
            unavailable = self.tr("Niet beschikbaar: {0}.").format(password.reason)
            self.tell("keyring_unavailable", unavailable)
            return
        if password is not None:
            self.tell(
                "preshared_shown",
                self.tr("Het afgesproken wachtwoord met {0}:\n\n{1}").format(
                    partner.name, password
                ),
            )

    def delete_preshared(self, partner: Partner) -> None:
        if self.preshared is None or not self.preshared.has_keyring:
            return
        sure = Question(
            "delete_preshared",
            self.tr("Zeker?"),
            self.tr("Het afgesproken wachtwoord met {0} verwijderen?").format(partner.name),
            about=(partner.name,),
        )
        if not self.questions.ask(self, sure):
            return
        failed = self.preshared.delete(partner.id)
        if failed is not None:
            not_deleted = self.tr("Niet verwijderd: {0}.").format(failed.reason)
            self.tell("preshared_not_deleted", not_deleted)
        self.refresh()
