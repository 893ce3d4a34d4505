"""The partner registry IT distributes through a folder: ``registry_source`` in ``config.toml``.

IT sets, in the machine config dir's ``config.toml``::

    [machine]
    registry_source = '\\\\server\\share\\partnerregister'

(a table because the MSI writes it with Windows Installer's IniFile table, which always writes
``[section]`` and ``key=value``; a literal string so a UNC path's backslashes stay as they are).
The file is read strictly (storage.machine_config): one with a problem is not used.
Coordinators publish ``partners.toml`` and ``partners.toml.minisig`` there. At start the app
reads them, with a time limit so a share that does not answer never holds the window up, and
uses them only when signed by a trusted key, valid, and newer (``registry_version``) than the
last copy it verified, which it keeps in the user's data dir for when the share is out of
reach. It never moves to an older version or to an unsigned or invalid file: it keeps the last
good one and says why (:attr:`Choice.notice`).

Precedence: a machine registry file (``partners.toml`` in the machine config dir) wins over the
source folder, the source folder (or its verified copy) over the bundled registry. The machine
file is the one decision IT takes for this laptop in particular (an emergency correction, a
test machine) and it is never silently replaced (see registry_location); the folder is the
organisation-wide channel. Until the folder has delivered a verified registry once, the bundled
one is used, with a notice: it is the release's own list, only possibly outdated.

The cached copy is verified again at every start (the data dir is the user's to write), and it
is also the memory of the newest version seen: deleting it lets the laptop accept any validly
signed version from the folder again, never an unsigned one.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from referral_desk.domain.errors import Message, MessageTemplate
from referral_desk.domain.registry_document import RegistryDocument
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.registry.file_reading import read_registry_text
from referral_desk.registry.parsing import load_registry_text
from referral_desk.registry.trust import SIGNATURE_UNREADABLE
from referral_desk.storage.atomic_file import atomic_write_bytes
from referral_desk.storage.machine_config import MACHINE_TABLE, read_machine_config

if TYPE_CHECKING:
    from referral_desk.domain.postcodes import PostcodeTable
    from referral_desk.registry.trust import SignatureStatus, TrustedKeys

CONFIG_TABLE = MACHINE_TABLE
CONFIG_KEY = "registry_source"
REGISTRY_NAME = "partners.toml"
# Long enough for a slow VPN, short enough that nobody wonders whether the app started.
SOURCE_TIMEOUT_SECONDS = 5.0
_MAX_CONFIG_BYTES = 64_000

_log = logging.getLogger(__name__)

KEPT_BUNDLED = MessageTemplate(
    "source.kept_bundled",
    "{reason}; er is nog geen gecontroleerde kopie, dus het meegeleverde partnerregister "
    "wordt gebruikt",
)
KEPT_CACHED = MessageTemplate(
    "source.kept_cached", "{reason}; de laatst gecontroleerde versie {version} blijft in gebruik"
)
NOT_NEWER = MessageTemplate(
    "source.not_newer",
    "de bronmap heeft versie {source}, niet nieuwer dan de laatst gecontroleerde versie "
    "{cached}; die blijft in gebruik",
)
NOT_A_FOLDER_TEXT = MessageTemplate(
    "source.not_a_folder_text", "{file}: {key} moet een map zijn (tekst tussen '…')"
)
NOT_A_FULL_PATH = MessageTemplate(
    "source.not_a_full_path", "{file}: {key} moet een volledig pad zijn: {value}"
)
SIGNATURE_REFUSED = MessageTemplate("source.signature_refused", "{file}: {status}")
INVALID = MessageTemplate("source.invalid", "{file} is ongeldig: {problem}")
SHARE_FAILED = MessageTemplate("source.share_failed", "bronmap {folder}: {error}")
NO_ANSWER = MessageTemplate(
    "source.no_answer", "bronmap {folder} antwoordt niet binnen {seconds} seconden"
)
NO_TRUSTED_KEYS = MessageTemplate(
    "source.no_trusted_keys",
    "bronmap {folder} niet gebruikt: er zijn geen (leesbare) vertrouwde sleutels ingesteld om "
    "de handtekening te controleren",
)
NO_TRUSTED_KEYS_BECAUSE = MessageTemplate(
    "source.no_trusted_keys_because",
    "bronmap {folder} niet gebruikt: er zijn geen (leesbare) vertrouwde sleutels ingesteld om "
    "de handtekening te controleren ({problems})",
)
UNREACHABLE = MessageTemplate("source.unreachable", "bronmap {folder} is niet bereikbaar")


@dataclass(frozen=True)
class Verified:
    """A registry that parses and carries a valid signature by a trusted key."""

    path: Path
    text: str
    signature_text: str
    document: RegistryDocument
    signature: SignatureStatus

    @property
    def version(self) -> str:
        return self.document.registry_version


@dataclass(frozen=True)
class Unusable:
    """Why the folder gave no usable registry (no personal data: paths and versions)."""

    cause: str | Message

    @property
    def said(self) -> Message:
        cause = self.cause
        return cause if isinstance(cause, Message) else Message.plain(cause)

    @property
    def reason(self) -> str:
        """:attr:`said` in Dutch, for the log."""
        return self.said.dutch


SourceReading = Verified | Unusable


class Winner(StrEnum):
    MACHINE = "machine"
    SOURCE = "source"
    CACHED = "cached"
    BUNDLED = "bundled"


@dataclass(frozen=True)
class Choice:
    winner: Winner
    registry: Verified | None  # the source's or the cached registry; None for the others
    said: Message | None = None  # why the last good one was kept; shown and logged
    store: bool = False  # the source's registry becomes the verified copy

    @property
    def notice(self) -> str | None:
        """:attr:`said` in Dutch."""
        return self.said.dutch if self.said is not None else None


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Natural order: ``2026.10`` after ``2026.9``; numbers before letters in a part."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.findall(r"\d+|[^\d.\-_ ]+", version)
    )


def choose(machine_present: bool, source: SourceReading | None, cached: Verified | None) -> Choice:
    """Which registry is active. *source* None: no ``registry_source`` is configured."""
    if machine_present:
        return Choice(Winner.MACHINE, None)
    if source is None:
        return Choice(Winner.BUNDLED, None)
    if isinstance(source, Unusable):
        if cached is None:
            return Choice(
                Winner.BUNDLED,
                None,
                KEPT_BUNDLED(reason=source.said),
            )
        return Choice(
            Winner.CACHED,
            cached,
            KEPT_CACHED(reason=source.said, version=cached.version),
        )
    if cached is None or version_key(source.version) > version_key(cached.version):
        return Choice(Winner.SOURCE, source, store=True)
    if source.text == cached.text:
        return Choice(Winner.SOURCE, source)
    return Choice(
        Winner.CACHED,
        cached,
        NOT_NEWER(source=source.version, cached=cached.version),
    )


# --- reading ----------------------------------------------------------------------------------


def configured_source(config_file: Path) -> Path | Unusable | None:
    """The folder in *config_file*, None when nothing is configured, or why it is unusable.

    A file with any problem (unreadable, not TOML, an unknown or misplaced key, a wrong type)
    is not used at all: its ``registry_source`` counts as unusable, so the last verified copy
    or else the bundled registry is used, with the problems as the notice. A misplaced
    ``registry_source`` never takes effect, nor is it passed over in silence.
    """
    reading = read_machine_config(config_file)
    if reading.said is not None:
        return Unusable(reading.said)
    value = reading.registry_source
    if value is None:
        return None
    if not value.strip():
        return Unusable(NOT_A_FOLDER_TEXT(file=str(config_file), key=CONFIG_KEY))
    folder = Path(value.strip())
    if not folder.is_absolute():
        return Unusable(NOT_A_FULL_PATH(file=str(config_file), key=CONFIG_KEY, value=value))
    return folder


def read_verified(path: Path, trusted: TrustedKeys, table: PostcodeTable) -> SourceReading:
    """*path* and its ``.minisig`` as a verified registry, or why not."""
    from referral_desk.registry.trust import check_signature, signature_file

    try:
        text = read_registry_text(path)
    except RegistryError as error:
        return Unusable(str(error.problems[0]))
    signature = check_signature(path, text.encode("utf-8"), trusted)
    if not signature.trusted:
        return Unusable(SIGNATURE_REFUSED(file=str(path), status=signature.said))
    try:
        document = load_registry_text(text, table, file=str(path))
        with signature_file(path).open("rb") as handle:  # as small as check_signature read it
            signature_text = handle.read(_MAX_CONFIG_BYTES).decode("utf-8")
    except RegistryError as error:
        return Unusable(INVALID(file=str(path), problem=str(error.problems[0])))
    except (OSError, ValueError) as error:
        return Unusable(SIGNATURE_UNREADABLE(file=str(signature_file(path)), error=str(error)))
    return Verified(path, text, signature_text, document, signature)


def read_with_timeout(
    read: Callable[[], SourceReading], folder: Path, timeout: float
) -> SourceReading:
    """*read* in a daemon thread: a share that does not answer counts as unreachable, and the
    thread it leaves behind never keeps the app from closing."""
    result: list[SourceReading] = []

    def run() -> None:
        try:
            result.append(read())
        except Exception as error:  # any failure of the share makes it unusable
            result.append(Unusable(SHARE_FAILED(folder=str(folder), error=type(error).__name__)))

    thread = threading.Thread(target=run, name="registry-source", daemon=True)
    thread.start()
    thread.join(timeout)
    if not result:
        return Unusable(NO_ANSWER(folder=str(folder), seconds=f"{timeout:g}"))
    return result[0]


def read_source(folder: Path, trusted: TrustedKeys, table: PostcodeTable) -> SourceReading:
    if not trusted.keys:
        if not trusted.problems:
            return Unusable(NO_TRUSTED_KEYS(folder=str(folder)))
        problems = "; ".join(problem.dutch for problem in trusted.problems)
        return Unusable(NO_TRUSTED_KEYS_BECAUSE(folder=str(folder), problems=problems))
    if not folder.is_dir():
        return Unusable(UNREACHABLE(folder=str(folder)))
    return read_verified(folder / REGISTRY_NAME, trusted, table)


def resolve_source(
    config_file: Path,
    cache_dir: Path,
    trusted: TrustedKeys,
    table: PostcodeTable,
    *,
    timeout: float = SOURCE_TIMEOUT_SECONDS,
    read: Callable[[Path, TrustedKeys, PostcodeTable], SourceReading] = read_source,
) -> Choice:
    """The choice between the source folder, its verified copy and the bundled registry
    (the machine file is decided by the caller); stores a newer verified registry and logs
    every notice."""
    configured = configured_source(config_file)
    if configured is None:
        return choose(False, None, None)
    cached_path = cache_dir / REGISTRY_NAME
    cached: Verified | None = None
    if cached_path.exists():
        reading = read_verified(cached_path, trusted, table)
        if isinstance(reading, Verified):
            cached = reading
        else:
            _log.warning("registry source: verified copy refused: %s", reading.reason[:300])
    if isinstance(configured, Unusable):
        source: SourceReading = configured
    else:
        folder = configured
        source = read_with_timeout(lambda: read(folder, trusted, table), folder, timeout)
    choice = choose(False, source, cached)
    if choice.store and choice.registry is not None:
        _store(choice.registry, cache_dir)
    if choice.notice:
        _log.warning("registry source: %s", choice.notice[:500])
    elif choice.registry is not None:
        _log.info("registry source: version %s from %s", choice.registry.version, configured)
    return choice


def _store(registry: Verified, cache_dir: Path) -> None:
    """Signature first, then the registry: a crash between them leaves a pair that fails
    verification (and is ignored), never an unverified registry that passes."""
    try:
        atomic_write_bytes(
            cache_dir / (REGISTRY_NAME + ".minisig"), registry.signature_text.encode("utf-8")
        )
        atomic_write_bytes(cache_dir / REGISTRY_NAME, registry.text.encode("utf-8"))
    except OSError as error:
        _log.warning("registry source: verified copy not stored: %s", type(error).__name__)
