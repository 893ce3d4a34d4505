"""What the referral log's journal says about rows changed outside referral-desk.

Every write the app makes to the log is journaled with a hash chain
(``storage/referral_log_journal.py``); a row deleted, changed or added with another SQLite
tool, or a journal entry removed or altered, no longer fits that chain. These are the
findings, worded for the coordinator and the helpdesk: the referral ID and which kind of
row, never what the row held.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from referral_desk.domain.errors import Message, MessageTemplate


class Tampering(StrEnum):
    DELETED = "deleted"
    CHANGED = "changed"
    ADDED = "added"
    JOURNAL = "journal"


ROW_KINDS: dict[str, Message] = {
    "referrals": MessageTemplate("log.row.referral", "de doorverwijzing")(),
    "status_history": MessageTemplate("log.row.status", "een statuswijziging")(),
    "incidents": MessageTemplate("log.row.incident", "een gemeld gegevenslek")(),
    "password_recalls": MessageTemplate("log.row.recall", "een opnieuw getoond wachtwoord")(),
    "deletion_requests": MessageTemplate("log.row.deletion", "een verwijderverzoek")(),
}

_FINDINGS = {
    Tampering.DELETED: MessageTemplate(
        "log.tampered.deleted", "{row} van {referral_id} is buiten referral-desk verwijderd"
    ),
    Tampering.CHANGED: MessageTemplate(
        "log.tampered.changed", "{row} van {referral_id} is buiten referral-desk gewijzigd"
    ),
    Tampering.ADDED: MessageTemplate(
        "log.tampered.added", "{row} van {referral_id} is buiten referral-desk toegevoegd"
    ),
    Tampering.JOURNAL: MessageTemplate(
        "log.tampered.journal",
        "het dagboek van het logboek is buiten referral-desk gewijzigd vanaf regel {entry}",
    ),
}
_SUMMARY = MessageTemplate(
    "log.tampered.summary",
    "Het logboek van doorverwijzingen is buiten referral-desk aangepast ({count} keer), "
    "onder meer: {first}. Meld dit aan de coördinator en de DPO.",
)


@dataclass(frozen=True)
class LogTampering:
    """One finding: *table* and *referral_id* name the row; *entry* the journal entry."""

    kind: Tampering
    table: str = ""
    referral_id: str = ""
    entry: int = 0

    @property
    def said(self) -> Message:
        if self.kind is Tampering.JOURNAL:
            return _FINDINGS[self.kind](entry=self.entry)
        row = ROW_KINDS.get(self.table, Message.plain(self.table))
        return _FINDINGS[self.kind](row=row, referral_id=self.referral_id or "?")


@dataclass(frozen=True)
class LogIntegrity:
    """The journal's verdict on the whole log."""

    findings: tuple[LogTampering, ...] = ()

    @property
    def intact(self) -> bool:
        return not self.findings

    @property
    def said(self) -> Message | None:
        """One sentence for a notice bar or the self-test; None when intact."""
        if self.intact:
            return None
        return _SUMMARY(count=len(self.findings), first=self.findings[0].said)
