"""The breach dialog as a team member meets it: where the mail really went, the art. 33(5)
facts, the hours left, and a deletion request to the address that got the mail."""

from __future__ import annotations

from email import policy
from email.parser import BytesParser

from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from referral_desk.domain.breach_facts import Exposure, Measure
from referral_desk.lifecycle.breach import IncidentKind
from referral_desk.lifecycle.recording import CreatedReferral
from referral_desk.ui.breach_dialog import BreachDialog
from referral_desk.ui.referral_log_window import ReferralLogWindow
from tests.ui.test_flow_end_to_end import CANARY_CLIENT, CANARY_NEEDLES
from tests.ui_driver import child, create_via_window, open_main_window


def breach_dialog(qtbot: QtBot) -> tuple[CreatedReferral, ReferralLogWindow, BreachDialog]:
    """A referral made through the window, then *Gegevenslek melden…* on its row."""
    window = open_main_window(qtbot)
    created = create_via_window(qtbot, window, CANARY_CLIENT)
    log_window = window.open_referral_log_window()
    log_window.select(created.referral_id)
    log_window.buttons["breach"].click()
    dialog = log_window.breach_dialog
    assert isinstance(dialog, BreachDialog)
    return created, log_window, dialog


def test_a_mail_that_went_elsewhere_gets_its_deletion_request_there(qtbot: QtBot) -> None:
    created, log_window, dialog = breach_dialog(qtbot)
    recipient = child(dialog, QLineEdit, "breachRecipient")
    error = child(dialog, QLabel, "breachRecipientError")
    left = child(dialog, QLabel, "breachTimeLeft")
    assert recipient.text() == created.referral.partner.mailbox and recipient.isEnabled()
    assert "uur" in left.text() and "72 uur na de ontdekking" in left.text()
    assert dialog.ok.isEnabled()

    recipient.setText("geen adres")
    assert not error.isHidden() and error.text() and not dialog.ok.isEnabled()
    dialog.radios[IncidentKind.LOST].setChecked(True)
    assert not recipient.isEnabled() and error.isHidden() and dialog.ok.isEnabled()
    dialog.radios[IncidentKind.WRONG_RECIPIENT].setChecked(True)
    assert not dialog.ok.isEnabled()
    recipient.setText("jan@elders.be")
    assert error.isHidden() and dialog.ok.isEnabled()
    form = dialog.facts_form
    form.people.setValue(2)
    form.measures[Measure.DELETION_REQUESTED].setChecked(True)
    # The last answer before OK counts too.
    form.exposure.setCurrentIndex(form.exposure.findData(Exposure.NOT_READABLE.value))
    dialog.ok.click()
    qtbot.waitUntil(lambda: not log_window.breach.busy, timeout=10_000)

    emls = sorted((created.archive_path.parent / "gegevenslek").rglob("*.eml"))
    parsed = [BytesParser(policy=policy.default).parsebytes(f.read_bytes()) for f in emls]
    assert parsed[-1]["To"] == "jan@elders.be"
    dpo_text = parsed[1].get_body(preferencelist=("plain",)).get_content()
    assert "Vlaamse Toezichtcommissie" in dpo_text
    assert "Aantal betrokken personen (ongeveer): 2" in dpo_text
    for path in emls:
        data = path.read_bytes().decode("utf-8", "replace")
        for needle in CANARY_NEEDLES:
            assert needle not in data, needle
    referral_log = log_window.services.referral_log  # type: ignore[union-attr]
    (incident,) = referral_log.incidents(created.referral_id)
    assert incident.facts is not None
    assert incident.facts.actual_recipient == "jan@elders.be"
    assert incident.facts.measures == (Measure.DELETION_REQUESTED,)
    assert incident.facts.exposure is Exposure.NOT_READABLE and incident.facts.people == 2


def test_a_discovery_in_the_future_is_said_beside_the_field(qtbot: QtBot) -> None:
    _created, _log_window, dialog = breach_dialog(qtbot)
    discovered = dialog.facts_form.discovered
    discovered.setDateTime(discovered.dateTime().addDays(1))
    error = child(dialog, QLabel, "breachDiscoveredError")
    assert not error.isHidden() and "toekomst" in error.text()
    assert not dialog.ok.isEnabled()
    dialog.reject()
