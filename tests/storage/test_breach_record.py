"""A breach in the referral log keeps its art. 33(5) facts as codes and counts; breaches
recorded before the facts were asked keep none, and the journal stays whole."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from referral_desk.domain.breach_facts import BreachFacts, Consequence, Exposure, Measure
from referral_desk.storage.referral_log import MIGRATIONS, ReferralLog
from tests.storage.test_referral_log import T0, entry, insert_old_row

FACTS = BreachFacts(
    discovered_at=T0 + timedelta(hours=2),
    actual_recipient="jan@elders.be",
    people=2,
    records=1,
    exposure=Exposure.POSSIBLY_READ,
    consequence=Consequence.LIKELY,
    measures=(Measure.DELETION_REQUESTED, Measure.CLIENT_INFORMED),
)


def test_a_breach_keeps_its_facts(tmp_path: Path) -> None:
    referral_log = ReferralLog.open(tmp_path / "log.sqlite3")
    try:
        referral_log.add(entry())
        referral_log.record_incident("KG-2026-7F3K9Q", "verkeerde_ontvanger", T0, FACTS)
        referral_log.record_incident("KG-2026-7F3K9Q", "ander", T0)
        with_facts, without = referral_log.incidents("KG-2026-7F3K9Q")
        assert with_facts.facts == FACTS and without.facts is None
        assert referral_log.tampering().intact
    finally:
        referral_log.close()


def test_a_sixth_version_log_keeps_its_breaches_without_facts(tmp_path: Path) -> None:
    """Its journal restarts from the rows, since it found nothing changed outside the app."""
    path = tmp_path / "log.sqlite3"
    db = sqlite3.connect(path)
    for migration in MIGRATIONS[:5]:
        migration(db)
    for referral_id in ("KG-2026-7F3K9Q", "KG-2026-AC3DEF"):
        insert_old_row(db, referral_id)
        db.execute(
            "INSERT INTO incidents (referral_id, at, kind) VALUES (?, ?, 'verloren')",
            (referral_id, T0.isoformat()),
        )
    MIGRATIONS[5](db)
    db.execute("PRAGMA user_version = 6")
    db.commit()
    untouched = ReferralLog.open(path)
    try:
        (incident,) = untouched.incidents("KG-2026-7F3K9Q")
        assert incident.facts is None and incident.kind == "verloren"
        assert untouched.tampering().intact
    finally:
        untouched.close()


def test_an_outside_change_before_an_update_is_still_reported_after_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "log.sqlite3"
    db = sqlite3.connect(path)
    for migration in MIGRATIONS[:6]:
        migration(db)
    db.execute("PRAGMA user_version = 6")
    db.commit()
    # A row added with a database tool to a log of the version before this one.
    insert_old_row(db)
    db.commit()
    db.close()
    referral_log = ReferralLog.open(path)
    try:
        (finding,) = referral_log.tampering().findings
        assert finding.referral_id == "KG-2026-7F3K9Q" and finding.kind.value == "added"
    finally:
        referral_log.close()
