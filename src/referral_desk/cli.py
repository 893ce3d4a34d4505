"""Command line: the GUI by default, plus tools for helpdesks and coordinators."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_csv import (
    CsvImportError,
    decode_csv,
    export_csv,
    import_csv,
)
from referral_desk.domain.registry_diff import diff_registries, render_diff
from referral_desk.domain.registry_edit import EditableRegistry
from referral_desk.domain.registry_file import (
    RegistryError,
    RegistryProblem,
    load_registry_file,
    read_registry_text,
)
from referral_desk.domain.registry_input import HeaderInput
from referral_desk.domain.registry_rules import (
    NewVersionRefused,
    RegistryBase,
    check_new_version,
    describe_changes,
)
from referral_desk.storage.atomic_file import atomic_write_bytes
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.registry_location import RegistrySource, active_registry_source


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="referral-desk",
        description="Doorverwijzingen van Kind en Gezin naar OCMW of CAW, versleuteld.",
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
    selftest = commands.add_parser(
        "selftest", help="installatie nakijken voor de helpdesk (0 = alles in orde)"
    )
    selftest.add_argument("--json", action="store_true", help="rapport als JSON")
    return parser


def _table() -> PostcodeTable:
    return PostcodeTable.load_bundled(AppPaths.from_platform().resources_dir)


def registry_validate(file: Path, out: TextIO) -> int:
    try:
        loaded = load_registry_file(file, _table())
    except RegistryError as error:
        out.write(f"{len(error.problems)} probleem/problemen in {file}:\n")
        for problem in error.problems:
            out.write(f"  {problem}\n")
        return 1
    document = loaded.document
    out.write(
        f"{file}: in orde — versie {document.registry_version} van "
        f"{document.registry_date}, {len(document.partners)} partners.\n"
    )
    return 0


def registry_diff(old: Path, new: Path, out: TextIO) -> int:
    table = _table()
    try:
        before = load_registry_file(old, table).document
        after = load_registry_file(new, table).document
    except RegistryError as error:
        for problem in error.problems:
            out.write(f"{problem}\n")
        return 1
    bold = ("\033[1m", "\033[0m") if out.isatty() else ("**", "**")
    out.write(render_diff(diff_registries(before, after), bold=bold) + "\n")
    return 0


def _active_registry_file() -> Path:
    paths = AppPaths.from_platform()
    if active_registry_source(paths) is RegistrySource.MACHINE:
        return paths.machine_registry
    return paths.bundled_registry


def registry_export(csv_file: Path, registry: Path | None, out: TextIO) -> int:
    source = registry or _active_registry_file()
    try:
        document = load_registry_file(source, _table()).document
    except RegistryError as error:
        for problem in error.problems:
            out.write(f"{problem}\n")
        return 1
    try:
        atomic_write_bytes(csv_file, export_csv(document).encode("utf-8-sig"), mode=0o644)
    except OSError as error:
        out.write(f"{csv_file}: kan niet geschreven worden ({error.strerror or error})\n")
        return 1
    out.write(f"{len(document.partners)} partners uit {source} geschreven naar {csv_file}.\n")
    return 0


# The import's flags for the header fields the registry rules report problems under.
_HEADER_FLAGS = {"version": "--version", "date": "--date", "changed_by": "--changed-by"}


def _write_invalid(out: TextIO, problems: Sequence[RegistryProblem]) -> None:
    out.write("De partners uit de CSV samen vormen geen geldig partnerregister:\n")
    out.writelines(f"  {problem}\n" for problem in problems)


def registry_import(args: argparse.Namespace, out: TextIO) -> int:
    """Without --output only checks and shows the changes; with it, writes the new registry
    under the same rules as the registry editor (:mod:`referral_desk.domain.registry_rules`)."""
    table = _table()
    base_file: Path = args.base or _active_registry_file()
    try:
        rows = import_csv(decode_csv(args.csv_file.read_bytes()))
    except OSError as error:
        out.write(f"{args.csv_file}: kan niet gelezen worden ({error.strerror or error})\n")
        return 1
    except CsvImportError as error:
        out.write(f"{len(error.problems)} probleem/problemen in {args.csv_file}:\n")
        out.writelines(f"  {problem}\n" for problem in error.problems)
        return 1
    try:
        base_text = read_registry_text(base_file)
        editable = EditableRegistry.from_text(base_text, file=str(base_file))
        base = RegistryBase(base_text, editable.validate(table))
    except RegistryError as error:
        out.write(f"Het basisregister {base_file} is zelf niet in orde:\n")
        out.writelines(f"  {problem}\n" for problem in error.problems)
        return 1
    editable.set_partners(rows)
    editable.file = str(args.csv_file)
    bold = ("\033[1m", "\033[0m") if out.isatty() else ("**", "**")
    if args.output is None:
        try:
            after = editable.validate(table)
        except RegistryError as error:
            _write_invalid(out, error.problems)
            return 1
        out.write(describe_changes(base, after, bold=bold) + "\n")
        out.write(
            "In orde. Niets geschreven; geef --output FILE om het partnerregister te maken.\n"
        )
        return 0
    header = HeaderInput(
        version=args.registry_version or "",
        date_text=(args.date or date.today()).isoformat(),
        changed_by=args.changed_by or "",
    )
    header.apply_to(editable)
    try:
        after = check_new_version(editable, table, base, header)
    except NewVersionRefused as refused:
        if refused.registry_problems:
            _write_invalid(out, refused.registry_problems)
        if refused.document is not None:
            out.write(describe_changes(base, refused.document, bold=bold) + "\n")
        out.writelines(
            f"{_HEADER_FLAGS[key]}: {message}\n" for key, message in refused.header_problems.items()
        )
        out.write(f"Niets geschreven naar {args.output}.\n")
        return 1
    out.write(describe_changes(base, after, bold=bold) + "\n")
    try:
        atomic_write_bytes(args.output, editable.to_text().encode("utf-8"), mode=0o644)
    except OSError as error:
        out.write(f"{args.output}: kan niet geschreven worden ({error.strerror or error})\n")
        return 1
    out.write(f"Nieuw partnerregister geschreven: {args.output}\n")
    return 0


def selftest_main(*, json_output: bool, out: TextIO) -> int:
    from referral_desk.selftest import render_text, run_selftest

    report = run_selftest(AppPaths.from_platform())
    out.write(report.model_dump_json(indent=2) + "\n" if json_output else render_text(report))
    return 0 if report.ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        # A frozen build has one executable; the MAPI adapter starts it again as its helper.
        from referral_desk.delivery.mapi_helper import run_if_requested

        run_if_requested(sys.argv)
    args = build_parser().parse_args(list(argv) if argv is not None else sys.argv[1:])
    if args.command == "registry":
        if args.action == "validate":
            return registry_validate(args.file, sys.stdout)
        if args.action == "export":
            return registry_export(args.csv_file, args.registry, sys.stdout)
        if args.action == "import":
            return registry_import(args, sys.stdout)
        return registry_diff(args.old, args.new, sys.stdout)
    if args.command == "selftest":
        return selftest_main(json_output=args.json, out=sys.stdout)
    from referral_desk.app import main as gui_main

    return gui_main()
