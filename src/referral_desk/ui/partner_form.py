"""One partner of the registry as a form; the core reads and checks it, the form shows it."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from referral_desk.domain.partners import PartnerKind, PartnerRegion, PasswordMode
from referral_desk.lifecycle.registry_partner_entry import PartnerEntry
from referral_desk.ui.client_form import FieldRow
from referral_desk.ui.core_messages import worded


class PartnerForm(QGroupBox):
    """Emits ``edited`` after every change a person makes (not when a partner is loaded)."""

    edited = Signal()

    def __init__(self, entry: PartnerEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Partner"))
        self.entry = entry
        self.rows: dict[str, FieldRow] = {}
        self.editors: dict[str, QWidget] = {}
        self._loading = False

        def line(name: str, object_name: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit(self)
            edit.setObjectName(object_name)
            edit.setPlaceholderText(placeholder)
            edit.textEdited.connect(lambda _t: self._changed())
            self.editors[name] = edit
            return edit

        def combo(name: str, object_name: str, items: list[tuple[str, str]]) -> QComboBox:
            box = QComboBox(self)
            box.setObjectName(object_name)
            # Long choices must not make the form wider than a small screen's half.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(16)
            for label, value in items:
                box.addItem(label, value)
            box.currentIndexChanged.connect(lambda _i: self._changed())
            self.editors[name] = box
            return box

        line("id", "partnerId", self.tr("bv. ocmw-wervik"))
        line("name", "partnerName", self.tr("bv. OCMW Wervik"))
        combo("kind", "partnerKind", [(k.value, k.value) for k in PartnerKind])
        combo("region", "partnerRegion", [(r.value, r.value) for r in PartnerRegion])
        line("mailbox", "partnerMailbox", self.tr("de mailbox uit het protocol"))
        line("password_phone", "partnerPasswordPhone", self.tr("bv. 057 12 34 56"))
        line("breach_contact", "partnerBreachContact", self.tr("meldpunt gegevenslekken"))
        line("municipalities", "partnerNisCodes", self.tr("NIS-codes, bv. 33029"))
        line("postcodes", "partnerPostcodes", self.tr("bv. 3970, 3971"))
        combo(
            "password_mode",
            "partnerPasswordMode",
            [
                (self.tr("eenmalig wachtwoord per doorverwijzing"), PasswordMode.ONE_TIME.value),
                (self.tr("vooraf afgesproken wachtwoord"), PasswordMode.PRE_SHARED.value),
            ],
        )

        def box(name: str, object_name: str, placeholder: str, lines: int = 3) -> None:
            edit = QPlainTextEdit(self)
            edit.setObjectName(object_name)
            edit.setPlaceholderText(placeholder)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
            edit.textChanged.connect(self._changed)
            self.editors[name] = edit

        line("protocol.reference", "protocolReference", self.tr("titel of kenmerk"))
        box("protocol.local_teams", "protocolTeams", self.tr("één lokaal team per regel"))
        line("protocol.in_force_from", "protocolInForceFrom", self.tr("JJJJ-MM-DD"))
        line("protocol.ended_on", "protocolEndedOn", self.tr("leeg = loopt nog"))
        line("protocol.dpo_advice_on", "protocolDpoAdvice", self.tr("optioneel"))
        line(
            "protocol.retention_years",
            "protocolRetentionYears",
            self.tr("jaren na het afsluiten van het dossier, bv. 10"),
        )
        line(
            "protocol.consent_valid_days",
            "protocolConsentValidDays",
            self.tr("leeg = 30 dagen"),
        )
        line(
            "protocol.acknowledgement_working_days",
            "protocolAcknowledgementDays",
            self.tr("leeg = geen termijn"),
        )
        one_per_line = self.tr("één per regel")
        line(
            "protocol.legal_basis",
            "protocolLegalBasis",
            self.tr("bv. art. 10/1 decreet van 30 april 2004"),
        )
        box("protocol.purposes", "protocolPurposes", one_per_line)
        box("protocol.shared_fields", "protocolSharedFields", one_per_line, lines=4)
        box("protocol.recipients", "protocolRecipients", one_per_line)
        box(
            "protocol.onward_recipients",
            "protocolOnwardRecipients",
            self.tr("één per regel; leeg = niemand"),
        )
        box("protocol.security_measures", "protocolSecurityMeasures", one_per_line, lines=4)
        duty = self.tr(
            "zoals het protocol het zegt; {partner}, {meldpunt}, {dpo} en {bewaartermijn} "
            "worden ingevuld"
        )
        box("protocol.access_duty", "protocolAccessDuty", duty, lines=4)
        box("protocol.quality_duty", "protocolQualityDuty", duty)
        box("protocol.breach_duty", "protocolBreachDuty", duty)
        box("protocol.retention_duty", "protocolRetentionDuty", duty, lines=4)
        line(
            "protocol.password_channel",
            "protocolPasswordChannel",
            self.tr("bv. telefonisch of per sms, nooit per e-mail"),
        )
        combo(
            "protocol.withdrawal_clause",
            "protocolWithdrawalClause",
            [
                (self.tr("nee: het protocol zegt niets over wissen"), "false"),
                (self.tr("ja: de partner wist de gegevens na intrekking"), "true"),
            ],
        )

        labels = {
            "id": self.tr("&Id (vast, zonder spaties)"),
            "name": self.tr("&Naam"),
            "kind": self.tr("&Soort"),
            "region": self.tr("Re&gio"),
            "mailbox": self.tr("Mailbo&x voor doorverwijzingen"),
            "password_phone": self.tr("Telefoon voor &het wachtwoord"),
            "breach_contact": self.tr("Meldpunt gegevensle&kken"),
            "municipalities": self.tr("Gemeenten (NIS-&codes)"),
            "postcodes": self.tr("&Postcodes"),
            "password_mode": self.tr("&Wachtwoord"),
            "protocol.reference": self.tr("Pr&otocol"),
            "protocol.local_teams": self.tr("&Lokale teams"),
            "protocol.in_force_from": self.tr("In w&erking vanaf"),
            # No & key: B is the editor's "Protocol beëindigen…", which fills this in.
            "protocol.ended_on": self.tr("Beëindigd op"),
            "protocol.dpo_advice_on": self.tr("&Advies DPO op"),
            # No & key: every letter of it is taken in the editor; Tab from Advies DPO.
            "protocol.retention_years": self.tr("Bewaartermijn (jaren)"),
            "protocol.consent_valid_days": self.tr("Toestemming geldig (dagen)"),
            # The protocol's terms: no & keys left in the editor; Tab reaches them in order.
            "protocol.acknowledgement_working_days": self.tr("Bevestiging binnen (werkdagen)"),
            "protocol.legal_basis": self.tr("Rechtsgrond"),
            "protocol.purposes": self.tr("Doeleinden"),
            "protocol.shared_fields": self.tr("Gedeelde gegevens"),
            "protocol.recipients": self.tr("Ontvangers (beroepsgeheim)"),
            "protocol.onward_recipients": self.tr("Verdere ontvangers"),
            "protocol.security_measures": self.tr("Beveiligingsmaatregelen"),
            "protocol.access_duty": self.tr("Afspraak: wie de gegevens ziet"),
            "protocol.quality_duty": self.tr("Afspraak: foutieve gegevens"),
            "protocol.breach_duty": self.tr("Afspraak: gegevenslek"),
            "protocol.retention_duty": self.tr("Afspraak: bewaren"),
            "protocol.password_channel": self.tr("Kanaal voor het wachtwoord"),
            "protocol.withdrawal_clause": self.tr("A&fspraak wissen na intrekking"),
        }
        self.municipality_names = QLabel(self)
        self.municipality_names.setObjectName("partnerMunicipalityNames")
        self.municipality_names.setWordWrap(True)
        self.municipality_names.setTextFormat(Qt.TextFormat.PlainText)
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # On a narrow screen a field goes under its label instead of off the edge.
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for name, text in labels.items():
            editor = self.editors[name]
            row = FieldRow(editor, self)
            self.rows[name] = row
            label = QLabel(text, self)
            label.setBuddy(editor)
            editor.setAccessibleName(text.replace("&", ""))
            layout.addRow(label, row)
            if name == "municipalities":
                layout.addRow("", self.municipality_names)
        assert tuple(self.editors) == entry.fields
        for first, second in itertools.pairwise(self.editors[name] for name in labels):
            QWidget.setTabOrder(first, second)

    # --- loading and reading ------------------------------------------------------------------

    def load(self, raw: dict[str, Any]) -> None:
        self._loading = True
        try:
            texts = self.entry.texts(raw)
            for name, editor in self.editors.items():
                if isinstance(editor, QComboBox):
                    editor.setCurrentIndex(max(editor.findData(texts[name]), 0))
                elif isinstance(editor, QPlainTextEdit):
                    editor.setPlainText(texts[name])
                elif isinstance(editor, QLineEdit):
                    editor.setText(texts[name])
                    editor.setCursorPosition(0)
        finally:
            self._loading = False
        self.refresh_errors()

    def _text(self, name: str) -> str:
        editor = self.editors[name]
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, QComboBox):
            return str(editor.currentData())
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def values(self) -> dict[str, Any]:
        return self.entry.read({name: self._text(name) for name in self.editors})

    # --- checks -------------------------------------------------------------------------------

    def errors(self) -> dict[str, str]:
        return {name: worded(said) for name, said in self.entry.problems(self.values()).items()}

    def refresh_errors(self) -> dict[str, str]:
        errors = self.errors()
        for name, row in self.rows.items():
            row.show_error(errors.get(name))
        names = self.entry.municipality_names(self.values())
        self.municipality_names.setText(", ".join(names))
        return errors

    def _changed(self) -> None:
        if self._loading:
            return
        self.refresh_errors()
        self.edited.emit()
