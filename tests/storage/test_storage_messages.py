"""What the referral log, the outbox and the settings file say when they fail is a message
with a code and values (folders, file names, the system's reason), so the window words it;
the Dutch is the sentence they always gave."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from referral_desk.storage.outbox import Outbox, OutboxError
from referral_desk.storage.referral_log_errors import ReferralLogBusy, error_for
from referral_desk.storage.settings import SettingsError, SettingsStore


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (sqlite3.OperationalError("database is locked"), "referral_log.busy"),
        (
            sqlite3.OperationalError("attempt to write a readonly database"),
            "referral_log.not_writable",
        ),
        (sqlite3.DatabaseError("file is not a database"), "referral_log.damaged"),
        (sqlite3.IntegrityError("UNIQUE constraint failed: entries.secret"), "referral_log.failed"),
    ],
)
def test_each_referral_log_failure_has_its_code(
    error: sqlite3.Error, code: str, tmp_path: Path
) -> None:
    refused = error_for(error, tmp_path / "log.sqlite3")
    assert refused.said.code == code
    assert refused.message == refused.said.dutch
    assert "secret" not in refused.message and "UNIQUE" not in refused.message
    if code == "referral_log.busy":
        assert isinstance(refused, ReferralLogBusy)
    if code == "referral_log.failed":
        assert refused.said.values == {"kind": "IntegrityError"}
    if code == "referral_log.not_writable":
        assert refused.said.values == {"folder": str(tmp_path)}


def test_an_outbox_that_is_no_folder_is_refused_with_a_code(tmp_path: Path) -> None:
    root = tmp_path / "outbox"
    root.write_text("geen map", "utf-8")
    with pytest.raises(OutboxError) as refused:
        Outbox(root).follow_up_folder("KG-2026-ACDEFG", "intrekking")
    said = refused.value.said
    assert said.code == "outbox.not_writable"
    assert said.values["folder"] == str(root)
    assert refused.value.message.startswith(f"De outbox {root} is niet beschrijfbaar (")


def test_a_broken_settings_file_is_set_aside_with_a_code(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.path.write_text("{ kapot", "utf-8")
    with pytest.raises(SettingsError) as refused:
        store.load()
    assert refused.value.said.code == "settings.set_aside"
    assert refused.value.said.values == {"name": "settings.broken.json"}
    assert refused.value.message == (
        "De instellingen waren beschadigd en zijn opzijgezet als settings.broken.json. "
        "Vul uw profiel opnieuw in."
    )
