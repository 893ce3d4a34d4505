"""The window's one way into the core: every service, made once at start by app.py.

A window, a test or the self-test asks the Desk; none of them knows which file, keyring or
mail client stands behind it. The referral in progress is a
:class:`~referral_desk.lifecycle.session.ReferralSession` opened on a Desk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from referral_desk.delivery.openers import MailOpener
from referral_desk.domain.errors import Message, UserFacingError
from referral_desk.domain.postcodes import PostcodeTable, PostcodeTableError
from referral_desk.domain.referral import new_referral_id
from referral_desk.domain.registry_document import LoadedRegistry
from referral_desk.domain.registry_problems import RegistryError, RegistryProblem
from referral_desk.lifecycle.creation import (
    MadeReferral,
    MailboxMemory,
    ReferralRequest,
    ReferralServices,
    create_referral,
)
from referral_desk.lifecycle.recording import FollowUpServices, RecordingChoices
from referral_desk.registry.active import (
    RegistrySource,
    active_registry_source,
    load_active_registry_checked,
    source_label,
)
from referral_desk.sealing.password import generate_password
from referral_desk.storage.outbox import Outbox
from referral_desk.storage.password_vault import PasswordVault
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import ReferralLog
from referral_desk.storage.settings import SettingsStore

if TYPE_CHECKING:
    pass


@dataclass(frozen=True)
class RegistryState:
    """The active partner registry as the window shows it: usable, or why not.

    ``label`` and ``notice`` are Dutch; ``said_label`` and ``said_notice`` the same as
    messages, which the window words in the user's language.
    """

    loaded: LoadedRegistry | None
    problem: RegistryError | None
    label: str
    # Why the registry from IT's source folder was not taken and the last good one kept.
    notice: str | None = None
    said_label: Message | None = None
    said_notice: Message | None = None

    @classmethod
    def of(
        cls,
        registry: LoadedRegistry | RegistryError,
        label: str | Message,
        notice: Message | None = None,
    ) -> RegistryState:
        said = label if isinstance(label, Message) else Message.plain(label)
        if isinstance(registry, LoadedRegistry):
            dutch = notice.dutch if notice is not None else None
            return cls(registry, None, said.dutch, dutch, said, notice)
        return cls(None, registry, said.dutch, None, said, None)


class EditorUnavailable(UserFacingError):
    """The registry editor cannot open: the installation lacks its postcode table."""


@dataclass(frozen=True)
class RegistryFileToEdit:
    table: PostcodeTable
    path: Path


def postcode_table_problem(paths: AppPaths, error: PostcodeTableError) -> RegistryError:
    """A broken installation (no postcode table) is reported like a broken registry."""
    return RegistryError(
        [
            RegistryProblem(
                str(paths.resources_dir),
                None,
                "(postcodetabel)",
                "",
                f"{error}; herinstalleer referral-desk",
            )
        ]
    )


def read_active_registry(paths: AppPaths) -> RegistryState:
    """The registry meant to be active and where it came from; never falls back silently."""
    try:
        table = PostcodeTable.load_bundled(paths.resources_dir)
    except PostcodeTableError as error:
        problem = postcode_table_problem(paths, error)
        return RegistryState.of(problem, source_label(active_registry_source(paths)))
    try:
        active = load_active_registry_checked(paths, table)
    except RegistryError as error:
        return RegistryState.of(error, source_label(active_registry_source(paths)))
    notice = active.said_notice
    if active.source is RegistrySource.MACHINE:  # config.toml is not read then: still told
        from referral_desk.storage.machine_config import read_machine_config

        notice = read_machine_config(paths.machine_config_file).said
    return RegistryState.of(active.loaded, source_label(active.source), notice)


def registry_file_to_edit(state: RegistryState, paths: AppPaths) -> RegistryFileToEdit:
    """The active registry file, even a broken one: fixing it is the point. Without a usable
    registry, the file its first problem names, else the bundled one. Raises
    EditorUnavailable when the postcode table cannot be read."""
    if state.loaded is not None:
        return RegistryFileToEdit(state.loaded.registry.postcodes, state.loaded.source)
    try:
        table = PostcodeTable.load_bundled(paths.resources_dir)
    except PostcodeTableError as error:
        raise EditorUnavailable(
            f"Het partnerregister kan niet bewerkt worden: {error}. Herinstalleer "
            "referral-desk of meld dit aan de IT-dienst."
        ) from None
    problem = state.problem.problems[0] if state.problem and state.problem.problems else None
    path = Path(problem.file) if problem and problem.file else paths.bundled_registry
    return RegistryFileToEdit(table, path)


def _no_registry() -> RegistryState:
    return RegistryState(None, None, "")


@dataclass(frozen=True)
class Desk:
    """The services behind every window action; side effects are all passed in."""

    clock: Callable[[], datetime]
    outbox: Outbox
    mail: MailOpener
    fonts_dir: Path
    settings: SettingsStore
    referral_log: ReferralLog | None = None
    # Why the referral log could not be opened; referrals wait until it works.
    referral_log_problem: Message | None = None
    vault: PasswordVault | None = None
    # Which mailbox each municipality's referrals last went to, for the change warning.
    memory: MailboxMemory | None = None
    # Reads the active registry (again, after a coordinator saved it).
    registry: Callable[[], RegistryState] = _no_registry
    paths: AppPaths | None = None
    # Retention, run off the GUI thread once the window is up; returns why the clock looked
    # wrong when it removed nothing for that reason, else None.
    housekeeping: Callable[[], Message | None] | None = None
    new_password: Callable[[], str] = generate_password
    new_id: Callable[[int], str] = new_referral_id

    def today(self) -> date:
        return self.clock().date()

    @property
    def services(self) -> ReferralServices:
        return ReferralServices(
            clock=self.clock,
            outbox=self.outbox,
            mail=self.mail,
            fonts_dir=self.fonts_dir,
            new_password=self.new_password,
            new_id=self.new_id,
        )

    @property
    def follow_up(self) -> FollowUpServices:
        return FollowUpServices(
            referral_log=self.referral_log,
            vault=self.vault,
            clock=self.clock,
            outbox=self.outbox,
            mail=self.mail,
        )

    def make_referral(self, request: ReferralRequest, choices: RecordingChoices) -> MadeReferral:
        """The whole creation (see :func:`referral_desk.lifecycle.creation.create_referral`)."""
        return create_referral(request, self.services, self.follow_up, choices, self.memory)

    def file_to_edit(self, state: RegistryState) -> RegistryFileToEdit:
        return registry_file_to_edit(state, self.paths or AppPaths.from_platform())

    @property
    def print_folder(self) -> Path:
        """Beside the referral folders, so outbox housekeeping clears it too; it holds only
        documents without client data."""
        return self.outbox.root / "afdrukken"
