"""A correction that goes to another partner: the core says so, builds the deletion request
for the first partner and records it only once it opened or was confirmed."""

from __future__ import annotations

from pathlib import Path

import pytest

from referral_desk.delivery.message import DraftMessage, correction_deletion_subject
from referral_desk.delivery.openers import DraftResult
from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.domain.referral_record import ReferralLogEntry
from referral_desk.lifecycle.correction import (
    DELETION_FOLDER,
    CorrectionRefused,
    DeletionAddress,
    PartnerRef,
    confirm_deletion_sent,
    correction_route,
    deletion_address,
    deletion_lines,
    original_of,
    pending_deletion_question,
    request_deletion,
)
from referral_desk.lifecycle.recording import FollowUpServices
from referral_desk.storage.outbox import Outbox, OutboxError
from referral_desk.storage.referral_log import ReferralLogBusy
from tests.lifecycle_fixtures import BUNDLED, CANARY_FORM, NOW, PROFILE, Desk, registry
from tests.storage.test_referral_log import entry
from tests.ui.test_flow_end_to_end import CANARY_NEEDLES

ORIGINAL = "KG-2026-ACDEFG"
CORRECTION = "KG-2026-HJKLMN"
LEOPOLDSBURG = {
    "partner_id": "ocmw-leopoldsburg",
    "partner_name": "OCMW Leopoldsburg",
    "mailbox": "socialedienst@leopoldsburg.be",
    "team": "Kind en Gezin West-Limburg",
}
WERVIK = PartnerRef("ocmw-wervik", "OCMW Wervik", "kindengezin@wervik.be")



def _pair(desk: Desk) -> tuple[ReferralLogEntry, ReferralLogEntry]:
    desk.referral_log.add(entry(ORIGINAL, NOW, **LEOPOLDSBURG))
    desk.referral_log.mark_sent(ORIGINAL, NOW)
    desk.referral_log.add(entry(CORRECTION, NOW, corrects=ORIGINAL, team=LEOPOLDSBURG["team"]))
    original, correction = desk.referral_log.get(ORIGINAL), desk.referral_log.get(CORRECTION)
    assert original is not None and correction is not None
    return original, correction


def _no_client_data(draft: DraftMessage) -> None:
    text = f"{draft.to}\n{draft.subject}\n{draft.body}".lower()
    needles = [*CANARY_NEEDLES, *(v for v in CANARY_FORM.values() if len(v) > 4)]
    for needle in needles:
        if needle in ("Leopoldsburg",):
            continue  # the partner's name holds the municipality
        assert needle.lower() not in text, needle


@pytest.mark.parametrize("with_id", [None, CORRECTION])
def test_another_partner_is_said_with_both_names(desk: Desk, with_id: str | None) -> None:
    original, _ = _pair(desk)
    route = correction_route(original, WERVIK, with_id)
    assert route.other_partner and route.sentence is not None
    assert "naar OCMW Wervik, niet naar OCMW Leopoldsburg" in route.sentence
    assert f"Vraag OCMW Leopoldsburg de gegevens van {ORIGINAL} te verwijderen" in route.sentence
    assert (with_id or "") in route.sentence
    assert route.button_text == "Verwijderverzoek aan OCMW Leopoldsburg"
    question = pending_deletion_question(route, CORRECTION)
    assert question is not None and "OCMW Leopoldsburg" in question and ORIGINAL in question


def test_the_same_partner_or_its_renewal_needs_no_deletion(desk: Desk) -> None:
    original, _ = _pair(desk)
    same = PartnerRef("ocmw-leopoldsburg", "OCMW Leopoldsburg", "nieuw@leopoldsburg.be")
    renewed = PartnerRef("ocmw-leopoldsburg-2027", "OCMW Leopoldsburg", original.mailbox.upper())
    for partner in (same, renewed):
        route = correction_route(original, partner, CORRECTION)
        assert not route.other_partner and route.sentence is None
        assert pending_deletion_question(route, CORRECTION) is None


def test_a_cancelled_original_never_reached_the_first_partner(desk: Desk) -> None:
    desk.referral_log.add(entry(ORIGINAL, NOW, **LEOPOLDSBURG))
    desk.referral_log.mark_cancelled(ORIGINAL, NOW)
    original = desk.referral_log.get(ORIGINAL)
    assert original is not None
    assert not correction_route(original, WERVIK).other_partner


def test_the_address_is_todays_mailbox_and_says_when_it_differs(desk: Desk) -> None:
    original, _ = _pair(desk)
    assert deletion_address(original, registry()) == DeletionAddress(original.mailbox)
    moved = registry(BUNDLED.replace("socialedienst@leopoldsburg.be", "sociaal@leopoldsburg.be"))
    address = deletion_address(original, moved)
    assert address.to == "sociaal@leopoldsburg.be"
    assert address.note is not None and original.mailbox in address.note
    gone = original.model_copy(update={"partner_id": "vertrokken"})
    for fallback in (deletion_address(gone, registry()), deletion_address(original, None)):
        assert fallback.to == original.mailbox
        assert fallback.note is not None and "mailbox van toen" in fallback.note


def test_an_opened_request_is_recorded_on_both_rows_without_client_data(desk: Desk) -> None:
    original, correction = _pair(desk)
    address = deletion_address(original, registry())
    result = request_deletion(original, CORRECTION, PROFILE, address, desk.follow_up)
    assert result.opened and result.recorded and result.referral_log_problem is None
    [draft] = desk.mail.drafts
    assert draft.to == "socialedienst@leopoldsburg.be" and draft.attachment is None
    assert draft.subject == correction_deletion_subject(ORIGINAL, CORRECTION, original.team)
    for text in (ORIGINAL, CORRECTION, numeric_date(NOW), PROFILE.name, "verwijderen"):
        assert text in draft.body
    assert "Wervik" not in draft.body  # the first partner need not know where it went
    _no_client_data(draft)
    for referral_id in (ORIGINAL, CORRECTION):
        [request] = desk.referral_log.deletion_requests(referral_id)
        assert (request.original_id, request.correction_id, request.at) == (
            ORIGINAL,
            CORRECTION,
            NOW,
        )
    lines = deletion_lines(desk.referral_log, [original, correction])
    assert lines[ORIGINAL] == lines[CORRECTION]
    assert ORIGINAL in lines[ORIGINAL] and CORRECTION in lines[ORIGINAL]
    assert (desk.root / "outbox" / ORIGINAL / DELETION_FOLDER).is_dir()


class SavedOnly:
    """Like the headless .eml adapter: the draft is written, no mail client opens it."""

    name = "eml"
    label = "eml"

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        path = workdir / "concept.eml"
        path.write_text(draft.body, "utf-8")
        return DraftResult(opener=self.name, eml_path=path, opened=False)


def _services(desk: Desk, mail: object = None, outbox: Outbox | None = None) -> FollowUpServices:
    base = desk.follow_up
    return FollowUpServices(
        referral_log=base.referral_log,
        vault=base.vault,
        clock=base.clock,
        outbox=outbox or base.outbox,
        mail=mail or base.mail,  # type: ignore[arg-type]
    )


def test_a_draft_not_opened_waits_for_the_users_confirmation(desk: Desk) -> None:
    original, _ = _pair(desk)
    services = _services(desk, SavedOnly())
    result = request_deletion(original, CORRECTION, PROFILE, DeletionAddress("a@b.be"), services)
    assert result.mail_result is not None and not result.opened and not result.recorded
    assert desk.referral_log.deletion_requests(ORIGINAL) == []
    confirm_deletion_sent(services, ORIGINAL, CORRECTION)
    assert len(desk.referral_log.deletion_requests(CORRECTION)) == 1


def test_a_failing_mail_client_records_nothing(desk: Desk) -> None:
    original, _ = _pair(desk)
    desk.mail.raises = RuntimeError("Qzxkwv geheim")
    result = request_deletion(
        original, CORRECTION, PROFILE, deletion_address(original, registry()), desk.follow_up
    )
    assert result.mail_result is None and not result.recorded
    assert "Qzxkwv" not in repr(result.mail_failures)
    assert desk.referral_log.deletion_requests(ORIGINAL) == []


def test_an_unwritable_outbox_is_said_and_changes_nothing(desk: Desk, tmp_path: Path) -> None:
    original, _ = _pair(desk)
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    services = _services(desk, outbox=Outbox(blocker / "outbox"))
    with pytest.raises(OutboxError) as raised:
        request_deletion(original, CORRECTION, PROFILE, DeletionAddress("a@b.be"), services)
    assert "niet beschrijfbaar" in raised.value.message
    assert desk.mail.drafts == [] and desk.referral_log.deletion_requests(ORIGINAL) == []


def test_a_busy_log_is_said_and_the_confirmation_can_be_repeated(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    original, _ = _pair(desk)

    def busy(*_args: object) -> None:
        raise ReferralLogBusy("Het logboek is bezet; probeer het zo opnieuw.")

    real = desk.referral_log.record_deletion_request
    monkeypatch.setattr(desk.referral_log, "record_deletion_request", busy)
    result = request_deletion(
        original, CORRECTION, PROFILE, deletion_address(original, registry()), desk.follow_up
    )
    assert result.opened and not result.recorded
    assert result.referral_log_problem is not None and "bezet" in result.referral_log_problem
    with pytest.raises(CorrectionRefused) as refused:
        confirm_deletion_sent(desk.follow_up, ORIGINAL, CORRECTION)
    assert "bezet" in refused.value.message
    monkeypatch.setattr(desk.referral_log, "record_deletion_request", real)
    confirm_deletion_sent(desk.follow_up, ORIGINAL, CORRECTION)
    assert len(desk.referral_log.deletion_requests(ORIGINAL)) == 1


def test_the_original_is_read_or_the_reason_is_given(desk: Desk) -> None:
    original, _ = _pair(desk)
    assert original_of(desk.follow_up, ORIGINAL) == original
    with pytest.raises(CorrectionRefused, match="niet in het logboek"):
        original_of(desk.follow_up, "KG-2026-CCCCCC")
    with pytest.raises(CorrectionRefused, match="kan niet nagekeken worden"):
        original_of(None, ORIGINAL)
    with pytest.raises(CorrectionRefused):
        confirm_deletion_sent(None, ORIGINAL, CORRECTION)


def test_the_subject_refuses_anything_but_referral_ids() -> None:
    with pytest.raises(ValueError):
        correction_deletion_subject("Qzxkwv", CORRECTION, "Menen")
