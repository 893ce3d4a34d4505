"""Encrypting a typical referral: our in-memory py7zr path against stock 7zz.

    python benchmarks/archive.py [--rounds 9]

The payload is what the app really sends: the one-page referral PDF and its JSON,
rendered by the app's own code. Each round times (a) build_encrypted_archive,
(b) ``7zz a -t7z -mhe=on`` on the same two files on disk and (c) the same
build_encrypted_archive with py7zr's own key derivation, in rotating order; medians.
The 7zz figure includes starting the process and reading the files, which is what
7-Zip by hand costs too. Ends with ``ratio: X.XX`` (ours / 7zz).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from referral_desk.domain.referral import (
    ClientDetails,
    Consent,
    PartnerSnapshot,
    Referral,
    ReferrerProfile,
    SheetGiven,
)
from referral_desk.sealing.archive import build_encrypted_archive, read_encrypted_archive
from referral_desk.sealing.documents import render_referral_json, render_referral_pdf
from referral_desk.sealing.key_derivation import stock_key_derivation
from referral_desk.sealing.password import generate_password

ROOT = Path(__file__).resolve().parents[1]


def typical_files() -> dict[str, bytes]:
    referral = Referral(
        referral_id="KG-2026-ACDEFG",
        created_at=datetime(2026, 11, 22, 10, 0).astimezone(),
        client=ClientDetails(
            first_name="Ayşe",
            last_name="Van den Bossche",
            street="Kerkstraat",
            house_number="12",
            postcode="3970",
            municipality="Leopoldsburg",
            phone="+32470123456",
            email="ayse@example.be",
        ),
        consent=Consent(
            informed=True,
            consented=True,
            recorded_on=date(2026, 11, 22),
            sheet_language="nl",
            sheet_version="nl-00000000",
            sheet_given=SheetGiven.HANDED_OVER,
        ),
        referrer=ReferrerProfile(
            name="Sofie Maes",
            team="Kind en Gezin West-Limburg",
            phone="+3211345678",
            email="sofie@example.be",
        ),
        partner=PartnerSnapshot(
            partner_id="ocmw-leopoldsburg",
            name="OCMW Leopoldsburg",
            kind="OCMW",
            mailbox="socialedienst@leopoldsburg.be",
            protocol_reference="Protocol",
            protocol_in_force_from=date(2024, 2, 1),
        ),
    )
    return {
        "doorverwijzing.pdf": render_referral_pdf(referral, ROOT / "resources" / "fonts"),
        "doorverwijzing.json": render_referral_json(referral),
    }


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run_7zz(seven_zip: str, *args: str) -> None:
    subprocess.run(
        [seven_zip, *args], check=True, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9, help="at least 7")
    rounds = max(7, parser.parse_args().rounds)
    seven_zip = shutil.which("7zz")
    if seven_zip is None:
        print("7zz not found (apt-get install 7zip)", file=sys.stderr)
        return 2
    files = typical_files()
    password = generate_password()

    with tempfile.TemporaryDirectory(prefix="rd-bench-") as temp:
        work = Path(temp)
        for name, data in files.items():
            (work / name).write_bytes(data)
        target = work / "out.7z"

        def stock_7zz() -> None:
            target.unlink(missing_ok=True)
            sources = [str(work / name) for name in files]
            run_7zz(seven_zip, "a", "-t7z", "-mhe=on", f"-p{password}", str(target), *sources)

        def py7zr_kdf() -> None:
            with stock_key_derivation():
                build_encrypted_archive(files, password)

        contenders: dict[str, Callable[[], object]] = {
            "ours": lambda: build_encrypted_archive(files, password),
            "7zz": stock_7zz,
            "py7zr KDF": py7zr_kdf,
        }
        samples: dict[str, list[float]] = {name: [] for name in contenders}
        for action in contenders.values():
            action()  # warm up imports, caches and the page cache
        order = list(contenders)
        for round_number in range(rounds):
            shift = round_number % len(order)
            for name in order[shift:] + order[:shift]:
                samples[name].append(timed(contenders[name]))

        # Ours must be what stock 7-Zip opens, byte for byte.
        check = work / "check.7z"
        check.write_bytes(build_encrypted_archive(files, password))
        out = work / "check"
        run_7zz(seven_zip, "x", f"-p{password}", f"-o{out}", "-y", str(check))
        extracted = {path.name: path.read_bytes() for path in out.iterdir()}
        if extracted != files or read_encrypted_archive(check.read_bytes(), password) != files:
            print("our archive does not round-trip through 7zz", file=sys.stderr)
            return 1

    print(
        f"payload: {sum(map(len, files.values()))} bytes (PDF {len(files['doorverwijzing.pdf'])}, "
        f"JSON {len(files['doorverwijzing.json'])}); {rounds} interleaved rounds, medians"
    )
    print("(a) ours: build_encrypted_archive, in memory")
    print("(b) 7zz: includes process start and reading the two files from disk")
    print("(c) py7zr KDF: (a) with py7zr's own key derivation, run twice per archive")
    for name, values in samples.items():
        print(
            f"{name:>10}: median {statistics.median(values) * 1000:7.1f} ms  "
            f"(min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})"
        )
    ratio = statistics.median(samples["ours"]) / statistics.median(samples["7zz"])
    print(f"ratio: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
