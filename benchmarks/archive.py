"""Encrypting a typical referral: our in-memory py7zr path against stock 7zz.

    python benchmarks/archive.py [--rounds 9]

Interleaved rounds, medians. The 7zz figure includes starting the process and reading
the two files from disk, which is what a user of 7-Zip by hand pays too. A third
column shows py7zr without our key derivation, to show where the time went.
Ends with ``ratio: X.XX`` (ours / 7zz).
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import py7zr.compressor

from referral_desk.domain.referral import (
    ClientDetails,
    Consent,
    PartnerSnapshot,
    Referral,
    ReferrerProfile,
)
from referral_desk.packaging.archive import build_encrypted_archive, read_encrypted_archive
from referral_desk.packaging.documents import render_referral_json, render_referral_pdf
from referral_desk.packaging.key_derivation import (
    install_fast_key_derivation,
    original_key_function,
)
from referral_desk.packaging.password import generate_password

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
        consent=Consent(informed=True, consented=True, recorded_on=date(2026, 11, 22)),
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    rounds = max(7, parser.parse_args().rounds)
    seven_zip = shutil.which("7zz")
    if seven_zip is None:
        print("7zz not found (apt-get install 7zip)", file=sys.stderr)
        return 2
    files = typical_files()
    password = generate_password()
    work = Path(tempfile.mkdtemp(prefix="rd-bench-"))
    for name, data in files.items():
        (work / name).write_bytes(data)

    def ours() -> None:
        install_fast_key_derivation()
        build_encrypted_archive(files, password)

    def stock() -> None:
        target = work / "out.7z"
        target.unlink(missing_ok=True)
        subprocess.run(
            [
                seven_zip,
                "a",
                "-t7z",
                "-mhe=on",
                f"-p{password}",
                str(target),
                *(str(work / n) for n in files),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )

    slow_key = original_key_function()

    def plain_py7zr() -> None:
        """py7zr as shipped: default filters, key derived in Python, twice."""
        py7zr.compressor.calculate_key = slow_key  # type: ignore[attr-defined]
        with py7zr.SevenZipFile(
            io.BytesIO(), "w", password=password, header_encryption=True
        ) as archive:
            for name, data in files.items():
                archive.writestr(data, name)

    ours()
    stock()
    samples: dict[str, list[float]] = {"ours": [], "7zz": [], "py7zr (stock)": []}
    for _ in range(rounds):
        samples["ours"].append(timed(ours))
        samples["7zz"].append(timed(stock))
        samples["py7zr (stock)"].append(timed(plain_py7zr))
    install_fast_key_derivation()
    check = build_encrypted_archive(files, password)
    assert read_encrypted_archive(check, password) == files
    (work / "check.7z").write_bytes(check)
    subprocess.run(
        [seven_zip, "t", f"-p{password}", str(work / "check.7z")],
        check=True,
        stdout=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    shutil.rmtree(work)

    payload = sum(len(d) for d in files.values())
    print(
        f"payload: {payload} bytes (PDF {len(files['doorverwijzing.pdf'])}, "
        f"JSON {len(files['doorverwijzing.json'])}), {rounds} interleaved rounds"
    )
    for name, values in samples.items():
        print(
            f"{name:>14}: median {statistics.median(values) * 1000:7.1f} ms  "
            f"(min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})"
        )
    ratio = statistics.median(samples["ours"]) / statistics.median(samples["7zz"])
    print(f"ratio: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
