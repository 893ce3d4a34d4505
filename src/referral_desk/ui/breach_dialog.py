"""*Gegevenslek melden*: what happened, who must hear of it, and the 72-hour rule."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.referral_record import ReferralLogEntry
from referral_desk.lifecycle.breach import BreachContacts, IncidentKind
from referral_desk.ui.labels import deadline_text, incident_label


class BreachDialog(QDialog):
    """Asks the kind; Annuleren is the default, so Enter reports nothing by accident."""

    def __init__(
        self, entry: ReferralLogEntry, contacts: BreachContacts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("breachDialog")
        self.setWindowTitle(self.tr("Gegevenslek melden – {0}").format(entry.referral_id))
        layout = QVBoxLayout(self)

        def plain(text: str, name: str) -> QLabel:
            label = QLabel(text, self)
            label.setObjectName(name)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
            return label

        plain(
            self.tr("Wat is er gebeurd met doorverwijzing {0} aan {1} ({2})?").format(
                entry.referral_id, entry.partner_name, entry.mailbox
            ),
            "breachIntro",
        )
        self.kinds = QButtonGroup(self)
        self.radios: dict[IncidentKind, QRadioButton] = {}
        for kind in IncidentKind:
            radio = QRadioButton(incident_label(kind), self)
            radio.setObjectName(f"breach_{kind.value}")
            self.kinds.addButton(radio)
            self.radios[kind] = radio
            layout.addWidget(radio)
        self.radios[IncidentKind.WRONG_RECIPIENT].setChecked(True)
        partner_line = (
            self.tr("Meldpunt gegevenslekken van {0}: {1}").format(
                entry.partner_name, contacts.breach_contact
            )
            if contacts.breach_contact
            else self.tr(
                "Het meldpunt gegevenslekken van {0} staat niet in het partnerregister: zoek "
                "het op in het protocol en stuur de melding ook daarheen."
            ).format(entry.partner_name)
        )
        plain(partner_line, "breachPartnerContact")
        plain(
            self.tr("Functionaris voor gegevensbescherming van Opgroeien: {0}").format(
                contacts.dpo_contact
            ),
            "breachDpoContact",
        )
        plain(deadline_text(), "breachDeadline")
        plain(
            self.tr(
                "Er opent een e-mail aan elk van beide, zonder gegevens van de cliënt; bij een "
                "verkeerde ontvanger ook een verzoek tot verwijdering aan die mailbox."
            ),
            "breachWhat",
        )
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(
            self.tr("E-mails klaarzetten"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel = buttons.addButton(
            self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.ok.setAutoDefault(False)
        self.cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def kind(self) -> IncidentKind:
        return next(kind for kind, radio in self.radios.items() if radio.isChecked())
