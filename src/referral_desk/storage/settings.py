"""User settings (:class:`~referral_desk.domain.settings.Settings`) as JSON in the user
config dir.

A file that is not JSON, or not a JSON object, is set aside whole (there is nothing to keep
from it). A file that is, but holds a key this version does not know or a value of the wrong
type, keeps everything else: those keys take their defaults, each problem is said with its
line (:attr:`SettingsReading.said`), and before the file is first written again it is copied
unchanged beside it, so nothing the user had is lost.

Two windows of the app may be open at once, each with its own copy: a window changes
settings with :meth:`SettingsStore.update`, which re-reads the file under a lock and writes
only the keys it was given, so what the other window saved in the meantime stays.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pydantic import ValidationError

from referral_desk.domain.errors import Message, MessageTemplate, UserFacingError
from referral_desk.domain.partners import PartnerRegistry
from referral_desk.domain.settings import Settings, known_setting_keys
from referral_desk.storage.atomic_file import atomic_write_bytes
from referral_desk.storage.key_lines import AT_LINE, json_key_lines, together


class SettingsError(UserFacingError):
    """The settings file cannot be read or written; ``message`` is Dutch."""


# What the settings file says; the values are folders, file names and the system's reason.
KEPT_BUSY = MessageTemplate(
    "settings.kept_busy",
    "De instellingen konden niet bewaard worden: een ander venster van referral-desk is ze al "
    "te lang aan het bewaren. Sluit de andere vensters en probeer opnieuw.",
)
NOT_SAVED = MessageTemplate(
    "settings.not_saved", "De instellingen konden niet bewaard worden in {folder} ({reason})."
)
NOT_READ = MessageTemplate(
    "settings.not_read", "De instellingen in {file} kunnen niet gelezen worden ({reason})."
)
SET_ASIDE = MessageTemplate(
    "settings.set_aside",
    "De instellingen waren beschadigd en zijn opzijgezet als {name}. Vul uw profiel opnieuw in.",
)

UNKNOWN_SETTING = MessageTemplate("settings.unknown_key", "{where}: onbekende instelling '{key}'")
WRONG_SETTING = MessageTemplate(
    "settings.wrong_type", "{where}: '{key}' heeft niet de verwachte vorm"
)
NOT_ALL_USED = MessageTemplate(
    "settings.not_all_used",
    "Niet alles in uw instellingen kon gebruikt worden: {problems}. Die instellingen hebben "
    "hun standaardwaarde, de rest geldt. Het bestand wordt ongewijzigd bewaard als {kept} "
    "voor het opnieuw geschreven wordt; meld dit aan de helpdesk als er iets ontbreekt.",
)

# An unknown key is quoted this far: enough to find it, never a whole pasted text.
_KEY_SHOWN = 60


@dataclass(frozen=True)
class SettingsReading:
    """The settings in the file as far as they can be used, and what could not be."""

    settings: Settings
    file: Path
    # One per unknown key or key with a value of the wrong type, with its line.
    problems: tuple[Message, ...] = ()
    # Not JSON or not a JSON object: nothing in it can be used.
    broken: bool = False

    @property
    def kept(self) -> Path:
        """Where the file goes, unchanged, before it is written again: an earlier copy is
        never overwritten."""
        first = self.file.with_suffix(".kept.json")
        target, number = first, 1
        while target.exists():
            number += 1
            target = first.with_name(f"{first.stem}-{number}.json")
        return target

    @property
    def said(self) -> Message | None:
        if not self.problems:
            return None
        return NOT_ALL_USED(problems=together(self.problems), kept=str(self.kept))


def read_settings(raw: bytes, file: Path) -> SettingsReading:
    """*raw* as settings: an unknown key or a value of the wrong type costs that key only."""
    try:
        data = json.loads(raw)
    except ValueError:
        return SettingsReading(Settings(), file, broken=True)
    if not isinstance(data, dict):
        return SettingsReading(Settings(), file, broken=True)
    try:
        lines = json_key_lines(raw.decode(json.detect_encoding(raw), errors="replace"))
    except ValueError:  # the lines only point; the problems stand without them
        lines = {}

    def where(key: str) -> Message:
        line = lines.get(key)
        return AT_LINE(file=file.name, line=line) if line else Message.plain(file.name)

    known = known_setting_keys()
    problems = [
        UNKNOWN_SETTING(where=where(key), key=key[:_KEY_SHOWN]) for key in data if key not in known
    ]
    usable = {key: value for key, value in data.items() if key in known}
    while True:
        try:
            settings = Settings.model_validate(usable)
            break
        except ValidationError as error:
            wrong = {str(item["loc"][0]) for item in error.errors() if item["loc"]}
            if not wrong & set(usable):
                return SettingsReading(Settings(), file, broken=True)
            for key in sorted(wrong & set(usable), key=lambda key: lines.get(key, 0)):
                problems.append(WRONG_SETTING(where=where(key), key=key))
                del usable[key]
    ordered = sorted(problems, key=lambda said: _line_of_said(said, lines))
    return SettingsReading(settings, file, tuple(ordered))


def _line_of_said(said: Message, lines: Mapping[str, int]) -> int:
    key = said.values.get("key")
    return lines.get(key, 0) if isinstance(key, str) else 0


# How long an update waits for another window that is saving the settings. Saving takes
# milliseconds; only a window that hangs while holding the lock makes anyone wait this long.
LOCK_TIMEOUT_SECONDS = 10.0
_LOCK_RETRY_PAUSE = 0.02


def _try_lock(fd: int) -> bool:
    """Takes the exclusive lock on *fd* without waiting; False when another process has it."""
    if sys.platform == "win32":
        import msvcrt

        # One byte at offset 0, locked and unlocked at the same position. LK_NBLCK instead of
        # LK_LOCK: the C runtime's LK_LOCK gives up after ten tries (Wine's within ~10 ms)
        # and then fails the update instead of waiting for the other window.
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock on *path* (a lock file beside the settings) between processes,
    waited for up to LOCK_TIMEOUT_SECONDS; SettingsError when another window keeps it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise SettingsError(KEPT_BUSY())
            time.sleep(_LOCK_RETRY_PAUSE)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


SettingsChanges = Mapping[str, object] | Callable[[Settings], Mapping[str, object]]


class SettingsStore:
    """Reads and writes :class:`Settings`; a broken file is kept aside, never overwritten."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def update(self, changes: SettingsChanges) -> Settings:
        """Re-reads the file, sets only the keys in *changes* (or those a callable returns
        from the current settings) and writes it, all under a lock; returns what was saved.
        Raises SettingsError when the file cannot be read, locked or written."""
        try:
            with _file_lock(self.lock_path):
                try:
                    reading = self.load_checked()
                except SettingsError:
                    if self.path.exists():
                        raise
                    reading = SettingsReading(Settings(), self.path)  # set aside: start afresh
                current = reading.settings
                wanted = dict(changes(current) if callable(changes) else changes)
                unknown = set(wanted) - set(Settings.model_fields)
                if unknown:
                    raise ValueError(f"unknown settings: {sorted(unknown)}")
                updated = Settings.model_validate({**current.model_dump(), **wanted})
                self.save(updated)
                return updated
        except OSError as error:
            raise SettingsError(
                NOT_SAVED(folder=str(self.path.parent), reason=str(error.strerror or error))
            ) from error

    def read(self) -> SettingsReading:
        """What the file holds, without changing anything (the self-test's view). Raises
        SettingsError when it cannot be read."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return SettingsReading(Settings(), self.path)
        except OSError as error:
            raise SettingsError(
                NOT_READ(file=str(self.path), reason=str(error.strerror))
            ) from error
        return read_settings(raw, self.path)

    def load_checked(self) -> SettingsReading:
        """:meth:`read`, and a broken file set aside (SettingsError says as what)."""
        reading = self.read()
        if reading.broken:
            broken = self.path.with_suffix(".broken.json")
            try:
                self.path.replace(broken)
            except OSError:
                broken = self.path
            raise SettingsError(SET_ASIDE(name=broken.name))
        return reading

    def load(self) -> Settings:
        return self.load_checked().settings

    def _keep_what_is_not_used(self) -> None:
        """The file as it is, beside it, before a write drops what could not be used."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        reading = read_settings(raw, self.path)
        if reading.problems:
            atomic_write_bytes(reading.kept, raw)

    def save(self, settings: Settings) -> None:
        try:
            self._keep_what_is_not_used()
            atomic_write_bytes(self.path, settings.model_dump_json(indent=2).encode() + b"\n")
        except OSError as error:
            raise SettingsError(
                NOT_SAVED(folder=str(self.path.parent), reason=str(error.strerror or error))
            ) from error


class MailboxSeeds(Protocol):
    def seed_mailboxes(self, mailboxes: Mapping[str, str]) -> None: ...


def move_last_mailboxes(
    store: SettingsStore, target: MailboxSeeds, registry: PartnerRegistry
) -> int:
    """Hands the old per-partner memory to *target* (the referral log) per NIS code, through
    the partners of *registry*, where it fills only gaps; empties it in the settings so it
    happens once. A partner id the registry no longer has cannot be placed and is dropped.
    Returns how many municipalities were handed over; raises SettingsError or the target's
    error, leaving the settings as they were."""
    old = store.load().last_mailboxes
    if not old:
        return 0
    by_nis: dict[str, str] = {}
    for partner_id, mailbox in sorted(old.items()):
        partner = registry.partner(partner_id)
        for nis in partner.municipalities if partner is not None else ():
            by_nis.setdefault(nis, mailbox)
    target.seed_mailboxes(by_nis)
    store.update({"last_mailboxes": {}})
    return len(by_nis)
