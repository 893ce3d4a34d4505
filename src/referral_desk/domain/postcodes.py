"""Every Belgian postcode and the municipality (or, rarely, municipalities) it belongs to.

The whole country is bundled, not just the partners' postcodes, so the app can tell an
unknown postcode from one whose OCMW simply has no protocol with us. The table is generated
by ``scripts/build_postcode_table.py`` from Statbel's data (CC BY 4.0); see
``resources/data/POSTCODES-NOTICE.md``.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

_NisCode = Annotated[str, Field(pattern=r"^[0-9]{5}$")]
_Postcode = Annotated[str, Field(pattern=r"^[1-9][0-9]{3}$")]
_Name = Annotated[str, Field(min_length=1)]

SCHEMA = 1
"""The one file layout this code reads; the build script writes the same number."""


class PostcodeTableError(Exception):
    """The bundled table is missing or damaged: a packaging bug, never the user's input."""


class Region(StrEnum):
    VLAANDEREN = "VL"
    WALLONIE = "WA"
    BRUSSEL = "BR"


class Municipality(BaseModel, frozen=True):
    """A municipality as Statbel lists it; ``nis_code`` is the key partners refer to."""

    nis_code: _NisCode
    name_nl: _Name
    name_fr: _Name
    region: Region


class _Document(BaseModel):
    """The file format: strict, so a damaged file fails loudly instead of half-loading."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    # Not Literal[1]: pydantic's Literal check lets JSON ``true`` through as 1.
    schema_version: Annotated[int, Field(ge=SCHEMA, le=SCHEMA)] = Field(alias="schema")
    source: _Name
    license: _Name
    valid_from: date
    municipalities: dict[_NisCode, tuple[_Name, _Name, Region]]
    postcodes: dict[_Postcode, tuple[_NisCode, ...]]


class PostcodeTable:
    """Lookups both ways between postcodes and municipalities; immutable once built."""

    def __init__(self, document: _Document) -> None:
        self.source: str = document.source
        self.valid_from: date = document.valid_from
        self._municipalities = {
            nis: Municipality(nis_code=nis, name_nl=nl, name_fr=fr, region=region)
            for nis, (nl, fr, region) in document.municipalities.items()
        }
        self._by_postcode: dict[str, tuple[Municipality, ...]] = {}
        by_nis: dict[str, list[str]] = {}
        for postcode, nis_codes in sorted(document.postcodes.items()):
            unknown = [nis for nis in nis_codes if nis not in self._municipalities]
            if not nis_codes or unknown or len(set(nis_codes)) != len(nis_codes):
                raise PostcodeTableError(
                    f"Postcodetabel beschadigd: postcode {postcode} -> {list(nis_codes)}"
                )
            self._by_postcode[postcode] = tuple(self._municipalities[n] for n in nis_codes)
            for nis in nis_codes:
                by_nis.setdefault(nis, []).append(postcode)
        self._postcodes_of = {nis: tuple(codes) for nis, codes in by_nis.items()}

    @classmethod
    def from_json_bytes(cls, data: bytes) -> PostcodeTable:
        try:
            document = _Document.model_validate_json(data)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "begin"
            more = error.error_count() - 1
            raise PostcodeTableError(
                f"Postcodetabel beschadigd bij {where}: {first['msg']}"
                + (f" (en nog {more} fouten)" if more else "")
            ) from None
        return cls(document)

    @classmethod
    def load_bundled(cls, resources_dir: Path) -> PostcodeTable:
        path = resources_dir / "data" / "postcodes.json"
        try:
            data = path.read_bytes()
        except OSError as error:
            raise PostcodeTableError(f"Postcodetabel niet leesbaar: {path}: {error}") from error
        return cls.from_json_bytes(data)

    def municipalities_for(self, postcode: str) -> tuple[Municipality, ...]:
        """Empty for an unknown postcode; more than one where the street decides (1040...)."""
        return self._by_postcode.get(postcode, ())

    def is_known(self, postcode: str) -> bool:
        return postcode in self._by_postcode

    def municipality(self, nis_code: str) -> Municipality | None:
        return self._municipalities.get(nis_code)

    def postcodes_of(self, nis_code: str) -> tuple[str, ...]:
        return self._postcodes_of.get(nis_code, ())

    def all_postcodes(self) -> tuple[str, ...]:
        return tuple(self._by_postcode)


def is_postcode_syntax(text: str) -> bool:
    """ASCII only: ``str.isdigit`` would also pass "١٢٣٤" or "１２３４", which no table holds."""
    return len(text) == 4 and text.isascii() and text.isdigit() and text[0] != "0"
