"""Getting the draft into the user's mail client, behind one small interface.

Every way of opening a draft (an ``.eml`` for the default app today; Outlook COM, new
Outlook, MAPI, Thunderbird later) is a ``MailOpener``; an ``OpenerChain`` tries them in
order, so one missing client degrades to the next instead of to an error.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel

from referral_desk.delivery.eml import write_eml_draft
from referral_desk.delivery.message import DraftMessage, build_email_message

log = logging.getLogger("referral_desk.delivery")

MAIL_ENV = "REFERRAL_DESK_MAIL"
LAUNCH_TIMEOUT_SECONDS = 10.0
_FALLBACK_STEM = "concept"


class MailOpenError(Exception):
    """``reason`` is Dutch, shown to the user and logged: it must never hold personal data."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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
    """Hand ``path`` to the desktop's file association; raises MailOpenError with a Dutch reason."""
    if sys.platform == "win32":
        try:
            os.startfile(path)
        except OSError as error:
            code = error.winerror or error.errno
            raise MailOpenError(
                f"Windows kon het e-mailconcept niet openen, foutcode {code}: "
                "is er een e-mailprogramma gekoppeld aan .eml-bestanden?"
            ) from error
        return
    command = "open" if sys.platform == "darwin" else "xdg-open"
    try:
        process = subprocess.Popen(
            [command, str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except FileNotFoundError as error:
        raise MailOpenError(f"het hulpprogramma {command} is niet gevonden") from error
    except OSError as error:
        raise MailOpenError(
            f"het hulpprogramma {command} kon niet starten: {error.strerror}"
        ) from error
    try:
        status = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        # xdg-open without a desktop environment runs the handler in the foreground and only
        # returns when the mail client closes: still running means the client started.
        threading.Thread(target=process.wait, daemon=True).start()
        return
    if status != 0:
        raise MailOpenError(
            f"er is geen programma ingesteld om .eml-bestanden te openen, {command} gaf "
            f"foutcode {status}"
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
        raise AllOpenersFailed(failures)


def _thunderbird() -> MailOpener:
    from referral_desk.delivery.thunderbird import ThunderbirdComposeOpener

    return ThunderbirdComposeOpener()


def _xdg_email() -> MailOpener:
    from referral_desk.delivery.xdg_email import XdgEmailOpener

    return XdgEmailOpener()


# Adapters that need nothing but the environment, by stable name. The Windows adapters need
# what detection found (new Outlook's olk.exe), so delivery.detection.make_opener builds those.
ADAPTERS: Mapping[str, Callable[[], MailOpener]] = {
    EmlFileOpener.name: EmlFileOpener,
    EmlOnlyOpener.name: EmlOnlyOpener,
    "thunderbird": _thunderbird,
    "xdg-email": _xdg_email,
}
DEFAULT_ORDER: tuple[str, ...] = (EmlFileOpener.name,)
HEADLESS_ORDER: tuple[str, ...] = (EmlOnlyOpener.name,)


def default_opener_chain(environ: Mapping[str, str] = os.environ) -> OpenerChain:
    """The automatic chain for this machine, as detected from *environ* (its PATH).

    ``REFERRAL_DESK_MAIL=eml`` writes the draft without opening anything.
    """
    from referral_desk.delivery.detection import build_opener_chain

    return build_opener_chain("auto", environ)
