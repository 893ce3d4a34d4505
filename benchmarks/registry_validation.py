"""Validating a registry with every kind of problem, against parsing its TOML alone.

    python benchmarks/registry_validation.py [--partners 1000] [--rounds 5]

The registry has *partners* partners that all serve postcode 3970 in one open-ended period
(every one overlaps every earlier one: the case that once took minutes on the GUI thread
at start), and each also has one more problem in turn: a bad mailbox, an unknown key, a
missing field, a wrong type, an end before its start, an unknown NIS code, an unknown
postcode, a postcode of another municipality, a duplicate id, or none.

* validate: ``load_registry_text``, the check the window, the editor, the CLI and the
  self-test run, up to the RegistryError with every problem and its line.
* tomllib: ``tomllib.loads`` of the same text, the floor any validation pays.

One untimed run of each, then interleaved rounds; medians. Ends with ``ratio: X.XX``
(validate / tomllib); the target is that validate stays under a second for 1,000 partners.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.registry.parsing import load_registry_text

ROOT = Path(__file__).resolve().parents[1]

HEADER = """schema_version = 1
registry_version = "2026.1"
registry_date = 2026-11-22
changed_by = "benchmark"
"""

# One extra problem per partner, in turn: (text to replace, replacement).
PROBLEMS: tuple[tuple[str, str], ...] = (
    ('mailbox = "ocmw@example.be"', 'mailbox = "ocmw(at)example.be"'),
    ('region = "Vlaanderen"', 'regoin = "Vlaanderen"'),
    ('kind = "OCMW"\n', ""),
    ('postcodes = ["3970"]', 'postcodes = "3970"'),
    ("in_force_from = 2024-02-01", "in_force_from = 2024-02-01\nended_on = 2023-01-01"),
    ('municipalities = ["71034"]', 'municipalities = ["71034", "99999"]'),
    ('postcodes = ["3970"]', 'postcodes = ["3970", "3979"]'),
    ('postcodes = ["3970"]', 'postcodes = ["3970", "8940"]'),
    ('id = "ocmw-{n}"', 'id = "ocmw-0"'),
    ("", ""),
)

PARTNER = """
# Partner {n}
[[partners]]
id = "ocmw-{n}"
name = "OCMW {n}"
kind = "OCMW"
region = "Vlaanderen"
mailbox = "ocmw@example.be"
municipalities = ["71034"]
postcodes = ["3970"]

[partners.protocol]
reference = "Protocol {n}"
local_teams = ["Kind en Gezin West-Limburg"]
in_force_from = 2024-02-01
"""


def broken_registry(partners: int) -> str:
    """A registry text whose every partner overlaps the others and has one more problem."""
    blocks = [HEADER]
    for n in range(partners):
        old, new = PROBLEMS[n % len(PROBLEMS)]
        block = PARTNER.format(n=n)
        blocks.append(block.replace(old.format(n=n), new.format(n=n)) if old else block)
    return "".join(blocks)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partners", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    table = PostcodeTable.load_bundled(ROOT / "resources")
    text = broken_registry(args.partners)
    found: list[int] = []

    def validate() -> None:
        try:
            load_registry_text(text, table, file="partners.toml")
        except RegistryError as error:
            found.append(len(error.problems))
        else:
            raise AssertionError("a registry with every kind of problem was accepted")

    contenders: dict[str, Callable[[], object]] = {
        "validate": validate,
        "tomllib": lambda: tomllib.loads(text),
    }
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for action in contenders.values():
        action()
    order = list(contenders)
    for round_number in range(args.rounds):
        shift = round_number % len(order)
        for name in order[shift:] + order[:shift]:
            samples[name].append(timed(contenders[name]))

    print(
        f"registry: {args.partners} partners on one postcode, {len(text):,} characters, "
        f"{found[-1]} problems reported; {args.rounds} interleaved rounds, medians"
    )
    for name, values in samples.items():
        print(
            f"{name:>9}: median {statistics.median(values):.3f} s  "
            f"(min {min(values):.3f}, max {max(values):.3f})"
        )
    validate_s = statistics.median(samples["validate"])
    print(f"validate_seconds: {validate_s:.3f} (target: under 1 s for 1000 partners)")
    print(f"ratio: {validate_s / statistics.median(samples['tomllib']):.2f}")
    return 0 if validate_s < 1.0 or args.partners != 1000 else 1


if __name__ == "__main__":
    sys.exit(main())
