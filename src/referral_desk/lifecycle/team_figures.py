"""The team's figures: the export files of every laptop, merged and counted once.

The same referral can reach the coordinator twice (a file sent again, a log copied to a new
laptop), so referrals are merged by ID before anything is counted: the status histories are
joined (each change once), the last change decides the state, and the copy whose last change
is newest gives the other fields (password channel, withdrawal channel, links). Incidents,
deletion requests and the partners' reports are joined (each once, so a file merged twice
changes nothing); the recall count is the highest seen, since recalls carry no
moment to tell two copies apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from referral_desk.domain.referral_record import PartnerReportKind, ReferralStatus
from referral_desk.lifecycle.evaluation import (
    CountedReferral,
    EvaluationPeriod,
    EvaluationTable,
    count,
    reported_days,
    was_sent,
)
from referral_desk.lifecycle.evaluation_export import (
    EvaluationExport,
    EvaluationFileError,
    ExportedReferral,
    read_export,
)


def _merge_two(old: ExportedReferral, new: ExportedReferral) -> ExportedReferral:
    later, earlier = (new, old) if new.last_change >= old.last_change else (old, new)
    history = sorted(
        {(c.at.timestamp(), c.status.value): c for c in (*earlier.history, *later.history)}.items()
    )
    incidents = sorted(
        {(i.at.timestamp(), i.kind): i for i in (*earlier.incidents, *later.incidents)}.items()
    )
    deletions = sorted(
        {
            (d.at.timestamp(), d.original_id, d.correction_id): d
            for d in (*earlier.deletion_requests, *later.deletion_requests)
        }.items()
    )
    reports = sorted(
        {
            (r.at.timestamp(), r.kind.value, r.reported_on, r.channel.value, r.fields): r
            for r in (*earlier.partner_reports, *later.partner_reports)
        }.items()
    )
    return later.model_copy(
        update={
            "partner_reports": tuple(report for _key, report in reports),
            "history": tuple(change for _key, change in history),
            "incidents": tuple(incident for _key, incident in incidents),
            "deletion_requests": tuple(request for _key, request in deletions),
            "recall_count": max(earlier.recall_count, later.recall_count),
            "corrects": later.corrects or earlier.corrects,
            "corrected_by": later.corrected_by or earlier.corrected_by,
        }
    )


def merge_referrals(exports: Iterable[EvaluationExport]) -> list[ExportedReferral]:
    """Each referral once, in ID order."""
    merged: dict[str, ExportedReferral] = {}
    for export in exports:
        for referral in export.referrals:
            known = merged.get(referral.referral_id)
            merged[referral.referral_id] = (
                referral if known is None else _merge_two(known, referral)
            )
    return [merged[key] for key in sorted(merged)]


def _created(referral: ExportedReferral) -> date:
    year, month = (int(part) for part in referral.month.split("-"))
    for change in referral.history:
        day = change.at.date()
        if change.status is ReferralStatus.DRAFT_OPENED and (day.year, day.month) == (year, month):
            return day
    return date(year, month, 1)


def counted_referral(referral: ExportedReferral) -> CountedReferral:
    withdrawn = next(
        (c.at.date() for c in referral.history if c.status is ReferralStatus.WITHDRAWN), None
    )
    return CountedReferral(
        partner_id=referral.partner_id,
        partner_name=referral.partner_name,
        created=_created(referral),
        correction=referral.corrects is not None,
        sent=was_sent(referral.history),
        password_channel=referral.password_channel,
        withdrawn=withdrawn,
        incidents=tuple(incident.at.date() for incident in referral.incidents),
        received=bool(reported_days(referral.partner_reports, PartnerReportKind.RECEIVED)),
        could_not_open=reported_days(referral.partner_reports, PartnerReportKind.COULD_NOT_OPEN),
        incorrect_data=reported_days(referral.partner_reports, PartnerReportKind.INCORRECT_DATA),
    )


def team_period(exports: Sequence[EvaluationExport]) -> EvaluationPeriod:
    """From the earliest start to the latest end of the files' periods."""
    return EvaluationPeriod(
        start=min(export.period.start for export in exports),
        end=max(export.period.end for export in exports),
    )


def team_table(exports: Sequence[EvaluationExport]) -> EvaluationTable:
    """Raises EvaluationFileError when there is nothing to merge."""
    if not exports:
        raise EvaluationFileError("Geen evaluatiebestanden gekozen.")
    merged = merge_referrals(exports)
    return count((counted_referral(referral) for referral in merged), team_period(exports))


def json_files_in(folder: Path) -> list[Path]:
    """The ``*.json`` files a team drops in a shared folder, sorted; raises
    EvaluationFileError when the folder cannot be read or holds none."""
    try:
        found = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json" and p.is_file())
    except OSError as error:
        raise EvaluationFileError(
            f"De map {folder} kan niet gelezen worden ({error.strerror or error})."
        ) from None
    if not found:
        raise EvaluationFileError(f"In {folder} staan geen evaluatiebestanden (*.json).")
    return found


def read_team(paths: Sequence[Path]) -> EvaluationTable:
    """Reads every file (the first bad one stops it, named in the message) and counts."""
    return team_table([read_export(path) for path in paths])
