"""Which registry is active: the machine registry (IT) over the bundled one (release).

A machine registry that exists but is broken is *not* replaced by the bundled one:
the bundled file may be outdated, and a silent fallback could send a family's data
to a mailbox IT has since corrected. The same holds for a machine registry that is there in
any form but is no readable file (a dangling or looping link, a folder, a FIFO): it is
active, and refused. A link to a regular file is read like that file.

Once IT has configured a trusted key (a minisign ``*.pub`` in a ``trusted-keys`` folder, see
:attr:`AppPaths.trusted_key_dirs`), the machine registry must carry a valid
``partners.toml.minisig`` by one of them, or it is refused the same way. The bytes verified
are the bytes parsed: the file is read once.

Without a machine registry, a source folder IT configured in ``config.toml`` (or the copy last
verified from it) comes before the bundled registry: see registry_source.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from referral_desk.domain.partners import PartnerRegistry
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_file import (
    LoadedRegistry,
    RegistryError,
    RegistryProblem,
    load_registry_text,
    read_registry_text,
)
from referral_desk.storage.paths import AppPaths

if TYPE_CHECKING:
    from referral_desk.domain.minisign import PublicKey

SIGNATURE_SUFFIX = ".minisig"
# A minisign signature is four short lines; anything much larger is no signature.
_MAX_SIGNATURE_BYTES = 64_000
_MAX_KEY_BYTES = 4_000


class RegistrySource(StrEnum):
    MACHINE = "machine"
    SOURCE = "source"  # the source folder IT configured (registry_source)
    CACHED = "cached"  # the last registry verified from that folder
    BUNDLED = "bundled"


# Where the registry came from, as the window's about text and the self-test say it.
SOURCE_LABELS = {
    RegistrySource.MACHINE: "machineregister",
    RegistrySource.SOURCE: "partnerregister uit de bronmap",
    RegistrySource.CACHED: "laatst gecontroleerde kopie uit de bronmap",
    RegistrySource.BUNDLED: "meegeleverd partnerregister",
}


def active_registry_source(paths: AppPaths) -> RegistrySource:
    """MACHINE whenever anything is at the machine registry's path (exists() follows links
    and answers False for a broken one) or it cannot be told that nothing is there."""
    try:
        os.lstat(paths.machine_registry)
    except (FileNotFoundError, NotADirectoryError):
        return RegistrySource.BUNDLED
    except OSError:
        pass  # there, but not even its link can be read: refused when loaded
    return RegistrySource.MACHINE


def load_active_registry(paths: AppPaths, table: PostcodeTable) -> LoadedRegistry:
    """Raises RegistryError for the registry that is meant to be active, never falls back."""
    return load_active_registry_checked(paths, table).loaded


def signature_file(registry: Path) -> Path:
    return registry.with_name(registry.name + SIGNATURE_SUFFIX)


@dataclass(frozen=True)
class TrustedKeys:
    """Every ``*.pub`` found; a file that is there but no key is a problem, never skipped."""

    keys: tuple[PublicKey, ...]
    problems: tuple[str, ...]

    @property
    def configured(self) -> bool:
        return bool(self.keys or self.problems)


def _small_text(path: Path, limit: int) -> str:
    with path.open("rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise ValueError("te groot")
    return raw.decode("utf-8")


def read_trusted_keys(folders: Sequence[Path]) -> TrustedKeys:
    """The minisign public keys in *folders*; cryptography loads only when there is one."""
    keys: list[PublicKey] = []
    problems: list[str] = []
    for folder in folders:
        try:
            files = sorted(entry for entry in folder.iterdir() if entry.name.endswith(".pub"))
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as error:
            problems.append(f"{folder}: kan niet gelezen worden ({error.strerror or error})")
            continue
        if files:
            from referral_desk.domain.minisign import MinisignError, PublicKey
        for file in files:
            try:
                keys.append(PublicKey.parse(_small_text(file, _MAX_KEY_BYTES), what=str(file)))
            except MinisignError as error:
                problems.append(error.message)
            except (OSError, ValueError) as error:
                problems.append(f"{file}: geen leesbare minisign-sleutel ({error})")
    return TrustedKeys(tuple(keys), tuple(problems))


@dataclass(frozen=True)
class SignatureStatus:
    """What the self-test says about a registry's signature."""

    signed: bool
    key_id: str | None = None
    signed_at: datetime | None = None
    trusted: bool = False
    problem: str | None = None

    def describe(self) -> str:
        if not self.signed:
            return "niet ondertekend" + (f" ({self.problem})" if self.problem else "")
        when = f" op {self.signed_at:%Y-%m-%d %H:%M} UTC" if self.signed_at else ""
        if self.trusted:
            return f"ondertekend door vertrouwde sleutel {self.key_id}{when}"
        reason = f": {self.problem}" if self.problem else ""
        return f"ondertekend door sleutel {self.key_id}{when}, niet geldig{reason}"


def check_signature(path: Path, data: bytes, trusted: TrustedKeys) -> SignatureStatus:
    """Whether *data* (the registry at *path*) carries a valid signature by a trusted key."""
    from referral_desk.domain.minisign import MinisignError, Signature, verify

    sig_path = signature_file(path)
    try:
        text = _small_text(sig_path, _MAX_SIGNATURE_BYTES)
    except FileNotFoundError:
        return SignatureStatus(signed=False, problem=f"geen {sig_path.name} naast het bestand")
    except (OSError, ValueError) as error:
        return SignatureStatus(signed=False, problem=f"{sig_path} onleesbaar ({error})")
    try:
        signature = Signature.parse(text)
    except MinisignError as error:
        return SignatureStatus(signed=False, problem=f"{sig_path}: {error.message}")
    stamp = signature.timestamp
    signed_at = datetime.fromtimestamp(stamp, UTC) if stamp is not None else None
    found = SignatureStatus(signed=True, key_id=signature.key_id_text, signed_at=signed_at)
    key = next((key for key in trusted.keys if key.key_id == signature.key_id), None)
    if key is None:
        known = ", ".join(key.key_id_text for key in trusted.keys) or "geen"
        return replace(found, problem=f"deze sleutel is niet vertrouwd (vertrouwd: {known})")
    try:
        verify(data, signature, key)
    except MinisignError as error:
        return replace(found, problem=error.message)
    return replace(found, trusted=True)


@dataclass(frozen=True)
class ActiveRegistry:
    """The loaded registry with where it came from and its signature, for the self-test."""

    loaded: LoadedRegistry
    source: RegistrySource
    signature: SignatureStatus | None  # None: no trusted key is configured, nothing checked
    # Why the source folder's registry was not taken and the last good one kept (Dutch).
    notice: str | None = None


def _refused(path: Path, reason: str) -> RegistryError:
    return RegistryError([RegistryProblem(str(path), None, "(handtekening)", "", reason)])


def load_active_registry_checked(paths: AppPaths, table: PostcodeTable) -> ActiveRegistry:
    """Raises RegistryError for the registry that is meant to be active, never falls back;
    a machine registry without a valid signature by a trusted key (once one is configured)
    is refused with the reason."""
    source = active_registry_source(paths)
    trusted = read_trusted_keys(paths.trusted_key_dirs)
    notice: str | None = None
    if source is RegistrySource.BUNDLED:
        from referral_desk.storage.registry_source import Winner, resolve_source

        choice = resolve_source(paths.machine_config_file, paths.registry_cache_dir, trusted, table)
        notice = choice.notice
        if choice.registry is not None:
            found = choice.registry
            document = found.document
            loaded = LoadedRegistry(
                PartnerRegistry(document.partners, table, document.dpo_contact),
                document,
                found.path,
            )
            kind = RegistrySource.SOURCE if choice.winner is Winner.SOURCE else None
            return ActiveRegistry(loaded, kind or RegistrySource.CACHED, found.signature, notice)
    path = paths.machine_registry if source is RegistrySource.MACHINE else paths.bundled_registry
    text = read_registry_text(path)
    signature: SignatureStatus | None = None
    if trusted.configured:
        signature = check_signature(path, text.encode("utf-8"), trusted)
        if source is RegistrySource.MACHINE:
            if trusted.problems:
                raise RegistryError(
                    [
                        RegistryProblem(str(path), None, "(vertrouwde sleutels)", "", problem)
                        for problem in trusted.problems
                    ]
                )
            if not signature.trusted:
                raise _refused(
                    path,
                    f"{signature.describe()}; er zijn vertrouwde sleutels ingesteld, dus het "
                    "machineregister moet ondertekend zijn met een ervan "
                    "(referral-desk registry sign)",
                )
    document = load_registry_text(text, table, file=str(path))
    registry = PartnerRegistry(document.partners, table, document.dpo_contact)
    loaded = LoadedRegistry(registry, document, path)
    return ActiveRegistry(loaded, source, signature, notice)
