"""The mailbox referrals for each municipality (NIS code) last went to.

The organisation's record of where data went, kept in the referral log file, away from the
registry and the user's settings, so a changed mailbox is caught whatever partner id the
registry gives it. No moment and no link to a referral: it says nothing about a client.
"""

from __future__ import annotations

from collections.abc import Mapping

from referral_desk.storage.referral_log_connection import LogConnection


class LastMailboxes(LogConnection):
    """The ``last_mailboxes`` table of the log."""

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

    def last_mailbox(self, nis_code: str) -> str | None:
        """The mailbox referrals for this municipality last went to, or None."""
        rows = self._rows("SELECT mailbox FROM last_mailboxes WHERE nis_code = ?", (nis_code,))
        return str(rows[0][0]) if rows else None
