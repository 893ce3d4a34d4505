"""Making a referral through the Qt-free core: checked before sealing, all or nothing."""

from __future__ import annotations

import dataclasses
import email
import email.policy
import json
import logging
from datetime import date, timedelta
from pathlib import Path

import pytest

from referral_desk.delivery.eml import write_eml_draft
from referral_desk.delivery.message import build_email_message
from referral_desk.domain.partners import PartnerFound, PasswordMode
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.lifecycle.creation import (
    MailboxChange,
    ReferralRefused,
    pending_mailbox_change,
)
from referral_desk.lifecycle.mail_drafts import NO_OPENER
from referral_desk.lifecycle.recording import RecordingChoices, initials_of
from referral_desk.registry.parsing import load_registry_text
from referral_desk.sealing.archive import read_encrypted_archive
from referral_desk.storage.referral_log import ReferralLogError
from tests.lifecycle_fixtures import (
    BUNDLED,
    CANARY,
    PROFILE,
    TABLE,
    TODAY,
    Desk,
    RecordingMail,
    consent,
    desk_at,
    found,
    registry,
    request,
)

NEEDLES = (CANARY, "48173QZXW", "QZXW7", "470987654", "98 76 54")


def _no_needles(text: str) -> None:
    for needle in NEEDLES:
        assert needle.lower() not in text.lower()


def test_a_referral_is_sealed_drafted_logged_and_kept_for_recall(desk: Desk) -> None:
    day = TODAY - timedelta(days=2)
    made = desk.make_referral(request(consent=consent(day)), desk.choices)
    created = made.created
    assert desk.written_files() == [created.archive_path]
    files = read_encrypted_archive(created.archive_path.read_bytes(), created.password)
    exported = json.loads(files["doorverwijzing.json"])
    assert exported["consent"]["recorded_on"] == day.isoformat()
    [draft] = desk.mail.drafts
    assert draft.to == "socialedienst@leopoldsburg.be"
    [entry] = desk.referral_log.all()
    assert entry.consent_date == day and entry.referral_id == created.referral_id
    # Under which registry and protocol it went, for the yearly evaluation and a DPO.
    bundled = load_registry_text(BUNDLED, TABLE, file="partners.toml")
    assert entry.registry_version == bundled.registry_version
    assert entry.protocol_reference == found().partner.protocol.reference
    assert made.record.logged and made.record.recall_until is not None
    assert desk.vault.recall(created.referral_id) == created.password


def test_consent_dated_before_the_protocol_is_refused_and_nothing_is_written(desk: Desk) -> None:
    with pytest.raises(ReferralRefused, match="vóór het protocol"):
        desk.make_referral(request(consent=consent(date(2023, 1, 1))), desk.choices)
    assert desk.written_files() == [] and desk.referral_log.all() == []


def test_consent_in_the_future_is_refused(desk: Desk) -> None:
    with pytest.raises(ReferralRefused, match="toekomst"):
        desk.make_referral(request(consent=consent(TODAY + timedelta(days=1))), desk.choices)
    assert desk.written_files() == []


def test_an_accented_mailbox_domain_works_end_to_end(desk: Desk, tmp_path: Path) -> None:
    text = BUNDLED.replace("socialedienst@leopoldsburg.be", "post@ocmw-münchen.be")
    assert registry(text).partner("ocmw-leopoldsburg") is not None
    idn = found({"mailbox": "post@ocmw-münchen.be"})
    made = desk.make_referral(request(found=idn), desk.choices)
    assert made.created.draft.to == "post@xn--ocmw-mnchen-yhb.be"
    eml = write_eml_draft(build_email_message(made.created.draft), tmp_path, "concept")
    parsed = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert parsed["To"] == "post@xn--ocmw-mnchen-yhb.be"
    assert desk.referral_log.all()[0].mailbox == "post@ocmw-münchen.be"


def test_a_mailbox_that_no_draft_can_carry_is_refused_by_the_registry() -> None:
    text = BUNDLED.replace("socialedienst@leopoldsburg.be", "jürgen@leopoldsburg.be")
    with pytest.raises(RegistryError) as raised:
        registry(text)
    assert "vóór de @" in str(raised.value.problems[0])


@pytest.mark.parametrize("stored", ["   ", "\t\n", "kort"])
def test_a_blank_or_slip_preshared_password_is_refused_before_sealing(
    desk: Desk, stored: str
) -> None:
    preshared = found({"password_mode": PasswordMode.PRE_SHARED.value})
    desk.keyring.set_password("referral-desk", "preshared:ocmw-leopoldsburg", stored)
    with pytest.raises(ReferralRefused, match="Instellingen"):
        desk.make_referral(request(found=preshared), desk.choices)
    assert desk.written_files() == [] and desk.referral_log.all() == []


def test_a_partner_text_too_long_for_the_page_is_refused_before_writing(desk: Desk) -> None:
    long_name = found({"name": "OCMW " + "Leopoldsburg " * 220})
    with pytest.raises(ReferralRefused, match="te lang"):
        desk.make_referral(request(found=long_name), desk.choices)
    assert desk.written_files() == [] and desk.referral_log.all() == []


@pytest.mark.parametrize(
    ("first", "last", "initials"),
    [("ﬁona", "Qz", "F.Q."), ("ßabine", "Öz", "S.Ö."), ("  ǆenan", "x", "D.X.")],
)
def test_initials_are_one_letter_each_whatever_is_pasted(
    first: str, last: str, initials: str
) -> None:
    assert initials_of(first, last) == initials


def test_a_pasted_ligature_name_is_logged_with_initials(desk: Desk) -> None:
    from referral_desk.domain.referral import parse_client_form
    from tests.lifecycle_fixtures import CANARY_FORM

    client = parse_client_form({**CANARY_FORM, "first_name": "ﬁona"})
    choices = RecordingChoices(recall_days=30, record_initials=True)
    desk.make_referral(request(client=client), choices)
    assert desk.referral_log.all()[0].initials == "F.Q."


@pytest.mark.parametrize("error", [RuntimeError, OSError, TypeError, KeyError])
def test_a_mail_adapter_that_raises_anything_leaves_a_logged_referral(
    tmp_path: Path, error: type[Exception], caplog: pytest.LogCaptureFixture
) -> None:
    desk = desk_at(tmp_path, mail=RecordingMail(raises=error(f"{CANARY} in de foutmelding")))
    with caplog.at_level(logging.INFO):
        made = desk.make_referral(request(), desk.choices)
    assert made.created.mail_result is None
    assert "onverwachte fout" in made.created.mail_failures[0][1]
    assert made.created.archive_path.exists()
    # Recorded as sent by hand, in the openers' vocabulary, never a word of the UI.
    assert desk.referral_log.all()[0].mail_adapter == NO_OPENER == "none"
    assert made.created.mail_failures[0][0] == desk.mail.name
    _no_needles(caplog.text)
    _no_needles(repr(made.created.mail_failures))


def test_a_referral_log_that_fails_after_the_draft_is_reported_not_raised(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_entry: object) -> None:
        raise ReferralLogError("Het logboek is bezet.")

    monkeypatch.setattr(desk.referral_log, "add", refuse)
    made = desk.make_referral(request(), desk.choices)
    assert not made.record.logged and made.record.referral_log_problem == "Het logboek is bezet."
    # The draft is open in the mail client with the archive: it stays, and the user is told.
    assert made.created.archive_path.exists()


def test_an_unexpected_referral_log_failure_is_reported_by_type_only(
    desk: Desk, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def explode(_entry: object) -> None:
        raise ValueError(f"{CANARY}voornaam")

    monkeypatch.setattr(desk.referral_log, "add", explode)
    made = desk.make_referral(request(), desk.choices)
    assert made.record.referral_log_problem == "onverwachte fout (ValueError)"
    _no_needles(caplog.text)


class _Interrupted(BaseException):
    pass


def test_an_archive_is_never_left_behind_when_the_draft_step_is_interrupted(
    tmp_path: Path,
) -> None:
    desk = desk_at(tmp_path, mail=RecordingMail(raises=_Interrupted()))
    with pytest.raises(_Interrupted):
        desk.make_referral(request(), desk.choices)
    assert desk.written_files() == [] and desk.referral_log.all() == []


def test_a_failure_before_sealing_writes_nothing(desk: Desk) -> None:
    def no_password() -> str:
        raise RuntimeError("no randomness")

    without_randomness = dataclasses.replace(desk, new_password=no_password)
    with pytest.raises(RuntimeError):
        without_randomness.make_referral(request(), desk.choices)
    assert desk.written_files() == [] and desk.referral_log.all() == []


def test_a_changed_mailbox_needs_confirmation_and_is_then_remembered(desk: Desk) -> None:
    desk.memory.last["71034"] = "oud@leopoldsburg.be"
    change = pending_mailbox_change(found(), desk.memory)
    assert change is not None and change.previous == "oud@leopoldsburg.be"
    with pytest.raises(ReferralRefused, match="ander adres"):
        desk.make_referral(request(), desk.choices)
    assert desk.written_files() == []
    desk.make_referral(request(mailbox_change_confirmed=True), desk.choices)
    assert desk.memory.last["71034"] == "socialedienst@leopoldsburg.be"
    assert pending_mailbox_change(found(), desk.memory) is None


def test_a_preshared_password_seals_and_is_not_kept_again(desk: Desk) -> None:
    preshared = found({"password_mode": PasswordMode.PRE_SHARED.value})
    desk.vault.set_preshared("ocmw-leopoldsburg", "Afgesproken-Leopoldsburg-2026")
    made = desk.make_referral(request(found=preshared), desk.choices)
    assert made.preshared and made.created.password == "Afgesproken-Leopoldsburg-2026"
    read_encrypted_archive(made.created.archive_path.read_bytes(), made.created.password)
    assert made.record.recall_until is None
    assert desk.vault.recall(made.created.referral_id) is None


def _attacked() -> str:
    """A registry that gives Leopoldsburg a new partner id and somebody else's mailbox."""
    return BUNDLED.replace('id = "ocmw-leopoldsburg"', 'id = "ocmw-leopoldsburg-v2"').replace(
        'mailbox = "socialedienst@leopoldsburg.be"', 'mailbox = "attacker@evil.example"'
    )


def _renewed() -> str:
    """The coordinator's Dupliceren: the old protocol ends, a copy with a new id and a new
    mailbox starts the same day."""
    start = "in_force_from = 2024-02-01\n"
    assert BUNDLED.count(start) == 1
    old_block = "[[partners]]" + BUNDLED.split("[[partners]]")[1]
    renewal = (
        old_block.replace('id = "ocmw-leopoldsburg"', 'id = "ocmw-leopoldsburg-2026"')
        .replace('mailbox = "socialedienst@leopoldsburg.be"', 'mailbox = "sociaal@leopoldsburg.be"')
        .replace(start, "in_force_from = 2026-11-01\n")
    )
    return BUNDLED.replace(start, start + "ended_on = 2026-11-01\n") + "\n" + renewal


@pytest.mark.parametrize(
    ("registry_text", "partner_id", "mailbox"),
    [
        (_renewed(), "ocmw-leopoldsburg-2026", "sociaal@leopoldsburg.be"),
        (_attacked(), "ocmw-leopoldsburg-v2", "attacker@evil.example"),
    ],
    ids=["renewal", "new-id attack"],
)
def test_a_new_mailbox_for_the_municipality_needs_confirmation_whatever_the_partner_id(
    desk: Desk, registry_text: str, partner_id: str, mailbox: str
) -> None:
    """The memory was keyed by partner id: a new id (a renewal or an attack) got no warning."""
    memory = desk.referral_log  # the real memory: the referral log, per NIS code
    assert memory is not None
    dataclasses.replace(desk, memory=memory).make_referral(request(), desk.choices)
    assert memory.last_mailbox("71034") == "socialedienst@leopoldsburg.be"
    desk.outbox.discard("KG-2026-ACDEFG")
    now_found = registry(registry_text).lookup("3970", on=TODAY, team=PROFILE.team)
    assert isinstance(now_found, PartnerFound) and now_found.partner.id == partner_id
    change = pending_mailbox_change(now_found, memory)
    assert change == MailboxChange(
        now_found.partner.name, "socialedienst@leopoldsburg.be", mailbox, "Leopoldsburg"
    )
    second = dataclasses.replace(desk, memory=memory, new_id=lambda year: f"KG-{year}-ACDEFH")
    with pytest.raises(ReferralRefused, match="ander adres") as refused:
        second.make_referral(request(found=now_found), desk.choices)
    assert f"socialedienst@leopoldsburg.be → {mailbox}" in refused.value.message
    assert desk.written_files() == [] and len(desk.referral_log.all()) == 1
    second.make_referral(request(found=now_found, mailbox_change_confirmed=True), desk.choices)
    assert memory.last_mailbox("71034") == mailbox
    assert pending_mailbox_change(now_found, memory) is None


def test_an_unreadable_memory_refuses_rather_than_skips_the_question(desk: Desk) -> None:
    class Broken:
        def last_mailbox(self, nis_code: str) -> str | None:
            raise ReferralLogError("Het logboek is beschadigd.")

        def remember_mailbox(self, nis_code: str, mailbox: str) -> None:
            raise AssertionError("never reached")

    with pytest.raises(ReferralRefused, match="beschadigd"):
        dataclasses.replace(desk, memory=Broken()).make_referral(request(), desk.choices)
    assert desk.written_files() == []
