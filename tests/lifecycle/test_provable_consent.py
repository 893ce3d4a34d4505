"""A consent record that proves what the client was told: the day typed, the sheet's
language and version and how it was given, in the archive's JSON, on the PDF and in the
referral log."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from referral_desk.domain.referral import SheetGiven
from referral_desk.lifecycle.client_documents import given_sheet_version
from referral_desk.sealing.archive import read_encrypted_archive
from referral_desk.storage.referral_log import MIGRATIONS, ReferralLog
from tests.lifecycle_fixtures import TODAY, Desk, consent, request
from tests.storage.test_referral_log import insert_old_row


def test_the_made_referral_carries_its_consent_record_everywhere(desk: Desk) -> None:
    record = consent(TODAY - timedelta(days=2)).model_copy(
        update={
            "sheet_language": "ar",
            "sheet_version": given_sheet_version("ar"),
            "sheet_given": SheetGiven.READ_ALOUD,
        }
    )
    made = desk.make_referral(request(consent=record), desk.choices)
    created = made.created
    files = read_encrypted_archive(created.archive_path.read_bytes(), created.password)
    exported = json.loads(files["doorverwijzing.json"])["consent"]
    assert exported["sheet_language"] == "ar"
    assert exported["sheet_version"] == given_sheet_version("ar")
    assert exported["sheet_given"] == "voorgelezen"
    [entry] = desk.referral_log.all()
    assert (entry.consent_sheet_language, entry.consent_sheet_version) == (
        "ar",
        given_sheet_version("ar"),
    )
    assert entry.consent_sheet_given == "voorgelezen"
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-", "-"],
            input=files["doorverwijzing.pdf"],
            capture_output=True,
            check=True,
        ).stdout.decode()
        assert f"voorgelezen, versie {given_sheet_version('ar')}" in " ".join(text.split())


def test_a_consent_older_than_the_protocol_allows_is_refused_when_sealing(desk: Desk) -> None:
    from referral_desk.lifecycle.creation import ReferralRefused

    with pytest.raises(ReferralRefused, match="ouder dan 30 dagen"):
        desk.make_referral(request(consent=consent(TODAY - timedelta(days=31))), desk.choices)
    assert desk.written_files() == []


def test_a_seventh_version_log_gains_the_consent_columns_and_stays_whole(tmp_path: Path) -> None:
    """Its rows keep no consent sheet (it was not asked then); the journal stays whole."""
    path = tmp_path / "log.sqlite3"
    db = sqlite3.connect(path)
    for migration in MIGRATIONS[:5]:
        migration(db)
    insert_old_row(db)
    for migration in MIGRATIONS[5:7]:
        migration(db)
    db.execute("PRAGMA user_version = 7")
    db.commit()
    db.close()
    referral_log = ReferralLog.open(path)
    try:
        assert referral_log.tampering().intact
        [entry] = referral_log.all()
        assert entry.consent_sheet_version is None and entry.consent_sheet_given is None
    finally:
        referral_log.close()
