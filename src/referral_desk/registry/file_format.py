"""Reading a partner registry file (TOML) into a trusted :class:`PartnerRegistry`.

A registry decides where a family's data goes, so it is validated like user input:
every problem is reported with file, line, field, value and what was expected, and
a registry with any problem is refused as a whole.
"""

from __future__ import annotations

import bisect
import errno
import os
import re
import reprlib
import stat
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.partners import (
    OPGROEIEN_DPO,
    Mailbox,
    Partner,
    PartnerRegistry,
    recipient_not_allowed,
    region_of,
)
from referral_desk.domain.postcodes import PostcodeTable

MAX_REGISTRY_BYTES = 1_000_000
REGISTRY_SCHEMA_VERSION = 1
# A registry nests five levels (file, partners, partner, protocol, local_teams); deeper data
# is no registry, and tomllib (and repr) recurse on it until RecursionError.
MAX_NESTING = 10


class RegistryDocument(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1]
    registry_version: str = Field(min_length=1)
    registry_date: date
    changed_by: str = Field(min_length=1)
    # Opgroeien's DPO for breaches (art. 9); files from before the field load with it.
    dpo_contact: Mailbox = OPGROEIEN_DPO
    partners: tuple[Partner, ...] = Field(min_length=1)


MISSING = "verplicht veld ontbreekt"

# What a coordinator calls a field, and whether the word is plural ("gemeenten ontbreken").
_FIELD_WORDS: dict[str, tuple[str, bool]] = {
    "schema_version": ("schemaversie", False),
    "registry_version": ("versie", False),
    "registry_date": ("registerdatum", False),
    "changed_by": ("gewijzigd door", False),
    "dpo_contact": ("DPO-contact", False),
    "partners": ("partners", True),
    "id": ("id", False),
    "name": ("naam", False),
    "kind": ("soort", False),
    "region": ("regio", False),
    "mailbox": ("mailbox", False),
    "password_phone": ("telefoon voor het wachtwoord", False),
    "breach_contact": ("meldpunt gegevenslekken", False),
    "municipalities": ("gemeenten", True),
    "postcodes": ("postcodes", True),
    "password_mode": ("wachtwoord", False),
    "protocol": ("protocol", False),
    "protocol.reference": ("titel of kenmerk van het protocol", False),
    "protocol.local_teams": ("lokale teams", True),
    "protocol.in_force_from": ("in werking vanaf", False),
    "protocol.ended_on": ("beëindigd op", False),
    "protocol.dpo_advice_on": ("advies DPO op", False),
    "protocol.withdrawal_clause": ("afspraak wissen na intrekking", False),
}
_PARTNER_PREFIX = re.compile(r"^partners\[(\d+)\]\.?")
_INDEX = re.compile(r"\[\d+\]")


@dataclass(frozen=True)
class RegistryProblem:
    """``str()`` is the line IT greps for (file:line: field: expected); a coordinator reads
    :attr:`sentence`, with :attr:`where` as the detail that finds the line."""

    file: str
    line: int | None
    field: str
    value: str
    expected: str
    partner: str = ""  # the partner's name (or id) when the problem is about one

    def __str__(self) -> str:
        value = f" (waarde: {self.value})" if self.value else ""
        return f"{self.where}: {self.expected}{value}"

    @property
    def where(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        return f"{place}: {self.field}"

    @property
    def sentence(self) -> str:
        """Dutch, naming the partner and the field: ``OCMW Wervik: gemeenten ontbreken``."""
        if self.field.startswith("("):  # (bestand), (syntaxis), (handtekening), …
            return f"{Path(self.file).name}: {self.expected}"
        match = _PARTNER_PREFIX.match(self.field)
        if match is not None:
            subject = self.partner or f"Partner {match.group(1)}"
            key = _INDEX.sub("", self.field[match.end() :])
        else:
            subject = "Partnerregister"
            key = _INDEX.sub("", self.field)
        if not key:
            return f"{subject}: {self.expected}"
        word, plural = _FIELD_WORDS.get(key, (key, False))
        if self.expected == MISSING:
            return f"{subject}: {word} {'ontbreken' if plural else 'ontbreekt'}"
        value = f" (waarde: {self.value})" if self.value else ""
        return f"{subject}, {word}: {self.expected}{value}"


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


_PARTNERS_HEADER = re.compile(r"^\s*\[\[\s*partners\s*\]\]")
_SUB_TABLE = re.compile(r"^\s*\[\s*partners\s*\.\s*([A-Za-z0-9_-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


class _LineIndex:
    """Where keys, ``[[partners]]`` and ``[partners.x]`` headers are, from one pass over the
    text, so locating a problem costs a lookup and a registry with many problems stays fast."""

    def __init__(self, text: str) -> None:
        self.line_count = 0
        self.headers: list[int] = []
        self.keys: dict[str, list[int]] = {}
        self.tables: dict[str, list[int]] = {}
        for number, line in enumerate(text.splitlines()):
            self.line_count = number + 1
            if _PARTNERS_HEADER.match(line):
                self.headers.append(number)
            elif table := _SUB_TABLE.match(line):
                self.tables.setdefault(table.group(1), []).append(number)
            elif key := _KEY.match(line):
                self.keys.setdefault(key.group(1), []).append(number)

    @staticmethod
    def _first(found: list[int] | None, start: int, stop: int) -> int | None:
        if not found:
            return None
        position = bisect.bisect_left(found, start)
        if position < len(found) and found[position] < stop:
            return found[position]
        return None

    def locate(self, loc: Sequence[int | str]) -> int | None:
        """Best-effort line number for a pydantic error location like partners.1.protocol.x."""
        start, stop = 0, self.line_count
        if len(loc) >= 2 and loc[0] == "partners" and isinstance(loc[1], int):
            if loc[1] >= len(self.headers):
                return None
            start = self.headers[loc[1]]
            if loc[1] + 1 < len(self.headers):
                stop = self.headers[loc[1] + 1]
            rest = [str(part) for part in loc[2:] if isinstance(part, str)]
        else:
            rest = [str(part) for part in loc if isinstance(part, str)]
        if not rest:
            return start + 1
        if len(rest) > 1:
            table = self._first(self.tables.get(rest[0]), start, stop)
            if table is not None:
                start = table
        line = self._first(self.keys.get(rest[-1]), start, stop)
        if line is not None:
            return line + 1
        return start + 1 if loc and loc[0] == "partners" else None


def _value_at(data: Any, loc: Sequence[int | str]) -> str:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return ""
    text = _REPR.repr(data) if not isinstance(data, str) else data
    return text if len(text) <= 80 else text[:77] + "..."


_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxstring = _REPR.maxother = 80


def _dotted(loc: Sequence[int | str]) -> str:
    return ".".join(f"[{p + 1}]" if isinstance(p, int) else p for p in loc).replace(".[", "[")


_DUTCH = {
    "missing": MISSING,
    "extra_forbidden": "onbekende sleutel (tikfout?); alleen de velden uit de handleiding mogen",
    "string_type": "verwacht tekst tussen aanhalingstekens",
    "string_pattern_mismatch": "heeft niet de verwachte vorm ({pattern})",
    "tuple_type": "verwacht een lijst tussen [ ]",
    "date_type": "verwacht een datum als JJJJ-MM-DD (zonder aanhalingstekens)",
    "date_from_datetime_parsing": "verwacht een datum als JJJJ-MM-DD",
    "date_parsing": "verwacht een datum als JJJJ-MM-DD",
    "literal_error": "verwacht een van: {expected}",
    "enum": "verwacht een van: {expected}",
    "int_type": "verwacht een geheel getal",
    "model_type": "verwacht een tabel",
}


def _at_least(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _expected(error: Any) -> str:
    kind = error["type"]
    if kind in ("string_too_short", "too_short"):
        if not error.get("input"):
            return MISSING  # an empty list or text is a field left empty
        count = int(error.get("ctx", {}).get("min_length", 1))
        if kind == "too_short":
            return f"moet minstens {_at_least(count, 'element', 'elementen')} bevatten"
        return f"te kort (minstens {_at_least(count, 'teken', 'tekens')})"
    template = _DUTCH.get(kind)
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
    if "nested more than" in str(error):  # tomlkit's own depth limit
        return too_deep(file)
    match = re.search(r"line (\d+)", str(error))
    line = int(match.group(1)) if match else None
    return RegistryError(
        [RegistryProblem(file, line, "(syntaxis)", "", f"geen geldige TOML: {error}")]
    )


def too_deep(file: str) -> RegistryError:
    return RegistryError(
        [
            RegistryProblem(
                file,
                None,
                "(bestand)",
                "",
                f"te diep genest (meer dan {MAX_NESTING} niveaus [ ], {{ }} of a.b.c); "
                "is dit wel een partnerregister?",
            )
        ]
    )


def nesting_depth(data: object, limit: int = MAX_NESTING) -> int:
    """How deep *data* nests, counted without recursion and at most to *limit* + 1."""
    deepest = 0
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, Mapping):
            children: Sequence[object] = list(value.values())
        elif isinstance(value, list | tuple):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _parse_toml(text: str, file: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise syntax_error(error, file) from None
    except RecursionError:
        raise too_deep(file) from None
    if not data:
        raise RegistryError([RegistryProblem(file, None, "(bestand)", "", "het bestand is leeg")])
    if nesting_depth(data) > MAX_NESTING:
        raise too_deep(file)
    return data


def _schema_problems(
    lines: _LineIndex, data: dict[str, Any], error: ValidationError, file: str
) -> list[RegistryProblem]:
    return [
        RegistryProblem(
            file,
            lines.locate(e["loc"]),
            _dotted(e["loc"]) or "(bestand)",
            _value_at(data, e["loc"]),
            _expected(e),
            _partner_name(data, e["loc"]),
        )
        for e in _schema_errors(error)
    ]


def _partner_name(data: dict[str, Any], loc: Sequence[int | str]) -> str:
    """The name (or else the id) of the partner *loc* points into, as far as it was typed."""
    if len(loc) < 2 or loc[0] != "partners" or not isinstance(loc[1], int):
        return ""
    partners = data.get("partners")
    if not isinstance(partners, list) or not 0 <= loc[1] < len(partners):
        return ""
    raw = partners[loc[1]]
    if not isinstance(raw, dict):
        return ""
    for key in ("name", "id"):
        value = raw.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


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
    lines = _LineIndex(text)
    document: RegistryDocument | None = None
    try:
        document = RegistryDocument.model_validate(data)
    except ValidationError as error:
        problems = _schema_problems(lines, data, error, file)
    else:
        problems = []
    problems += _cross_check(lines, _valid_partners(data), table, file)
    if problems or document is None:
        raise RegistryError(problems)
    return document


def _cross_check(
    lines: _LineIndex, partners: list[tuple[int, Partner]], table: PostcodeTable, file: str
) -> list[RegistryProblem]:
    problems: list[RegistryProblem] = []
    for index, partner in partners:
        seen_nis = set(partner.municipalities)
        for nis in partner.municipalities:
            if table.municipality(nis) is None:
                problems.append(
                    RegistryProblem(
                        file,
                        lines.locate(("partners", index, "municipalities")),
                        f"partners[{index + 1}].municipalities",
                        nis,
                        "onbekende NIS-code",
                        partner.name,
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
                    lines.locate(("partners", index, "postcodes")),
                    f"partners[{index + 1}].postcodes",
                    postcode,
                    expected,
                    partner.name,
                )
            )
        problems += _recipient_problems(lines, index, partner, table, file)
    ids: dict[str, int] = {}
    for index, partner in partners:
        if partner.id in ids:
            problems.append(
                RegistryProblem(
                    file,
                    lines.locate(("partners", index, "id")),
                    f"partners[{index + 1}].id",
                    partner.id,
                    f"id komt al voor bij partner {ids[partner.id] + 1}",
                    partner.name,
                )
            )
        ids.setdefault(partner.id, index)
    by_index = dict(partners)
    for index, earlier, shared in _overlaps(partners, table):
        problems.append(
            RegistryProblem(
                file,
                lines.locate(("partners", index, "postcodes")),
                f"partners[{index + 1}].postcodes",
                ", ".join(shared),
                f"postcode wordt in dezelfde periode al bediend door {by_index[earlier].name} "
                f"(partner {earlier + 1}) voor dezelfde gemeente; beëindig eerst dat protocol",
                by_index[index].name,
            )
        )
    return problems


def _listed(values: Sequence[str], shown: int = 3) -> str:
    more = len(values) - shown
    return ", ".join(values[:shown]) + (f" en nog {more}" if more > 0 else "")


def _recipient_problems(
    lines: _LineIndex, index: int, partner: Partner, table: PostcodeTable, file: str
) -> list[RegistryProblem]:
    """The law decides who may receive: per partner, one problem per reason it names."""
    refused: dict[str, list[str]] = {}
    for nis in partner.municipalities:
        municipality = table.municipality(nis)
        if municipality is None:
            continue  # reported as an unknown NIS code
        reason = recipient_not_allowed(partner.kind, municipality.region)
        if reason is not None:
            refused.setdefault(reason, []).append(f"{nis} {municipality.name_nl}")
    problems = [
        RegistryProblem(
            file,
            lines.locate(("partners", index, "municipalities")),
            f"partners[{index + 1}].municipalities",
            _listed(names),
            reason,
            partner.name,
        )
        for reason, names in refused.items()
    ]
    region = region_of(partner.kind)
    if partner.region is not region:
        problems.append(
            RegistryProblem(
                file,
                lines.locate(("partners", index, "region")),
                f"partners[{index + 1}].region",
                partner.region.value,
                f"een {partner.kind.value} hoort bij regio {region.value}",
                partner.name,
            )
        )
    return problems


_Period = tuple[date, date, int]  # in force from, ended on (date.max when open), index


class _Served:
    """The periods in which earlier partners serve one postcode of one municipality.

    Periods that overlap nothing are kept disjoint and sorted, so a new period is checked
    against them with one bisection; periods already reported as overlapping are checked one
    by one, which only costs time when a registry has many problems on one postcode.
    """

    def __init__(self) -> None:
        self.starts: list[date] = []
        self.clean: list[_Period] = []
        self.overlapping: list[_Period] = []

    def conflict(self, start: date, end: date) -> int | None:
        """The index of an earlier partner serving this postcode in [start, end), if any."""
        before = bisect.bisect_left(self.starts, end)
        if before and self.clean[before - 1][1] > start:
            return self.clean[before - 1][2]
        return next((i for s, e, i in self.overlapping if s < end and start < e), None)

    def add(self, period: _Period, *, overlaps: bool) -> None:
        if overlaps:
            self.overlapping.append(period)
        else:
            position = bisect.bisect_left(self.starts, period[0])
            self.starts.insert(position, period[0])
            self.clean.insert(position, period)


def _served_places(partner: Partner, table: PostcodeTable) -> list[tuple[str, str]]:
    """(postcode, NIS code) for what the lookup can send to *partner*: a postcode of one of
    its own municipalities. Vilvoorde and Zemst share 1804, each for itself."""
    own = set(partner.municipalities)
    return sorted(
        {
            (postcode, municipality.nis_code)
            for postcode in partner.postcodes
            for municipality in table.municipalities_for(postcode)
            if municipality.nis_code in own
        }
    )


def _overlaps(
    partners: list[tuple[int, Partner]], table: PostcodeTable
) -> list[tuple[int, int, list[str]]]:
    """(partner, an earlier partner, the postcodes both serve for one municipality in one
    period), in file order; one lookup per postcode and municipality, not a comparison of
    every pair of partners."""
    served: dict[tuple[str, str], _Served] = {}
    found: list[tuple[int, int, list[str]]] = []
    for index, partner in partners:
        start = partner.protocol.in_force_from
        end = partner.protocol.ended_on or date.max
        shared: dict[int, list[str]] = {}
        for place in _served_places(partner, table):
            periods = served.setdefault(place, _Served())
            earlier = periods.conflict(start, end)
            if earlier is not None:
                codes = shared.setdefault(earlier, [])
                if place[0] not in codes:
                    codes.append(place[0])
            periods.add((start, end, index), overlaps=earlier is not None)
        found += [(index, earlier, codes) for earlier, codes in sorted(shared.items())]
    return found


def _unreadable(file: str, reason: str) -> RegistryError:
    return RegistryError([RegistryProblem(file, None, "(bestand)", "", reason)])


def _open_failure(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "is een snelkoppeling (symbolische link) die in een kring naar zichzelf wijst"
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        if path.is_symlink():
            return "is een snelkoppeling (symbolische link) naar een bestand dat niet bestaat"
        return "kan niet gelezen worden: het bestand bestaat niet"
    if error.errno == errno.EISDIR or (error.errno == errno.EACCES and path.is_dir()):
        return "is een map, geen bestand"
    return f"kan niet gelezen worden: {error.strerror or error}"


def _not_a_file(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is een map, geen bestand"
    return (
        "is geen gewoon bestand (maar een pipe, apparaat of socket); "
        "een partnerregister is een tekstbestand"
    )


# Opening a FIFO for reading blocks until a writer appears; O_NONBLOCK opens it at once, so
# fstat can refuse it. Regular files ignore the flag.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_registry_text(path: Path) -> str:
    """The file's text, or RegistryError for anything that is not a readable regular file
    (missing, a dangling or looping link, a folder, a FIFO, a device) and for oversized,
    non-UTF-8 or binary files; shared by loading, the editor and the CSV import so they
    refuse the same files. A link to a regular file is read like that file."""
    file = str(path)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _unreadable(file, _open_failure(path, error)) from None
    try:
        with os.fdopen(descriptor, "rb") as handle:
            descriptor = -1
            problem = _not_a_file(os.fstat(handle.fileno()).st_mode)
            if problem is not None:
                raise _unreadable(file, problem)
            raw = handle.read(MAX_REGISTRY_BYTES + 1)
    except OSError as error:
        raise _unreadable(file, _open_failure(path, error)) from None
    finally:
        if descriptor >= 0:
            os.close(descriptor)
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
    return LoadedRegistry(
        PartnerRegistry(document.partners, table, document.dpo_contact), document, path
    )
