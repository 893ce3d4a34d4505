"""The draft as a ``.eml`` file: the one format every desktop mail client can open."""

from __future__ import annotations

import email.policy
from email.message import EmailMessage
from pathlib import Path

from referral_desk.storage.atomic_file import atomic_write_bytes

DRAFT_POLICY = email.policy.SMTP.clone(max_line_length=998)


def write_eml_draft(message: EmailMessage, folder: Path, stem: str) -> Path:
    """Write ``<stem>.eml`` atomically and private (0o600), so a client never opens half a file.

    CRLF line ends (the SMTP policy): RFC 5322 requires them and Outlook-family readers are
    known to misparse bare LF; Thunderbird reads either. Non-ASCII headers get RFC 2047
    encoded words, which every client decodes. Headers are not folded at 78 characters
    (RFC 5322 allows 998): Python's folder leaves a trailing space when it breaks the line
    right before an encoded word, so a long subject with an en dash would read back with a
    double space.
    """
    if not stem or Path(stem).name != stem or stem.startswith("."):
        raise ValueError(f"Invalid draft file stem: {stem!r}")
    data = message.as_bytes(policy=DRAFT_POLICY)
    return atomic_write_bytes(folder / f"{stem}.eml", data, mode=0o600)
