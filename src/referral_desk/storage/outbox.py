"""The private outbox: only encrypted archives (and their mail drafts) ever land here."""

from __future__ import annotations

import os
from pathlib import Path

from referral_desk.storage.atomic_file import atomic_write_bytes


class OutboxError(Exception):
    """The outbox cannot be written; ``message`` is Dutch and says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Outbox:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _private_dir(self, path: Path) -> Path:
        path.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            path.chmod(0o700)
        return path

    def folder_for(self, referral_id: str) -> Path:
        """One folder per referral: a mail client may read the attachment after we return."""
        self._private_dir(self.root)
        return self._private_dir(self.root / referral_id)

    def save_archive(self, referral_id: str, archive: bytes) -> Path:
        try:
            folder = self.folder_for(referral_id)
            return atomic_write_bytes(folder / f"{referral_id}.7z", archive)
        except OSError as error:
            raise OutboxError(
                f"Het versleutelde archief kon niet bewaard worden in {self.root} "
                f"({error.strerror or error}). Controleer of de schijf vol of alleen-lezen is "
                "en probeer opnieuw; uw invoer blijft staan."
            ) from error
