"""Five ways creation used to leave a stuck window, and an unexpected failure, through the
real window: each ends with a message, no wait cursor, no archive without a log entry, and
the form, consent and date as they were."""

from __future__ import annotations

import dataclasses
import email
import email.policy
from pathlib import Path

import keyring
import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from referral_desk.storage.paths import AppPaths
from referral_desk.ui.main_window import MainWindow
from tests.ui.test_flow_end_to_end import CANARY, CANARY_CLIENT
from tests.ui_driver import (
    answering,
    child,
    click_create,
    every_file,
    fill_client,
    fill_profile,
    open_main_window,
    tick_consent,
)

ROOT = Path(__file__).parents[2]
BUNDLED = (ROOT / "config" / "partners.toml").read_text("utf-8")
NEEDLES = [CANARY, "48173QZXW", "QZXW7", "470987654", "98 76 54"]


def _machine_registry(text: str) -> None:
    path = AppPaths.from_platform().machine_registry
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def _ready_window(qtbot: QtBot) -> MainWindow:
    window = open_main_window(qtbot)
    fill_profile(qtbot, window)
    fill_client(qtbot, window, CANARY_CLIENT)
    tick_consent(qtbot, window)
    return window


def _outbox_archives() -> list[Path]:
    outbox = AppPaths.from_platform().data_dir / "outbox"
    return sorted(outbox.rglob("*.7z")) if outbox.exists() else []


def _assert_refused_and_intact(window: MainWindow, words: str) -> None:
    box = window.findChild(QMessageBox, "problemMessage")
    assert box is not None and box.isVisible(), window.result_status.text()
    assert words in box.text()
    box.close()
    assert QApplication.overrideCursor() is None
    assert window.created is None and not window.creation.busy
    assert child(window, QLineEdit, "firstName").text() == f"{CANARY}voornaam"
    assert child(window, QCheckBox, "consentCheck").isChecked()
    assert child(window, QPushButton, "createButton").isEnabled()
    assert _outbox_archives() == []


def _needles_under(root: Path) -> list[str]:
    found = []
    for path in every_file(root):
        data = path.read_bytes().lower()
        found += [f"{n} in {path}" for n in NEEDLES if n.lower().encode() in data]
    return found


def test_an_accented_mailbox_domain_is_drafted_in_ascii(qtbot: QtBot) -> None:
    _machine_registry(BUNDLED.replace("socialedienst@leopoldsburg.be", "post@ocmw-münchen.be"))
    window = _ready_window(qtbot)
    click_create(qtbot, window)
    assert window.created is not None and QApplication.overrideCursor() is None
    eml = window.created.mail_result.eml_path if window.created.mail_result else None
    assert eml is not None
    parsed = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert parsed["To"] == "post@xn--ocmw-mnchen-yhb.be"


def test_a_blank_preshared_password_is_refused_with_a_message(qtbot: QtBot) -> None:
    _machine_registry(
        BUNDLED.replace('password_mode = "one-time"', 'password_mode = "pre-shared"', 1)
    )
    keyring.set_password("referral-desk", "preshared:ocmw-leopoldsburg", "   ")
    window = _ready_window(qtbot)
    click_create(qtbot, window)
    _assert_refused_and_intact(window, "Instellingen")


def test_a_partner_name_too_long_for_the_page_is_refused_with_a_message(qtbot: QtBot) -> None:
    _machine_registry(
        BUNDLED.replace('name = "OCMW Leopoldsburg"', f'name = "OCMW {"Leopoldsburg " * 220}"')
    )
    window = _ready_window(qtbot)
    click_create(qtbot, window)
    _assert_refused_and_intact(window, "te lang")


def test_a_pasted_ligature_name_with_initials_on_is_made_and_logged(qtbot: QtBot) -> None:
    window = _ready_window(qtbot)
    window.session.settings = window.session.settings.model_copy(update={"record_initials": True})
    first = child(window, QLineEdit, "firstName")
    first.setText("ﬁona")
    window.update_state()
    click_create(qtbot, window)
    assert window.created is not None and QApplication.overrideCursor() is None
    assert window.record is not None and window.record.logged
    referral_log = window.desk.referral_log
    assert referral_log is not None
    assert referral_log.all()[0].initials == "F.Q."


class _ExplodingMail:
    name = "explodes"
    label = "ontploft"

    def open_draft(self, draft: object, workdir: Path) -> object:
        raise RuntimeError(f"{CANARY}voornaam in een COM-fout")


def test_a_mail_adapter_raising_anything_ends_in_the_copy_dialog(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = _ready_window(qtbot)
    window.desk = dataclasses.replace(window.desk, mail=_ExplodingMail())
    click_create(qtbot, window)
    assert window.created is not None and QApplication.overrideCursor() is None
    assert window.fallback_dialog is not None and window.fallback_dialog.isVisible()
    referral_log = window.desk.referral_log
    assert referral_log is not None
    [entry] = referral_log.all()
    assert entry.referral_id == window.created.referral_id
    window.fallback_dialog.close()
    assert _needles_under(tmp_path) == []


def test_an_unexpected_failure_shows_a_message_keeps_the_form_and_leaks_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_seal(*_args: object) -> bytes:
        raise ValueError(" ".join(CANARY_CLIENT.values()))

    monkeypatch.setattr("referral_desk.lifecycle.creation.seal_referral", broken_seal)
    window = _ready_window(qtbot)
    click_create(qtbot, window)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "failureDialog") is not None)
    box = window.findChild(QMessageBox, "failureDialog")
    assert box is not None
    shown = box.text() + box.informativeText() + box.detailedText()
    assert "niets verstuurd" in shown
    assert all(n.lower() not in shown.lower() for n in NEEDLES)
    box.close()
    assert QApplication.overrideCursor() is None
    assert window.created is None and not window.creation.busy
    assert child(window, QLineEdit, "firstName").text() == f"{CANARY}voornaam"
    assert child(window, QPushButton, "createButton").isEnabled()
    assert _outbox_archives() == []
    log_dir = AppPaths.from_platform().log_dir
    logged = "".join(p.read_text("utf-8") for p in log_dir.rglob("*.log*"))
    assert "ValueError" in logged
    assert _needles_under(tmp_path) == []


def test_a_second_click_while_creating_starts_nothing(qtbot: QtBot) -> None:
    window = _ready_window(qtbot)
    window.start_creation()
    assert window.creation.busy and not child(window, QPushButton, "createButton").isEnabled()
    window.start_creation()
    qtbot.waitUntil(lambda: not window.creation.busy, timeout=30_000)
    assert len(_outbox_archives()) == 1


def test_closing_while_creating_says_wait_and_keeps_the_window(qtbot: QtBot) -> None:
    window = _ready_window(qtbot)
    answers = answering(window, discard=True)
    window.start_creation()
    assert window.creation.busy
    window.close()
    assert window.isVisible()
    assert [notice.key for notice in answers.told] == ["wait"]
    qtbot.waitUntil(lambda: not window.creation.busy, timeout=30_000)
    assert window.created is not None
