"""The referral log's journal: every row the app writes, chained by hash.

Each write transaction of the app ends with one journal entry per row it inserted, changed
or deleted: the row's digest before and after (SHA-256 of SQLite's ``json_array`` of its
columns), chained to the entry before. The app's own connection sees its changes through
TEMP triggers, which live only in that connection: a row changed with another SQLite tool
leaves no entry. :func:`verify` replays the journal and compares it with the rows, so a
row deleted, changed or added outside the app, or a journal entry removed or altered, is
found, and stays found: an entry records the digest it expected before the app's change,
so a later change by the app does not hide an earlier one made outside it.

The hash has no key: someone who rewrites the whole journal with the same rules would not
be found. What it catches is what the log needs caught: an edit with a database tool.

:func:`compact` (after retention) starts the journal afresh from the rows as they are,
chained to the last entry, but only when :func:`verify` finds nothing: the evidence of a
change outside the app is never compacted away.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from referral_desk.domain.log_integrity import LogIntegrity, LogTampering, Tampering

# Table → the column that names its row in findings (referrals: its ID; the others: their
# own integer id, with the referral they belong to).
PROTECTED: dict[str, str] = {
    "referrals": "referral_id",
    "status_history": "id",
    "incidents": "id",
    "password_recalls": "id",
    "deletion_requests": "id",
    "partner_reports": "id",
    "settlements": "id",
}
GENESIS = "0" * 64
INSERT, UPDATE, DELETE, ADOPT = "insert", "update", "delete", "adopt"


def create_tables(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE journal (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            tbl TEXT NOT NULL,
            row_key TEXT NOT NULL,
            referral_id TEXT NOT NULL,
            action TEXT NOT NULL,
            old_digest TEXT NOT NULL,
            new_digest TEXT NOT NULL,
            hash TEXT NOT NULL CHECK (length(hash) = 64)
        )
        """
    )
    # The hash the first entry chains to, once compact() has started the journal afresh.
    db.execute(
        "CREATE TABLE journal_anchor (id INTEGER PRIMARY KEY CHECK (id = 1), hash TEXT NOT NULL)"
    )


def _present(db: sqlite3.Connection) -> dict[str, str]:
    """The protected tables this file has: a migration journals before later ones exist."""
    query = "SELECT name FROM main.sqlite_master WHERE type = 'table'"
    names = {row[0] for row in db.execute(query)}
    return {table: key for table, key in PROTECTED.items() if table in names}


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA main.table_info({table})")]


def _row_json(db: sqlite3.Connection, table: str, prefix: str = "") -> str:
    """``json_array(...)`` of every column of *table*, in the table's order."""
    return "json_array(" + ", ".join(f"{prefix}{c}" for c in _columns(db, table)) + ")"


def install_triggers(db: sqlite3.Connection) -> None:
    """This connection's TEMP triggers: which rows each write touched, and how they were."""
    db.execute(
        """
        CREATE TEMP TABLE IF NOT EXISTS journal_pending (
            seq INTEGER PRIMARY KEY,
            tbl TEXT NOT NULL,
            row_key TEXT NOT NULL,
            referral_id TEXT NOT NULL,
            action TEXT NOT NULL,
            old_row TEXT
        )
        """
    )
    for table, key in _present(db).items():
        old = _row_json(db, table, "OLD.")
        for event, ref, value in (
            ("INSERT", "NEW", "NULL"),
            ("UPDATE", "OLD", old),
            ("DELETE", "OLD", old),
        ):
            db.execute(
                f"""
                CREATE TEMP TRIGGER IF NOT EXISTS journal_{table}_{event.lower()}
                AFTER {event} ON main.{table} BEGIN
                    INSERT INTO journal_pending (tbl, row_key, referral_id, action, old_row)
                    VALUES ('{table}', {ref}.{key}, {ref}.referral_id, '{event.lower()}',
                            {value});
                END
                """
            )


def _digest(row_json: str | None) -> str:
    return "" if row_json is None else hashlib.sha256(row_json.encode()).hexdigest()


@dataclass(frozen=True)
class _Entry:
    seq: int
    at: str
    tbl: str
    row_key: str
    referral_id: str
    action: str
    old_digest: str
    new_digest: str

    def chained(self, previous: str) -> str:
        fields = (
            previous, str(self.seq), self.at, self.tbl, self.row_key, self.referral_id,
            self.action, self.old_digest, self.new_digest,
        )  # fmt: skip
        return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


def _head(db: sqlite3.Connection) -> tuple[int, str]:
    """The last entry's number and hash (0 and the anchor for an empty journal)."""
    last = db.execute("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
    if last is not None:
        return int(last[0]), str(last[1])
    anchor = db.execute("SELECT hash FROM journal_anchor WHERE id = 1").fetchone()
    return 0, str(anchor[0]) if anchor else GENESIS


def _append(db: sqlite3.Connection, entries: list[_Entry]) -> None:
    _, previous = _head(db)
    for entry in entries:
        previous = entry.chained(previous)
        db.execute(
            "INSERT INTO journal (seq, at, tbl, row_key, referral_id, action, old_digest, "
            "new_digest, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.seq,
                entry.at,
                entry.tbl,
                entry.row_key,
                entry.referral_id,
                entry.action,
                entry.old_digest,
                entry.new_digest,
                previous,
            ),
        )


def _current(db: sqlite3.Connection, table: str, key: str) -> str | None:
    row = db.execute(
        f"SELECT {_row_json(db, table)} FROM main.{table} WHERE {PROTECTED[table]} = ?", (key,)
    ).fetchone()
    return None if row is None else str(row[0])


def record_pending(db: sqlite3.Connection, at: datetime) -> None:
    """Journals what this transaction changed, one entry per row: how it was before the
    transaction and how it is now. Called inside the transaction, just before COMMIT."""
    pending = db.execute(
        "SELECT tbl, row_key, referral_id, action, old_row FROM temp.journal_pending ORDER BY seq"
    ).fetchall()
    if not pending:
        return
    db.execute("DELETE FROM temp.journal_pending")
    first: dict[tuple[str, str], tuple[str, str, str | None]] = {}
    for table, key, referral_id, action, old_row in pending:
        first.setdefault((table, str(key)), (referral_id, action, old_row))
    seq, _ = _head(db)
    entries = []
    for (table, key), (referral_id, action, old_row) in first.items():
        now = _current(db, table, key)
        if action == INSERT and now is None:
            continue  # made and removed in one transaction
        kind = INSERT if action == INSERT else DELETE if now is None else UPDATE
        seq += 1
        entries.append(
            _Entry(seq, at.isoformat(), table, key, referral_id, kind, _digest(old_row),
                   _digest(now))
        )  # fmt: skip
    _append(db, entries)


def _rows(db: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, str]]:
    """(table, key) → (digest, referral ID) of every protected row."""
    rows: dict[tuple[str, str], tuple[str, str]] = {}
    for table, key in _present(db).items():
        query = f"SELECT {key}, referral_id, {_row_json(db, table)} FROM main.{table}"
        for row_key, referral_id, row_json in db.execute(query):
            rows[(table, str(row_key))] = (_digest(row_json), referral_id)
    return rows


def verify(db: sqlite3.Connection) -> LogIntegrity:
    """Replays the journal against the rows; every difference is a finding."""
    findings: list[LogTampering] = []
    anchor = db.execute("SELECT hash FROM journal_anchor WHERE id = 1").fetchone()
    previous = str(anchor[0]) if anchor else GENESIS
    expected: dict[tuple[str, str], tuple[str, str]] = {}
    number = 0
    broken = False
    entries = db.execute(
        "SELECT seq, at, tbl, row_key, referral_id, action, old_digest, new_digest, hash "
        "FROM journal ORDER BY seq"
    )
    for *fields, stored in entries:
        entry = _Entry(*fields)
        number += 1
        if not broken and (entry.seq != number or entry.chained(previous) != stored):
            findings.append(LogTampering(Tampering.JOURNAL, entry=number))
            broken = True
        previous, number = stored, entry.seq
        where = (entry.tbl, entry.row_key)
        if entry.action in (UPDATE, DELETE):
            before = expected.get(where, ("", ""))[0]
            if before != entry.old_digest:
                findings.append(LogTampering(Tampering.CHANGED, entry.tbl, entry.referral_id))
        if entry.action == DELETE:
            expected.pop(where, None)
        else:
            expected[where] = (entry.new_digest, entry.referral_id)
    rows = _rows(db)
    for where, (digest, referral_id) in rows.items():
        if where not in expected:
            findings.append(LogTampering(Tampering.ADDED, where[0], referral_id))
        elif expected[where][0] != digest:
            findings.append(LogTampering(Tampering.CHANGED, where[0], referral_id))
    for where, (_, referral_id) in expected.items():
        if where not in rows:
            findings.append(LogTampering(Tampering.DELETED, where[0], referral_id))
    return LogIntegrity(tuple(dict.fromkeys(findings)))


def adopt(db: sqlite3.Connection, at: datetime) -> None:
    """Journals every row as it is now, chained to the current head: for a log written
    before the journal existed, and after compact() cleared it."""
    seq, _ = _head(db)
    entries = []
    for (table, key), (digest, referral_id) in _rows(db).items():
        seq += 1
        entries.append(_Entry(seq, at.isoformat(), table, key, referral_id, ADOPT, "", digest))
    _append(db, entries)


def compact(db: sqlite3.Connection, at: datetime) -> bool:
    """Starts the journal afresh from the rows (after retention removed old ones), chained
    to the last entry; only when nothing was changed outside the app. True when done."""
    if not verify(db).intact:
        return False
    restart(db, at)
    return True


def restart(db: sqlite3.Connection, at: datetime) -> None:
    """The journal afresh from the rows as they are, chained to its last entry; for
    compact(), and for a migration that adds a column (every row's digest changes), after
    it verified the journal before the change."""
    _, last = _head(db)
    db.execute("DELETE FROM journal")
    db.execute(
        "INSERT INTO journal_anchor (id, hash) VALUES (1, ?) "
        "ON CONFLICT (id) DO UPDATE SET hash = excluded.hash",
        (last,),
    )
    adopt(db, at)
