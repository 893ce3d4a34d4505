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
verified from it) comes before the bundled registry: see registry.source_folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from referral_desk.domain.errors import Message, MessageTemplate
from referral_desk.domain.partners import PartnerRegistry
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_document import LoadedRegistry
from referral_desk.domain.registry_problems import RegistryError, RegistryProblem
from referral_desk.registry.file_reading import read_registry_text
from referral_desk.registry.parsing import load_registry_text
from referral_desk.registry.trust import SignatureStatus, check_signature, read_trusted_keys
from referral_desk.storage.paths import AppPaths


class RegistrySource(StrEnum):
    MACHINE = "machine"
    SOURCE = "source"  # the source folder IT configured (registry.source_folder)
    CACHED = "cached"  # the last registry verified from that folder
    BUNDLED = "bundled"


# Where the registry came from, as the window's about text words it.
SOURCE_LABEL_TEMPLATES = {
    RegistrySource.MACHINE: MessageTemplate("registry.source.machine", "machineregister"),
    RegistrySource.SOURCE: MessageTemplate(
        "registry.source.source_folder", "partnerregister uit de bronmap"
    ),
    RegistrySource.CACHED: MessageTemplate(
        "registry.source.cached", "laatst gecontroleerde kopie uit de bronmap"
    ),
    RegistrySource.BUNDLED: MessageTemplate(
        "registry.source.bundled", "meegeleverd partnerregister"
    ),
}
# The same in Dutch, as the self-test says it.
SOURCE_LABELS = {source: template.text for source, template in SOURCE_LABEL_TEMPLATES.items()}


def source_label(source: RegistrySource) -> Message:
    """Where the registry came from, for the window to word."""
    return SOURCE_LABEL_TEMPLATES[source]()


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


@dataclass(frozen=True)
class ActiveRegistry:
    """The loaded registry with where it came from and its signature, for the self-test."""

    loaded: LoadedRegistry
    source: RegistrySource
    signature: SignatureStatus | None  # None: no trusted key is configured, nothing checked
    # Why the source folder's registry was not taken and the last good one kept.
    said_notice: Message | None = None

    @property
    def notice(self) -> str | None:
        """:attr:`said_notice` in Dutch."""
        return self.said_notice.dutch if self.said_notice is not None else None


MUST_BE_SIGNED = MessageTemplate(
    "registry.machine_must_be_signed",
    "{status}; er zijn vertrouwde sleutels ingesteld, dus het machineregister moet ondertekend "
    "zijn met een ervan (referral-desk registry sign)",
)


def _refused(path: Path, reason: Message) -> RegistryError:
    return RegistryError([RegistryProblem(str(path), None, "(handtekening)", "", reason)])


def load_active_registry_checked(paths: AppPaths, table: PostcodeTable) -> ActiveRegistry:
    """Raises RegistryError for the registry that is meant to be active, never falls back;
    a machine registry without a valid signature by a trusted key (once one is configured)
    is refused with the reason."""
    source = active_registry_source(paths)
    trusted = read_trusted_keys(paths.trusted_key_dirs)
    notice: Message | None = None
    if source is RegistrySource.BUNDLED:
        from referral_desk.registry.source_folder import Winner, resolve_source

        choice = resolve_source(paths.machine_config_file, paths.registry_cache_dir, trusted, table)
        notice = choice.said
        if choice.registry is not None:
            found = choice.registry
            document = found.document
            loaded = LoadedRegistry(
                PartnerRegistry(
                    document.partners, table, document.dpo_contact, document.registry_version
                ),
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
                raise _refused(path, MUST_BE_SIGNED(status=signature.said))
    document = load_registry_text(text, table, file=str(path))
    registry = PartnerRegistry(
        document.partners, table, document.dpo_contact, document.registry_version
    )
    loaded = LoadedRegistry(registry, document, path)
    return ActiveRegistry(loaded, source, signature, notice)
