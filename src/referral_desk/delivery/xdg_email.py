"""``xdg-email`` (xdg-utils): the Linux desktop's own way to open a mail draft.

xdg-email turns its options into a ``mailto:`` URI with an ``attach=`` parameter and hands
it to the desktop's mail client; it runs Thunderbird itself when that is the default. Some
clients ignore ``attach=`` (most webmail handlers do), so this comes after Thunderbird.

``--utf8`` first: without it xdg-email converts the text from the locale's charset, and in
the C locale the UTF-8 subject and body would be cut off at the first accent.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from referral_desk.delivery.launch import (
    SPAWN_GRACE_SECONDS,
    Spawner,
    Which,
    spawn_detached,
    which_in,
)
from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import DraftResult, MailOpenError

# xdg-utils exit codes, from the xdg-email manual page.
_EXIT_REASONS = {
    1: "xdg-email meldt een fout in de opdracht",
    2: "xdg-email vond de bijlage niet",
    3: "er is geen e-mailprogramma ingesteld op dit bureaublad",
    4: "het e-mailprogramma kon het concept niet openen",
}


def xdg_email_arguments(executable: str, draft: DraftMessage) -> list[str]:
    argv = [executable, "--utf8", "--subject", draft.subject]
    if draft.body:
        argv += ["--body", draft.body]
    if draft.attachment is not None:
        argv += ["--attach", str(draft.attachment)]
    argv.append(draft.to)
    return argv


class XdgEmailOpener:
    name = "xdg-email"
    label = "Standaard e-mailprogramma van het bureaublad (xdg-email)"

    def __init__(
        self,
        *,
        which: Which | None = None,
        spawn: Spawner = spawn_detached,
        environ: Mapping[str, str] = os.environ,
        grace: float = SPAWN_GRACE_SECONDS,
    ) -> None:
        self.which = which or which_in(environ)
        self.spawn = spawn
        self.grace = grace

    def unusable_reason(self) -> str | None:
        if self.which("xdg-email") is None:
            return "xdg-email (pakket xdg-utils) is niet geïnstalleerd"
        return None

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        executable = self.which("xdg-email")
        if executable is None:
            raise MailOpenError("xdg-email (pakket xdg-utils) is niet geïnstalleerd")
        try:
            # Still running after the grace period: the mail client it started is in front.
            status = self.spawn(xdg_email_arguments(executable, draft), self.grace)
        except OSError as error:
            raise MailOpenError(
                f"xdg-email kon niet starten: {error.strerror or type(error).__name__}"
            ) from error
        if status is not None and status != 0:
            reason = _EXIT_REASONS.get(status, "xdg-email gaf een onbekende fout")
            raise MailOpenError(f"{reason} (foutcode {status})")
        return DraftResult(opener=self.name, eml_path=None, opened=True)
