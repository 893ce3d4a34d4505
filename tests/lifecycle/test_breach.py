"""A breach report after sending: the drafts carry no client data and go where they should."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from referral_desk.delivery.message import DraftMessage
from referral_desk.domain.breach_facts import BreachFacts, Consequence, Exposure, Measure
from referral_desk.domain.dutch_dates import numeric_date, numeric_date_time
from referral_desk.domain.partners import OPGROEIEN_DPO
from referral_desk.domain.referral_record import ReferralLogEntry
from referral_desk.lifecycle.breach import (
    INCIDENT_LABELS,
    BreachContacts,
    BreachRefused,
    IncidentKind,
    breach_contacts,
    report_breach,
)
from referral_desk.storage.referral_log import ReferralLog, ReferralLogError
from tests.lifecycle_fixtures import CANARY_FORM, NOW, PROFILE, Desk, registry, request
from tests.ui.test_flow_end_to_end import CANARY_NEEDLES

FACTS = BreachFacts(discovered_at=NOW)


def _entry(desk: Desk) -> ReferralLogEntry:
    made = desk.make_referral(request(), desk.choices)
    entry = desk.referral_log.get(made.created.referral_id)
    assert entry is not None
    desk.mail.drafts.clear()
    return entry


def _no_client_data(draft: DraftMessage) -> None:
    text = f"{draft.to}\n{draft.subject}\n{draft.body}"
    needles = [*CANARY_NEEDLES, *(v for v in CANARY_FORM.values() if len(v) > 4)]
    for needle in needles:
        if needle in ("3970", "Leopoldsburg"):
            continue  # the partner's name holds the municipality
        assert needle.lower() not in text.lower(), needle


def test_the_report_goes_to_both_contacts_without_client_data(desk: Desk) -> None:
    entry = _entry(desk)
    contacts = breach_contacts(entry, registry())
    assert contacts.breach_contact == "socialedienst@ocmwleopoldsburg.be"
    assert contacts.dpo_contact == OPGROEIEN_DPO
    result = report_breach(
        entry, IncidentKind.PASSWORD_EXPOSED, PROFILE, contacts, desk.follow_up, FACTS
    )
    assert [d.to for d in desk.mail.drafts] == [contacts.breach_contact, OPGROEIEN_DPO]
    assert result.breach_contact_known and not result.failed
    for draft in desk.mail.drafts:
        assert draft.attachment is None
        assert entry.referral_id in draft.subject
        for text in (entry.referral_id, entry.partner_name, entry.mailbox, numeric_date(NOW)):
            assert text in draft.body
        assert INCIDENT_LABELS[IncidentKind.PASSWORD_EXPOSED] in draft.body
        _no_client_data(draft)
    incidents = desk.referral_log.incidents(entry.referral_id)
    assert [(i.kind, i.at) for i in incidents] == [(IncidentKind.PASSWORD_EXPOSED.value, NOW)]


def test_a_wrong_recipient_also_gets_the_deletion_request(desk: Desk) -> None:
    entry = _entry(desk)
    report_breach(
        entry,
        IncidentKind.WRONG_RECIPIENT,
        PROFILE,
        breach_contacts(entry, registry()),
        desk.follow_up,
        FACTS,
    )
    deletion = desk.mail.drafts[-1]
    assert len(desk.mail.drafts) == 3
    assert deletion.to == entry.mailbox
    assert deletion.subject == f"Verzoek tot verwijdering – {entry.referral_id}"
    assert "niet te openen" in deletion.body and "verwijderen" in deletion.body
    _no_client_data(deletion)


def test_a_partner_gone_from_the_registry_leaves_the_dpo(desk: Desk) -> None:
    entry = _entry(desk).model_copy(update={"partner_id": "vertrokken-partner"})
    contacts = breach_contacts(entry, registry())
    assert contacts == BreachContacts(None, OPGROEIEN_DPO)
    assert breach_contacts(entry, None) == BreachContacts(None, OPGROEIEN_DPO)
    result = report_breach(entry, IncidentKind.LOST, PROFILE, contacts, desk.follow_up, FACTS)
    assert [d.to for d in desk.mail.drafts] == [OPGROEIEN_DPO]
    assert not result.breach_contact_known


def test_a_failing_mail_client_still_records_and_returns_the_drafts(desk: Desk) -> None:
    entry = _entry(desk)
    desk.mail.raises = RuntimeError("Qzxkwv secret")
    contacts = breach_contacts(entry, registry())
    result = report_breach(entry, IncidentKind.OTHER, PROFILE, contacts, desk.follow_up, FACTS)
    assert len(result.failed) == 2
    assert "Qzxkwv" not in repr(result.failed[0].mail_failures)
    assert len(desk.referral_log.incidents(entry.referral_id)) == 1


def test_the_log_refuses_free_text_and_unknown_referrals(tmp_path: Path) -> None:
    referral_log = ReferralLog.open(tmp_path / "log.sqlite3")
    with pytest.raises(ReferralLogError):
        referral_log.record_incident("KG-2026-ACDEFG", "verloren", NOW)
    with pytest.raises(ValueError):
        referral_log.record_incident("KG-2026-ACDEFG", "De cliënt Jan Peeters", NOW)
    assert referral_log.incidents("KG-2026-ACDEFG") == []


def test_breach_from_the_sent_referrals_window_writes_both_mails(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Through the window as a team member: the .eml drafts go to both contacts, no canary."""
    from email import policy
    from email.parser import BytesParser

    from referral_desk.ui.breach_dialog import BreachDialog
    from tests.ui.test_flow_end_to_end import CANARY_CLIENT
    from tests.ui_driver import create_via_window, open_main_window

    window = open_main_window(qtbot)
    created = create_via_window(qtbot, window, CANARY_CLIENT)
    assert window.breach_button.isVisible()
    log_window = window.open_referral_log_window()
    log_window.select(created.referral_id)
    assert log_window.buttons["breach"].objectName() == "breachButton"
    assert log_window.buttons["breach"].isEnabled()
    log_window.buttons["breach"].click()
    dialog = log_window.breach_dialog
    assert isinstance(dialog, BreachDialog)
    assert dialog.cancel.isDefault()
    from PySide6.QtWidgets import QLabel

    deadline = dialog.findChild(QLabel, "breachDeadline")
    assert isinstance(deadline, QLabel) and "72 uur" in deadline.text()
    partner_line = dialog.findChild(QLabel, "breachPartnerContact")
    assert isinstance(partner_line, QLabel)
    assert "socialedienst@ocmwleopoldsburg.be" in partner_line.text()
    dialog.radios[IncidentKind.WRONG_RECIPIENT].setChecked(True)
    dialog.ok.click()
    qtbot.waitUntil(lambda: not log_window.breach.busy, timeout=10_000)
    assert "genoteerd" in log_window.message.text()
    outbox = created.archive_path.parent / "gegevenslek"
    emls = sorted(outbox.rglob("*.eml"))
    parsed = [BytesParser(policy=policy.default).parsebytes(f.read_bytes()) for f in emls]
    assert [m["To"] for m in parsed] == [
        "socialedienst@ocmwleopoldsburg.be",
        OPGROEIEN_DPO,
        created.referral.partner.mailbox,
    ]
    for path in emls:
        data = path.read_bytes().decode("utf-8", "replace")
        for needle in CANARY_NEEDLES:
            assert needle not in data, needle
    entry = log_window.services.referral_log.get(created.referral_id)  # type: ignore[union-attr]
    assert entry is not None
    kinds = log_window.services.referral_log.incidents(created.referral_id)  # type: ignore[union-attr]
    assert [i.kind for i in kinds] == [IncidentKind.WRONG_RECIPIENT.value]


def test_the_deletion_request_goes_where_the_mail_really_went(desk: Desk) -> None:
    """The mail program sent it elsewhere than the log says: that address is asked to delete,
    and the report names both."""
    entry = _entry(desk)
    facts = BreachFacts(discovered_at=NOW, actual_recipient="jan@elders.be")
    contacts = breach_contacts(entry, registry())
    report_breach(entry, IncidentKind.WRONG_RECIPIENT, PROFILE, contacts, desk.follow_up, facts)
    report, dpo, deletion = desk.mail.drafts
    assert deletion.to == "jan@elders.be"
    for draft in (report, dpo):
        assert "Gebruikte mailbox: jan@elders.be (het logboek noteerde " in draft.body
    (incident,) = desk.referral_log.incidents(entry.referral_id)
    assert incident.facts == facts


def test_the_report_carries_the_art_33_facts_the_deadline_and_the_authority(desk: Desk) -> None:
    entry = _entry(desk)
    facts = BreachFacts(
        discovered_at=NOW,
        people=3,
        records=2,
        exposure=Exposure.NOT_READABLE,
        consequence=Consequence.UNLIKELY,
        measures=(Measure.DELETION_REQUESTED, Measure.PASSWORD_WITHHELD),
    )
    contacts = breach_contacts(entry, registry())
    report_breach(entry, IncidentKind.LOST, PROFILE, contacts, desk.follow_up, facts)
    body = desk.mail.drafts[-1].body
    for line in facts.lines():
        assert line in body
    assert "Aantal betrokken personen (ongeveer): 3" in body
    assert "identificatiegegevens (voornaam, naam) en contactgegevens" in body
    assert "het wachtwoord niet gegeven" in body
    assert "Vlaamse Toezichtcommissie" in body
    assert f"lopen tot {numeric_date_time(NOW + timedelta(hours=72))}" in body
    _no_client_data(desk.mail.drafts[-1])
    (incident,) = desk.referral_log.incidents(entry.referral_id)
    assert incident.facts == facts


@pytest.mark.parametrize(
    ("discovered", "refusal"),
    [
        (NOW + timedelta(minutes=5), "toekomst"),
        (NOW - timedelta(days=30), "vóór de doorverwijzing"),
    ],
)
def test_a_discovery_that_cannot_be_right_is_refused_and_nothing_is_sent(
    desk: Desk, discovered: datetime, refusal: str
) -> None:
    entry = _entry(desk)
    contacts = breach_contacts(entry, registry())
    with pytest.raises(BreachRefused, match=refusal):
        report_breach(
            entry, IncidentKind.LOST, PROFILE, contacts, desk.follow_up,
            BreachFacts(discovered_at=discovered),
        )  # fmt: skip
    assert desk.mail.drafts == [] and desk.referral_log.incidents(entry.referral_id) == []
