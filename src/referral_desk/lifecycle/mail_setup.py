"""Instellingen → E-mail, decided without a window: which mail programs the settings offer
and why one cannot be used, the order a choice gives, what the test draft came to, and
emptying the outbox.

The window words each outcome; the reasons inside are the core's Dutch sentences.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from referral_desk.delivery.detection import (
    AUTO,
    MailDetection,
    adapter_label,
    adapter_order,
    describe_order,
    detect_mail_clients,
)
from referral_desk.delivery.openers import AllOpenersFailed, DraftResult
from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.settings import Settings
from referral_desk.lifecycle.mail_check import CHECK_ATTACHMENT_NAME, open_check_draft
from referral_desk.storage.outbox import Outbox, OutboxError

# The setting's value for "the detected order"; every other value names one mail program.
AUTOMATIC = AUTO


@dataclass(frozen=True)
class MailChoice:
    """One mail program the settings list; *unusable_reason* says why it would not work here."""

    adapter: str
    label: str
    unusable_reason: str | None = None


@dataclass(frozen=True)
class CheckDraftOpened:
    """A mail program shows the test draft; the user checks it carries *attachment_name*."""

    opener_label: str
    attachment_name: str = CHECK_ATTACHMENT_NAME


@dataclass(frozen=True)
class CheckDraftSavedOnly:
    """Nothing opened (saving only is configured): the draft is a file at *eml_path*."""

    eml_path: Path | None


@dataclass(frozen=True)
class NoMailProgramOpened:
    """Every way was tried; *failures* pairs each program's label with its Dutch reason."""

    failures: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class CheckDraftRefused:
    """A failure the user can act on, with its Dutch *reason* (the outbox, one program)."""

    reason: str


@dataclass(frozen=True)
class ProfileAddressInvalid:
    """The e-mail address in the referrer profile is not one address."""


CheckDraftOutcome = (
    CheckDraftOpened
    | CheckDraftSavedOnly
    | NoMailProgramOpened
    | CheckDraftRefused
    | ProfileAddressInvalid
)


@dataclass(frozen=True)
class OutboxEmptied:
    removed: int


@dataclass(frozen=True)
class OutboxNotEmptied:
    reason: str


def check_draft_outcome(result: DraftResult) -> CheckDraftOpened | CheckDraftSavedOnly:
    if result.opened:
        return CheckDraftOpened(adapter_label(result.opener))
    return CheckDraftSavedOnly(result.eml_path)


class MailSetup:
    """The mail programs found on this computer, the test draft and the outbox, for the
    settings. *open_test_draft* opens the test draft to *test_recipient* (the referrer's own
    address; None without a profile, and then there is no test) with one setting's value."""

    def __init__(
        self,
        detection: MailDetection,
        outbox: Outbox,
        open_test_draft: Callable[[str], DraftResult],
        test_recipient: str | None,
    ) -> None:
        self.detection = detection
        self.outbox = outbox
        self.open_test_draft = open_test_draft
        self.test_recipient = test_recipient

    @property
    def automatic_client(self) -> str:
        """What "automatic" means here: the user's default program, else the first usable."""
        return self.detection.default_client or adapter_label(self.detection.usable[0])

    def choices(self) -> tuple[MailChoice, ...]:
        """Every program the settings offer on this platform, besides "automatic"."""
        return tuple(
            MailChoice(name, adapter_label(name), self.detection.unusable.get(name))
            for name in self.detection.choices
        )

    def order(self, choice: str) -> str:
        """The programs tried for *choice*, in order, as one line."""
        return describe_order(adapter_order(choice, self.detection))

    @property
    def can_test(self) -> bool:
        return self.test_recipient is not None

    def run_check_draft(self, choice: str) -> CheckDraftOutcome:
        """Opens the test draft with *choice*; blocks while a mail program starts. A failure
        the user can act on is an outcome; anything else is raised as the bug it is."""
        if not self.can_test:
            raise RuntimeError("no profile to send a test draft to")
        try:
            result = self.open_test_draft(choice)
        except AllOpenersFailed as failed:
            return NoMailProgramOpened(
                tuple((adapter_label(name), reason) for name, reason in failed.failures)
            )
        except UserFacingError as error:
            return CheckDraftRefused(error.message)
        except ValueError:
            return ProfileAddressInvalid()
        return check_draft_outcome(result)

    def empty_outbox(self) -> OutboxEmptied | OutboxNotEmptied:
        try:
            return OutboxEmptied(self.outbox.empty())
        except OutboxError as error:
            return OutboxNotEmptied(error.message)


def mail_setup_for(
    settings: Settings,
    outbox: Outbox,
    clock: Callable[[], datetime],
    *,
    environ: Mapping[str, str] = os.environ,
    detect: Callable[[], MailDetection] = detect_mail_clients,
) -> MailSetup:
    """The settings' mail page for this computer: programs detected now, the test draft to
    the referrer's own address (none without a profile)."""
    recipient = settings.referrer.email if settings.referrer is not None else None

    def open_test_draft(choice: str) -> DraftResult:
        if recipient is None:
            raise RuntimeError("no profile to send a test draft to")
        return open_check_draft(
            choice, outbox=outbox, recipient=recipient, now=clock(), environ=environ
        )

    return MailSetup(detect(), outbox, open_test_draft, recipient)
