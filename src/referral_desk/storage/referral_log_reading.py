"""Reading the referral log: entries with their status history, search, and what was recorded
after sending (breaches, password recalls, deletion requests)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime

from referral_desk.domain.breach_facts import BreachFacts
from referral_desk.domain.log_integrity import LogIntegrity
from referral_desk.domain.referral_record import (
    DeletionRequest,
    Incident,
    PartnerReport,
    ReferralLogEntry,
    ReferralLogQuery,
    ReferralStatus,
    Settlement,
    StatusChange,
)
from referral_desk.storage.referral_log_connection import LogConnection
from referral_desk.storage.referral_log_errors import error_for
from referral_desk.storage.referral_log_journal import verify

_ENTRY_COLUMNS = (
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
    "registry_version",
    "protocol_reference",
    "consent_sheet_language",
    "consent_sheet_version",
    "consent_sheet_given",
)


def _facts(columns: Sequence[object]) -> BreachFacts | None:
    """The art. 33(5) facts of an incident row; None for one recorded before they were asked."""
    discovered, recipient, people, records, exposure, consequence, measures = columns
    if discovered is None:
        return None
    return BreachFacts.model_validate(
        {
            "discovered_at": discovered,
            "actual_recipient": recipient,
            "people": people,
            "records": records,
            "exposure": exposure,
            "consequence": consequence,
            "measures": [code for code in str(measures or "").split(",") if code],
        }
    )


class ReferralLogReading(LogConnection):
    """What the log holds, as the domain's records."""

    def created_moments(self) -> dict[str, datetime]:
        """Referral ID → when it was made, for every entry (no names in either)."""
        rows = self._rows("SELECT referral_id, created_at FROM referrals")
        return {rid: datetime.fromisoformat(created) for rid, created in rows}

    def newest_created_at(self) -> datetime | None:
        """When the newest entry was made (as an instant), or None for an empty log."""
        moments = self.created_moments().values()
        return max(moments, key=lambda moment: moment.timestamp(), default=None)

    def incidents(self, referral_id: str) -> list[Incident]:
        """The breaches reported for *referral_id*, oldest first."""
        rows = self._rows(
            "SELECT at, kind, discovered_at, recipient, people, records, exposure, "
            "consequence, measures FROM incidents WHERE referral_id = ? ORDER BY id",
            (referral_id,),
        )
        return [
            Incident(at=datetime.fromisoformat(at), kind=kind, facts=_facts(facts))
            for at, kind, *facts in rows
        ]

    def recalls(self, referral_id: str) -> list[datetime]:
        """When the password of *referral_id* was shown again, oldest first."""
        rows = self._rows(
            "SELECT at FROM password_recalls WHERE referral_id = ? ORDER BY id", (referral_id,)
        )
        return [datetime.fromisoformat(at) for (at,) in rows]

    def deletion_requests(self, referral_id: str) -> list[DeletionRequest]:
        """Deletion requests in which *referral_id* is the original or the correction."""
        rows = self._rows(
            "SELECT at, referral_id, correction_id FROM deletion_requests "
            "WHERE referral_id = ? OR correction_id = ? ORDER BY id",
            (referral_id, referral_id),
        )
        return [
            DeletionRequest(at=datetime.fromisoformat(at), original_id=orig, correction_id=corr)
            for at, orig, corr in rows
        ]

    def partner_reports(self, referral_id: str | None = None) -> dict[str, list[PartnerReport]]:
        """Referral ID → what its partner said, oldest first; all referrals' when
        *referral_id* is None (one query for a whole list)."""
        where, params = ("WHERE referral_id = ?", (referral_id,)) if referral_id else ("", ())
        rows = self._rows(
            "SELECT referral_id, at, kind, reported_on, channel, field_kinds "
            f"FROM partner_reports {where} ORDER BY id",
            params,
        )
        found: dict[str, list[PartnerReport]] = {}
        for rid, at, kind, reported_on, channel, field_kinds in rows:
            found.setdefault(rid, []).append(
                PartnerReport.model_validate(
                    {
                        "at": datetime.fromisoformat(at),
                        "kind": kind,
                        "reported_on": date.fromisoformat(reported_on),
                        "channel": channel,
                        "fields": [code for code in str(field_kinds).split(",") if code],
                    }
                )
            )
        return found

    def settlements(self, referral_id: str | None = None) -> dict[str, list[Settlement]]:
        """Referral ID → the open actions recorded as done, oldest first; all referrals'
        when *referral_id* is None."""
        where, params = ("WHERE referral_id = ?", (referral_id,)) if referral_id else ("", ())
        rows = self._rows(
            f"SELECT referral_id, at, action, settled_on FROM settlements {where} ORDER BY id",
            params,
        )
        found: dict[str, list[Settlement]] = {}
        for rid, at, action, settled_on in rows:
            found.setdefault(rid, []).append(
                Settlement.model_validate(
                    {
                        "at": datetime.fromisoformat(at),
                        "action": action,
                        "settled_on": date.fromisoformat(settled_on),
                    }
                )
            )
        return found

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
            try:
                records = self._db.execute(
                    f"SELECT {', '.join(_ENTRY_COLUMNS)} "
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
                raise error_for(error, self.path) from None
        rows = [
            ReferralLogEntry.model_validate(
                {
                    **dict(zip(_ENTRY_COLUMNS, record, strict=True)),
                    "history": tuple(history.get(record[0], ())),
                }
            )
            for record in records
        ]
        # Newest first as instants (the text order of +01:00/+02:00 stamps can be wrong).
        rows.sort(key=lambda row: (-row.created_at.timestamp(), row.referral_id))
        return rows

    def tampering(self) -> LogIntegrity:
        """What the journal finds changed outside referral-desk (see referral_log_journal)."""
        with self._lock:
            try:
                return verify(self._db)
            except sqlite3.Error as error:
                raise error_for(error, self.path) from None

    def integrity_ok(self) -> bool:
        try:
            with self._lock:
                return bool(self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        except sqlite3.Error:
            return False
