"""An outbox (or a referral's folder in it) that is a symbolic link is never written through:
the archive would land, and the chmod act, wherever the link points, where housekeeping
never removes it. Creation is refused with a message that says what to do."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from referral_desk.lifecycle.creation import ReferralRefused, make_referral
from referral_desk.storage.outbox import Outbox, OutboxError
from referral_desk.storage.paths import AppPaths
from tests.lifecycle_fixtures import Desk, request
from tests.test_flow_end_to_end import CANARY, CANARY_CLIENT
from tests.ui_driver import click_create, fill_client, fill_profile, open_main_window, tick_consent

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links as on Linux")

REFERRAL_ID = "KG-2026-ACDEFG"
LINK_WORDS = "snelkoppeling"


def _elsewhere(tmp_path: Path) -> Path:
    target = tmp_path / "elders"
    target.mkdir(mode=0o755)
    target.chmod(0o755)
    return target


def _untouched(target: Path) -> None:
    assert list(target.rglob("*")) == []
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_a_symlinked_outbox_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    target = _elsewhere(tmp_path)
    (tmp_path / "outbox").symlink_to(target)
    outbox = Outbox(tmp_path / "outbox")
    with pytest.raises(OutboxError) as error:
        outbox.save_archive(REFERRAL_ID, b"7z")
    assert LINK_WORDS in error.value.message and "IT-dienst" in error.value.message
    with pytest.raises(OutboxError):
        outbox.folder_for(REFERRAL_ID)
    _untouched(target)


def test_a_dangling_symlinked_outbox_is_refused_with_the_same_message(tmp_path: Path) -> None:
    (tmp_path / "outbox").symlink_to(tmp_path / "weg")
    with pytest.raises(OutboxError, match=LINK_WORDS):
        Outbox(tmp_path / "outbox").save_archive(REFERRAL_ID, b"7z")
    assert not (tmp_path / "weg").exists()


def test_a_symlinked_referral_folder_is_refused(tmp_path: Path) -> None:
    target = _elsewhere(tmp_path)
    root = tmp_path / "outbox"
    root.mkdir()
    (root / REFERRAL_ID).symlink_to(target)
    with pytest.raises(OutboxError, match=LINK_WORDS):
        Outbox(root).save_archive(REFERRAL_ID, b"7z")
    _untouched(target)


def test_a_real_outbox_below_a_linked_parent_is_written(tmp_path: Path) -> None:
    """Only the outbox itself is checked: a redirected home or data folder is the user's."""
    real = tmp_path / "echt"
    real.mkdir()
    (tmp_path / "data").symlink_to(real)
    saved = Outbox(tmp_path / "data" / "outbox").save_archive(REFERRAL_ID, b"7z")
    assert (real / "outbox" / REFERRAL_ID / f"{REFERRAL_ID}.7z").read_bytes() == b"7z"
    assert stat.S_IMODE(saved.parent.stat().st_mode) == 0o700


def test_creation_through_a_symlinked_outbox_is_refused_and_nothing_logged(
    tmp_path: Path,
) -> None:
    target = _elsewhere(tmp_path)
    desk = Desk(tmp_path / "desk")  # opens its referral log there
    (desk.root / "outbox").symlink_to(target)
    with pytest.raises(ReferralRefused, match=LINK_WORDS):
        make_referral(request(), desk.services, desk.follow_up, desk.choices)
    assert desk.referral_log.all() == [] and desk.mail.drafts == []
    _untouched(target)


def test_the_window_shows_the_refusal_and_keeps_the_form(qtbot: QtBot, tmp_path: Path) -> None:
    target = _elsewhere(tmp_path)
    outbox = AppPaths.from_platform().outbox_dir
    outbox.parent.mkdir(parents=True, exist_ok=True)
    outbox.symlink_to(target)
    window = open_main_window(qtbot)
    fill_profile(qtbot, window)
    fill_client(qtbot, window, CANARY_CLIENT)
    tick_consent(qtbot, window)
    click_create(qtbot, window)
    box = window.findChild(QMessageBox, "problemMessage")
    assert box is not None and box.isVisible(), window.result_status.text()
    assert LINK_WORDS in box.text()
    box.close()
    assert QApplication.overrideCursor() is None and window.created is None
    first_name = window.findChild(QLineEdit, "firstName")
    assert first_name is not None and first_name.text() == f"{CANARY}voornaam"
    consent = window.findChild(QCheckBox, "consentCheck")
    assert consent is not None and consent.isChecked()
    _untouched(target)
