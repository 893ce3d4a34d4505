"""Where every file lives; all of it from platformdirs so HOME/XDG_* isolate a run."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "referral-desk"


def bundled_root() -> Path:
    """The folder holding ``config/`` and ``resources/`` in every way we ship.

    Source checkout: the repository root. Wheel: ``referral_desk/_bundled``.
    PyInstaller: the bundle's data folder (``sys._MEIPASS``).
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    package = Path(__file__).resolve().parents[1]
    wheel = package / "_bundled"
    if wheel.is_dir():
        return wheel
    return package.parents[1]


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    log_dir: Path
    site_config_dir: Path
    bundled_dir: Path
    # Every machine config dir (on Linux one per $XDG_CONFIG_DIRS entry); site_config_dir is
    # the first. Only trusted keys are looked for in all of them.
    machine_config_dirs: tuple[Path, ...] = ()

    @classmethod
    def from_platform(cls) -> AppPaths:
        every = platformdirs.PlatformDirs(APP_NAME, appauthor=False, multipath=True)
        return cls(
            config_dir=platformdirs.user_config_path(APP_NAME, appauthor=False),
            data_dir=platformdirs.user_data_path(APP_NAME, appauthor=False),
            log_dir=platformdirs.user_log_path(APP_NAME, appauthor=False),
            site_config_dir=platformdirs.site_config_path(APP_NAME, appauthor=False),
            bundled_dir=bundled_root(),
            machine_config_dirs=tuple(
                Path(folder) for folder in every.site_config_dir.split(os.pathsep) if folder
            ),
        )

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"

    @property
    def referral_log_file(self) -> Path:
        """The referral log. A log still under its former name, ``register.sqlite3``, is
        renamed to this one when it is opened (``storage.referral_log_adoption``)."""
        return self.data_dir / "referral-log.sqlite3"

    @property
    def bundled_registry(self) -> Path:
        return self.bundled_dir / "config" / "partners.toml"

    @property
    def machine_registry(self) -> Path:
        return self.site_config_dir / "partners.toml"

    @property
    def machine_config_file(self) -> Path:
        """IT's machine settings (``registry_source``), beside the machine registry."""
        return self.site_config_dir / "config.toml"

    @property
    def registry_cache_dir(self) -> Path:
        """The last registry verified from the source folder, for when it is out of reach."""
        return self.data_dir / "registry-source"

    @property
    def trusted_key_dirs(self) -> tuple[Path, ...]:
        """Where minisign public keys (``*.pub``) trusted to sign the registry are: each
        machine config dir's ``trusted-keys``, then the ones the build bundles."""
        machine = dict.fromkeys((self.site_config_dir, *self.machine_config_dirs))
        bundled = self.bundled_dir / "config" / "trusted-keys"
        return (*(folder / "trusted-keys" for folder in machine), bundled)

    @property
    def resources_dir(self) -> Path:
        return self.bundled_dir / "resources"

    @property
    def fonts_dir(self) -> Path:
        return self.resources_dir / "fonts"
