"""A correction through the real windows with the canary client: to another partner the
window says so before and after creating, and offers the deletion request to the first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import ReferralLog
from referral_desk.ui.main_window import MainWindow
from tests.ui.test_flow_end_to_end import CANARY_CLIENT, _needles_in
from tests.ui_driver import answering, child, create_via_window, fill_client, open_main_window

ROOT = Path(__file__).parents[2]


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    return window_where_wervik_serves_west_limburg(qtbot)


def window_where_wervik_serves_west_limburg(qtbot: QtBot) -> MainWindow:
    """The bundled registry with Wervik also serving the profile's team, as the machine one:
    a correction with a Wervik postcode then goes to another partner than Leopoldsburg."""
    bundled = (ROOT / "config" / "partners.toml").read_text("utf-8")
    machine = AppPaths.from_platform().machine_registry
    machine.parent.mkdir(parents=True, exist_ok=True)
    machine.write_text(
        bundled.replace(
            'local_teams = ["Kind en Gezin Menen"]',
            'local_teams = ["Kind en Gezin Menen", "Kind en Gezin West-Limburg"]',
        ),
        "utf-8",
    )
    return open_main_window(qtbot)


def _start_correction(qtbot: QtBot, window: MainWindow) -> str:
    first = create_via_window(qtbot, window, CANARY_CLIENT).referral_id
    log_window = window.open_referral_log_window()
    qtbot.addWidget(log_window)
    log_window.select(first)
    log_window.buttons["correct"].click()
    assert window.correcting == first
    return first


def _banner(window: MainWindow) -> str:
    label = child(window, QLabel, "correctionBanner")
    assert isinstance(label, QLabel)
    return label.text()


def test_a_correction_to_another_partner_offers_the_deletion_request(
    qtbot: QtBot, window: MainWindow
) -> None:
    first = _start_correction(qtbot, window)
    assert "gaan naar" not in _banner(window)
    wervik = {**CANARY_CLIENT, "postcode": "8940"}
    second = create_via_window(qtbot, window, wervik).referral_id
    assert window.created is not None and window.created.draft.to == "kindengezin@wervik.be"
    # Wervik never had the first referral: its mail reads as a new one, nothing to replace.
    assert first not in window.created.draft.subject + window.created.draft.body
    assert "vervang" not in window.created.draft.body
    banner = _banner(window)
    assert f"De correctie {second} ging naar OCMW Wervik, niet naar OCMW Leopoldsburg" in banner
    assert f"Vraag OCMW Leopoldsburg de gegevens van {first} te verwijderen" in banner

    button = child(window, QPushButton, "deletionRequestButton")
    assert button.isVisible() and button.text() == "Verwijderverzoek aan OCMW Leopoldsburg"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.correction_actions.busy, timeout=30_000)

    # The headless adapter only saves the draft: nothing is recorded until the user confirms.
    status = child(window, QLabel, "deletionStatus")
    assert isinstance(status, QLabel) and "socialedienst@leopoldsburg.be" in status.text()
    referral_log = ReferralLog.open(AppPaths.from_platform().referral_log_file)
    assert referral_log.deletion_requests(first) == []
    folder = AppPaths.from_platform().data_dir / "outbox" / first / "verwijderverzoek"
    [eml] = list(folder.glob("*.eml"))
    mail = eml.read_bytes()
    assert b"To: socialedienst@leopoldsburg.be" in mail
    assert first.encode() in mail and second.encode() in mail
    assert _needles_in(mail) == []

    sent = child(window, QPushButton, "deletionSentButton")
    assert sent.isVisible()
    # Emptying the window now would drop the offer: the window asks first.
    asked = answering(window, discard=False).asked
    assert not window.new_referral()
    assert asked and "verwijderverzoek" in asked[0].lower()
    qtbot.mouseClick(sent, Qt.MouseButton.LeftButton)
    [request] = referral_log.deletion_requests(second)
    assert (request.original_id, request.correction_id) == (first, second)
    assert not sent.isVisible() and not button.isEnabled()
    referral_log.close()

    # Both rows of the sent-referrals window show the request.
    log_window = window.open_referral_log_window()
    for referral_id in (first, second):
        log_window.select(referral_id)
        row = log_window.table.currentRow()
        cell = log_window.table.item(row, 6)
        assert f"verwijderverzoek voor {first} (correctie {second})" in cell.text()
        assert cell.toolTip() == log_window.deletions[referral_id]


def test_a_correction_to_the_same_partner_offers_nothing(qtbot: QtBot, window: MainWindow) -> None:
    first = _start_correction(qtbot, window)
    create_via_window(qtbot, window, CANARY_CLIENT)
    assert window.created is not None
    assert f"correctie van {first}" in window.created.draft.subject
    assert "gaan naar" not in _banner(window) and "ging naar" not in _banner(window)
    actions = child(window, QWidget, "correctionActions")
    assert not actions.isVisible() and window.correction_actions.route is None
    assert "verwijderverzoek" not in (window._discard_question() or "").lower()


def test_the_banner_says_it_before_creating(qtbot: QtBot, window: MainWindow) -> None:
    _start_correction(qtbot, window)
    fill_client(qtbot, window, {**CANARY_CLIENT, "postcode": "8940"})
    banner = _banner(window)
    assert "De gecorrigeerde gegevens gaan naar OCMW Wervik, niet naar OCMW Leopoldsburg" in banner
    fill_client(qtbot, window, CANARY_CLIENT)
    assert "gaan naar" not in _banner(window)


def test_once_the_correction_is_made_the_banner_no_longer_asks_for_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    first = _start_correction(qtbot, window)
    assert "Vul de juiste gegevens opnieuw in" in _banner(window)
    second = create_via_window(qtbot, window, CANARY_CLIENT).referral_id
    banner = _banner(window)
    assert "Vul de juiste gegevens opnieuw in" not in banner
    assert "Correctie gemaakt" in banner and first in banner and second in banner
