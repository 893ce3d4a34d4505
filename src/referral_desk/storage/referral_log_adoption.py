"""The log file under its former name, ``register.sqlite3``, taken over once by the new name.

The side files move first and the main file last: the new main file existing is the sign the
move is done, so a move broken off halfway (a crash, a file held open by another program) is
finished by the next start. Nothing is ever overwritten: a side file that exists under both
names stops the move with a Dutch message and both files are left as they are.
"""

from __future__ import annotations

import logging
from pathlib import Path

from referral_desk.storage.referral_log_errors import (
    FORMER_NAME_CLASH,
    NOT_RENAMED,
    ReferralLogError,
)
from referral_desk.storage.referral_log_opening import side_files

log = logging.getLogger(__name__)

FORMER_FILE_NAME = "register.sqlite3"


def former_file(path: Path) -> Path:
    """Where the log at *path* lived under its former name."""
    return path.with_name(FORMER_FILE_NAME)


def log_file_exists(path: Path) -> bool:
    """Whether there is a log at *path*, under its own name or the former one."""
    former = former_file(path)
    return path.is_file() or (former != path and former.is_file())


def adopt_former_file(path: Path) -> None:
    """Renames ``register.sqlite3`` beside *path* (and its side files) to *path*, when *path*
    does not exist yet. Call it with no connection open to either file: Windows cannot rename
    a file that is open. Raises ReferralLogError when a rename fails; the log is then still
    whole under its former name."""
    former = former_file(path)
    if former == path or path.exists() or not former.is_file():
        return
    pairs = list(zip(side_files(former), side_files(path), strict=True))
    clash = [new for old, new in pairs if old.exists() and new.exists()]
    if clash:
        raise ReferralLogError(
            FORMER_NAME_CLASH(folder=str(path.parent), former=FORMER_FILE_NAME, clash=clash[0].name)
        )
    moved: list[tuple[Path, Path]] = []
    try:
        for old, new in [*((o, n) for o, n in pairs if o.exists()), (former, path)]:
            old.rename(new)
            moved.append((old, new))
    except OSError as error:
        _move_back(moved)
        log.warning("referral log could not be renamed: %s", type(error).__name__)
        raise ReferralLogError(
            NOT_RENAMED(
                folder=str(path.parent),
                former=FORMER_FILE_NAME,
                name=path.name,
                reason=error.strerror or type(error).__name__,
            )
        ) from None
    log.info("referral log renamed from %s to %s", FORMER_FILE_NAME, path.name)


def _move_back(moved: list[tuple[Path, Path]]) -> None:
    """Undoes the renames that went through, newest first; what cannot move back stays under
    the new name, where the next start finishes the move."""
    for old, new in reversed(moved):
        try:
            new.rename(old)
        except OSError:
            log.warning("a renamed referral log file could not be moved back")
