"""One laptop's share of the team's yearly evaluation, as a JSON file for the coordinator.

Each laptop keeps its own referral log, so the team's figures are the sum of what each
member exports (``referral-desk evaluation export``) and the coordinator merges
(:mod:`referral_desk.lifecycle.team_figures`). The file holds what the evaluation needs per referral
(ID, month, partner, mailbox, status history, password and withdrawal channel, the
correction links, incidents, deletion requests, how often the password was shown again, what
the partner reported: received, could not open, the kinds of field called incorrect) and
nothing about a person: the models have no field for a client's or referrer's name, initials
or postcode, and refuse any field they do not know, so a file with one is not read either.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from referral_desk import __version__
from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.referral import REFERRAL_ID_PATTERN
from referral_desk.domain.referral_record import (
    DeletionRequest,
    Incident,
    PartnerReport,
    PasswordChannel,
    ReferralLogEntry,
    StatusChange,
    WithdrawalChannel,
)
from referral_desk.lifecycle.evaluation import EvaluationPeriod
from referral_desk.storage.atomic_file import atomic_write_bytes
from referral_desk.storage.referral_log import ReferralLog

FORMAT: Literal["referral-desk-evaluatie"] = "referral-desk-evaluatie"
# 2 added the partners' reports; a file of version 1 has none and is still read.
FORMAT_VERSION: Literal[2] = 2
_ID = REFERRAL_ID_PATTERN.pattern


class ExportedReferral(BaseModel):
    """One referral as the evaluation sees it; see the module docstring for what is not here."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    referral_id: str = Field(pattern=_ID)
    month: str = Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")
    partner_id: str = Field(min_length=1, max_length=64)
    partner_name: str = Field(min_length=1, max_length=200)
    mailbox: str = Field(min_length=3, max_length=254)
    history: tuple[StatusChange, ...] = Field(min_length=1)
    password_channel: PasswordChannel
    withdrawal_channel: WithdrawalChannel | None = None
    corrects: str | None = Field(default=None, pattern=_ID)
    corrected_by: str | None = Field(default=None, pattern=_ID)
    incidents: tuple[Incident, ...] = ()
    deletion_requests: tuple[DeletionRequest, ...] = ()
    recall_count: int = Field(default=0, ge=0)
    partner_reports: tuple[PartnerReport, ...] = ()

    @property
    def last_change(self) -> datetime:
        return max(change.at for change in self.history)


class EvaluationExport(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    format: Literal["referral-desk-evaluatie"] = FORMAT
    format_version: Literal[1, 2] = FORMAT_VERSION
    app_version: str = __version__
    exported_at: datetime
    period: EvaluationPeriod
    # The teams named in the exported rows: a team, never a person.
    teams: tuple[str, ...] = ()
    referrals: tuple[ExportedReferral, ...] = ()


class EvaluationFileError(UserFacingError):
    """An export file that cannot be read, or an output that cannot be written; Dutch."""


def _in_period(moments: Sequence[datetime], period: EvaluationPeriod) -> bool:
    return any(period.contains(moment.date()) for moment in moments)


def exported(
    row: ReferralLogEntry,
    incidents: Sequence[Incident],
    deletions: Sequence[DeletionRequest],
    recalls: int,
    reports: Sequence[PartnerReport] = (),
) -> ExportedReferral:
    return ExportedReferral(
        referral_id=row.referral_id,
        month=f"{row.created_at.year:04d}-{row.created_at.month:02d}",
        partner_id=row.partner_id,
        partner_name=row.partner_name,
        mailbox=row.mailbox,
        history=row.history or (StatusChange(status=row.status, at=row.created_at),),
        password_channel=row.password_channel,
        withdrawal_channel=row.withdrawal_channel,
        corrects=row.corrects,
        corrected_by=row.corrected_by,
        incidents=tuple(incidents),
        deletion_requests=tuple(deletions),
        recall_count=recalls,
        partner_reports=tuple(reports),
    )


def export_from_log(
    referral_log: ReferralLog, period: EvaluationPeriod, now: datetime
) -> EvaluationExport:
    """Every referral with something in *period*: made, a status change, an incident or a
    report of its partner. Raises ReferralLogError when the log cannot be read."""
    chosen: list[ExportedReferral] = []
    teams: set[str] = set()
    reports = referral_log.partner_reports()
    for row in sorted(referral_log.all(), key=lambda r: (r.created_at.timestamp(), r.referral_id)):
        incidents = referral_log.incidents(row.referral_id)
        said = reports.get(row.referral_id, [])
        moments = [
            row.created_at,
            *(change.at for change in row.history),
            *(incident.at for incident in incidents),
            *(report.at for report in said),
        ]
        if not _in_period(moments, period):
            continue
        teams.add(row.team)
        chosen.append(
            exported(
                row,
                incidents,
                referral_log.deletion_requests(row.referral_id),
                len(referral_log.recalls(row.referral_id)),
                said,
            )
        )
    return EvaluationExport(
        exported_at=now, period=period, teams=tuple(sorted(teams)), referrals=tuple(chosen)
    )


def export_bytes(export: EvaluationExport) -> bytes:
    return export.model_dump_json(indent=2).encode("utf-8") + b"\n"


def write_export(path: Path, export: EvaluationExport) -> None:
    """Atomically and readable by the user only: it lists referral IDs and mailboxes."""
    try:
        atomic_write_bytes(path, export_bytes(export), mode=0o600)
    except OSError as error:
        raise EvaluationFileError(
            f"{path} kon niet geschreven worden ({error.strerror or error}); "
            "kies een andere map of bestandsnaam."
        ) from None


def read_export(path: Path) -> EvaluationExport:
    """Raises EvaluationFileError naming *path* for a missing, unreadable or foreign file."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise EvaluationFileError(
            f"{path} kan niet gelezen worden ({error.strerror or error})."
        ) from None
    try:
        return EvaluationExport.model_validate_json(raw)
    except ValidationError as error:
        where = ".".join(str(part) for part in error.errors()[0]["loc"]) or "bestand"
        raise EvaluationFileError(
            f"{path} is geen geldig evaluatiebestand van referral-desk (formaatversie "
            f"{FORMAT_VERSION}; probleem bij '{where}'). Vraag een nieuwe export met "
            "'referral-desk evaluation export'."
        ) from None
