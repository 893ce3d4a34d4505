"""The deletion request of a correction to another partner, from the sent-referrals window: the
offer under the banner is gone once the window closed, so the log window offers it again on
both rows until it is recorded, to the first partner's current mailbox, without client data."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from referral_desk.storage.outbox import Outbox
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import ReferralLog
from referral_desk.ui.main_window import MainWindow
from referral_desk.ui.questions import Questions
from referral_desk.ui.referral_log_window import ReferralLogWindow
from tests.lifecycle_fixtures import BUNDLED, RecordingMail, registry
from tests.ui.test_correction_ui import window_where_wervik_serves_west_limburg
from tests.ui.test_flow_end_to_end import CANARY_CLIENT, _needles_in
from tests.ui_driver import answering, create_via_window, on_next_modal, open_main_window

ROOT = Path(__file__).parents[2]
USED = "socialedienst@leopoldsburg.be"
MOVED = "verwijderen.nieuw@leopoldsburg.be"
OWED = "Verwijderverzoek nog te versturen"


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    """As in test_correction_ui: Wervik also serves the profile's team (machine registry)."""
    return window_where_wervik_serves_west_limburg(qtbot)


def _requests(referral_id: str) -> list[tuple[str, str]]:
    referral_log = ReferralLog.open(AppPaths.from_platform().referral_log_file)
    try:
        return [
            (r.original_id, r.correction_id) for r in referral_log.deletion_requests(referral_id)
        ]
    finally:
        referral_log.close()


def _corrected(
    qtbot: QtBot, window: MainWindow, postcode: str = "8940"
) -> tuple[ReferralLogWindow, str, str]:
    """A correction made, its offer under the banner never clicked, the app closed and
    started again: only the log and the outbox remember."""
    first = create_via_window(qtbot, window, CANARY_CLIENT).referral_id
    log_window = window.open_referral_log_window()
    log_window.select(first)
    log_window.buttons["correct"].click()
    second = create_via_window(qtbot, window, {**CANARY_CLIENT, "postcode": postcode}).referral_id
    window.close()
    again = open_main_window(qtbot)
    log_window = again.open_referral_log_window()
    qtbot.addWidget(log_window)
    return log_window, first, second


def _wait(qtbot: QtBot, log_window: ReferralLogWindow) -> None:
    qtbot.waitUntil(lambda: not log_window.deletion.busy, timeout=30_000)


def test_after_a_restart_the_request_is_owed_and_sent_to_the_first_partner(
    qtbot: QtBot, window: MainWindow
) -> None:
    log_window, first, second = _corrected(qtbot, window)
    button = log_window.buttons["deletion"]
    assert button.text() == "Verwijde&rverzoek…"
    for referral_id in (first, second):
        log_window.select(referral_id)
        assert button.isEnabled(), referral_id
        assert OWED in log_window.details.text()
        assert "OCMW Leopoldsburg" in log_window.details.text()

    # The headless adapter only saves the draft: the fallback shows, nothing is recorded.
    log_window.select(second)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    _wait(qtbot, log_window)
    assert log_window.fallback_dialog is not None and log_window.fallback_dialog.isVisible()
    log_window.fallback_dialog.reject()
    assert _requests(first) == []
    assert USED in log_window.message.text()
    folder = AppPaths.from_platform().data_dir / "outbox" / first / "verwijderverzoek"
    [eml] = list(folder.glob("*.eml"))
    mail = eml.read_bytes()
    assert f"To: {USED}".encode() in mail
    assert first.encode() in mail and second.encode() in mail
    assert _needles_in(mail) == [] and b"Wervik" not in mail
    assert "klaargezet maar nog niet als verstuurd" in log_window.details.text()

    # Prepared but not confirmed: asked, and Annuleren (the default) records nothing.
    # The real box, answered with Enter: its default.
    log_window.questions = Questions()
    asked: list[QWidget] = on_next_modal(lambda box: QTest.keyClick(box, Qt.Key.Key_Return))
    button.click()
    [box] = asked
    assert isinstance(box, QMessageBox)
    assert "Is het verwijderverzoek verstuurd?" in box.text()
    assert box.defaultButton().text() == "Annuleren"
    assert box.escapeButton() is box.defaultButton()
    assert box.clickedButton() is box.defaultButton()
    assert _requests(first) == [] and button.isEnabled()

    answers = answering(log_window, deletion_sent="sent")
    button.click()
    assert answers.choice("deletion_sent").option("sent").label == "Ja, noteren"
    assert _requests(first) == _requests(second) == [(first, second)]
    assert f"genoteerd bij {first} en {second}" in log_window.message.text()
    for referral_id in (first, second):
        log_window.select(referral_id)
        assert not button.isEnabled()
        assert OWED not in log_window.details.text()
        cell = log_window.table.item(log_window.table.currentRow(), 6)
        assert f"verwijderverzoek voor {first} (correctie {second})" in cell.text()


def test_prepared_again_it_goes_to_todays_mailbox_and_an_opened_one_is_recorded(
    qtbot: QtBot, window: MainWindow
) -> None:
    log_window, first, second = _corrected(qtbot, window)
    assert log_window.services is not None
    folder = AppPaths.from_platform().data_dir / "outbox" / first / "verwijderverzoek"
    folder.mkdir(parents=True)  # prepared before the app closed, never confirmed
    mail = RecordingMail()
    log_window.services = dataclasses.replace(log_window.services, mail=mail)
    log_window.registry = lambda: registry(BUNDLED.replace(USED, MOVED))
    log_window.select(first)
    assert "klaargezet" in log_window.details.text()
    answers = answering(log_window, deletion_sent="again")
    log_window.buttons["deletion"].click()
    assert answers.choice("deletion_sent").option("again").label == "Opnieuw klaarzetten"
    _wait(qtbot, log_window)
    [draft] = mail.drafts
    assert draft.to == MOVED and draft.attachment is None
    assert first in draft.subject + draft.body and second in draft.subject + draft.body
    assert not _needles_in(f"{draft.to}\n{draft.subject}\n{draft.body}".encode())
    assert _requests(second) == [(first, second)]
    assert "gewijzigd" in log_window.message.text()
    assert not log_window.buttons["deletion"].isEnabled()


def test_an_unwritable_outbox_is_said_and_nothing_is_recorded(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    log_window, first, _second = _corrected(qtbot, window)
    assert log_window.services is not None
    blocker = tmp_path / "geen-map"
    blocker.write_text("x")
    log_window.services = dataclasses.replace(
        log_window.services, outbox=Outbox(blocker / "outbox")
    )
    log_window.select(first)
    log_window.buttons["deletion"].click()
    _wait(qtbot, log_window)
    assert "niet beschrijfbaar" in log_window.message.text()
    assert log_window.message.styleSheet()
    assert _requests(first) == []
    assert log_window.buttons["deletion"].isEnabled()


def test_a_correction_to_the_same_partner_owes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    log_window, first, second = _corrected(qtbot, window, postcode="3970")
    for referral_id in (first, second):
        log_window.select(referral_id)
        assert not log_window.buttons["deletion"].isEnabled()
        assert OWED not in log_window.details.text()


def test_the_filters_take_two_rows(qtbot: QtBot, window: MainWindow) -> None:
    log_window = window.open_referral_log_window()
    qtbot.addWidget(log_window)
    QApplication.processEvents()
    assert log_window.partner.y() > log_window.search.y() + log_window.search.height() // 2
    assert log_window.status.y() == log_window.partner.y()
    assert log_window.date_to.y() == log_window.search.y()
    assert isinstance(log_window.buttons["deletion"], QPushButton)


def test_once_recorded_from_the_log_window_the_main_window_offers_it_no_more(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Both windows can send it: the offer under the banner must not record a second one."""
    first = create_via_window(qtbot, window, CANARY_CLIENT).referral_id
    log_window = window.open_referral_log_window()
    log_window.select(first)
    log_window.buttons["correct"].click()
    second = create_via_window(qtbot, window, {**CANARY_CLIENT, "postcode": "8940"}).referral_id
    bar = window.correction_actions
    assert bar.isVisible() and bar.pending_question() is not None

    log_window.select(second)
    log_window.buttons["deletion"].click()
    _wait(qtbot, log_window)
    assert log_window.fallback_dialog is not None
    log_window.fallback_dialog.reject()
    answering(log_window, deletion_sent="sent")
    log_window.buttons["deletion"].click()
    assert _requests(first) == [(first, second)]

    assert bar.pending_question() is None
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert not bar.runner.busy and not bar.button.isEnabled()
    assert "al in het logboek" in bar.status.text()
    assert _requests(first) == [(first, second)]
