"""One connection to the referral log, shared by its readers and writers: one statement at a
time, every write one transaction (journaled, see referral_log_journal), every SQLite error
said in Dutch."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from referral_desk.storage.referral_log_errors import NOT_IN_LOG, ReferralLogError, error_for
from referral_desk.storage.referral_log_journal import record_pending


def utc_now() -> datetime:
    return datetime.now(UTC)


class LogConnection:
    """The connection, the file it is to (for messages) and the clock for writes given no
    moment."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._db = connection
        self.path = path
        self.clock = clock
        # Creation runs off the GUI thread while a window may read: one statement at a time.
        self._lock = threading.RLock()

    def close(self) -> None:
        self._db.close()

    def _moment(self, at: datetime | None) -> datetime:
        return self.clock() if at is None else at

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        """Every row of one query; an SQLite error becomes a ReferralLogError."""
        with self._lock:
            try:
                return self._db.execute(sql, tuple(params)).fetchall()
            except sqlite3.Error as error:
                raise error_for(error, self.path) from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise error_for(error, self.path) from None
            try:
                yield self._db
                record_pending(self._db, self.clock())
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                self._db.execute("ROLLBACK")
                raise error_for(error, self.path) from None

    def _guarded(self, action: Callable[[], None]) -> None:
        try:
            action()
        except sqlite3.Error as error:
            raise error_for(error, self.path) from None

    @staticmethod
    def _require(db: sqlite3.Connection, referral_id: str) -> None:
        known = db.execute(
            "SELECT 1 FROM referrals WHERE referral_id = ?", (referral_id,)
        ).fetchone()
        if known is None:
            raise ReferralLogError(NOT_IN_LOG(referral_id=referral_id))
