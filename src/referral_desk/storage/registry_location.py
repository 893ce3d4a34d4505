"""Which registry is active: the machine registry (IT) over the bundled one (release).

A machine registry that exists but is broken is *not* replaced by the bundled one:
the bundled file may be outdated, and a silent fallback could send a family's data
to a mailbox IT has since corrected. The same holds for a machine registry that is there in
any form but is no readable file (a dangling or looping link, a folder, a FIFO): it is
active, and refused. A link to a regular file is read like that file.
"""

from __future__ import annotations

import os
from enum import StrEnum

from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_file import LoadedRegistry, load_registry_file
from referral_desk.storage.paths import AppPaths


class RegistrySource(StrEnum):
    MACHINE = "machine"
    BUNDLED = "bundled"


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
    if active_registry_source(paths) is RegistrySource.MACHINE:
        return load_registry_file(paths.machine_registry, table)
    return load_registry_file(paths.bundled_registry, table)
