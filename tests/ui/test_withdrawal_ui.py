"""Withdrawal, cancelling and recall through the sent-referrals window, with the canary client:
where the mail goes, when the status changes, what the window says, what the log keeps."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from referral_desk.domain.referral_record import (
    ReferralLogEntry,
    ReferralStatus,
    WithdrawalChannel,
)
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import ReferralLog
from referral_desk.ui.main_window import MainWindow
from referral_desk.ui.questions import Questions
from referral_desk.ui.referral_log_window import ReferralLogWindow
from tests.lifecycle_fixtures import BUNDLED, RecordingMail, registry
from tests.ui.test_flow_end_to_end import CANARY_CLIENT, _needles_in
from tests.ui_driver import (
    Answering,
    answering,
    child,
    create_via_window,
    on_next_modal,
    open_main_window,
)


def _data() -> Path:
    """Per test: conftest points HOME and XDG into the test's own folder."""
    return AppPaths.from_platform().data_dir


USED = "socialedienst@leopoldsburg.be"
MOVED = "intrekking.nieuw@leopoldsburg.be"


def _row(referral_id: str) -> ReferralLogEntry:
    referral_log = ReferralLog.open(_data() / "referral-log.sqlite3")
    try:
        row = referral_log.get(referral_id)
    finally:
        referral_log.close()
    assert row is not None
    return row


def _made(
    qtbot: QtBot, *, sent: bool = True, mail: RecordingMail | None = None
) -> tuple[MainWindow, ReferralLogWindow, str]:
    window = open_main_window(qtbot)
    referral_id = create_via_window(qtbot, window, CANARY_CLIENT).referral_id
    if sent:
        qtbot.mouseClick(child(window, QPushButton, "confirmSentButton"), Qt.MouseButton.LeftButton)
    log_window = window.open_referral_log_window()
    qtbot.addWidget(log_window)
    if mail is not None:
        assert log_window.services is not None
        log_window.services = dataclasses.replace(log_window.services, mail=mail)
    log_window.select(referral_id)
    return window, log_window, referral_id


def _withdraw(qtbot: QtBot, log_window: ReferralLogWindow, how: str) -> Answering:
    """*how*: "mail" or "phone", the withdrawal question's option."""
    answers = answering(log_window, withdrawal=how)
    log_window.buttons["withdraw"].click()
    qtbot.waitUntil(lambda: not log_window.withdrawal.busy, timeout=30_000)
    assert [choice.key for choice in answers.choices] == ["withdrawal"]
    return answers


def test_withdrawal_mail_goes_to_the_current_mailbox_without_client_data(qtbot: QtBot) -> None:
    mail = RecordingMail()
    _window, log_window, referral_id = _made(qtbot, mail=mail)
    log_window.registry = lambda: registry(BUNDLED.replace(USED, MOVED))
    asked = _withdraw(qtbot, log_window, "mail").asked
    assert MOVED in asked[0] and "gewijzigd" in asked[0]
    draft = mail.drafts[-1]
    assert draft.to == MOVED and draft.attachment is None
    assert referral_id in draft.body and "verstuurd op" in draft.body
    assert not _needles_in(f"{draft.to}\n{draft.subject}\n{draft.body}".encode())
    row = _row(referral_id)
    assert row.status is ReferralStatus.WITHDRAWN
    assert row.withdrawal_channel is WithdrawalChannel.MAIL
    assert "gewijzigd" in log_window.message.text() and MOVED in log_window.message.text()
    recall = log_window.buttons["recall"]
    assert not recall.isEnabled() and "het wachtwoord is gewist" in recall.toolTip()
    assert "het wachtwoord is gewist" in recall.accessibleDescription()
    assert "het wachtwoord is gewist" in log_window.details.text()
    assert not log_window.buttons["withdraw"].isEnabled()
    assert not log_window.buttons["correct"].isEnabled()
    assert not log_window.buttons["cancel"].isEnabled()


def test_without_a_mail_client_the_status_waits_for_the_confirmation(qtbot: QtBot) -> None:
    _window, log_window, referral_id = _made(qtbot, mail=RecordingMail(raises=OSError("x")))
    _withdraw(qtbot, log_window, "mail")
    assert log_window.fallback_dialog is not None
    log_window.fallback_dialog.reject()
    assert _row(referral_id).status is ReferralStatus.SENT
    assert "Intrekking verstuurd bevestigen" in log_window.message.text()
    confirm = log_window.buttons["confirm_withdrawal"]
    assert confirm.isEnabled() and "nog niet als verstuurd" in log_window.details.text()
    kept = answering(log_window, withdrawal_sent="cancel")
    confirm.click()
    assert kept.choice("withdrawal_sent").option("cancel").label == "Annuleren"
    assert _row(referral_id).status is ReferralStatus.SENT
    sent = answering(log_window, withdrawal_sent="sent")
    confirm.click()
    assert sent.choice("withdrawal_sent").option("sent").label == "Ja, verstuurd"
    row = _row(referral_id)
    assert row.status is ReferralStatus.WITHDRAWN
    assert row.withdrawal_channel is WithdrawalChannel.MAIL
    assert not confirm.isEnabled()


def test_a_phone_withdrawal_is_recorded_and_nothing_is_mailed(qtbot: QtBot) -> None:
    mail = RecordingMail()
    _window, log_window, referral_id = _made(qtbot, mail=mail)
    _withdraw(qtbot, log_window, "phone")
    assert mail.drafts == []
    row = _row(referral_id)
    assert row.status is ReferralStatus.WITHDRAWN
    assert row.withdrawal_channel is WithdrawalChannel.PHONE
    assert "telefonisch" in log_window.message.text()
    assert "telefonisch" in log_window.details.text()
    assert not log_window.buttons["recall"].isEnabled()
    assert not (_data() / "outbox" / referral_id / "intrekking").exists()


def test_a_never_sent_referral_is_cancelled_not_withdrawn(qtbot: QtBot) -> None:
    mail = RecordingMail()
    _window, log_window, referral_id = _made(qtbot, sent=False, mail=mail)
    assert (_data() / "outbox" / referral_id).exists()
    assert not log_window.buttons["withdraw"].isEnabled()
    assert log_window.buttons["cancel"].isEnabled()
    answers = answering(log_window, cancel_referral="confirm")
    log_window.buttons["cancel"].click()
    assert answers.choice("cancel_referral").option("confirm").name == "confirmCancel"
    assert not (_data() / "outbox" / referral_id).exists()
    assert mail.drafts == []
    assert _row(referral_id).status is ReferralStatus.CANCELLED
    index = [r.referral_id for r in log_window.shown].index(referral_id)
    status_cell = log_window.table.item(index, 4)
    assert status_cell is not None and status_cell.text() == "geannuleerd (nooit verstuurd)"
    assert not log_window.buttons["recall"].isEnabled()
    assert "geannuleerd" in log_window.buttons["recall"].toolTip().lower()
    assert not log_window.buttons["cancel"].isEnabled()
    assert not log_window.buttons["correct"].isEnabled()


def _press_enter(asked: list[QMessageBox]) -> None:
    """The next real box is answered with Enter, as a user in a hurry would."""

    def press(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box)
        QTest.keyClick(box, Qt.Key.Key_Return)

    on_next_modal(press)


def test_enter_answers_every_question_with_the_safe_button(qtbot: QtBot) -> None:
    mail = RecordingMail()
    window, log_window, sent_id = _made(qtbot, mail=mail)
    log_window.questions = Questions()
    asked: list[QMessageBox] = []
    _press_enter(asked)
    log_window.buttons["withdraw"].click()
    assert asked and asked[-1].clickedButton() is asked[-1].defaultButton()
    assert asked[-1].defaultButton().text() == "Annuleren"
    assert _row(sent_id).status is ReferralStatus.SENT and mail.drafts[1:] == []

    window.new_referral()
    second = create_via_window(qtbot, window, CANARY_CLIENT).referral_id
    log_window.refresh()
    log_window.select(second)
    _press_enter(asked)
    log_window.buttons["cancel"].click()
    assert asked[-1].defaultButton().text() == "Niet annuleren"
    assert asked[-1].clickedButton() is asked[-1].defaultButton()
    assert _row(second).status is ReferralStatus.DRAFT_OPENED
    assert (_data() / "outbox" / second).exists()


def test_a_recall_is_recorded_and_the_password_never_reaches_the_log(qtbot: QtBot) -> None:
    window, log_window, referral_id = _made(qtbot)
    assert window.created is not None
    password = window.created.password
    for _ in range(2):
        log_window.buttons["recall"].click()
        assert log_window.recall_dialog is not None
        assert log_window.recall_dialog.panel.password.text() == password
        log_window.recall_dialog.reject()
    assert "2 keer opnieuw getoond" in log_window.details.text()
    referral_log = ReferralLog.open(_data() / "referral-log.sqlite3")
    assert len(referral_log.recalls(referral_id)) == 2
    referral_log.close()
    stored = b"".join(
        path.read_bytes() for path in _data().glob("referral-log.sqlite3*") if path.is_file()
    )
    assert referral_id.encode() in stored
    for text in (password, password.replace("-", "")):
        assert text.encode() not in stored and text.encode("utf-16-le") not in stored


def test_copy_id_puts_the_referral_id_on_the_clipboard(qtbot: QtBot) -> None:
    window = open_main_window(qtbot)
    referral_id = create_via_window(qtbot, window, CANARY_CLIENT).referral_id
    reminder = child(window, QLabel, "referralIdReminder")
    assert isinstance(reminder, QLabel) and reminder.isVisible()
    assert "dossier van het gezin" in reminder.text()
    button = child(window, QPushButton, "copyReferralIdButton")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == referral_id
    window.new_referral()
    assert not button.isEnabled()
