"""After sending, through the real windows: referral log, recall, withdrawal, correction,
evaluation, and what happens without a keyring or with a broken referral log."""

from __future__ import annotations

import csv
import io
import logging
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from referral_desk.domain.referral_record import PasswordChannel, ReferralStatus
from referral_desk.storage.password_vault import INDEX_KEY, SERVICE
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import ReferralLog
from referral_desk.ui.main_window import MainWindow
from tests.judges import run_7zz
from tests.memory_keyring import MemoryKeyring
from tests.storage.test_referral_log import entry
from tests.ui.test_flow_end_to_end import CANARY_CLIENT, _needles_in
from tests.ui_driver import (
    answering,
    child,
    create_via_window,
    every_file,
    fill_client,
    fill_profile,
    open_main_window,
    tick_consent,
    wait_for_creation,
)

ROOT = Path(__file__).parents[2]


def _create(qtbot: QtBot, window: MainWindow, client: dict[str, str] = CANARY_CLIENT) -> str:
    return create_via_window(qtbot, window, client).referral_id


def _referral_log() -> ReferralLog:
    return ReferralLog.open(AppPaths.from_platform().referral_log_file)


def test_full_cycle_leaves_no_client_data_anywhere(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    backend = keyring.get_keyring()
    assert isinstance(backend, MemoryKeyring)
    window = open_main_window(qtbot)
    first = _create(qtbot, window)
    assert window.created is not None
    password = window.created.password
    status = child(window, QLabel, "resultStatus").text()
    assert "opnieuw getoond worden (menu Doorverwijzingen)" in status

    # Read out with the spelling alphabet, note the channel, confirm sending.
    qtbot.mouseClick(child(window, QPushButton, "spellPasswordButton"), Qt.MouseButton.LeftButton)
    spelling = child(window, QLabel, "passwordSpelling")
    assert isinstance(spelling, QLabel) and spelling.isVisible()
    first_char = password[0]
    assert f"{first_char} " in spelling.text()
    channel = child(window, QComboBox, "passwordChannel")
    assert isinstance(channel, QComboBox)
    channel.setCurrentIndex(channel.findData(PasswordChannel.PHONE.value))
    channel.activated.emit(channel.currentIndex())
    qtbot.mouseClick(child(window, QPushButton, "confirmSentButton"), Qt.MouseButton.LeftButton)

    # The referral log window: the row, and the password recalled days later.
    referral_log_window = window.open_referral_log_window()
    qtbot.addWidget(referral_log_window)
    assert referral_log_window.table.rowCount() == 1
    referral_log_window.table.selectRow(0)
    row = referral_log_window.selected()
    assert row is not None and row.referral_id == first
    assert row.status is ReferralStatus.SENT and row.password_channel is PasswordChannel.PHONE
    referral_log_window.buttons["recall"].click()
    assert referral_log_window.recall_dialog is not None
    assert referral_log_window.recall_dialog.panel.password.text() == password
    referral_log_window.recall_dialog.reject()

    # Correction: from the referral log row, an empty form marked with the referral it corrects.
    window.new_referral()
    referral_log_window.buttons["correct"].click()
    assert window.correcting == first
    assert first in child(window, QLabel, "correctionBanner").text()
    second = _create(qtbot, window)
    assert window.created is not None and window.created.referral.corrects == first
    assert f"correctie van {first}" in window.created.draft.subject

    # Withdrawal of the correction once sent: a mail to the partner; the eml-only adapter
    # opens nothing, so the status waits for the confirmation that it was sent.
    referral_log_window.refresh()
    referral_log_window.select(second)
    referral_log_window.buttons["sent"].click()
    answering(referral_log_window, withdrawal="mail")
    referral_log_window.buttons["withdraw"].click()
    qtbot.waitUntil(lambda: not referral_log_window.withdrawal.busy, timeout=30_000)
    assert _referral_log().get(second).status is ReferralStatus.SENT  # type: ignore[union-attr]
    assert referral_log_window.fallback_dialog is not None
    referral_log_window.fallback_dialog.reject()
    answers = answering(referral_log_window, withdrawal_sent="sent")
    referral_log_window.buttons["confirm_withdrawal"].click()
    assert answers.choice("withdrawal_sent").option("sent").label == "Ja, verstuurd"
    referral_log = _referral_log()
    rows = {r.referral_id: r for r in referral_log.all()}
    assert rows[first].status is ReferralStatus.CORRECTED
    assert rows[first].corrected_by == second
    assert rows[second].status is ReferralStatus.WITHDRAWN
    assert rows[second].corrects == first
    withdrawal_eml = list(
        (AppPaths.from_platform().data_dir / "outbox" / second / "intrekking").glob(
            "*.eml"
        )
    )
    assert len(withdrawal_eml) == 1
    text = withdrawal_eml[0].read_text("utf-8")
    assert "Toestemming ingetrokken" in text and second in text
    assert "socialedienst@leopoldsburg.be" in text
    # The withdrawn referral's password is gone from the keyring; the other stays.
    assert (SERVICE, second) not in backend.entries
    assert (SERVICE, first) in backend.entries

    # The evaluation, exported as CSV and PNG.
    exports = {".csv": tmp_path / "evaluatie.csv", ".png": tmp_path / "evaluatie.png"}
    answers = answering(referral_log_window, export=[exports[".csv"], exports[".png"]])
    evaluation = referral_log_window.open_evaluation()
    qtbot.addWidget(evaluation)
    evaluation.csv_button.click()
    evaluation.png_button.click()
    assert [asked.suggested.suffix for asked in answers.save_paths] == [".csv", ".png"]
    parsed = list(csv.reader(io.StringIO(exports[".csv"].read_text("utf-8-sig")), delimiter=";"))
    totals = parsed[-1]
    assert totals[:5] == ["Alle partners", "totaal", "1", "1", "1"]
    assert exports[".png"].read_bytes().startswith(b"\x89PNG")
    referral_log.close()

    # The canary: in no file (referral log and its WAL included), no keyring entry, no log line.
    QApplication.processEvents()
    roots = [
        tmp_path,
        AppPaths.from_platform().config_dir,
        AppPaths.from_platform().data_dir,
        AppPaths.from_platform().log_dir,
        AppPaths.from_platform().site_config_dir,
    ]
    files = list(every_file(*roots))
    assert any(f.name.startswith("referral-log.sqlite3") for f in files)
    leaks = {str(f): hits for f in files if (hits := _needles_in(f.read_bytes()))}
    assert leaks == {}
    keyring_text = "\n".join(f"{s} {k} {v}" for (s, k), v in backend.entries.items())
    assert not _needles_in(keyring_text.encode())
    assert INDEX_KEY in keyring_text
    assert not _needles_in(caplog.text.encode())
    dump = "\n".join(_referral_log()._db.iterdump())
    assert not _needles_in(dump.encode()) and first in dump


def test_initials_and_postcode_only_when_asked(qtbot: QtBot) -> None:
    window = open_main_window(qtbot)
    fill_profile(qtbot, window)
    window.session.settings = window.session.settings.model_copy(update={"record_initials": True})
    referral_id = _create(qtbot, window)
    row = _referral_log().get(referral_id)
    assert row is not None and row.initials == "Q.Q." and row.postcode == "3970"


def test_without_a_keyring_referrals_still_work_and_recall_says_why(qtbot: QtBot) -> None:
    keyring.set_keyring(fail.Keyring())
    window = open_main_window(qtbot)
    referral_id = _create(qtbot, window)
    status = child(window, QLabel, "resultStatus").text()
    assert "kan later niet opnieuw getoond worden" in status
    assert "geen sleutelbos" in status
    referral_log_window = window.open_referral_log_window()
    qtbot.addWidget(referral_log_window)
    referral_log_window.select(referral_id)
    referral_log_window.buttons["recall"].click()
    assert referral_log_window.recall_dialog is None
    assert "geen sleutelbos" in referral_log_window.message.text()


def test_a_broken_referral_log_blocks_referrals_and_is_left_alone(qtbot: QtBot) -> None:
    path = AppPaths.from_platform().referral_log_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage" * 200)
    window = open_main_window(qtbot)
    banner = child(window, QLabel, "registryBanner")
    assert banner.isVisible() and "logboek van doorverwijzingen" in banner.text()
    fill_profile(qtbot, window)
    fill_client(qtbot, window, CANARY_CLIENT)
    tick_consent(qtbot, window)
    assert not child(window, QPushButton, "createButton").isEnabled()
    assert path.read_bytes() == b"garbage" * 200


PRESHARED = (
    (ROOT / "config" / "partners.toml")
    .read_text("utf-8")
    .replace('password_mode = "one-time"', 'password_mode = "pre-shared"', 1)
)


@pytest.mark.slow
def test_preshared_password_from_the_keyring_encrypts_the_archive(
    qtbot: QtBot, tmp_path: Path
) -> None:
    machine = AppPaths.from_platform().machine_registry
    machine.parent.mkdir(parents=True, exist_ok=True)
    machine.write_text(PRESHARED, "utf-8")
    window = open_main_window(qtbot)
    fill_profile(qtbot, window)

    fill_client(qtbot, window, CANARY_CLIENT)
    tick_consent(qtbot, window)
    window.start_creation()
    wait_for_creation(qtbot, window)
    assert window.created is None
    box = window.findChild(QMessageBox, "problemMessage")
    assert box is not None
    assert "Instellingen" in box.text() and "Uw invoer blijft staan" in box.text()
    box.close()

    # The settings dialog and its page ask through the main window's questions.
    answering(
        window,
        discard=True,
        preshared_password="Afgesproken-Leopoldsburg-2026",
        preshared_password_again="Afgesproken-Leopoldsburg-2026",
    )
    window.edit_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    page = dialog.retention_page
    assert "ocmw-leopoldsburg" in page.rows
    page.rows["ocmw-leopoldsburg"].set_button.click()
    assert page.rows["ocmw-leopoldsburg"].status.text() == "ingesteld"
    dialog.reject()

    window.start_creation()
    wait_for_creation(qtbot, window)
    assert window.created is not None
    assert child(window, QLabel, "passwordDisplay").text() == "afgesproken wachtwoord"
    # The mail says so too: the partner must not wait for a call that never comes.
    assert "afgesproken" in window.created.draft.body
    assert "telefonisch" not in window.created.draft.body
    archive = window.created.archive_path
    ok = run_7zz("t", "-pAfgesproken-Leopoldsburg-2026", str(archive))
    assert ok.returncode == 0, ok.stdout
    # The partner's password is not kept again as a one-time password.
    assert (SERVICE, window.created.referral_id) not in keyring.get_keyring().entries  # type: ignore[attr-defined]


def test_old_referral_log_rows_and_passwords_go_at_start(qtbot: QtBot) -> None:
    referral_log = _referral_log()
    old = datetime.now(UTC) - timedelta(days=800)
    referral_log.add(entry("KG-2024-AAAAAA", old))
    referral_log.add(entry("KG-2026-CCCCCC", datetime.now(UTC) - timedelta(days=3)))
    referral_log.close()
    backend = keyring.get_keyring()
    backend.set_password(SERVICE, "KG-2024-AAAAAA", "OLD-PASSWORD")
    backend.set_password(SERVICE, INDEX_KEY, '{"KG-2024-AAAAAA": "2024-01-01T00:00:00+00:00"}')
    open_main_window(qtbot)
    assert [row.referral_id for row in _referral_log().all()] == ["KG-2026-CCCCCC"]
    assert backend.get_password(SERVICE, "KG-2024-AAAAAA") is None


def test_referral_log_window_filters(qtbot: QtBot) -> None:
    window = open_main_window(qtbot)
    first = _create(qtbot, window)
    second = "KG-2026-CCCCCC"
    referral_log = _referral_log()
    now = datetime.now(UTC)
    referral_log.add(entry(second, now - timedelta(days=1)))
    referral_log.close()
    referral_log_window = window.open_referral_log_window()
    qtbot.addWidget(referral_log_window)
    assert referral_log_window.table.rowCount() == 2
    qtbot.keyClicks(referral_log_window.search, first[-6:].lower())
    assert [r.referral_id for r in referral_log_window.shown] == [first]
    referral_log_window.search.clear()
    referral_log_window.partner.setCurrentIndex(referral_log_window.partner.findData("ocmw-wervik"))
    assert [r.referral_id for r in referral_log_window.shown] == [second]
    referral_log_window.partner.setCurrentIndex(0)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    qtbot.keyClicks(referral_log_window.date_from, tomorrow)
    assert referral_log_window.shown == []
    referral_log_window.date_from.clear()
    qtbot.keyClicks(referral_log_window.date_from, "gisteren")
    assert "Van: geen datum" in referral_log_window.message.text()
    referral_log_window.date_from.clear()
    assert referral_log_window.message.text() == ""
    sent = referral_log_window.status.findData(ReferralStatus.SENT.value)
    referral_log_window.status.setCurrentIndex(sent)
    assert referral_log_window.shown == []
    with sqlite3.connect(
        AppPaths.from_platform().referral_log_file
    ) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_log_window_says_a_row_deleted_outside_the_app(qtbot: QtBot) -> None:
    """Deleted with Python's sqlite3 module, as any database tool would: the window says
    which referral, in red above the list, and keeps showing the rest."""
    window = open_main_window(qtbot)
    first = _create(qtbot, window)
    second = "KG-2026-CCCCCC"
    referral_log = _referral_log()
    referral_log.add(entry(second, datetime.now(UTC) - timedelta(days=1)))
    referral_log.close()
    referral_log_window = window.open_referral_log_window()
    qtbot.addWidget(referral_log_window)
    notice = child(referral_log_window, QLabel, "referralLogTampering")
    assert notice.isHidden()
    with sqlite3.connect(AppPaths.from_platform().referral_log_file) as db:
        db.execute(f"DELETE FROM referrals WHERE referral_id = '{second}'")
    db.close()
    referral_log_window.refresh()
    assert not notice.isHidden()
    assert f"de doorverwijzing van {second} is buiten referral-desk verwijderd" in notice.text()
    assert [row.referral_id for row in referral_log_window.rows] == [first]
