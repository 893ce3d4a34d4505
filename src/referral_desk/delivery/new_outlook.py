"""The new Outlook for Windows (``olk.exe``): it has neither COM nor Simple MAPI.

What does work (the open-source scanner app NAPS2 does the same): a ``.eml`` with
``X-Unsent: 1``, written next to the archive in the referral's own outbox folder, opened
with ``olk.exe <file>``; new Outlook then shows it as a new message to edit and send. The
archive travels inside the ``.eml``, so new Outlook never has to read the outbox itself.
"""

from __future__ import annotations

from pathlib import Path

from referral_desk.delivery.eml import write_eml_draft
from referral_desk.delivery.launch import SPAWN_GRACE_SECONDS, Spawner, spawn_detached
from referral_desk.delivery.message import DraftMessage, build_email_message
from referral_desk.delivery.openers import DraftResult, MailOpenError

_FALLBACK_STEM = "concept"


def write_unsent_eml(draft: DraftMessage, folder: Path) -> Path:
    """``<archive stem>.eml`` in *folder*; raises MailOpenError with a Dutch reason."""
    stem = draft.attachment.stem if draft.attachment is not None else _FALLBACK_STEM
    try:
        message = build_email_message(draft)
        if message["X-Unsent"] != "1":  # build_email_message sets it; new Outlook needs it
            del message["X-Unsent"]
            message["X-Unsent"] = "1"
        return write_eml_draft(message, folder, stem)
    except OSError as error:
        # strerror only: the exception text would carry the path, and with it the user name.
        raise MailOpenError(
            f"het e-mailconcept kon niet bewaard worden: {error.strerror or type(error).__name__}"
        ) from error


class NewOutlookOpener:
    name = "new-outlook"
    label = "Nieuwe Outlook"

    def __init__(
        self,
        olk_path: Path | str,
        spawn: Spawner = spawn_detached,
        *,
        grace: float = SPAWN_GRACE_SECONDS,
    ) -> None:
        self.olk_path = Path(olk_path)
        self.spawn = spawn
        self.grace = grace

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        eml_path = write_unsent_eml(draft, workdir).absolute()
        try:
            status = self.spawn([str(self.olk_path), str(eml_path)], self.grace)
        except FileNotFoundError as error:
            raise MailOpenError("de nieuwe Outlook (olk.exe) is niet gevonden") from error
        except OSError as error:
            raise MailOpenError(
                f"de nieuwe Outlook kon niet starten: {error.strerror or type(error).__name__}"
            ) from error
        # None: still running (it opened the draft); 0: handed over to a running instance.
        if status not in (None, 0):
            raise MailOpenError(f"de nieuwe Outlook stopte meteen met foutcode {status}")
        return DraftResult(opener=self.name, eml_path=eml_path, opened=True)
