"""The private outbox: only encrypted archives (and their mail drafts) ever land here."""

from __future__ import annotations

import logging
import os
import shutil
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from referral_desk.domain.errors import MessageTemplate, UserFacingError
from referral_desk.storage.atomic_file import atomic_write_bytes

log = logging.getLogger(__name__)

# --- links of every kind ----------------------------------------------------------------------
# A symbolic link, and on Windows also a junction (a folder link any user may make, without the
# privilege a symbolic link needs) or another name-surrogate reparse point. Python 3.11 reports a
# junction as a plain folder (is_symlink() False, lstat S_ISDIR): only its reparse tag tells.

FILE_ATTRIBUTE_REPARSE_POINT = 0x400
# IsReparseTagNameSurrogate: the reparse point stands for another named entity (symbolic link
# 0xA000000C, junction 0xA0000003); cloud placeholders and deduplicated files are not.
_NAME_SURROGATE_BIT = 0x20000000


class StatLike(Protocol):
    @property
    def st_mode(self) -> int: ...


def is_link_info(info: StatLike) -> bool:
    """Whether ``os.lstat`` *info* describes a link: a symbolic link, a junction or another
    name-surrogate reparse point (the last two carry Windows' attributes and reparse tag)."""
    if stat.S_ISLNK(info.st_mode):
        return True
    attributes = getattr(info, "st_file_attributes", 0)
    tag = getattr(info, "st_reparse_tag", 0)
    return bool(attributes & FILE_ATTRIBUTE_REPARSE_POINT and tag & _NAME_SURROGATE_BIT)


def is_link(path: Path | str) -> bool:
    """Whether *path* itself is a link (False when nothing is there)."""
    try:
        return is_link_info(os.lstat(path))
    except (FileNotFoundError, NotADirectoryError):
        return False


def is_plain_dir(path: Path | str) -> bool:
    """Whether *path* itself is a folder and no link to one (False when unreadable)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and not is_link_info(info)


class OutboxError(UserFacingError):
    """The outbox cannot be written; ``message`` is Dutch and says what to do."""


# What the outbox says; the values are folders and the system's own reason.
FOLDER_IS_A_LINK = MessageTemplate(
    "outbox.folder_is_a_link",
    "De outbox-map {folder} is een snelkoppeling (symbolische link) naar een andere plaats; "
    "referral-desk schrijft daar niet doorheen en heeft niets bewaard. Verwijder de "
    "snelkoppeling (referral-desk maakt dan zelf een gewone map) of vraag de IT-dienst om hulp.",
)
NOT_WRITABLE = MessageTemplate(
    "outbox.not_writable",
    "De outbox {folder} is niet beschrijfbaar ({reason}); er is niets gewijzigd.",
)
ARCHIVE_NOT_SAVED = MessageTemplate(
    "outbox.archive_not_saved",
    "Het versleutelde archief kon niet bewaard worden in {folder} ({reason}). Controleer of "
    "de schijf vol of alleen-lezen is en probeer opnieuw; uw invoer blijft staan.",
)
NOT_READABLE = MessageTemplate(
    "outbox.not_readable", "De outbox {folder} kan niet gelezen worden ({reason})."
)
NOT_A_PLAIN_FOLDER = MessageTemplate(
    "outbox.not_a_plain_folder",
    "De outbox {folder} is geen gewone map (een snelkoppeling?); er is niets verwijderd.",
)


class Outbox:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _private_dir(self, path: Path) -> Path:
        """*path* as a private folder, never through a link (a symbolic link, or on Windows a
        junction): the archive and the chmod would land wherever the link points, where
        housekeeping never removes them."""
        if not is_link(path):
            path.mkdir(parents=True, exist_ok=True)
        info = os.lstat(path)
        if not stat.S_ISDIR(info.st_mode) or is_link_info(info):
            raise OutboxError(FOLDER_IS_A_LINK(folder=str(path)))
        if os.name == "posix":
            path.chmod(0o700)
        return path

    def folder_for(self, referral_id: str) -> Path:
        """One folder per referral: a mail client may read the attachment after we return."""
        self._private_dir(self.root)
        return self._private_dir(self.root / referral_id)

    def follow_up_folder(self, referral_id: str, *names: str) -> Path:
        """A private folder under the referral's for a follow-up mail (withdrawal, deletion
        request, breach report); raises OutboxError, having changed nothing a user sees."""
        try:
            folder = self.folder_for(referral_id)
            for name in names:
                folder = self._private_dir(folder / name)
        except OSError as error:
            raise OutboxError(
                NOT_WRITABLE(folder=str(self.root), reason=str(error.strerror or error))
            ) from error
        return folder

    def has_follow_up(self, referral_id: str, name: str) -> bool:
        """Whether a follow-up mail's folder (see :meth:`follow_up_folder`) was made: the
        record that such a mail was prepared. A link on the way there is not ours and does not
        count."""
        referral_folder = self.root / referral_id
        return all(map(is_plain_dir, (self.root, referral_folder, referral_folder / name)))

    def archive_path_for(self, referral_id: str) -> Path:
        """Where :meth:`save_archive` will write, known before anything is written."""
        return self.root / referral_id / f"{referral_id}.7z"

    def discard(self, referral_id: str) -> bool:
        """Removes a referral's folder (a failed creation, a cancelled draft); True when
        nothing is left of it. A leftover is logged."""
        folder = self.root / referral_id
        try:
            if is_link(self.root) or is_link(folder):
                # rmtree refuses a link it is given, not one above it: we never remove
                # through either.
                log.warning("outbox folder %s not removed: reached through a link", referral_id)
                return False
            shutil.rmtree(folder)
        except FileNotFoundError:
            return True
        except OSError as error:
            log.warning("outbox folder %s not removed: %s", referral_id, type(error).__name__)
        return not (folder.exists() or folder.is_symlink())

    def save_archive(self, referral_id: str, archive: bytes) -> Path:
        try:
            folder = self.folder_for(referral_id)
            return atomic_write_bytes(folder / f"{referral_id}.7z", archive)
        except OSError as error:
            raise OutboxError(
                ARCHIVE_NOT_SAVED(folder=str(self.root), reason=str(error.strerror or error))
            ) from error

    # --- housekeeping ---------------------------------------------------------------------
    def _checked_root(self) -> bool:
        """False when there is no outbox yet; OutboxError when the root is not a real folder."""
        try:
            info = os.lstat(self.root)
        except FileNotFoundError:
            return False
        except OSError as error:
            raise OutboxError(
                NOT_READABLE(folder=str(self.root), reason=str(error.strerror or error))
            ) from error
        if not stat.S_ISDIR(info.st_mode) or is_link_info(info):
            # A link here could point anywhere; we never delete through one.
            raise OutboxError(NOT_A_PLAIN_FOLDER(folder=str(self.root)))
        return True

    def _entries(self) -> list[os.DirEntry[str]]:
        with os.scandir(self.root) as entries:
            return sorted(entries, key=lambda entry: entry.name)

    @staticmethod
    def _newest_mtime(folder: str) -> float:
        """The newest mtime of anything in *folder* (itself if empty), never following links:
        a link (a junction on Windows too) counts with its own time."""
        newest = os.lstat(folder).st_mtime
        stack = [folder]
        while stack:
            with os.scandir(stack.pop()) as entries:
                for entry in entries:
                    info = os.lstat(entry.path)
                    if stat.S_ISDIR(info.st_mode) and not is_link_info(info):
                        stack.append(entry.path)
                    else:
                        newest = max(newest, info.st_mtime)
        return newest

    def _remove(self, entry: os.DirEntry[str]) -> bool:
        try:
            info = os.lstat(entry.path)
        except OSError as error:
            log.warning("outbox housekeeping could not read an entry: %s", error.strerror)
            return False
        if is_link_info(info):
            log.warning("outbox housekeeping skipped a link")
            return False
        try:
            if stat.S_ISDIR(info.st_mode):
                # rmtree unlinks links inside without following them, and on Linux opens
                # each folder relative to its parent so a swapped-in link cannot redirect it.
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
        except OSError as error:
            log.warning("outbox housekeeping could not remove an entry: %s", error.strerror)
            return False
        return True

    def purge_older_than(self, days: int, now: datetime) -> list[str]:
        """Remove ``<referral_id>/`` folders whose newest file is more than *days* old.

        Returns the removed folder names (referral IDs, never personal data). A folder that
        cannot be removed is logged and kept; only a missing outbox is quietly nothing.
        """
        if days < 0:
            raise ValueError("days must not be negative")
        if not self._checked_root():
            return []
        cutoff = now.timestamp() - days * 86_400
        removed: list[str] = []
        for entry in self._entries():
            if not is_plain_dir(entry.path):
                continue
            try:
                newest = self._newest_mtime(entry.path)
            except OSError as error:
                log.warning("outbox housekeeping could not read a folder: %s", error.strerror)
                continue
            if newest < cutoff and self._remove(entry):
                removed.append(entry.name)
        if removed:
            log.info(
                "outbox housekeeping removed %d folder(s) older than %d days", len(removed), days
            )
        return removed

    def newest_folder_time(self) -> datetime | None:
        """The newest file time in any referral folder, as an aware instant; None when there is
        none (or it cannot be read): what retention weighs the clock against."""
        try:
            if not self._checked_root():
                return None
            stamps = [
                self._newest_mtime(entry.path)
                for entry in self._entries()
                if is_plain_dir(entry.path)
            ]
        except (OSError, OutboxError):
            return None
        return datetime.fromtimestamp(max(stamps), UTC) if stamps else None

    def empty(self) -> int:
        """Remove everything in the outbox (never a link, nor what it points to); the count."""
        if not self._checked_root():
            return 0
        count = sum(1 for entry in self._entries() if self._remove(entry))
        log.info("outbox emptied: %d entries removed", count)
        return count
