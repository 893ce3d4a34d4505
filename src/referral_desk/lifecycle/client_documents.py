"""The two documents a team member prints for the client: the information sheet (before the
referral, names the partner and the team member) and the receipt (after, names the referral).

Rendered in memory, saved in the print folder beside the referral folders (so outbox
housekeeping clears it) and handed to the default PDF viewer. Neither holds client data
beyond what the receipt must show the client themselves.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from referral_desk.delivery.launch import DESKTOP_OPENER, SPAWN_GRACE_SECONDS, open_with_desktop
from referral_desk.domain.partners import LookupResult, PartnerFound
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.lifecycle.recording import CreatedReferral
from referral_desk.sealing.leaflet import (
    LANGUAGES,
    LeafletLanguage,
    render_client_receipt,
    render_information_sheet,
)
from referral_desk.sealing.leaflet import sheet_version as _sheet_version

# How many copies of one client document may sit side by side, each still open in a viewer.
COPIES_IN_USE = 9


class LeafletBlocker(Enum):
    """Why the information sheet cannot be made yet: it names the partner and the contact."""

    NO_PARTNER = "no_partner"
    NO_PROFILE = "no_profile"


class NotOpened(Exception):
    """A client document was saved, but no program would open it."""

    def __init__(self, saved: Path) -> None:
        super().__init__()
        self.saved = saved


@dataclass(frozen=True)
class PrintJob:
    """One document to render and show; *target* names it (never after the client)."""

    render: Callable[[], bytes]
    target: Path


@dataclass(frozen=True)
class Printed:
    saved: Path
    # The viewer's exit status when it ended within the grace time; non-zero: none opened it.
    status: int | None

    @property
    def shown(self) -> bool:
        return self.status in (None, 0)


def leaflet_languages() -> Mapping[str, LeafletLanguage]:
    """The languages the sheet and receipt exist in, by code, in the order to offer them."""
    return LANGUAGES


def viewer_name() -> str:
    """What opens a PDF here: Windows itself by the file type, elsewhere a helper."""
    return "Windows" if sys.platform == "win32" else DESKTOP_OPENER


def leaflet_blocker(
    lookup: LookupResult | None, profile: ReferrerProfile | None
) -> LeafletBlocker | None:
    if not isinstance(lookup, PartnerFound):
        return LeafletBlocker.NO_PARTNER
    if profile is None:
        return LeafletBlocker.NO_PROFILE
    return None


def given_sheet_version(lang: str) -> str:
    """The version of the sheet in *lang* as this installation prints it, for the consent
    record: which text the client was given."""
    return _sheet_version(lang)


def information_sheet(
    found: PartnerFound, profile: ReferrerProfile, lang: str, fonts_dir: Path, folder: Path
) -> PrintJob:
    partner = found.partner

    def render() -> bytes:
        return render_information_sheet(
            partner.name,
            partner.kind,
            partner.protocol.withdrawal_clause,
            profile,
            lang,
            fonts_dir,
            retention_years=partner.protocol.retention_years,
            dpo_contact=found.dpo_contact,
            terms=partner.protocol.terms(),
        )

    return PrintJob(render, folder / f"informatieblad-{partner.id}-{lang}.pdf")


def client_receipt(created: CreatedReferral, lang: str, fonts_dir: Path, folder: Path) -> PrintJob:
    return PrintJob(
        lambda: render_client_receipt(created.referral, lang, fonts_dir),
        folder / f"bewijs-{created.referral_id}-{lang}.pdf",
    )


def write_beside_copies_in_use(target: Path, data: bytes) -> Path:
    """*data* as *target*, or beside it as ``name-2.pdf``, ``-3`` … while the earlier copy
    cannot be overwritten: a PDF viewer on Windows keeps the file it shows open and locked
    for writing (the same sheet for the next client). Returns the file written."""
    path = target
    for number in range(2, COPIES_IN_USE + 1):
        try:
            path.write_bytes(data)
            return path
        except PermissionError:
            if not path.is_file():
                raise  # the folder refuses, not a copy in use
        path = target.with_stem(f"{target.stem}-{number}")
    path.write_bytes(data)
    return path


def print_document(
    job: PrintJob, open_file: Callable[[Path, float], int | None] | None = None
) -> Printed:
    """Render, save and hand to the default viewer (*open_file*, the desktop's by default);
    slow, so the window runs it off its thread. Raises UserFacingError from rendering,
    OSError when the folder refuses, NotOpened when the file was saved but no program would
    open it."""
    pdf = job.render()
    job.target.parent.mkdir(parents=True, exist_ok=True)
    saved = write_beside_copies_in_use(job.target, pdf)
    try:
        status = (open_file or open_with_desktop)(saved, SPAWN_GRACE_SECONDS)
    except OSError as error:
        # Saved, but not opened: Windows says so with an error of its own (no program for
        # .pdf is 1155), a missing xdg-open with FileNotFoundError.
        raise NotOpened(saved) from error
    return Printed(saved, status)
