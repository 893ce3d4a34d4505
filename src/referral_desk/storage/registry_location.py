"""Which registry is active: the machine registry (IT) over the bundled one (release).

A machine registry that exists but is broken is *not* replaced by the bundled one:
the bundled file may be outdated, and a silent fallback could send a family's data
to a mailbox IT has since corrected.
"""

from __future__ import annotations

from enum import StrEnum

from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_file import LoadedRegistry, load_registry_file
from referral_desk.storage.paths import AppPaths


class RegistrySource(StrEnum):
    MACHINE = "machine"
    BUNDLED = "bundled"


def active_registry_source(paths: AppPaths) -> RegistrySource:
    return RegistrySource.MACHINE if paths.machine_registry.exists() else RegistrySource.BUNDLED


def load_active_registry(paths: AppPaths, table: PostcodeTable) -> LoadedRegistry:
    """Raises RegistryError for the registry that is meant to be active, never falls back."""
    if active_registry_source(paths) is RegistrySource.MACHINE:
        return load_registry_file(paths.machine_registry, table)
    return load_registry_file(paths.bundled_registry, table)
