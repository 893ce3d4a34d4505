"""The referral log: what went where, when and on what basis, without names.

``ReferralLog`` is the one object the rest of the app holds: it opens the file (taking over
the former ``register.sqlite3``), reads (``ReferralLogReading``), keeps the last mailbox per
municipality (``LastMailboxes``) and writes here, each write one transaction.

Initials and postcode are only stored when the user turned that setting on, and are validated
to be just that.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from referral_desk.domain.breach_facts import BreachFacts
from referral_desk.domain.referral_record import (
    DeletionRequest,
    Incident,
    NewReferralLogEntry,
    OpenActionKind,
    PartnerReport,
    PasswordChannel,
    ReferralStatus,
    Settlement,
    WithdrawalChannel,
)
from referral_desk.storage import referral_log_journal, referral_log_opening
from referral_desk.storage.last_mailboxes import LastMailboxes
from referral_desk.storage.referral_log_adoption import adopt_former_file
from referral_desk.storage.referral_log_connection import utc_now
from referral_desk.storage.referral_log_errors import (
    ALREADY_LINKED,
    BUSY_BUT_MADE,
    CORRECTS_ITSELF,
    NOT_IN_LOG,
    ReferralLogBusy,
    ReferralLogError,
    error_for,
)
from referral_desk.storage.referral_log_opening import open_connection
from referral_desk.storage.referral_log_reading import ReferralLogReading
from referral_desk.storage.referral_log_schema import MIGRATIONS, SCHEMA_VERSION

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "ReferralLog",
    "ReferralLogBusy",
    "ReferralLogError",
]


def _fact_columns(facts: BreachFacts | None) -> tuple[object, ...]:
    if facts is None:
        return (None,) * 7
    return (
        facts.discovered_at.isoformat(),
        facts.actual_recipient,
        facts.people,
        facts.records,
        facts.exposure.value,
        facts.consequence.value,
        ",".join(measure.value for measure in facts.measures),
    )


class ReferralLog(ReferralLogReading, LastMailboxes):
    """One connection to the referral log file. Writes that are given no moment use *clock*."""

    @classmethod
    def open(cls, path: Path, clock: Callable[[], datetime] = utc_now) -> ReferralLog:
        """The log at *path*, created or migrated as needed; raises ReferralLogError."""
        adopt_former_file(path)
        return cls(open_connection(path), path, clock)

    # --- writes -------------------------------------------------------------------------------

    def check_writable(self) -> None:
        """Raises ReferralLogBusy when another window holds the log (ReferralLogError when it
        cannot be locked at all), within SHORT_BUSY_TIMEOUT_MS: asked before a referral is
        made, so none is made that a busy log cannot record."""
        short = referral_log_opening.SHORT_BUSY_TIMEOUT_MS
        usual = referral_log_opening.BUSY_TIMEOUT_MS
        with self._lock:
            try:
                self._db.execute(f"PRAGMA busy_timeout = {short}")
                try:
                    self._db.execute("BEGIN IMMEDIATE")
                    self._db.execute("ROLLBACK")
                finally:
                    self._db.execute(f"PRAGMA busy_timeout = {usual}")
            except sqlite3.Error as error:
                raise error_for(error, self.path) from None

    def add(self, entry: NewReferralLogEntry) -> None:
        """A busy log here means the referral was already made: the message says so and
        never invites a retry, which would make a second one."""
        try:
            self._add(entry)
        except ReferralLogBusy:
            raise ReferralLogError(BUSY_BUT_MADE()) from None

    def _add(self, entry: NewReferralLogEntry) -> None:
        def write() -> None:
            with self._write() as db:
                db.execute(
                    """
                    INSERT INTO referrals (referral_id, created_at, partner_id, partner_name,
                        mailbox, archive_sha256, consent_recorded, consent_date, referrer_name,
                        team, mail_adapter, password_channel, status, corrects, initials,
                        postcode, registry_version, protocol_reference, consent_sheet_language,
                        consent_sheet_version, consent_sheet_given)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                        entry.registry_version,
                        entry.protocol_reference,
                        entry.consent_sheet_language,
                        entry.consent_sheet_version,
                        entry.consent_sheet_given,
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
            raise ReferralLogError(NOT_IN_LOG(referral_id=referral_id))
        self._history(db, referral_id, status, at)

    def set_status(
        self, referral_id: str, status: ReferralStatus, at: datetime | None = None
    ) -> None:
        moment = self._moment(at)

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
        moment = self._moment(at)

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
            raise ReferralLogError(CORRECTS_ITSELF())
        moment = self._moment(at)

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
                        raise ReferralLogError(NOT_IN_LOG(referral_id=referral_id))
                corrected_by = found[original_id].split("|")[0]
                corrects = found[new_id].split("|")[1]
                if corrected_by not in ("", new_id) or corrects not in ("", original_id):
                    raise ReferralLogError(ALREADY_LINKED(original=original_id, correction=new_id))
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
                    raise ReferralLogError(NOT_IN_LOG(referral_id=referral_id))

        self._guarded(write)

    def record_incident(
        self,
        referral_id: str,
        kind: str,
        at: datetime | None = None,
        facts: BreachFacts | None = None,
    ) -> None:
        """A breach reported for *referral_id*; *kind* is a code, refused if it is not one;
        *facts* what art. 33(5) asks to document."""
        incident = Incident(at=self._moment(at), kind=kind, facts=facts)

        def write() -> None:
            with self._write() as db:
                self._require(db, referral_id)
                db.execute(
                    "INSERT INTO incidents (referral_id, at, kind, discovered_at, recipient, "
                    "people, records, exposure, consequence, measures) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (referral_id, incident.at.isoformat(), incident.kind, *_fact_columns(facts)),
                )

        self._guarded(write)

    def record_recall(self, referral_id: str, at: datetime | None = None) -> None:
        """That the password of *referral_id* was shown again: the moment, nothing more."""
        moment = self._moment(at)

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
            at=self._moment(at),
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

    def record_partner_report(self, referral_id: str, report: PartnerReport) -> None:
        """What the partner said about *referral_id*: received, could not open, or which
        kinds of field it found incorrect (art. 7)."""

        def write() -> None:
            with self._write() as db:
                self._require(db, referral_id)
                db.execute(
                    "INSERT INTO partner_reports (referral_id, at, kind, reported_on, channel, "
                    "field_kinds) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        referral_id,
                        report.at.isoformat(),
                        report.kind.value,
                        report.reported_on.isoformat(),
                        report.channel.value,
                        ",".join(kind.value for kind in report.fields),
                    ),
                )

        self._guarded(write)

    def record_settlement(
        self,
        referral_id: str,
        action: OpenActionKind,
        settled_on: date,
        at: datetime | None = None,
    ) -> None:
        """That *action* was done for *referral_id* on *settled_on*."""
        settlement = Settlement(at=self._moment(at), action=action, settled_on=settled_on)

        def write() -> None:
            with self._write() as db:
                self._require(db, referral_id)
                db.execute(
                    "INSERT INTO settlements (referral_id, at, action, settled_on) "
                    "VALUES (?, ?, ?, ?)",
                    (
                        referral_id,
                        settlement.at.isoformat(),
                        settlement.action.value,
                        settlement.settled_on.isoformat(),
                    ),
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
        if removed:
            self.compact_journal()
        return removed

    def compact_journal(self) -> bool:
        """Starts the journal afresh from the rows as they are (it names removed referrals
        otherwise), unless a change outside the app is on record: that evidence stays. True
        when compacted."""
        compacted = False

        def write() -> None:
            nonlocal compacted
            with self._write() as db:
                compacted = referral_log_journal.compact(db, self.clock())

        self._guarded(write)
        return compacted
