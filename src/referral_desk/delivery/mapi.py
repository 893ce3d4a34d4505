"""Simple MAPI (``MAPISendMailW``) for Thunderbird, eM Client and other default mail programs.

``MAPI_DIALOG`` blocks the calling thread until the compose window closes, so the call
(:mod:`.mapi_call`, over the structs of :mod:`.mapi_structs`) runs in a helper process
(``python -m referral_desk.delivery.mapi_helper``, or the frozen program with
``--mapi-helper``) that reads ONE :class:`MapiRequest` as JSON on stdin and writes ONE
:class:`MapiResponse` on stdout (:mod:`.mapi_protocol`). :class:`MapiOpener` waits a short
grace period: a helper that ends within it with a MAPI error is a failure (the chain falls
through to the ``.eml``); one still running is the user composing — success.

Not handled: a 32-bit-only MAPI client under the 64-bit program (NAPS2 retries with a 32-bit
helper); that user gets the ``.eml``.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from referral_desk.delivery.launch import ExchangeOutcome, Exchanger, exchange
from referral_desk.delivery.mapi_protocol import (
    DEFAULT_LIBRARY,
    MapiRequest,
    parse_response,
)
from referral_desk.delivery.mapi_structs import (
    DEFAULT_FLAGS,
    HELPER_CRASHED,
    MAPI_E_ATTACHMENT_NOT_FOUND,
    SUCCESS_SUCCESS,
    mapi_reason,
)
from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import DraftResult, MailOpenError

log = logging.getLogger("referral_desk.delivery")

MAPI_HELPER_MODULE = "referral_desk.delivery.mapi_helper"
MAPI_HELPER_ARGUMENT = "--mapi-helper"
# Python start-up plus loading the MAPI library: a failure (no default client, no account)
# comes back well within this; a compose window keeps the helper running.
MAPI_GRACE_SECONDS = 3.0


def helper_command() -> list[str]:
    """How to start the helper: the frozen program with an argument, else this Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable, MAPI_HELPER_ARGUMENT]
    return [sys.executable, "-m", MAPI_HELPER_MODULE]


# The helper's answer (returncode None: still running, the compose window is open), and what
# gets it; tests pass their own runner.
HelperOutcome = ExchangeOutcome
HelperRunner = Exchanger


def _log_late_answer(_status: int, out: bytes) -> None:
    response = parse_response(out)
    # The code only: it says how the compose window ended, nothing about the referral.
    log.info("mapi helper ended later with code %s", response.code if response else "?")


def run_helper(argv: Sequence[str], request: bytes, grace: float) -> HelperOutcome:
    """Start the helper, hand it *request*, and wait at most *grace* seconds for its answer.

    Raises OSError when it cannot be started.
    """
    return exchange(argv, request, grace, on_late_answer=_log_late_answer)


def _windows_lines(text: str) -> str:
    return re.sub(r"\r?\n", "\r\n", text)


class MapiOpener:
    name = "mapi"
    label = "Standaard e-mailprogramma via MAPI"

    def __init__(
        self,
        library: str = DEFAULT_LIBRARY,
        *,
        helper: Sequence[str] | None = None,
        run: HelperRunner = run_helper,
        grace: float = MAPI_GRACE_SECONDS,
        flags: int = DEFAULT_FLAGS,
    ) -> None:
        self.library = library
        self.helper = list(helper) if helper is not None else helper_command()
        self.run = run
        self.grace = grace
        self.flags = flags

    def request_for(self, draft: DraftMessage) -> MapiRequest:
        attachment = draft.attachment.absolute() if draft.attachment is not None else None
        if attachment is not None and not attachment.is_file():
            raise MailOpenError(mapi_reason(MAPI_E_ATTACHMENT_NOT_FOUND))
        return MapiRequest(
            to=draft.to,
            subject=draft.subject,
            # Windows mail programs expect CRLF in lpszNoteText.
            body=_windows_lines(draft.body),
            attachment_path=str(attachment) if attachment is not None else None,
            attachment_name=attachment.name if attachment is not None else None,
            library=self.library,
            flags=self.flags,
        )

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        request = self.request_for(draft)
        try:
            outcome = self.run(self.helper, request.model_dump_json().encode("utf-8"), self.grace)
        except OSError as error:
            raise MailOpenError(
                f"het MAPI-hulpprogramma kon niet starten: {error.strerror or type(error).__name__}"
            ) from error
        if outcome.returncode is None:
            return DraftResult(opener=self.name, eml_path=None, opened=True)
        response = parse_response(outcome.stdout)
        if response is None:
            raise MailOpenError(f"{mapi_reason(HELPER_CRASHED)} (afsluitcode {outcome.returncode})")
        if response.code == SUCCESS_SUCCESS:
            # A client that returns at once (modeless compose window) is fine as well.
            return DraftResult(opener=self.name, eml_path=None, opened=True)
        raise MailOpenError(f"MAPI: {response.reason} (code {response.code})")
