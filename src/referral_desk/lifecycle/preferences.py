"""The preferences in Instellingen, decided without a window: what each retention field
allows and starts at, and saving only what the user changed.

Two windows may be open, each with its own copy of the settings: saving writes only the
keys whose value differs from what this window showed, so the other window's changes stay.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from referral_desk.domain.settings import MIN_REFERRAL_LOG_MONTHS, Settings
from referral_desk.lifecycle.retention import RetentionPolicy


@dataclass(frozen=True)
class Bounds:
    low: int
    high: int

    def clamp(self, value: int) -> int:
        return min(max(value, self.low), self.high)


OUTBOX_RETENTION_DAYS = Bounds(1, 365)
RECALL_DAYS = Bounds(1, 365)
# The floor is the yearly evaluation's look-back; see MIN_REFERRAL_LOG_MONTHS.
REFERRAL_LOG_MONTHS = Bounds(MIN_REFERRAL_LOG_MONTHS, 120)


@dataclass(frozen=True)
class RetentionChoices:
    """What the retention fields show when the settings open, each within its bounds."""

    outbox_days: int
    recall_days: int
    referral_log_months: int
    record_initials: bool


def retention_choices(
    settings: Settings, policy: RetentionPolicy | None = None
) -> RetentionChoices:
    """A value outside a field's bounds shows as the nearest allowed one; no referral log
    retention chosen yet shows the policy's default."""
    policy = policy or RetentionPolicy()
    return RetentionChoices(
        outbox_days=OUTBOX_RETENTION_DAYS.clamp(settings.outbox_retention_days),
        recall_days=RECALL_DAYS.clamp(settings.recall_days),
        referral_log_months=REFERRAL_LOG_MONTHS.clamp(
            settings.referral_log_retention_months or policy.referral_log_months
        ),
        record_initials=settings.record_initials,
    )


def changed_settings(shown: Settings, chosen: Mapping[str, object]) -> dict[str, object]:
    """The keys of *chosen* whose value differs from the settings the window showed."""
    return {key: value for key, value in chosen.items() if getattr(shown, key) != value}


class SettingsUpdates(Protocol):
    def update(self, changes: Mapping[str, object]) -> Settings:
        """Writes only *changes* over the current file; raises a UserFacingError."""
        ...


class Preferences:
    """Saves what the user chose in Instellingen through *store*."""

    def __init__(self, store: SettingsUpdates) -> None:
        self.store = store

    def save(self, shown: Settings, chosen: Mapping[str, object]) -> Settings:
        """Writes what differs from *shown* and returns the settings as saved, with what
        another window saved meanwhile. Raises SettingsError (a UserFacingError)."""
        return self.store.update(changed_settings(shown, chosen))
