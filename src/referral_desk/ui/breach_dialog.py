"""*Gegevenslek melden*: what happened, who must hear of it, the facts art. 33(5) asks,
and what is left of the 72 hours."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.breach_facts import BreachFacts
from referral_desk.domain.referral_record import ReferralLogEntry
from referral_desk.lifecycle.breach import BreachContacts, IncidentKind
from referral_desk.lifecycle.breach_answers import asks_recipient, check_breach_answers
from referral_desk.ui.breach_facts_form import BreachFactsForm
from referral_desk.ui.client_form import ERROR_STYLE
from referral_desk.ui.core_messages import worded
from referral_desk.ui.labels import deadline_text, incident_label


class BreachDialog(QDialog):
    """Asks the kind; Annuleren is the default, so Enter reports nothing by accident."""

    def __init__(
        self,
        entry: ReferralLogEntry,
        contacts: BreachContacts,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.entry, self.clock = entry, clock
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
        self.kinds.buttonToggled.connect(lambda _b, _on: self.check())
        self.facts_form = BreachFactsForm(entry.mailbox, clock(), self)
        self.facts_form.changed.connect(self.check)
        layout.addWidget(self.facts_form)
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
        self.time_left = plain("", "breachTimeLeft")
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
        self.checked_facts: BreachFacts | None = None
        # The hours left count down while the dialog is open.
        self.ticker = QTimer(self)
        self.ticker.setInterval(30_000)
        self.ticker.timeout.connect(self.check)
        self.ticker.start()
        self.check()

    def kind(self) -> IncidentKind:
        return next(kind for kind, radio in self.radios.items() if radio.isChecked())

    def check(self) -> None:
        """The core's verdict on the answers: problems beside their fields, the hours left,
        and the report possible only with facts that can be right."""
        kind = self.kind()
        checked = check_breach_answers(self.facts_form.answers(kind), self.entry, self.clock())
        self.facts_form.show_check(checked, asks_recipient(kind))
        self.time_left.setText(worded(checked.time_left.said))
        self.time_left.setStyleSheet(ERROR_STYLE if checked.time_left.overdue else "")
        self.checked_facts = checked.facts
        self.ok.setEnabled(checked.facts is not None)

    def facts(self) -> BreachFacts:
        """The facts as the dialog holds them now; asked once it was accepted, which it can
        only be with facts that can be right."""
        self.check()
        assert self.checked_facts is not None
        return self.checked_facts
