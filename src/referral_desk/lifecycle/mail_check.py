"""The "Test" button of Instellingen → E-mail: a harmless draft to the user's own address.

Qt-free like the workflow: it goes through exactly the chain a referral would use, with a
small text file in its own outbox folder (``outbox/test-<timestamp>/``) as the attachment,
so the user sees whether their client opens drafts with attachments before a real referral.
Housekeeping removes the folder with the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import datetime

from referral_desk.delivery.detection import build_opener_chain
from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import DraftResult, MailOpener
from referral_desk.storage.atomic_file import atomic_write_bytes
from referral_desk.storage.outbox import Outbox, OutboxError

CHECK_ATTACHMENT_NAME = "test-referral-desk.txt"
CHECK_SUBJECT = "Test van referral-desk"
CHECK_BODY = (
    "Dit is een testbericht van referral-desk.\n\n"
    f"Ziet u dit concept met de bijlage {CHECK_ATTACHMENT_NAME}, dan kan referral-desk "
    "e-mailconcepten openen in dit e-mailprogramma. U hoeft dit bericht niet te versturen.\n"
)
CHECK_ATTACHMENT_TEXT = (
    "Testbijlage van referral-desk. Dit bestand bevat geen gegevens en mag weg.\n"
)


def check_folder_name(now: datetime) -> str:
    return f"test-{now:%Y%m%d-%H%M%S}"


def open_check_draft(
    adapter: str,
    *,
    outbox: Outbox,
    recipient: str,
    now: datetime,
    environ: Mapping[str, str] = os.environ,
    chain: Callable[[str, Mapping[str, str]], MailOpener] = build_opener_chain,
) -> DraftResult:
    """Raises OutboxError when the test file cannot be written, MailOpenError (often
    AllOpenersFailed, with every reason) when no client opened the draft, and ValueError
    when *recipient* is not a single address."""
    # Validate the address before anything is written.
    draft = DraftMessage(to=recipient, subject=CHECK_SUBJECT, body=CHECK_BODY, attachment=None)
    try:
        folder = outbox.folder_for(check_folder_name(now))
        attachment = atomic_write_bytes(
            folder / CHECK_ATTACHMENT_NAME, CHECK_ATTACHMENT_TEXT.encode("utf-8")
        )
    except OSError as error:
        raise OutboxError(
            f"Het testbestand kon niet bewaard worden in {outbox.root} ({error.strerror or error})."
        ) from error
    draft = draft.model_copy(update={"attachment": attachment})
    return chain(adapter, environ).open_draft(draft, folder)
