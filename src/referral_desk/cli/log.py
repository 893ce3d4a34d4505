"""``referral-desk log open-actions``: what still has to happen, for scripts and helpdesks.

One line per open action, tab-separated: referral ID, partner, the action, and since when
(the day of what made it owed). Never a client's data: the log holds none.

Exit codes: 0 nothing open; 1 something is open; 2 it could not be told (the referral log
cannot be read).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TextIO

from referral_desk.domain.partners import PartnerRegistry
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.lifecycle import open_actions_messages as says
from referral_desk.lifecycle.open_actions import (
    DEFAULT_ACKNOWLEDGEMENT_WORKING_DAYS,
    OpenAction,
    open_actions,
)
from referral_desk.registry.active import load_active_registry
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import ReferralLog, ReferralLogError
from referral_desk.storage.referral_log_adoption import log_file_exists

EXIT_NONE_OPEN = 0
EXIT_OPEN = 1
EXIT_UNKNOWN = 2


def action_line(action: OpenAction) -> str:
    return "\t".join(
        (action.referral_id, action.partner_name, action.said.dutch, action.since.isoformat())
    )


def _registry(paths: AppPaths, err: TextIO) -> PartnerRegistry | None:
    """The active registry for the protocols' terms; without one, the defaults, said."""
    try:
        table = PostcodeTable.load_bundled(paths.resources_dir)
        return load_active_registry(paths, table).registry
    except RegistryError as error:
        err.write(
            f"Het partnerregister kon niet geladen worden ({error.message}); de "
            f"standaardtermijn van {DEFAULT_ACKNOWLEDGEMENT_WORKING_DAYS} werkdagen voor een "
            "ontvangstbevestiging is gebruikt.\n"
        )
        return None


def open_actions_main(
    out: TextIO,
    err: TextIO,
    paths: AppPaths,
    now: Callable[[], datetime] = lambda: datetime.now(UTC).astimezone(),
) -> int:
    log_file = paths.referral_log_file
    if not log_file_exists(log_file):
        out.write(f"{says.NOTHING_OPEN().dutch}\n")
        return EXIT_NONE_OPEN
    registry = _registry(paths, err)
    try:
        referral_log = ReferralLog.open(log_file)
    except ReferralLogError as error:
        err.write(f"{error.message}\n")
        return EXIT_UNKNOWN
    try:
        found = open_actions(referral_log, registry, now().date())
    except ReferralLogError as error:
        err.write(f"{error.message}\n")
        return EXIT_UNKNOWN
    finally:
        referral_log.close()
    if not found:
        out.write(f"{says.NOTHING_OPEN().dutch}\n")
        return EXIT_NONE_OPEN
    for action in found:
        out.write(action_line(action) + "\n")
    return EXIT_OPEN


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return open_actions_main(out, err, AppPaths.from_platform())
