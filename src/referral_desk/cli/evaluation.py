"""``referral-desk evaluation export / merge``: the team's yearly figures across laptops.

Apart from :mod:`referral_desk.cli` so that starting the window loads none of it; Qt is only
imported for ``merge --png``, on the offscreen platform.

Exit codes: 0 written; 1 the referral log cannot be read, a file cannot be read or written;
2 a date or period that is not one (corrected on the command line); 3 no referral log on
this laptop (nothing to export).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TextIO

from pydantic import ValidationError

from referral_desk.domain.dutch_counts import counted
from referral_desk.lifecycle.evaluation import EvaluationPeriod, last_twelve_months, to_csv_bytes
from referral_desk.lifecycle.evaluation_export import (
    EvaluationFileError,
    export_from_log,
    write_export,
)
from referral_desk.lifecycle.evaluation_figures import save_figures
from referral_desk.lifecycle.team_figures import read_team
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import ReferralLog, ReferralLogError
from referral_desk.storage.referral_log_adoption import log_file_exists

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_NO_LOG = 3


def _day(text: str | None, flag: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{flag} {text!r} is geen datum; schrijf ze als 2026-01-31.") from None


def _period(args: argparse.Namespace, today: date) -> EvaluationPeriod:
    start = _day(args.date_from, "--from")
    end = _day(args.date_to, "--to")
    default = last_twelve_months(today)
    try:
        return EvaluationPeriod(start=start or default.start, end=end or default.end)
    except ValidationError:
        raise ValueError("--from ligt na --to; geef een periode die klopt.") from None


def export_main(
    args: argparse.Namespace,
    out: TextIO,
    paths: AppPaths,
    now: Callable[[], datetime] = lambda: datetime.now(UTC).astimezone(),
) -> int:
    moment = now()
    try:
        period = _period(args, moment.date())
    except ValueError as error:
        out.write(f"{error}\n")
        return EXIT_USAGE
    log_file = paths.referral_log_file
    if not log_file_exists(log_file):
        out.write(
            f"Op deze laptop is er geen logboek van doorverwijzingen ({log_file}); "
            "er is niets om te exporteren.\n"
        )
        return EXIT_NO_LOG
    try:
        referral_log = ReferralLog.open(log_file)
    except ReferralLogError as error:
        out.write(f"{error.message}\n")
        return EXIT_FAILED
    try:
        export = export_from_log(referral_log, period, moment)
    except ReferralLogError as error:
        out.write(f"{error.message}\n")
        return EXIT_FAILED
    finally:
        referral_log.close()
    try:
        write_export(args.output, export)
    except EvaluationFileError as error:
        out.write(f"{error.message}\n")
        return EXIT_FAILED
    out.write(
        f"{len(export.referrals)} doorverwijzingen van {period.start} tot en met {period.end} "
        f"geschreven naar {args.output}. Bezorg dit bestand aan de coördinator.\n"
    )
    return EXIT_OK


def merge_main(args: argparse.Namespace, out: TextIO) -> int:
    try:
        table = read_team(args.files)
        save_figures(args.csv_file, to_csv_bytes(table))
        if args.png is not None:
            from referral_desk.ui.evaluation_chart import chart_png

            save_figures(args.png, chart_png(table))
    except EvaluationFileError as error:
        out.write(f"{error.message}\n")
        return EXIT_FAILED
    total = table.total()
    out.write(
        f"{counted(len(args.files), 'bestand', 'bestanden')}: {total.referrals} verstuurd, "
        f"{total.never_sent} nooit verstuurd, "
        f"{counted(total.corrections, 'correctie', 'correcties')}, "
        f"{counted(total.withdrawals, 'intrekking', 'intrekkingen')}, "
        f"{counted(total.incidents, 'incident', 'incidenten')}, "
        f"{total.received} met ontvangst bevestigd, "
        f"{total.could_not_open} keer kon de partner niet openen, "
        f"{counted(total.incorrect_data, 'melding', 'meldingen')} van foutieve gegevens. "
        f"CSV: {args.csv_file}"
        + (f", grafiek: {args.png}" if args.png is not None else "")
        + "\n"
    )
    return EXIT_OK


def run(args: argparse.Namespace, out: TextIO) -> int:
    if args.action == "export":
        return export_main(args, out, AppPaths.from_platform())
    return merge_main(args, out)
