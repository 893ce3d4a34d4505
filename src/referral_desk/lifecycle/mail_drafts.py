"""Opening a draft through whatever mail adapter is configured, without ever raising."""

from __future__ import annotations

import logging
from pathlib import Path

from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import AllOpenersFailed, DraftResult, MailOpener

log = logging.getLogger(__name__)

UNEXPECTED_MAIL_FAILURE = "onverwachte fout in het e-mailprogramma"
NO_MAIL_CLIENT = "geen"


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
        return None, ((NO_MAIL_CLIENT, f"{UNEXPECTED_MAIL_FAILURE} ({type(error).__name__})"),)
    log.info("draft opened for %s with %s", referral_id, result.opener)
    return result, ()
