"""How long things are kept, and the one place that throws them away (at start).

* referral log entries created more than ``referral_log_months`` months ago (same day of the month);
* one-time passwords past their keep-until date, those of the entries just removed,
  and, when the period was shortened, none kept beyond ``now + password_days``;
* outbox folders whose newest file is more than ``outbox_days`` days old.

Pre-shared passwords are never removed here: they belong to the partner, not a referral.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict, Field

from referral_desk.storage.outbox import Outbox, OutboxError
from referral_desk.storage.password_vault import PasswordVault, VaultUnavailable
from referral_desk.storage.referral_log import ReferralLog, ReferralLogError

log = logging.getLogger(__name__)


class RetentionPolicy(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    referral_log_months: int = Field(default=24, ge=1, le=120)
    password_days: int = Field(default=30, ge=1, le=365)
    outbox_days: int = Field(default=14, ge=1, le=365)


class RetentionReport(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    referral_log_rows_removed: int = 0
    passwords_removed: int = 0
    outbox_folders_removed: int = 0
    problems: tuple[str, ...] = ()


def months_before(moment: datetime, months: int) -> datetime:
    """The same day *months* earlier; the 31st becomes the month's last day."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    day = moment.day
    while True:
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            day -= 1


def apply_retention(
    now: datetime,
    policy: RetentionPolicy,
    referral_log: ReferralLog | None,
    vault: PasswordVault | None,
    outbox: Outbox,
) -> RetentionReport:
    """Each store is purged on its own: one that fails does not keep the others full."""
    problems: list[str] = []
    removed_ids: list[str] = []
    if referral_log is not None:
        try:
            removed_ids = referral_log.purge_older_than(
                months_before(now, policy.referral_log_months)
            )
        except ReferralLogError as error:
            problems.append(error.message)
    passwords = 0
    if vault is not None:
        try:
            vault.cap_expiry(keep_password_until(now, policy))
            passwords = vault.purge_expired(also=tuple(removed_ids), now=now)
        except VaultUnavailable as unavailable:
            problems.append(f"Wachtwoorden niet opgeruimd: {unavailable.reason}.")
    folders: list[str] = []
    try:
        folders = outbox.purge_older_than(policy.outbox_days, now)
    except OutboxError as error:
        problems.append(error.message)
    log.info(
        "retention: %d referral log entries, %d passwords, %d outbox folders removed",
        len(removed_ids),
        passwords,
        len(folders),
    )
    return RetentionReport(
        referral_log_rows_removed=len(removed_ids),
        passwords_removed=passwords,
        outbox_folders_removed=len(folders),
        problems=tuple(problems),
    )


def keep_password_until(now: datetime, policy: RetentionPolicy) -> datetime:
    return now + timedelta(days=policy.password_days)
