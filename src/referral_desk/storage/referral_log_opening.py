"""Opening the referral log file: its folder, private file modes, the version check, WAL and
the migrations, with every OS or SQLite failure said in Dutch.

SQLite in WAL mode; every write is one ``BEGIN IMMEDIATE`` transaction, so a crash leaves the
last committed state and a second running instance waits (``busy_timeout``) instead of
corrupting the file. A file from a newer version is refused, never touched.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import suppress
from pathlib import Path

from referral_desk.storage import referral_log_journal
from referral_desk.storage.referral_log_errors import (
    BUSY_AT_START,
    FOLDER_NOT_MADE,
    NEWER_SCHEMA,
    ReferralLogBusy,
    ReferralLogError,
    error_for,
    is_busy,
)
from referral_desk.storage.referral_log_schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
# Opening runs on the GUI thread at start and the check before sealing must answer quickly:
# a second window holding the log then costs at most this long, never BUSY_TIMEOUT_MS.
SHORT_BUSY_TIMEOUT_MS = 1_000
# SQLite gives the -wal and -shm files the mode of the database file.
SIDE_FILES = ("-wal", "-shm", "-journal")


def side_files(path: Path) -> tuple[Path, ...]:
    """The files SQLite keeps beside *path* (WAL, shared memory, rollback journal)."""
    return tuple(path.with_name(path.name + suffix) for suffix in SIDE_FILES)


def make_private(path: Path) -> None:
    """The file (created empty if missing) and any side files left by a crash: 0600, before
    SQLite opens them, so the -wal and -shm it creates inherit that mode."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    except OSError:
        return  # connect reports it in Dutch
    for candidate in (path, *side_files(path)):
        with suppress(OSError):
            if candidate.exists() and not candidate.is_symlink():
                candidate.chmod(0o600)


def open_connection(path: Path) -> sqlite3.Connection:
    """A connection to the log at *path*, migrated to SCHEMA_VERSION, in autocommit mode (each
    write opens its own transaction); raises ReferralLogError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ReferralLogError(
            FOLDER_NOT_MADE(folder=str(path.parent), reason=str(error.strerror))
        ) from None
    make_private(path)
    try:
        db = sqlite3.connect(
            path,
            timeout=SHORT_BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as error:
        raise error_for(error, path) from None
    try:
        db.execute(f"PRAGMA busy_timeout = {SHORT_BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        _refuse_newer(db, path)
        # WAL rewrites the file header, so only after the version check.
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        _migrate(db, path)
        referral_log_journal.install_triggers(db)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except sqlite3.Error as error:
        db.close()
        log.warning("referral log could not be opened: %s", type(error).__name__)
        if is_busy(error):
            raise ReferralLogBusy(BUSY_AT_START()) from None
        raise error_for(error, path) from None
    except ReferralLogError:
        db.close()
        raise
    make_private(path)
    return db


def _refuse_newer(db: sqlite3.Connection, path: Path) -> None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise ReferralLogError(NEWER_SCHEMA(file=str(path), version=version))


def _migrate(db: sqlite3.Connection, path: Path) -> None:
    """Each step its own transaction: a crash halfway leaves a file one version further."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    for number in range(version, SCHEMA_VERSION):
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise error_for(error, path) from None
        try:
            MIGRATIONS[number](db)
            db.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        try:
            db.execute("COMMIT")
        except sqlite3.Error as error:
            db.execute("ROLLBACK")
            raise error_for(error, path) from None
