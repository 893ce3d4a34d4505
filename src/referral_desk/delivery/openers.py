"""Getting the draft into the user's mail client, behind one small interface.

Every way of opening a draft (Outlook COM, new Outlook, Simple MAPI, Thunderbird,
xdg-email, an ``.eml`` for the default app) is a ``MailOpener``; an ``OpenerChain`` tries
them in order, so one missing or broken client degrades to the next instead of to an error.
Which adapters exist on this machine, and in what order, is ``delivery.detection``'s job.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel

from referral_desk.delivery.eml import write_eml_draft
from referral_desk.delivery.launch import DESKTOP_OPENER, open_with_desktop
from referral_desk.delivery.message import DraftMessage, build_email_message
from referral_desk.domain.errors import UserFacingError

log = logging.getLogger("referral_desk.delivery")

MAIL_ENV = "REFERRAL_DESK_MAIL"
LAUNCH_TIMEOUT_SECONDS = 10.0
_FALLBACK_STEM = "concept"


class MailOpenError(UserFacingError):
    """Why one way of opening the draft failed; Dutch, shown to the user and logged."""

    @property
    def reason(self) -> str:
        return self.message


class AllOpenersFailed(MailOpenError):
    """The UI falls back to a copy-it-yourself dialog; ``failures`` says what was tried."""

    def __init__(self, failures: Sequence[tuple[str, str]]) -> None:
        self.failures: tuple[tuple[str, str], ...] = tuple(failures)
        super().__init__("; ".join(reason for _name, reason in self.failures))


class DraftResult(BaseModel, frozen=True, extra="forbid"):
    opener: str
    eml_path: Path | None
    opened: bool


class MailOpener(Protocol):
    name: str
    label: str

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        """Raises MailOpenError when this way of opening is not available or fails."""
        ...


def open_with_default_app(path: Path, *, timeout: float = LAUNCH_TIMEOUT_SECONDS) -> None:
    """Hand ``path`` to the desktop's file association; raises MailOpenError with a Dutch reason.

    A still-running ``xdg-open`` after *timeout* counts as success: without a desktop
    environment it runs the handler in the foreground until the mail client closes.
    """
    try:
        status = open_with_desktop(path, timeout)
    except OSError as error:
        # Windows' ShellExecute first: its "file not found" (code 2, also when the program
        # linked to .eml files is gone) is a FileNotFoundError, and no opener program is involved.
        winerror = getattr(error, "winerror", None)
        if winerror is not None:
            raise MailOpenError(
                f"Windows kon het e-mailconcept niet openen, foutcode {winerror}: "
                "is er een e-mailprogramma gekoppeld aan .eml-bestanden?"
            ) from error
        if isinstance(error, FileNotFoundError):
            raise MailOpenError(f"het hulpprogramma {DESKTOP_OPENER} is niet gevonden") from error
        raise MailOpenError(
            f"het hulpprogramma {DESKTOP_OPENER} kon niet starten: "
            f"{error.strerror or type(error).__name__}"
        ) from error
    if status is not None and status != 0:
        raise MailOpenError(
            f"er is geen programma ingesteld om .eml-bestanden te openen, {DESKTOP_OPENER} "
            f"gaf foutcode {status}"
        )


def _write_draft(draft: DraftMessage, workdir: Path) -> Path:
    stem = draft.attachment.stem if draft.attachment is not None else _FALLBACK_STEM
    try:
        return write_eml_draft(build_email_message(draft), workdir, stem)
    except OSError as error:
        # strerror only: the exception text would carry the path, and with it the user name.
        raise MailOpenError(
            f"het e-mailconcept kon niet bewaard worden: {error.strerror or type(error).__name__}"
        ) from error


class EmlFileOpener:
    """Works with whatever client the user chose, without knowing which one it is."""

    name = "eml-default-app"
    label = "E-mailconcept openen met het standaard e-mailprogramma"

    def __init__(self, launcher: Callable[[Path], None] = open_with_default_app) -> None:
        self.launcher = launcher

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        eml_path = _write_draft(draft, workdir)
        self.launcher(eml_path)
        return DraftResult(opener=self.name, eml_path=eml_path, opened=True)


class EmlOnlyOpener:
    """Writes the draft and opens nothing: the whole flow runs headless (tests, screenshots)."""

    name = "eml-only"
    label = "E-mailconcept alleen bewaren"

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        return DraftResult(opener=self.name, eml_path=_write_draft(draft, workdir), opened=False)


def unexpected_reason(error: BaseException) -> str:
    """The Dutch reason for an adapter's unexpected exception: its type only, since its
    message may quote the draft (an address, a path with the user's name)."""
    return f"onverwachte fout ({type(error).__name__})"


def exception_summary(error: BaseException) -> str:
    """For the log: the type and where it was raised (file and line, never the message)."""
    where = ""
    for frame, line in traceback.walk_tb(error.__traceback__):
        where = f" at {Path(frame.f_code.co_filename).name}:{line}"
    return type(error).__name__ + where


class OpenerChain:
    """A MailOpener itself, so the workflow never knows how many ways were tried."""

    name = "chain"
    label = "Eerste beschikbare e-mailprogramma"

    def __init__(self, openers: Sequence[MailOpener]) -> None:
        if not openers:
            raise ValueError("An opener chain needs at least one opener.")
        self.openers = tuple(openers)

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        failures: list[tuple[str, str]] = []
        for opener in self.openers:
            try:
                return opener.open_draft(draft, workdir)
            except MailOpenError as error:
                log.warning("mail opener %s failed: %s", opener.name, error.reason)
                failures.append((opener.name, error.reason))
            except Exception as error:  # an adapter's bug must not cost the user the draft
                log.warning(
                    "mail opener %s failed unexpectedly: %s",
                    opener.name,
                    exception_summary(error),
                )
                failures.append((opener.name, unexpected_reason(error)))
        raise AllOpenersFailed(failures)
