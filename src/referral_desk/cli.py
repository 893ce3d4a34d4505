"""Command line: the GUI by default, plus tools for helpdesks and coordinators."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_diff import diff_registries, render_diff
from referral_desk.domain.registry_file import RegistryError, load_registry_file
from referral_desk.storage.paths import AppPaths


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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(argv) if argv is not None else sys.argv[1:])
    if args.command == "registry":
        if args.action == "validate":
            return registry_validate(args.file, sys.stdout)
        return registry_diff(args.old, args.new, sys.stdout)
    from referral_desk.app import main as gui_main

    return gui_main()
