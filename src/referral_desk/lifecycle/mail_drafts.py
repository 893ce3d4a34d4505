"""Opening a draft through whatever mail adapter is configured, without ever raising."""

from __future__ import annotations

import logging
from enum import Enum
from pathlib import Path

from referral_desk.delivery.launch import open_with_desktop
from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import AllOpenersFailed, DraftResult, MailOpener

log = logging.getLogger(__name__)

UNEXPECTED_MAIL_FAILURE = "onverwachte fout in het e-mailprogramma"
# The referral log names the way a draft went by the opener's name ("thunderbird",
# "eml-only"); this one, in the same vocabulary, when none opened it and the user sent the
# archive by hand. An identifier, never shown (entries before it say "geen").
NO_OPENER = "none"


def adapter_used(result: DraftResult | None) -> str:
    """The mail adapter the referral log records for a draft that opened, or did not."""
    return result.opener if result is not None else NO_OPENER


class DraftState(Enum):
    """Where a draft stands once the mail adapters were tried."""

    OPENED = "opened"  # a mail client shows it: check and send
    SAVED = "saved"  # kept as an .eml file that no client showed
    NOT_OPENED = "not_opened"  # nothing worked: the user sends it by hand


def draft_state(result: DraftResult | None) -> DraftState:
    if result is None:
        return DraftState.NOT_OPENED
    return DraftState.OPENED if result.opened else DraftState.SAVED


def show_folder(folder: Path) -> None:
    """The file manager at *folder*, started like every other program (a frozen build's
    library paths cleaned); a failure only costs the convenience, so it is logged."""
    try:
        open_with_desktop(folder, 0.0)
    except OSError as error:
        log.warning("folder not shown: %s", type(error).__name__)


def open_draft_guarded(
    mail: MailOpener, draft: DraftMessage, workdir: Path, referral_id: str
) -> tuple[DraftResult | None, tuple[tuple[str, str], ...]]:
    """The result, or None and what was tried: the window then offers copy-it-yourself.

    An adapter that raises anything else is reported by its exception type only; the
    message may hold data from the mail client or the draft.
    """
    try:
        result = mail.open_draft(draft, workdir)
    except AllOpenersFailed as failure:
        log.warning("no mail client could open the draft for %s", referral_id)
        return None, failure.failures
    except Exception as error:
        log.error("mail adapter failed for %s: %s", referral_id, type(error).__name__)
        return None, ((mail.name, f"{UNEXPECTED_MAIL_FAILURE} ({type(error).__name__})"),)
    log.info("draft opened for %s with %s", referral_id, result.opener)
    return result, ()
