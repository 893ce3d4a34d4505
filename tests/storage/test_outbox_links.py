"""An outbox (or a referral's folder in it, or a follow-up's folder) that is a link is never
written through: the archive would land, and the chmod act, wherever the link points, where
housekeeping never removes it. Creation is refused with a message that says what to do.

A link is a symbolic link on POSIX and a junction on Windows (see tests/folder_links.py); on
POSIX every test also runs with a simulated junction, so the Windows checks run there too."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from referral_desk.lifecycle.creation import ReferralRefused
from referral_desk.storage.outbox import Outbox, OutboxError, is_link_info
from referral_desk.storage.paths import AppPaths
from tests.folder_links import KINDS, LinkKind, folder_link
from tests.lifecycle_fixtures import desk_at, request
from tests.platforms import posix_only
from tests.ui.test_flow_end_to_end import CANARY, CANARY_CLIENT
from tests.ui_driver import click_create, fill_client, fill_profile, open_main_window, tick_consent

REFERRAL_ID = "KG-2026-ACDEFG"
LINK_WORDS = "snelkoppeling"
# What the target folder's mode is made before, and must still be after (Windows keeps no
# POSIX mode: a folder there always shows 0o777).
TARGET_MODE = 0o755 if os.name == "posix" else 0o777


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> LinkKind:
    return request.param  # type: ignore[no-any-return]


def _elsewhere(tmp_path: Path) -> Path:
    target = tmp_path / "elders"
    target.mkdir(mode=0o755)
    target.chmod(0o755)
    return target


def _untouched(shown: Path) -> None:
    """Nothing was written in the target, seen through the link, nor its mode changed."""
    assert list(shown.rglob("*")) == []
    assert stat.S_IMODE(shown.stat().st_mode) == TARGET_MODE


def test_a_linked_outbox_is_refused_and_its_target_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: LinkKind
) -> None:
    link = folder_link(monkeypatch, tmp_path / "outbox", _elsewhere(tmp_path), kind)
    outbox = Outbox(link)
    with pytest.raises(OutboxError) as error:
        outbox.save_archive(REFERRAL_ID, b"7z")
    assert LINK_WORDS in error.value.message and "IT-dienst" in error.value.message
    with pytest.raises(OutboxError):
        outbox.folder_for(REFERRAL_ID)
    _untouched(link)


@posix_only("a dangling link is a symbolic link: Windows makes those only with a privilege")
def test_a_dangling_symlinked_outbox_is_refused_with_the_same_message(tmp_path: Path) -> None:
    (tmp_path / "outbox").symlink_to(tmp_path / "weg")
    with pytest.raises(OutboxError, match=LINK_WORDS):
        Outbox(tmp_path / "outbox").save_archive(REFERRAL_ID, b"7z")
    assert not (tmp_path / "weg").exists()


def test_a_linked_referral_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: LinkKind
) -> None:
    root = tmp_path / "outbox"
    root.mkdir()
    link = folder_link(monkeypatch, root / REFERRAL_ID, _elsewhere(tmp_path), kind)
    with pytest.raises(OutboxError, match=LINK_WORDS):
        Outbox(root).save_archive(REFERRAL_ID, b"7z")
    _untouched(link)


def test_a_linked_follow_up_folder_is_refused_and_does_not_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: LinkKind
) -> None:
    outbox = Outbox(tmp_path / "outbox")
    outbox.save_archive(REFERRAL_ID, b"7z")
    link = folder_link(
        monkeypatch, outbox.root / REFERRAL_ID / "intrekking", _elsewhere(tmp_path), kind
    )
    assert not outbox.has_follow_up(REFERRAL_ID, "intrekking")
    with pytest.raises(OutboxError, match=LINK_WORDS):
        outbox.follow_up_folder(REFERRAL_ID, "intrekking")
    _untouched(link)
    assert not outbox.has_follow_up(REFERRAL_ID, "intrekking")


def test_a_follow_up_folder_below_a_linked_referral_folder_does_not_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: LinkKind
) -> None:
    outbox = Outbox(tmp_path / "outbox")
    outbox.root.mkdir()
    target = _elsewhere(tmp_path)
    (target / "intrekking").mkdir()
    folder_link(monkeypatch, outbox.root / REFERRAL_ID, target, kind)
    assert not outbox.has_follow_up(REFERRAL_ID, "intrekking")
    assert not outbox.discard(REFERRAL_ID)
    assert (outbox.root / REFERRAL_ID / "intrekking").is_dir()


def test_a_real_follow_up_folder_counts(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    outbox.save_archive(REFERRAL_ID, b"7z")
    assert not outbox.has_follow_up(REFERRAL_ID, "intrekking")
    folder = outbox.follow_up_folder(REFERRAL_ID, "intrekking")
    assert folder == outbox.root / REFERRAL_ID / "intrekking" and folder.is_dir()
    assert outbox.has_follow_up(REFERRAL_ID, "intrekking")


def test_a_real_outbox_below_a_linked_parent_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: LinkKind
) -> None:
    """Only the outbox itself is checked: a redirected home or data folder is the user's."""
    real = tmp_path / "echt"
    real.mkdir()
    data = folder_link(monkeypatch, tmp_path / "data", real, kind)
    saved = Outbox(data / "outbox").save_archive(REFERRAL_ID, b"7z")
    assert (data / "outbox" / REFERRAL_ID / f"{REFERRAL_ID}.7z").read_bytes() == b"7z"
    if os.name == "posix":
        assert stat.S_IMODE(saved.parent.stat().st_mode) == 0o700


def test_creation_through_a_linked_outbox_is_refused_and_nothing_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: LinkKind
) -> None:
    desk = desk_at(tmp_path / "desk")  # opens its referral log there
    link = folder_link(monkeypatch, desk.root / "outbox", _elsewhere(tmp_path), kind)
    with pytest.raises(ReferralRefused, match=LINK_WORDS):
        desk.make_referral(request(), desk.choices)
    assert desk.referral_log.all() == [] and desk.mail.drafts == []
    _untouched(link)


def test_the_window_shows_the_refusal_and_keeps_the_form(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: LinkKind
) -> None:
    outbox = AppPaths.from_platform().outbox_dir
    outbox.parent.mkdir(parents=True, exist_ok=True)
    link = folder_link(monkeypatch, outbox, _elsewhere(tmp_path), kind)
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
    _untouched(link)


# --- what counts as a link ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("info", "link"),
    [
        (SimpleNamespace(st_mode=stat.S_IFDIR | 0o755), False),
        (SimpleNamespace(st_mode=stat.S_IFLNK | 0o777), True),
        # Windows: a junction and a directory symbolic link are name surrogates ...
        (
            SimpleNamespace(
                st_mode=stat.S_IFDIR, st_file_attributes=0x410, st_reparse_tag=0xA0000003
            ),
            True,
        ),
        (
            SimpleNamespace(
                st_mode=stat.S_IFDIR, st_file_attributes=0x410, st_reparse_tag=0xA000000C
            ),
            True,
        ),
        # ... a OneDrive placeholder or a deduplicated file is the folder or file itself.
        (
            SimpleNamespace(
                st_mode=stat.S_IFDIR, st_file_attributes=0x410, st_reparse_tag=0x9000601A
            ),
            False,
        ),
        (
            SimpleNamespace(
                st_mode=stat.S_IFREG, st_file_attributes=0x420, st_reparse_tag=0x80000013
            ),
            False,
        ),
        (SimpleNamespace(st_mode=stat.S_IFDIR, st_file_attributes=0x10, st_reparse_tag=0), False),
    ],
)
def test_what_is_a_link(info: SimpleNamespace, link: bool) -> None:
    assert is_link_info(info) is link
