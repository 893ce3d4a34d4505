"""The referral log's tables and how each older file grows into them.

The schema is versioned with ``PRAGMA user_version``; a file is migrated in order from its
version, one transaction per step. No column can hold a client's name, address, phone or
email.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from referral_desk.storage import referral_log_journal


def _v1(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE referrals (
            referral_id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            partner_id TEXT NOT NULL,
            partner_name TEXT NOT NULL,
            mailbox TEXT NOT NULL,
            archive_sha256 TEXT NOT NULL CHECK (length(archive_sha256) = 64),
            consent_recorded INTEGER NOT NULL CHECK (consent_recorded IN (0, 1)),
            consent_date TEXT NOT NULL,
            referrer_name TEXT NOT NULL,
            team TEXT NOT NULL,
            mail_adapter TEXT NOT NULL,
            password_channel TEXT NOT NULL,
            status TEXT NOT NULL,
            corrects TEXT,
            corrected_by TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE status_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            referral_id TEXT NOT NULL REFERENCES referrals (referral_id) ON DELETE CASCADE,
            status TEXT NOT NULL,
            at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX referrals_created ON referrals (created_at)")
    db.execute("CREATE INDEX history_referral ON status_history (referral_id)")


def _v2(db: sqlite3.Connection) -> None:
    # The optional "recognise it" setting: initials and postcode, nothing more.
    db.execute("ALTER TABLE referrals ADD COLUMN initials TEXT")
    db.execute("ALTER TABLE referrals ADD COLUMN postcode TEXT")


def _v3(db: sqlite3.Connection) -> None:
    # The mailbox referrals for a municipality last went to, to catch a changed one whatever
    # partner id the registry gives it. No moment and no link to a referral, so it says
    # nothing about a client; retention leaves it alone.
    db.execute(
        """
        CREATE TABLE last_mailboxes (
            nis_code TEXT PRIMARY KEY CHECK (length(nis_code) = 5),
            mailbox TEXT NOT NULL
        )
        """
    )


def _v4(db: sqlite3.Connection) -> None:
    # Reported breaches: when and what kind, never what happened in words (that could name
    # the client); gone with the referral.
    db.execute(
        """
        CREATE TABLE incidents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            referral_id TEXT NOT NULL REFERENCES referrals (referral_id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            kind TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX incidents_referral ON incidents (referral_id)")


def _v5(db: sqlite3.Connection) -> None:
    # How a withdrawal went; when a password was shown again (never the password); deletion
    # requests to the first partner of a correction that went to another one.
    db.execute("ALTER TABLE referrals ADD COLUMN withdrawal_channel TEXT")
    db.execute(
        """
        CREATE TABLE password_recalls (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            referral_id TEXT NOT NULL REFERENCES referrals (referral_id) ON DELETE CASCADE,
            at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX recalls_referral ON password_recalls (referral_id)")
    db.execute(
        """
        CREATE TABLE deletion_requests (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            referral_id TEXT NOT NULL REFERENCES referrals (referral_id) ON DELETE CASCADE,
            correction_id TEXT NOT NULL,
            at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX deletions_referral ON deletion_requests (referral_id)")
    db.execute("CREATE INDEX deletions_correction ON deletion_requests (correction_id)")


def _v6(db: sqlite3.Connection) -> None:
    # Under which partner registry and protocol a referral was sent; and the journal that
    # makes a change outside the app visible. Rows already there are taken into the journal
    # as they are: what happened to them before cannot be known any more.
    db.execute("ALTER TABLE referrals ADD COLUMN registry_version TEXT")
    db.execute("ALTER TABLE referrals ADD COLUMN protocol_reference TEXT")
    referral_log_journal.create_tables(db)
    referral_log_journal.adopt(db, datetime.now(UTC))


def _add_journaled_columns(db: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> None:
    """A new column changes the digest of every row of *table*: the journal restarts from
    the rows, but only if it found nothing before, so no earlier change outside the app is
    hidden by the migration."""
    intact = referral_log_journal.verify(db).intact
    for column in columns:
        db.execute(f"ALTER TABLE {table} ADD COLUMN {column}")
    if intact:
        referral_log_journal.restart(db, datetime.now(UTC))


def _v7(db: sqlite3.Connection) -> None:
    # A breach's art. 33(5) facts, as codes and counts; the address a wrong-recipient mail
    # really went to. Breaches recorded before have none of them.
    _add_journaled_columns(
        db,
        "incidents",
        (
            "discovered_at TEXT",
            "recipient TEXT",
            "people INTEGER",
            "records INTEGER",
            "exposure TEXT",
            "consequence TEXT",
            "measures TEXT",
        ),
    )


def _v8(db: sqlite3.Connection) -> None:
    # The consent record names the information sheet: its language, version and how the
    # client got it. Rows written before have none.
    _add_journaled_columns(
        db,
        "referrals",
        (
            "consent_sheet_language TEXT",
            "consent_sheet_version TEXT",
            "consent_sheet_given TEXT",
        ),
    )


def _v9(db: sqlite3.Connection) -> None:
    # What the partner said about a referral (received, could not open, art. 7 report with
    # the kinds of field, never their values) and the day an open action was done. New
    # tables: no row's digest changes, the journal goes on as it was.
    db.execute(
        """
        CREATE TABLE partner_reports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            referral_id TEXT NOT NULL REFERENCES referrals (referral_id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            reported_on TEXT NOT NULL,
            channel TEXT NOT NULL,
            field_kinds TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX reports_referral ON partner_reports (referral_id)")
    db.execute(
        """
        CREATE TABLE settlements (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            referral_id TEXT NOT NULL REFERENCES referrals (referral_id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            settled_on TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX settlements_referral ON settlements (referral_id)")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9,
)  # fmt: skip
SCHEMA_VERSION = len(MIGRATIONS)
