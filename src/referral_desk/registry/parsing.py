"""A registry's TOML text into a :class:`RegistryDocument`, or every problem at once.

Schema problems are worded in Dutch with the line they are on; the checks between partners
and against the postcode table are :mod:`referral_desk.registry.cross_checks`'.
"""

from __future__ import annotations

import bisect
import re
import reprlib
import tomllib
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from referral_desk.domain.errors import Message, MessageTemplate, validator_said
from referral_desk.domain.partners import Partner
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_document import RegistryDocument, read_as_current
from referral_desk.domain.registry_problems import (
    MISSING,
    RegistryError,
    RegistryProblem,
    file_problem,
)
from referral_desk.registry.cross_checks import cross_check

DATE_EXPECTED = MessageTemplate("registry.schema.date", "verwacht een datum als JJJJ-MM-DD")
ONE_OF = MessageTemplate("registry.schema.one_of", "verwacht een van: {expected}")

# A registry nests five levels (file, partners, partner, protocol, local_teams); deeper data
# is no registry, and tomllib (and repr) recurse on it until RecursionError.
MAX_NESTING = 10


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
    "extra_forbidden": MessageTemplate(
        "registry.schema.extra_forbidden",
        "onbekende sleutel (tikfout?); alleen de velden uit de handleiding mogen",
    ),
    "string_type": MessageTemplate(
        "registry.schema.string_type", "verwacht tekst tussen aanhalingstekens"
    ),
    "string_pattern_mismatch": MessageTemplate(
        "registry.schema.pattern", "heeft niet de verwachte vorm ({pattern})"
    ),
    "tuple_type": MessageTemplate("registry.schema.list_type", "verwacht een lijst tussen [ ]"),
    "date_type": MessageTemplate(
        "registry.schema.date_type", "verwacht een datum als JJJJ-MM-DD (zonder aanhalingstekens)"
    ),
    "date_from_datetime_parsing": DATE_EXPECTED,
    "date_parsing": DATE_EXPECTED,
    "literal_error": ONE_OF,
    "enum": ONE_OF,
    "int_type": MessageTemplate("registry.schema.int_type", "verwacht een geheel getal"),
    "model_type": MessageTemplate("registry.schema.table_type", "verwacht een tabel"),
}
AT_LEAST_ONE_ELEMENT = MessageTemplate(
    "registry.schema.at_least_one_element", "moet minstens {count} element bevatten"
)
AT_LEAST_ELEMENTS = MessageTemplate(
    "registry.schema.at_least_elements", "moet minstens {count} elementen bevatten"
)
TOO_SHORT_ONE_CHARACTER = MessageTemplate(
    "registry.schema.too_short_one", "te kort (minstens {count} teken)"
)
TOO_SHORT = MessageTemplate("registry.schema.too_short", "te kort (minstens {count} tekens)")
NOT_TOML = MessageTemplate("registry.not_toml", "geen geldige TOML: {error}")
TOO_DEEP = MessageTemplate(
    "registry.too_deep",
    "te diep genest (meer dan {levels} niveaus [ ], {{ }} of a.b.c); "
    "is dit wel een partnerregister?",
)
EMPTY_FILE = MessageTemplate("registry.empty_file", "het bestand is leeg")
OR = MessageTemplate("registry.schema.or", "{first} of {last}")


def _choices(text: str) -> str | Message:
    """pydantic's ``'a', 'b' or 'c'`` with the last "or" as a word the window translates."""
    first, separator, last = text.rpartition("' or '")
    if not separator:
        return text
    return OR(first=_choices(first + "'"), last="'" + last)


def _expected(error: Any) -> Message:
    kind = error["type"]
    if kind in ("string_too_short", "too_short"):
        if not error.get("input"):
            return MISSING()  # an empty list or text is a field left empty
        count = int(error.get("ctx", {}).get("min_length", 1))
        if kind == "too_short":
            return (AT_LEAST_ONE_ELEMENT if count == 1 else AT_LEAST_ELEMENTS)(count=count)
        return (TOO_SHORT_ONE_CHARACTER if count == 1 else TOO_SHORT)(count=count)
    template = _DUTCH.get(kind)
    if template is not None:
        context = error.get("ctx", {})
        if template.fields <= set(context):
            return template(**{name: _choices(str(context[name])) for name in template.fields})
        if not template.fields:
            return template()
    return validator_said(error)


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
        [RegistryProblem(file, line, "(syntaxis)", "", NOT_TOML(error=str(error)))]
    )


def too_deep(file: str) -> RegistryError:
    return file_problem(file, TOO_DEEP(levels=MAX_NESTING))


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
        raise file_problem(file, EMPTY_FILE())
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
    raw = read_as_current(data).get("partners")
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
    problems += cross_check(lines.locate, _valid_partners(data), table, file)
    if problems or document is None:
        raise RegistryError(problems)
    return document
