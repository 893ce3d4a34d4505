"""Reading a partner registry file (TOML) into a trusted :class:`PartnerRegistry`.

A registry decides where a family's data goes, so it is validated like user input:
every problem is reported with file, line, field, value and what was expected, and
a registry with any problem is refused as a whole.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from referral_desk.domain.partners import Partner, PartnerRegistry
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.errors import UserFacingError

MAX_REGISTRY_BYTES = 1_000_000
REGISTRY_SCHEMA_VERSION = 1


class RegistryDocument(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1]
    registry_version: str = Field(min_length=1)
    registry_date: date
    changed_by: str = Field(min_length=1)
    partners: tuple[Partner, ...] = Field(min_length=1)


@dataclass(frozen=True)
class RegistryProblem:
    file: str
    line: int | None
    field: str
    value: str
    expected: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        value = f" (waarde: {self.value})" if self.value else ""
        return f"{where}: {self.field}: {self.expected}{value}"


class RegistryError(UserFacingError):
    """Every problem in a registry file; the app refuses the whole file."""

    def __init__(self, problems: Sequence[RegistryProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class LoadedRegistry:
    registry: PartnerRegistry
    document: RegistryDocument
    source: Path


def _locate(text: str, loc: Sequence[int | str]) -> int | None:
    """Best-effort line number for a pydantic error location like partners.1.protocol.x."""
    lines = text.splitlines()
    start, stop = 0, len(lines)
    if len(loc) >= 2 and loc[0] == "partners" and isinstance(loc[1], int):
        headers = [i for i, ln in enumerate(lines) if re.match(r"^\s*\[\[\s*partners\s*\]\]", ln)]
        if loc[1] >= len(headers):
            return None
        start = headers[loc[1]]
        stop = headers[loc[1] + 1] if loc[1] + 1 < len(headers) else len(lines)
        rest = [str(part) for part in loc[2:] if isinstance(part, str)]
    else:
        rest = [str(part) for part in loc if isinstance(part, str)]
    if not rest:
        return start + 1
    if len(rest) > 1:
        table = re.compile(r"^\s*\[\s*partners\s*\.\s*" + re.escape(rest[0]) + r"\s*\]")
        for i in range(start, stop):
            if table.match(lines[i]):
                start = i
                break
    key = re.compile(r"^\s*" + re.escape(rest[-1]) + r"\s*=")
    for i in range(start, stop):
        if key.match(lines[i]):
            return i + 1
    return start + 1 if loc and loc[0] == "partners" else None


def _value_at(data: Any, loc: Sequence[int | str]) -> str:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return ""
    text = repr(data) if not isinstance(data, str) else data
    return text if len(text) <= 80 else text[:77] + "..."


def _dotted(loc: Sequence[int | str]) -> str:
    return ".".join(f"[{p + 1}]" if isinstance(p, int) else p for p in loc).replace(".[", "[")


_DUTCH = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekende sleutel (tikfout?); alleen de velden uit de handleiding mogen",
    "string_type": "verwacht tekst tussen aanhalingstekens",
    "string_too_short": "te kort (minstens {min_length} tekens)",
    "string_pattern_mismatch": "heeft niet de verwachte vorm ({pattern})",
    "too_short": "moet minstens {min_length} element(en) bevatten",
    "tuple_type": "verwacht een lijst tussen [ ]",
    "date_type": "verwacht een datum als JJJJ-MM-DD (zonder aanhalingstekens)",
    "date_from_datetime_parsing": "verwacht een datum als JJJJ-MM-DD",
    "date_parsing": "verwacht een datum als JJJJ-MM-DD",
    "literal_error": "verwacht een van: {expected}",
    "enum": "verwacht een van: {expected}",
    "int_type": "verwacht een geheel getal",
    "model_type": "verwacht een tabel",
}


def _expected(error: Any) -> str:
    template = _DUTCH.get(error["type"])
    if template is not None:
        try:
            return template.format(**error.get("ctx", {})).replace("' or '", "' of '")
        except (KeyError, IndexError):
            return template
    return str(error["msg"]).removeprefix("Value error, ")


def _schema_errors(error: ValidationError) -> list[Any]:
    """Drop "no partners" when partners exist but each has its own, more precise error."""
    errors = list(error.errors())
    nested = any(len(e["loc"]) > 2 and e["loc"][0] == "partners" for e in errors)
    return [e for e in errors if not (nested and tuple(e["loc"]) == ("partners",))]


def syntax_error(error: Exception, file: str) -> RegistryError:
    """A TOML parser's error (tomllib or tomlkit) as the registry's own, with its line."""
    match = re.search(r"line (\d+)", str(error))
    line = int(match.group(1)) if match else None
    return RegistryError(
        [RegistryProblem(file, line, "(syntaxis)", "", f"geen geldige TOML: {error}")]
    )


def _parse_toml(text: str, file: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise syntax_error(error, file) from None
    if not data:
        raise RegistryError([RegistryProblem(file, None, "(bestand)", "", "het bestand is leeg")])
    return data


def _schema_problems(
    text: str, data: dict[str, Any], error: ValidationError, file: str
) -> list[RegistryProblem]:
    return [
        RegistryProblem(
            file,
            _locate(text, e["loc"]),
            _dotted(e["loc"]) or "(bestand)",
            _value_at(data, e["loc"]),
            _expected(e),
        )
        for e in _schema_errors(error)
    ]


def _valid_partners(data: dict[str, Any]) -> list[tuple[int, Partner]]:
    """Partners that pass on their own, so cross-checks still run when others do not."""
    raw = data.get("partners")
    found: list[tuple[int, Partner]] = []
    if isinstance(raw, list):
        for index, item in enumerate(raw):
            try:
                found.append((index, Partner.model_validate(item)))
            except ValidationError:
                continue
    return found


def load_registry_text(text: str, table: PostcodeTable, *, file: str) -> RegistryDocument:
    """Every problem at once: schema, postcodes and NIS codes, overlaps between partners."""
    data = _parse_toml(text, file)
    document: RegistryDocument | None = None
    try:
        document = RegistryDocument.model_validate(data)
    except ValidationError as error:
        problems = _schema_problems(text, data, error, file)
    else:
        problems = []
    problems += _cross_check(text, _valid_partners(data), table, file)
    if problems or document is None:
        raise RegistryError(problems)
    return document


def _cross_check(
    text: str, partners: list[tuple[int, Partner]], table: PostcodeTable, file: str
) -> list[RegistryProblem]:
    problems: list[RegistryProblem] = []
    for index, partner in partners:
        seen_nis = set(partner.municipalities)
        for nis in partner.municipalities:
            if table.municipality(nis) is None:
                problems.append(
                    RegistryProblem(
                        file,
                        _locate(text, ("partners", index, "municipalities")),
                        f"partners[{index + 1}].municipalities",
                        nis,
                        "onbekende NIS-code",
                    )
                )
        for postcode in partner.postcodes:
            owners = {m.nis_code for m in table.municipalities_for(postcode)}
            if not owners:
                expected = "onbekende postcode"
            elif not owners & seen_nis:
                expected = "postcode hoort niet bij een van de gemeenten van deze partner"
            else:
                continue
            problems.append(
                RegistryProblem(
                    file,
                    _locate(text, ("partners", index, "postcodes")),
                    f"partners[{index + 1}].postcodes",
                    postcode,
                    expected,
                )
            )
    ids: dict[str, int] = {}
    for index, partner in partners:
        if partner.id in ids:
            problems.append(
                RegistryProblem(
                    file,
                    _locate(text, ("partners", index, "id")),
                    f"partners[{index + 1}].id",
                    partner.id,
                    f"id komt al voor bij partner {ids[partner.id] + 1}",
                )
            )
        ids.setdefault(partner.id, index)
    for position, (a_index, a) in enumerate(partners):
        for b_index, b in partners[position + 1 :]:
            shared = sorted(set(a.postcodes) & set(b.postcodes))
            if shared and _overlap(a, b):
                problems.append(
                    RegistryProblem(
                        file,
                        _locate(text, ("partners", b_index, "postcodes")),
                        f"partners[{b_index + 1}].postcodes",
                        ", ".join(shared),
                        f"postcode wordt in dezelfde periode al bediend door {a.name} "
                        f"(partner {a_index + 1}); beëindig eerst dat protocol",
                    )
                )
    return problems


def _overlap(a: Partner, b: Partner) -> bool:
    far = date.max
    a_end = a.protocol.ended_on or far
    b_end = b.protocol.ended_on or far
    return a.protocol.in_force_from < b_end and b.protocol.in_force_from < a_end


def read_registry_text(path: Path) -> str:
    """The file's text, or RegistryError for unreadable, oversized, non-UTF-8 or binary files;
    shared by loading, the editor and the CSV import so they refuse the same files."""
    file = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_REGISTRY_BYTES + 1)
    except OSError as error:
        raise RegistryError(
            [
                RegistryProblem(
                    file, None, "(bestand)", "", f"kan niet gelezen worden: {error.strerror}"
                )
            ]
        ) from None
    if len(raw) > MAX_REGISTRY_BYTES:
        raise RegistryError(
            [
                RegistryProblem(
                    file,
                    None,
                    "(bestand)",
                    "",
                    f"te groot (meer dan {MAX_REGISTRY_BYTES // 1000} kB); "
                    "is dit wel een partnerregister?",
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RegistryError(
            [
                RegistryProblem(
                    file,
                    raw[: error.start].count(b"\n") + 1,
                    "(bestand)",
                    "",
                    "geen UTF-8-tekst; sla het bestand op als UTF-8 (geen binair bestand)",
                )
            ]
        ) from None
    if "\x00" in text:
        raise RegistryError(
            [
                RegistryProblem(
                    file,
                    None,
                    "(bestand)",
                    "",
                    "bevat binaire gegevens; is dit wel een partnerregister?",
                )
            ]
        )
    return text


def load_registry_file(path: Path, table: PostcodeTable) -> LoadedRegistry:
    text = read_registry_text(path)
    document = load_registry_text(text, table, file=str(path))
    return LoadedRegistry(PartnerRegistry(document.partners, table), document, path)
