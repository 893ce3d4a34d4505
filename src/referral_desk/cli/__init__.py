"""Command line: the GUI by default, plus tools for helpdesks and coordinators."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from referral_desk.cli import argparse_dutch
from referral_desk.cli.console_output import utf8_everywhere
from referral_desk.storage.paths import AppPaths


def build_parser() -> argparse.ArgumentParser:
    argparse_dutch.install()
    parser = argparse.ArgumentParser(
        prog="referral-desk",
        description="Doorverwijzingen van Kind en Gezin naar OCMW of CAW, versleuteld.",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png",
        help="het venster openen, er een PNG van bewaren en stoppen (installatie nakijken)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    registry = commands.add_parser("registry", help="het partnerregister nakijken")
    actions = registry.add_subparsers(dest="action", metavar="ACTION", required=True)
    validate = actions.add_parser("validate", help="een registerbestand controleren (0 = in orde)")
    validate.add_argument("file", type=Path)
    diff = actions.add_parser("diff", help="verschillen tussen twee registerbestanden")
    diff.add_argument("old", type=Path)
    diff.add_argument("new", type=Path)
    export = actions.add_parser("export", help="partners naar CSV voor Excel")
    export.add_argument("--csv", type=Path, required=True, metavar="FILE", dest="csv_file")
    export.add_argument(
        "--registry",
        type=Path,
        help="partnerregisterbestand (standaard: het actieve partnerregister)",
    )
    imp = actions.add_parser(
        "import", help="partners uit CSV nakijken en (met --output) een nieuw register maken"
    )
    imp.add_argument("--csv", type=Path, required=True, metavar="FILE", dest="csv_file")
    imp.add_argument(
        "--base", type=Path, help="partnerregister om bij te werken (standaard: het actieve)"
    )
    imp.add_argument("--output", type=Path, help="nieuw registerbestand (anders enkel nakijken)")
    imp.add_argument(
        "--version",
        dest="registry_version",
        help="versie van het nieuwe partnerregister (een andere dan die van --base)",
    )
    imp.add_argument("--changed-by", help="wie het partnerregister wijzigde")
    imp.add_argument("--date", type=date.fromisoformat, help="registerdatum (standaard: vandaag)")
    sign = actions.add_parser(
        "sign", help="een partnerregister ondertekenen met een minisign-sleutel (FILE.minisig)"
    )
    sign.add_argument("file", type=Path)
    sign.add_argument(
        "--key", type=Path, required=True, metavar="SECRET_KEY", help="geheime minisign-sleutel"
    )
    sign.add_argument(
        "--password-stdin",
        action="store_true",
        help="het wachtwoord van de sleutel van standaardinvoer lezen (anders gevraagd)",
    )
    verify = actions.add_parser(
        "verify", help="de handtekening (FILE.minisig) nakijken (0 = geldig en vertrouwd)"
    )
    verify.add_argument("file", type=Path)
    verify.add_argument(
        "--pubkey",
        type=Path,
        metavar="PUBLIC_KEY",
        help="publieke minisign-sleutel (standaard: de vertrouwde sleutels van deze machine)",
    )
    leaflet = commands.add_parser(
        "leaflet", help="het informatieblad voor de cliënt als PDF (0 = geschreven)"
    )
    leaflet.add_argument("--partner", required=True, metavar="PARTNER_ID")
    leaflet.add_argument("--lang", required=True, metavar="LANG", help="nl fr en ar tr pl ro uk")
    leaflet.add_argument("--output", required=True, metavar="FILE.pdf", type=Path)
    leaflet.add_argument(
        "--referrer-name", help="contactpersoon op het blad (standaard: uit uw profiel)"
    )
    leaflet.add_argument("--referrer-phone", help="telefoon (standaard: uit uw profiel)")
    leaflet.add_argument("--team", help="lokaal team (standaard: uit uw profiel)")
    evaluation = commands.add_parser(
        "evaluation", help="de cijfers voor de jaarlijkse evaluatie, over de laptops van het team"
    )
    steps = evaluation.add_subparsers(dest="action", metavar="ACTION", required=True)
    export_figures = steps.add_parser(
        "export", help="wat de evaluatie nodig heeft uit het logboek van deze laptop, als JSON"
    )
    export_figures.add_argument("--output", type=Path, required=True, metavar="FILE")
    export_figures.add_argument(
        "--from", dest="date_from", metavar="JJJJ-MM-DD", help="eerste dag (standaard: 12 maanden)"
    )
    export_figures.add_argument(
        "--to", dest="date_to", metavar="JJJJ-MM-DD", help="laatste dag (standaard: vandaag)"
    )
    merge = steps.add_parser(
        "merge", help="de evaluatiebestanden van het team samenvoegen per partner en maand"
    )
    merge.add_argument("files", nargs="+", type=Path, metavar="FILE")
    merge.add_argument("--csv", type=Path, required=True, metavar="OUT", dest="csv_file")
    merge.add_argument("--png", type=Path, metavar="CHART", help="de grafiek als PNG")
    referral_log = commands.add_parser("log", help="het logboek van doorverwijzingen")
    log_steps = referral_log.add_subparsers(dest="action", metavar="ACTION", required=True)
    log_steps.add_parser(
        "open-actions",
        help="wat nog moet gebeuren, per doorverwijzing (0 = niets open, 1 = iets open)",
    )
    selftest = commands.add_parser(
        "selftest", help="installatie nakijken voor de helpdesk (0 = alles in orde)"
    )
    selftest.add_argument("--json", action="store_true", help="rapport als JSON")
    return parser


def selftest_main(*, json_output: bool, out: TextIO) -> int:
    from referral_desk.cli.selftest import render_text, run_selftest

    report = run_selftest(AppPaths.from_platform())
    if json_output:
        # ASCII with \u escapes: valid JSON whatever code page an IT script decodes it with.
        out.write(json.dumps(report.model_dump(mode="json"), indent=2) + "\n")
    else:
        out.write(render_text(report))
    return 0 if report.ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    utf8_everywhere()
    if argv is None:
        # A frozen build has one executable; the MAPI adapter starts it again as its helper.
        from referral_desk.delivery.mapi_helper import run_if_requested

        run_if_requested(sys.argv)
    args = build_parser().parse_args(list(argv) if argv is not None else sys.argv[1:])
    if args.command == "registry":
        from referral_desk.cli import registry as registry_cli

        return registry_cli.run(args, sys.stdout)
    if args.command == "leaflet":
        from referral_desk.cli import leaflet as leaflet_cli

        return leaflet_cli.leaflet_main(args, sys.stdout)
    if args.command == "evaluation":
        from referral_desk.cli import evaluation as evaluation_cli

        return evaluation_cli.run(args, sys.stdout)
    if args.command == "log":
        from referral_desk.cli import log as log_cli

        return log_cli.run(args, sys.stdout, sys.stderr)
    if args.command == "selftest":
        return selftest_main(json_output=args.json, out=sys.stdout)
    from referral_desk.app import main as gui_main

    return gui_main(screenshot=args.screenshot)
