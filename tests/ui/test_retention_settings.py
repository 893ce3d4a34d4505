"""Instellingen → Logboek en wachtwoorden: retention, initials, pre-shared passwords."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from keyring.backends import fail
from pytestqt.qtbot import QtBot

from referral_desk.domain.partners import Partner
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.settings import Settings
from referral_desk.lifecycle.preferences import Preferences
from referral_desk.lifecycle.preshared_passwords import PresharedPasswords
from referral_desk.registry.file_reading import load_registry_file
from referral_desk.storage.outbox import Outbox
from referral_desk.storage.password_vault import PasswordVault
from referral_desk.storage.settings import SettingsStore
from referral_desk.ui.settings_dialog import SettingsDialog
from tests.memory_keyring import MemoryKeyring
from tests.ui.test_settings_dialog import PROFILE, RecordingTestDrafts, mail_setup
from tests.ui_driver import answering

ROOT = Path(__file__).parents[2]
NOW = datetime(2026, 3, 20, tzinfo=UTC)


def _partner() -> Partner:
    table = PostcodeTable.load_bundled(ROOT / "resources")
    partner = load_registry_file(ROOT / "config" / "partners.toml", table).registry.partners[1]
    return partner.model_copy(update={"password_mode": "pre-shared"})


def _dialog(
    qtbot: QtBot, tmp_path: Path, vault: PasswordVault
) -> tuple[SettingsDialog, SettingsStore]:
    store = SettingsStore(tmp_path / "settings.json")
    settings = Settings(referrer=PROFILE)
    dialog = SettingsDialog(
        settings,
        Preferences(store),
        mail_setup(
            settings, Outbox(tmp_path / "outbox"), RecordingTestDrafts(RuntimeError("not used"))
        ),
        preshared=PresharedPasswords(vault, [_partner()]),
    )
    qtbot.addWidget(dialog)
    return dialog, store


def test_retention_and_initials_are_saved(qtbot: QtBot, tmp_path: Path) -> None:
    dialog, store = _dialog(qtbot, tmp_path, PasswordVault(MemoryKeyring(), clock=lambda: NOW))
    page = dialog.retention_page
    assert page.recall_days.value() == 30 and page.referral_log_months.value() == 24
    assert not page.recognisable.isChecked()
    page.recall_days.setValue(10)
    page.referral_log_months.setValue(36)
    page.recognisable.setChecked(True)
    dialog.try_save()
    saved = store.load()
    assert (saved.recall_days, saved.referral_log_retention_months, saved.record_initials) == (
        10,
        36,
        True,
    )


def test_preshared_password_set_shown_only_on_request_and_deleted(
    qtbot: QtBot, tmp_path: Path
) -> None:
    backend = MemoryKeyring()
    dialog, _store = _dialog(qtbot, tmp_path, PasswordVault(backend, clock=lambda: NOW))
    page = dialog.retention_page
    row = page.rows["ocmw-wervik"]
    assert row.status.text() == "niet ingesteld" and not row.show_button.isEnabled()
    answers = answering(
        page,
        preshared_password="Vast-Wervik-2026",
        preshared_password_again="Vast-Wervik-2026",
        delete_preshared=True,
    )
    row.set_button.click()
    assert row.status.text() == "ingesteld" and row.set_button.text() == "Vervangen…"
    assert "Vast-Wervik-2026" not in page.keyring_status.text() + row.status.text()
    assert answers.told == []
    assert all(asked.secret for asked in answers.typed)
    row.show_button.click()
    assert "Vast-Wervik-2026" in answers.told[-1].text
    row.delete_button.click()
    assert answers.about("delete_preshared") == [(_partner().name,)]
    assert row.status.text() == "niet ingesteld"
    assert backend.entries == {}
    dialog.try_save()
    assert "Vast-Wervik-2026" not in (tmp_path / "settings.json").read_text("utf-8")


def test_without_a_keyring_the_page_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    dialog, _store = _dialog(qtbot, tmp_path, PasswordVault(fail.Keyring(), clock=lambda: NOW))
    page = dialog.retention_page
    assert "Niet beschikbaar" in page.keyring_status.text()
    assert "nooit in een bestand" in page.keyring_status.text()
    assert not page.rows["ocmw-wervik"].set_button.isEnabled()


def test_a_preshared_password_typed_differently_or_cancelled_saves_nothing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    backend = MemoryKeyring()
    dialog, _store = _dialog(qtbot, tmp_path, PasswordVault(backend, clock=lambda: NOW))
    page = dialog.retention_page
    row = page.rows["ocmw-wervik"]
    answers = answering(
        page,
        preshared_password=["Vast-Wervik-2026", "", "Vast-Wervik-2026"],
        preshared_password_again=["Vast-Wervik-2062", None],
    )
    row.set_button.click()
    assert [(notice.key, notice.text) for notice in answers.told] == [
        ("passwords_differ", "De twee wachtwoorden verschillen; er is niets bewaard.")
    ]
    assert answers.told[0].title == "Sleutelbos"
    # Left empty: not asked again. Cancelled the second time: nothing said.
    row.set_button.click()
    row.set_button.click()
    assert [asked.key for asked in answers.typed] == [
        "preshared_password",
        "preshared_password_again",
        "preshared_password",
        "preshared_password",
        "preshared_password_again",
    ]
    assert len(answers.told) == 1
    assert answers.about("preshared_password")[0] == (row.partner.name,)
    assert backend.entries == {} and row.status.text() == "niet ingesteld"
