"""How long things are kept, and the one place that throws them away (at start).

* referral log entries created more than ``referral_log_months`` months ago (same day of the month),
  never fewer than :data:`MIN_REFERRAL_LOG_MONTHS` (what the yearly evaluation looks back on);
* one-time passwords past their keep-until date, those of the entries just removed,
  and, when the period was shortened, none kept beyond ``made + password_days``;
* outbox folders whose newest file is more than ``outbox_days`` days old.

Pre-shared passwords are never removed here: they belong to the partner, not a referral.

Nothing is removed on the word of an implausible clock: one earlier than the newest record
(the newest referral log entry or outbox file), or more than :data:`MAX_CLOCK_LEAP` past it,
would throw away what must be kept, so then retention does nothing and says why.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Final

from pydantic import BaseModel, ConfigDict, Field

from referral_desk.domain.errors import Message, MessageTemplate
from referral_desk.domain.settings import MIN_REFERRAL_LOG_MONTHS
from referral_desk.storage.outbox import Outbox, OutboxError
from referral_desk.storage.password_vault import PasswordVault, VaultUnavailable
from referral_desk.storage.referral_log import ReferralLog, ReferralLogError

log = logging.getLogger(__name__)

# A start this long after the newest record is taken for a clock set ahead, not a long leave.
MAX_CLOCK_LEAP: Final = timedelta(days=365)
# Clock corrections (NTP) move by seconds; this much behind the newest record is a wrong clock.
CLOCK_TOLERANCE: Final = timedelta(minutes=5)
CLOCK_NOTICE: Final = MessageTemplate(
    "retention.wrong_clock",
    "De klok van deze computer lijkt verkeerd te staan ({reason}). Daarom is er niets "
    "opgeruimd (logboek, wachtwoorden, outbox). Laat de datum en tijd nakijken door de "
    "IT-dienst.",
)


CLOCK_BEFORE: Final = MessageTemplate(
    "retention.clock_before", "ze staat vóór de laatste doorverwijzing van {day}"
)
CLOCK_AFTER: Final = MessageTemplate(
    "retention.clock_after", "ze staat meer dan een jaar na de laatste doorverwijzing van {day}"
)


class RetentionPolicy(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    referral_log_months: int = Field(default=24, ge=1, le=120)
    password_days: int = Field(default=30, ge=1, le=365)
    outbox_days: int = Field(default=14, ge=1, le=365)


class RetentionReport(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    referral_log_rows_removed: int = 0
    passwords_removed: int = 0
    outbox_folders_removed: int = 0
    problems: tuple[str, ...] = ()
    # For the window: the clock looked wrong, so nothing was removed.
    clock_notice: Message | None = None


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


def newest_record(referral_log: ReferralLog | None, outbox: Outbox) -> datetime | None:
    """When the newest referral log entry or outbox file was made, by the clock of then."""
    moments: list[datetime] = []
    if referral_log is not None:
        newest = referral_log.newest_created_at()
        if newest is not None:
            moments.append(newest)
    folder_time = outbox.newest_folder_time()
    if folder_time is not None:
        moments.append(folder_time)
    return max(moments, key=lambda moment: moment.timestamp(), default=None)


def clock_problem(now: datetime, newest: datetime | None) -> Message | None:
    """Why *now* cannot be trusted to throw things away (no personal data), or None."""
    if newest is None:
        return None
    if now < newest - CLOCK_TOLERANCE:
        return CLOCK_BEFORE(day=newest.date().isoformat())
    if now > newest + MAX_CLOCK_LEAP:
        return CLOCK_AFTER(day=newest.date().isoformat())
    return None


def apply_retention(
    now: datetime,
    policy: RetentionPolicy,
    referral_log: ReferralLog | None,
    vault: PasswordVault | None,
    outbox: Outbox,
) -> RetentionReport:
    """Each store is purged on its own: one that fails does not keep the others full.
    An implausible clock (see the module docstring) removes nothing."""
    problems: list[str] = []
    try:
        newest = newest_record(referral_log, outbox)
    except ReferralLogError as error:
        log.warning("retention skipped: the referral log cannot be read")
        return RetentionReport(problems=(error.message,))
    wrong_clock = clock_problem(now, newest)
    if wrong_clock is not None:
        assert newest is not None
        log.warning(
            "retention skipped: the clock (%s) is implausible against the newest record (%s)",
            now.isoformat(timespec="minutes"),
            newest.isoformat(timespec="minutes"),
        )
        return RetentionReport(clock_notice=CLOCK_NOTICE(reason=wrong_clock))
    removed_ids: list[str] = []
    if referral_log is not None:
        try:
            removed_ids = referral_log.purge_older_than(
                months_before(now, max(policy.referral_log_months, MIN_REFERRAL_LOG_MONTHS))
            )
        except ReferralLogError as error:
            problems.append(error.message)
    passwords = 0
    if vault is not None:
        try:
            created = referral_log.created_moments() if referral_log is not None else {}
        except ReferralLogError:
            created = {}  # then no expiry is brought forward this time
        try:
            vault.cap_expiry(created, policy.password_days)
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
