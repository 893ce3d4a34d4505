"""What the sent-referrals window and the deletion bar read of the referral log: the rows
with their deletion-request lines, and whether a correction's deletion request is still owed.

Both raise or answer through the log's own errors (UserFacingError), so the windows never
reach for the log's storage themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from referral_desk.domain.errors import Message, UserFacingError
from referral_desk.domain.referral_record import ReferralLogEntry
from referral_desk.lifecycle.correction import DeletionDue, deletion_lines, deletion_owed
from referral_desk.lifecycle.recording import FollowUpServices


@dataclass(frozen=True)
class LogListing:
    """Every entry, newest first, and per referral ID of a correction pair its deletion
    requests as one line; *tampering* says what the journal found changed outside the app."""

    rows: list[ReferralLogEntry] = field(default_factory=list)
    deletions: dict[str, str] = field(default_factory=dict)
    tampering: Message | None = None


def read_listing(services: FollowUpServices | None) -> LogListing:
    """An empty listing without a log; raises ReferralLogError (a UserFacingError) when the
    log cannot be read."""
    referral_log = services.referral_log if services else None
    if referral_log is None:
        return LogListing()
    rows = referral_log.all()
    return LogListing(
        rows=rows,
        deletions=deletion_lines(referral_log, rows),
        tampering=referral_log.tampering().said,
    )


def deletion_still_owed(services: FollowUpServices | None, original_id: str) -> bool:
    """Whether the deletion request for *original_id*'s correction is still to be sent. True
    when the log cannot say (no log, the entry unknown, a read error): an offer is never
    withdrawn on a guess."""
    referral_log = services.referral_log if services else None
    if referral_log is None:
        return True
    try:
        entry = referral_log.get(original_id)
        if entry is None:
            return True
        return deletion_owed(entry, services).due is not DeletionDue.NOT_OWED
    except UserFacingError:
        return True
