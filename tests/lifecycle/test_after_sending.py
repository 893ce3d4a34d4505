"""What may follow a referral, decided by the core: actions per status, sent, recall."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from referral_desk.domain.referral_record import PasswordChannel, ReferralStatus, WithdrawalChannel
from referral_desk.lifecycle.after_sending import (
    WITHDRAWAL_FOLDER,
    FollowUpRefused,
    cancel_referral,
    confirm_withdrawal_sent,
    entry_actions,
    entry_details,
    mark_sent,
    recall_password,
    record_password_channel,
    withdraw_by_phone,
    withdraw_consent,
    withdrawal_address,
    withdrawal_draft,
)
from referral_desk.storage.outbox import OutboxError
from referral_desk.storage.password_vault import VaultUnavailable
from referral_desk.storage.referral_log import ReferralLogBusy
from tests.folder_links import folder_link
from tests.lifecycle_fixtures import (
    BUNDLED,
    NOW,
    PROFILE,
    Desk,
    RecordingMail,
    desk_at,
    registry,
    request,
)


def _made(desk: Desk) -> str:
    return desk.make_referral(request(), desk.choices).created.referral_id


def test_actions_follow_the_status(desk: Desk) -> None:
    referral_id = _made(desk)
    entry = desk.referral_log.get(referral_id)
    actions = entry_actions(entry, desk.follow_up)
    # Never sent: cancel, not withdraw.
    assert (actions.recall, actions.mark_sent, actions.withdraw, actions.correct) == (
        True,
        True,
        False,
        True,
    )
    assert actions.cancel and not actions.confirm_withdrawal
    mark_sent(desk.follow_up, referral_id)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None and entry.status is ReferralStatus.SENT
    actions = entry_actions(entry, desk.follow_up)
    assert actions.withdraw and not actions.mark_sent and not actions.cancel
    withdraw_consent(entry, PROFILE, desk.follow_up)
    withdrawn = desk.referral_log.get(referral_id)
    assert withdrawn is not None and withdrawn.withdrawal_channel is WithdrawalChannel.MAIL
    actions = entry_actions(withdrawn, desk.follow_up)
    assert not (actions.withdraw or actions.correct or actions.cancel or actions.recall)
    assert actions.confirm_withdrawal is False
    assert actions.recall_reason == "Toestemming ingetrokken: het wachtwoord is gewist."
    # A breach can come to light after a withdrawal too.
    assert actions.report_breach
    assert entry_actions(None, desk.follow_up) == dataclasses.replace(
        actions, mark_sent=False, report_breach=False, recall_reason=None
    )


def test_without_a_referral_log_nothing_can_be_recorded(desk: Desk) -> None:
    referral_id = _made(desk)
    entry = desk.referral_log.get(referral_id)
    no_log = dataclasses.replace(desk.follow_up, referral_log=None)
    actions = entry_actions(entry, no_log)
    assert not (actions.mark_sent or actions.withdraw or actions.correct or actions.evaluate)
    # The breach mails go out even when the log cannot note them; without services, nothing.
    assert actions.report_breach
    assert not entry_actions(entry, None).report_breach
    with pytest.raises(FollowUpRefused, match="logboek"):
        mark_sent(no_log, referral_id)
    with pytest.raises(FollowUpRefused, match="logboek"):
        record_password_channel(None, referral_id, PasswordChannel.PHONE.value)


def test_the_password_channel_is_recorded_and_unknown_ones_refused(desk: Desk) -> None:
    referral_id = _made(desk)
    record_password_channel(desk.follow_up, referral_id, PasswordChannel.PHONE.value)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None and entry.password_channel is PasswordChannel.PHONE
    with pytest.raises(FollowUpRefused, match="Onbekende"):
        record_password_channel(desk.follow_up, referral_id, "duif")


def test_recall_says_why_not(desk: Desk) -> None:
    referral_id = _made(desk)
    assert recall_password(desk.follow_up, referral_id).password == "ABCD-EFGH-JKLM-NPQR-STUV"
    desk.vault.forget(referral_id)
    with pytest.raises(FollowUpRefused, match="niet meer bewaard"):
        recall_password(desk.follow_up, referral_id)
    with pytest.raises(FollowUpRefused, match="geen sleutelbos"):
        recall_password(dataclasses.replace(desk.follow_up, vault=None), referral_id)


def test_a_withdrawal_mail_adapter_that_raises_changes_nothing(tmp_path: Path) -> None:
    """The user then sends the copied text; the status waits for the confirmation."""
    desk = desk_at(tmp_path)
    referral_id = _sent(desk)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None
    broken = dataclasses.replace(desk.follow_up, mail=RecordingMail(raises=OSError("x")))
    result = withdraw_consent(entry, PROFILE, broken)
    assert result.mail_result is None and "onverwachte fout" in result.mail_failures[0][1]
    assert not result.recorded
    pending = desk.referral_log.get(referral_id)
    assert pending is not None and pending.status is ReferralStatus.SENT
    assert desk.vault.recall(referral_id) == "ABCD-EFGH-JKLM-NPQR-STUV"
    actions = entry_actions(pending, desk.follow_up)
    assert actions.confirm_withdrawal and actions.withdraw
    assert any(
        "nog niet als verstuurd bevestigd" in line
        for line in entry_details(pending, desk.follow_up)
    )
    confirm_withdrawal_sent(pending, desk.follow_up)
    withdrawn = desk.referral_log.get(referral_id)
    assert withdrawn is not None and withdrawn.status is ReferralStatus.WITHDRAWN
    assert withdrawn.withdrawal_channel is WithdrawalChannel.MAIL
    assert desk.vault.recall(referral_id) is None
    assert not entry_actions(withdrawn, desk.follow_up).confirm_withdrawal


def _sent(desk: Desk) -> str:
    referral_id = _made(desk)
    mark_sent(desk.follow_up, referral_id)
    return referral_id


def test_a_draft_saved_but_not_opened_is_not_a_withdrawal(desk: Desk) -> None:
    referral_id = _sent(desk)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None
    saved_only = dataclasses.replace(desk.follow_up, mail=RecordingMail(opened=False))
    result = withdraw_consent(entry, PROFILE, saved_only)
    assert result.mail_result is not None and not result.recorded
    after = desk.referral_log.get(referral_id)
    assert after is not None and after.status is ReferralStatus.SENT


def test_the_withdrawal_goes_to_the_partners_current_mailbox(desk: Desk) -> None:
    referral_id = _sent(desk)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None
    same = withdrawal_address(entry, registry())
    assert same.mailbox == entry.mailbox and same.note is None
    moved = registry(BUNDLED.replace(entry.mailbox, "nieuw.adres@leopoldsburg.be"))
    address = withdrawal_address(entry, moved)
    assert address.mailbox == "nieuw.adres@leopoldsburg.be" and address.used == entry.mailbox
    assert address.note is not None and "gewijzigd" in address.note
    result = withdraw_consent(entry, PROFILE, desk.follow_up, address)
    assert desk.mail.drafts[-1].to == "nieuw.adres@leopoldsburg.be"
    assert result.recorded
    gone = withdrawal_address(entry, None)
    assert gone.mailbox == entry.mailbox and gone.note is not None


def test_a_partner_no_longer_in_the_registry_gets_the_mailbox_used(desk: Desk) -> None:
    referral_id = _sent(desk)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None
    unknown = entry.model_copy(update={"partner_id": "ocmw-verdwenen"})
    address = withdrawal_address(unknown, registry())
    assert address.mailbox == entry.mailbox
    assert address.note is not None and "staat niet meer in het partnerregister" in address.note


def test_withdrawal_by_phone_is_recorded_without_mail(desk: Desk) -> None:
    referral_id = _sent(desk)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None
    drafts_before = len(desk.mail.drafts)  # the referral itself
    assert withdraw_by_phone(entry, desk.follow_up) is None
    withdrawn = desk.referral_log.get(referral_id)
    assert withdrawn is not None and withdrawn.status is ReferralStatus.WITHDRAWN
    assert withdrawn.withdrawal_channel is WithdrawalChannel.PHONE
    assert len(desk.mail.drafts) == drafts_before and desk.vault.recall(referral_id) is None
    assert "telefonisch" in entry_details(withdrawn, desk.follow_up)[0]
    with pytest.raises(FollowUpRefused, match="gewist"):
        recall_password(desk.follow_up, referral_id)


def test_a_busy_log_leaves_a_withdrawal_unrecorded_and_the_password_kept(desk: Desk) -> None:
    referral_id = _sent(desk)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None

    def busy(*_a: object, **_k: object) -> None:
        raise ReferralLogBusy("Het logboek is bezet.")

    desk.referral_log.mark_withdrawn = busy  # type: ignore[method-assign]
    with pytest.raises(FollowUpRefused, match="niets gewijzigd"):
        withdraw_by_phone(entry, desk.follow_up)
    assert desk.vault.recall(referral_id) is not None
    result = withdraw_consent(entry, PROFILE, desk.follow_up)
    assert not result.recorded and result.referral_log_problem is not None
    assert desk.vault.recall(referral_id) is not None
    # The mail is out there: the confirmation stays on offer.
    assert entry_actions(entry, desk.follow_up).confirm_withdrawal


def test_a_never_sent_draft_is_cancelled_not_withdrawn(desk: Desk) -> None:
    referral_id = _made(desk)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None
    assert desk.outbox.archive_path_for(referral_id).exists()
    with pytest.raises(FollowUpRefused, match="annuleer"):
        withdraw_consent(entry, PROFILE, desk.follow_up)
    drafts_before = len(desk.mail.drafts)
    assert cancel_referral(entry, desk.follow_up) is None
    assert not (desk.outbox.root / referral_id).exists()
    assert len(desk.mail.drafts) == drafts_before
    cancelled = desk.referral_log.get(referral_id)
    assert cancelled is not None and cancelled.status is ReferralStatus.CANCELLED
    assert desk.vault.recall(referral_id) is None
    actions = entry_actions(cancelled, desk.follow_up)
    assert not (actions.withdraw or actions.cancel or actions.correct or actions.recall)
    assert actions.recall_reason is not None and "geannuleerd" in actions.recall_reason.lower()


def test_a_cancel_whose_outbox_folder_is_not_ours_changes_nothing(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder swapped for a link elsewhere (a junction on Windows) is neither followed nor
    called removed."""
    referral_id = _made(desk)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None
    folder = desk.outbox.root / referral_id
    elsewhere = tmp_path / "elders"
    folder.rename(elsewhere)
    folder_link(monkeypatch, folder, elsewhere)
    (tmp_path / "ander").mkdir()
    folder_link(monkeypatch, folder / WITHDRAWAL_FOLDER, tmp_path / "ander")
    assert not desk.outbox.has_follow_up(referral_id, WITHDRAWAL_FOLDER)
    with pytest.raises(OutboxError, match="niet geannuleerd"):
        cancel_referral(entry, desk.follow_up)
    assert (folder / f"{referral_id}.7z").exists()
    kept = desk.referral_log.get(referral_id)
    assert kept is not None and kept.status is ReferralStatus.DRAFT_OPENED
    assert desk.vault.recall(referral_id) is not None


def test_a_cancel_the_log_cannot_record_keeps_the_archive(desk: Desk) -> None:
    referral_id = _made(desk)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None

    def busy() -> None:
        raise ReferralLogBusy("Het logboek is bezet.")

    desk.referral_log.check_writable = busy  # type: ignore[method-assign]
    with pytest.raises(FollowUpRefused, match="niets gewijzigd"):
        cancel_referral(entry, desk.follow_up)
    assert desk.outbox.archive_path_for(referral_id).exists()
    assert desk.vault.recall(referral_id) is not None


def test_a_locked_keyring_on_withdrawal_is_said(desk: Desk) -> None:
    referral_id = _sent(desk)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None

    def locked(_referral_id: str) -> None:
        raise VaultUnavailable("de sleutelbos is vergrendeld")

    desk.vault.forget = locked  # type: ignore[method-assign]
    problem = withdraw_by_phone(entry, desk.follow_up)
    assert problem is not None and "vergrendeld" in problem
    withdrawn = desk.referral_log.get(referral_id)
    assert withdrawn is not None and withdrawn.status is ReferralStatus.WITHDRAWN
    with pytest.raises(FollowUpRefused):
        recall_password(desk.follow_up, referral_id)


def test_the_withdrawal_text_claims_no_sent_date_it_does_not_have(desk: Desk) -> None:
    referral_id = _made(desk)
    entry = desk.referral_log.get(referral_id)
    assert entry is not None
    assert "verstuurd op" not in withdrawal_draft(entry, PROFILE).body
    mark_sent(desk.follow_up, referral_id)
    sent = desk.referral_log.get(referral_id)
    assert sent is not None
    assert "(verstuurd op 29-11-2026)" in withdrawal_draft(sent, PROFILE).body


def test_a_recall_is_recorded_and_a_log_failure_does_not_hide_the_password(desk: Desk) -> None:
    referral_id = _made(desk)
    recalled = recall_password(desk.follow_up, referral_id)
    assert recalled.referral_log_problem is None
    assert "ABCD" not in repr(recalled)
    assert desk.referral_log.recalls(referral_id) == [NOW]
    assert (
        "1 keer opnieuw getoond"
        in entry_details(
            desk.referral_log.get(referral_id),
            desk.follow_up,  # type: ignore[arg-type]
        )[-1]
    )

    def busy(*_a: object, **_k: object) -> None:
        raise ReferralLogBusy("Het logboek is bezet.")

    desk.referral_log.record_recall = busy  # type: ignore[method-assign]
    again = recall_password(desk.follow_up, referral_id)
    assert again.password == "ABCD-EFGH-JKLM-NPQR-STUV"
    assert again.referral_log_problem is not None and "bezet" in again.referral_log_problem
