"""Command line: the GUI by default, plus tools for helpdesks and coordinators."""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="referral-desk",
        description="Doorverwijzingen van Kind en Gezin naar OCMW of CAW, versleuteld.",
    )
    parser.add_subparsers(dest="command", metavar="COMMAND")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv if argv is not None else sys.argv[1:])
    if args.command is None:
        from referral_desk.app import main as gui_main

        return gui_main()
    return 2
