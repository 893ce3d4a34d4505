"""The referral log: what went where, when and on what basis, without names.

SQLite in WAL mode; every write is one ``BEGIN IMMEDIATE`` transaction, so a crash leaves the
last committed state and a second running instance waits (``busy_timeout``) instead of
corrupting the file. The schema is versioned with ``PRAGMA user_version`` and migrated in
order from version 1; a file from a newer version is refused, never touched.

No column can hold a client's name, address, phone or email. Initials and postcode are only
stored when the user turned that setting on, and are validated to be just that.

The log also keeps, per municipality (NIS code), the mailbox referrals last went to: the
organisation's record of where data went, kept away from the registry and the user's
settings, so a changed mailbox is caught whatever partner id the registry gives it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.referral_record import (
    DeletionRequest,
    Incident,
    NewReferralLogEntry,
    PasswordChannel,
    ReferralLogEntry,
    ReferralLogQuery,
    ReferralStatus,
    StatusChange,
    WithdrawalChannel,
)

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
# Opening runs on the GUI thread at start and the check before sealing must answer quickly:
# a second window holding the log then costs at most this long, never BUSY_TIMEOUT_MS.
SHORT_BUSY_TIMEOUT_MS = 1_000
# SQLite gives the -wal and -shm files the mode of the database file.
_SIDE_FILES = ("-wal", "-shm", "-journal")


class ReferralLogError(UserFacingError):
    """``message`` is Dutch and says what the user can do."""


class ReferralLogBusy(ReferralLogError):
    """Another window of the app holds the log longer than we wait."""


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


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2, _v3, _v4, _v5)
SCHEMA_VERSION = len(MIGRATIONS)


def _is_busy(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _error_for(error: sqlite3.Error, path: Path) -> ReferralLogError:
    text = str(error).lower()
    if _is_busy(error):
        return ReferralLogBusy(
            "Het logboek van doorverwijzingen is bezet door een ander venster van referral-desk. "
            "Probeer het zo opnieuw."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return ReferralLogError(
            f"Het logboek van doorverwijzingen in {path.parent} kan niet geschreven worden "
            "(schijf vol, alleen-lezen of geen rechten). Vraag de IT-dienst om hulp."
        )
    if isinstance(error, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text or "corrupt" in text
    ):
        return ReferralLogError(
            f"Het logboek van doorverwijzingen {path} is beschadigd. Het is niet aangeraakt; "
            "geef het bestand aan de IT-dienst. Tot dan wordt niets genoteerd."
        )
    return ReferralLogError(
        f"Het logboek van doorverwijzingen gaf een fout ({type(error).__name__})."
    )


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _make_private(path: Path) -> None:
    """The file (created empty if missing) and any side files left by a crash: 0600, before
    SQLite opens them, so the -wal and -shm it creates inherit that mode."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    except OSError:
        return  # connect reports it in Dutch
    for candidate in (path, *(path.with_name(path.name + suffix) for suffix in _SIDE_FILES)):
        with suppress(OSError):
            if candidate.exists() and not candidate.is_symlink():
                candidate.chmod(0o600)


class ReferralLog:
    """One connection to the referral log file. Writes that are given no moment use *clock*."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._db = connection
        self.path = path
        self.clock = clock
        # Creation runs off the GUI thread while a window may read: one statement at a time.
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, clock: Callable[[], datetime] = _utc_now) -> ReferralLog:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ReferralLogError(
                f"De map {path.parent} voor het logboek van doorverwijzingen kan niet "
                f"gemaakt worden ({error.strerror})."
            ) from None
        _make_private(path)
        try:
            db = sqlite3.connect(
                path,
                timeout=SHORT_BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error as error:
            raise _error_for(error, path) from None
        try:
            db.execute(f"PRAGMA busy_timeout = {SHORT_BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA foreign_keys = ON")
            referral_log = cls(db, path, clock)
            referral_log._refuse_newer()
            # WAL rewrites the file header, so only after the version check.
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            referral_log._migrate()
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error as error:
            db.close()
            log.warning("referral log could not be opened: %s", type(error).__name__)
            if _is_busy(error):
                raise ReferralLogBusy(
                    "Het logboek van doorverwijzingen is bezet door een ander venster van "
                    "referral-desk. Sluit dat venster en start referral-desk opnieuw."
                ) from None
            raise _error_for(error, path) from None
        except ReferralLogError:
            db.close()
            raise
        _make_private(path)
        return referral_log

    def close(self) -> None:
        self._db.close()

    def _refuse_newer(self) -> None:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise ReferralLogError(
                f"Het logboek van doorverwijzingen {self.path} komt van een nieuwere versie van "
                f"referral-desk (schema {version}). Installeer die versie; het bestand blijft "
                "onaangeroerd."
            )

    def _migrate(self) -> None:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        for number in range(version, SCHEMA_VERSION):
            with self._write():
                MIGRATIONS[number](self._db)
                self._db.execute(f"PRAGMA user_version = {number + 1}")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise _error_for(error, self.path) from None
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                self._db.execute("ROLLBACK")
                raise _error_for(error, self.path) from None

    def _guarded(self, action: Callable[[], None]) -> None:
        try:
            action()
        except sqlite3.Error as error:
            raise _error_for(error, self.path) from None

    # --- writes -------------------------------------------------------------------------------

    def check_writable(self) -> None:
        """Raises ReferralLogBusy when another window holds the log (ReferralLogError when it
        cannot be locked at all), within SHORT_BUSY_TIMEOUT_MS: asked before a referral is
        made, so none is made that a busy log cannot record."""
        with self._lock:
            try:
                self._db.execute(f"PRAGMA busy_timeout = {SHORT_BUSY_TIMEOUT_MS}")
                try:
                    self._db.execute("BEGIN IMMEDIATE")
                    self._db.execute("ROLLBACK")
                finally:
                    self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            except sqlite3.Error as error:
                raise _error_for(error, self.path) from None

    def created_moments(self) -> dict[str, datetime]:
        """Referral ID → when it was made, for every entry (no names in either)."""
        with self._lock:
            try:
                rows = self._db.execute("SELECT referral_id, created_at FROM referrals").fetchall()
            except sqlite3.Error as error:
                raise _error_for(error, self.path) from None
        return {rid: datetime.fromisoformat(created) for rid, created in rows}

    def newest_created_at(self) -> datetime | None:
        """When the newest entry was made (as an instant), or None for an empty log."""
        moments = self.created_moments().values()
        return max(moments, key=lambda moment: moment.timestamp(), default=None)

    def add(self, entry: NewReferralLogEntry) -> None:
        """A busy log here means the referral was already made: the message says so and
        never invites a retry, which would make a second one."""
        try:
            self._add(entry)
        except ReferralLogBusy:
            raise ReferralLogError(
                "het logboek was bezet door een ander venster van referral-desk; de "
                "doorverwijzing is wel gemaakt, maak ze dus niet opnieuw"
            ) from None

    def _add(self, entry: NewReferralLogEntry) -> None:
        def write() -> None:
            with self._write() as db:
                db.execute(
                    """
                    INSERT INTO referrals (referral_id, created_at, partner_id, partner_name,
                        mailbox, archive_sha256, consent_recorded, consent_date, referrer_name,
                        team, mail_adapter, password_channel, status, corrects, initials,
                        postcode)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    (
                        entry.referral_id,
                        entry.created_at.isoformat(),
                        entry.partner_id,
                        entry.partner_name,
                        entry.mailbox,
                        entry.archive_sha256,
                        int(entry.consent_recorded),
                        entry.consent_date.isoformat(),
                        entry.referrer_name,
                        entry.team,
                        entry.mail_adapter,
                        PasswordChannel.NOT_YET.value,
                        ReferralStatus.DRAFT_OPENED.value,
                        entry.corrects,
                        entry.initials,
                        entry.postcode,
                    ),
                )
                self._history(db, entry.referral_id, ReferralStatus.DRAFT_OPENED, entry.created_at)
                if entry.corrects is not None:
                    self._set_status(db, entry.corrects, ReferralStatus.CORRECTED, entry.created_at)
                    db.execute(
                        "UPDATE referrals SET corrected_by = ? WHERE referral_id = ?",
                        (entry.referral_id, entry.corrects),
                    )

        self._guarded(write)

    @staticmethod
    def _history(
        db: sqlite3.Connection, referral_id: str, status: ReferralStatus, at: datetime
    ) -> None:
        db.execute(
            "INSERT INTO status_history (referral_id, status, at) VALUES (?, ?, ?)",
            (referral_id, status.value, at.isoformat()),
        )

    def _set_status(
        self, db: sqlite3.Connection, referral_id: str, status: ReferralStatus, at: datetime
    ) -> None:
        changed = db.execute(
            "UPDATE referrals SET status = ? WHERE referral_id = ?", (status.value, referral_id)
        ).rowcount
        if not changed:
            raise ReferralLogError(f"{referral_id} staat niet in het logboek.")
        self._history(db, referral_id, status, at)

    def set_status(
        self, referral_id: str, status: ReferralStatus, at: datetime | None = None
    ) -> None:
        moment = self.clock() if at is None else at

        def write() -> None:
            with self._write() as db:
                self._set_status(db, referral_id, status, moment)

        self._guarded(write)

    def mark_sent(self, referral_id: str, at: datetime | None = None) -> None:
        self.set_status(referral_id, ReferralStatus.SENT, at)

    def mark_withdrawn(
        self, referral_id: str, channel: WithdrawalChannel, at: datetime | None = None
    ) -> None:
        """Status and channel in one transaction: a withdrawal is never recorded without how."""
        moment = self.clock() if at is None else at

        def write() -> None:
            with self._write() as db:
                self._set_status(db, referral_id, ReferralStatus.WITHDRAWN, moment)
                db.execute(
                    "UPDATE referrals SET withdrawal_channel = ? WHERE referral_id = ?",
                    (channel.value, referral_id),
                )

        self._guarded(write)

    def mark_cancelled(self, referral_id: str, at: datetime | None = None) -> None:
        """A draft that never left: kept in the log (its ID was handed out), counted apart."""
        self.set_status(referral_id, ReferralStatus.CANCELLED, at)

    def link_correction(self, original_id: str, new_id: str, at: datetime | None = None) -> None:
        """Links a correction added without ``corrects``: the original becomes CORRECTED
        (with *at* in its history) and points to *new_id*; *new_id* points back. All or
        nothing; a row that already corrects or is corrected by another one is refused."""
        if original_id == new_id:
            raise ReferralLogError("Een doorverwijzing kan zichzelf niet corrigeren.")
        moment = self.clock() if at is None else at

        def write() -> None:
            with self._write() as db:
                found = dict(
                    db.execute(
                        "SELECT referral_id, coalesce(corrected_by, '') || '|' || "
                        "coalesce(corrects, '') FROM referrals WHERE referral_id IN (?, ?)",
                        (original_id, new_id),
                    ).fetchall()
                )
                for referral_id in (original_id, new_id):
                    if referral_id not in found:
                        raise ReferralLogError(f"{referral_id} staat niet in het logboek.")
                corrected_by = found[original_id].split("|")[0]
                corrects = found[new_id].split("|")[1]
                if corrected_by not in ("", new_id) or corrects not in ("", original_id):
                    raise ReferralLogError(
                        f"{original_id} of {new_id} is al aan een andere correctie gekoppeld."
                    )
                if corrected_by == new_id and corrects == original_id:
                    return  # already linked: nothing changes, no second history entry
                db.execute(
                    "UPDATE referrals SET corrects = ? WHERE referral_id = ?",
                    (original_id, new_id),
                )
                db.execute(
                    "UPDATE referrals SET corrected_by = ? WHERE referral_id = ?",
                    (new_id, original_id),
                )
                self._set_status(db, original_id, ReferralStatus.CORRECTED, moment)

        self._guarded(write)

    def set_password_channel(self, referral_id: str, channel: PasswordChannel) -> None:
        def write() -> None:
            with self._write() as db:
                changed = db.execute(
                    "UPDATE referrals SET password_channel = ? WHERE referral_id = ?",
                    (channel.value, referral_id),
                ).rowcount
                if not changed:
                    raise ReferralLogError(f"{referral_id} staat niet in het logboek.")

        self._guarded(write)

    def record_incident(self, referral_id: str, kind: str, at: datetime | None = None) -> None:
        """A breach reported for *referral_id*; *kind* is a code, refused if it is not one."""
        incident = Incident(at=self.clock() if at is None else at, kind=kind)

        def write() -> None:
            with self._write() as db:
                self._require(db, referral_id)
                db.execute(
                    "INSERT INTO incidents (referral_id, at, kind) VALUES (?, ?, ?)",
                    (referral_id, incident.at.isoformat(), incident.kind),
                )

        self._guarded(write)

    def _require(self, db: sqlite3.Connection, referral_id: str) -> None:
        known = db.execute(
            "SELECT 1 FROM referrals WHERE referral_id = ?", (referral_id,)
        ).fetchone()
        if known is None:
            raise ReferralLogError(f"{referral_id} staat niet in het logboek.")

    def record_recall(self, referral_id: str, at: datetime | None = None) -> None:
        """That the password of *referral_id* was shown again: the moment, nothing more."""
        moment = self.clock() if at is None else at

        def write() -> None:
            with self._write() as db:
                self._require(db, referral_id)
                db.execute(
                    "INSERT INTO password_recalls (referral_id, at) VALUES (?, ?)",
                    (referral_id, moment.isoformat()),
                )

        self._guarded(write)

    def record_deletion_request(
        self, original_id: str, correction_id: str, at: datetime | None = None
    ) -> None:
        """The deletion mail to *original_id*'s partner, for the correction *correction_id*."""
        request = DeletionRequest(
            at=self.clock() if at is None else at,
            original_id=original_id,
            correction_id=correction_id,
        )

        def write() -> None:
            with self._write() as db:
                self._require(db, original_id)
                self._require(db, correction_id)
                db.execute(
                    "INSERT INTO deletion_requests (referral_id, correction_id, at) "
                    "VALUES (?, ?, ?)",
                    (original_id, correction_id, request.at.isoformat()),
                )

        self._guarded(write)

    def remember_mailbox(self, nis_code: str, mailbox: str) -> None:
        """The mailbox a referral for this municipality (NIS code) just went to."""

        def write() -> None:
            with self._write() as db:
                db.execute(
                    "INSERT INTO last_mailboxes (nis_code, mailbox) VALUES (?, ?) "
                    "ON CONFLICT (nis_code) DO UPDATE SET mailbox = excluded.mailbox",
                    (nis_code, mailbox),
                )

        self._guarded(write)

    def seed_mailboxes(self, mailboxes: Mapping[str, str]) -> None:
        """NIS code → mailbox from an older memory, kept only where the log knows none:
        never overwrites what was sent since."""

        def write() -> None:
            with self._write() as db:
                db.executemany(
                    "INSERT OR IGNORE INTO last_mailboxes (nis_code, mailbox) VALUES (?, ?)",
                    sorted(mailboxes.items()),
                )

        self._guarded(write)

    def purge_older_than(self, cutoff: datetime) -> list[str]:
        """Removes rows created before *cutoff*; returns their IDs (for the keyring purge)."""
        removed: list[str] = []

        def write() -> None:
            with self._write() as db:
                rows = db.execute(
                    "SELECT referral_id, created_at FROM referrals",
                ).fetchall()
                # Compared as instants: rows written in summer and winter time sort right.
                limit = cutoff.timestamp()
                old = [
                    rid
                    for rid, created in rows
                    if datetime.fromisoformat(created).timestamp() < limit
                ]
                for rid in old:
                    db.execute("DELETE FROM referrals WHERE referral_id = ?", (rid,))
                db.execute(
                    "UPDATE referrals SET corrects = NULL WHERE corrects NOT IN "
                    "(SELECT referral_id FROM referrals)"
                )
                removed.extend(old)

        self._guarded(write)
        return removed

    # --- reads --------------------------------------------------------------------------------

    def last_mailbox(self, nis_code: str) -> str | None:
        """The mailbox referrals for this municipality last went to, or None."""
        with self._lock:
            try:
                row = self._db.execute(
                    "SELECT mailbox FROM last_mailboxes WHERE nis_code = ?", (nis_code,)
                ).fetchone()
            except sqlite3.Error as error:
                raise _error_for(error, self.path) from None
        return None if row is None else str(row[0])

    def incidents(self, referral_id: str) -> list[Incident]:
        """The breaches reported for *referral_id*, oldest first."""
        with self._lock:
            try:
                rows = self._db.execute(
                    "SELECT at, kind FROM incidents WHERE referral_id = ? ORDER BY id",
                    (referral_id,),
                ).fetchall()
            except sqlite3.Error as error:
                raise _error_for(error, self.path) from None
        return [Incident(at=datetime.fromisoformat(at), kind=kind) for at, kind in rows]

    def recalls(self, referral_id: str) -> list[datetime]:
        """When the password of *referral_id* was shown again, oldest first."""
        with self._lock:
            try:
                rows = self._db.execute(
                    "SELECT at FROM password_recalls WHERE referral_id = ? ORDER BY id",
                    (referral_id,),
                ).fetchall()
            except sqlite3.Error as error:
                raise _error_for(error, self.path) from None
        return [datetime.fromisoformat(at) for (at,) in rows]

    def deletion_requests(self, referral_id: str) -> list[DeletionRequest]:
        """Deletion requests in which *referral_id* is the original or the correction."""
        with self._lock:
            try:
                rows = self._db.execute(
                    "SELECT at, referral_id, correction_id FROM deletion_requests "
                    "WHERE referral_id = ? OR correction_id = ? ORDER BY id",
                    (referral_id, referral_id),
                ).fetchall()
            except sqlite3.Error as error:
                raise _error_for(error, self.path) from None
        return [
            DeletionRequest(at=datetime.fromisoformat(at), original_id=orig, correction_id=corr)
            for at, orig, corr in rows
        ]

    def get(self, referral_id: str) -> ReferralLogEntry | None:
        rows = self._select("WHERE referral_id = ?", (referral_id,))
        return rows[0] if rows else None

    def all(self) -> list[ReferralLogEntry]:
        return self._select("", ())

    def search(self, query: ReferralLogQuery) -> list[ReferralLogEntry]:
        """Newest first (``created_at``), filtered by *query*."""
        return [row for row in self.all() if query.matches(row)]

    def _select(self, where: str, params: Sequence[object]) -> list[ReferralLogEntry]:
        with self._lock:
            return self._select_locked(where, params)

    def _select_locked(self, where: str, params: Sequence[object]) -> list[ReferralLogEntry]:
        try:
            records = self._db.execute(
                "SELECT referral_id, created_at, partner_id, partner_name, mailbox, "
                "archive_sha256, consent_recorded, consent_date, referrer_name, team, "
                "mail_adapter, password_channel, status, corrects, corrected_by, initials, "
                "postcode, withdrawal_channel "
                f"FROM referrals {where} ORDER BY created_at DESC, referral_id",
                tuple(params),
            ).fetchall()
            history: dict[str, list[StatusChange]] = {}
            for rid, status, at in self._db.execute(
                "SELECT referral_id, status, at FROM status_history ORDER BY id"
            ):
                history.setdefault(rid, []).append(
                    StatusChange(status=ReferralStatus(status), at=datetime.fromisoformat(at))
                )
        except sqlite3.Error as error:
            raise _error_for(error, self.path) from None
        keys = (
            "referral_id",
            "created_at",
            "partner_id",
            "partner_name",
            "mailbox",
            "archive_sha256",
            "consent_recorded",
            "consent_date",
            "referrer_name",
            "team",
            "mail_adapter",
            "password_channel",
            "status",
            "corrects",
            "corrected_by",
            "initials",
            "postcode",
            "withdrawal_channel",
        )
        rows = [
            ReferralLogEntry.model_validate(
                {
                    **dict(zip(keys, record, strict=True)),
                    "history": tuple(history.get(record[0], ())),
                }
            )
            for record in records
        ]
        # Newest first as instants (the text order of +01:00/+02:00 stamps can be wrong).
        rows.sort(key=lambda row: (-row.created_at.timestamp(), row.referral_id))
        return rows

    def integrity_ok(self) -> bool:
        try:
            with self._lock:
                return bool(self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        except sqlite3.Error:
            return False
