"""Partners as a spreadsheet: coordinators keep their lists in Excel.

Export writes what Excel in a Belgian locale opens directly, through the one CSV writer
(:mod:`referral_desk.domain.excel_csv`: UTF-8 with a BOM, ``;`` between columns, a cell that
could run as a formula, such as an E.164 phone ``+32…``, marked as text with ``'``), one
partner per row, lists inside a cell separated by ``,`` (local teams and the protocol's
lists by ``|``, since a team name or a sentence may hold a comma). Import accepts what
Excel saves back: ``;`` or ``,``, UTF-8 or Windows-1252, dates as ``2024-02-01`` or
``1/02/2024``, and takes off the ``'`` that export added. Every row is checked on its own
and reported with its row number and column; the file-wide checks (one active partner per
postcode, known postcodes) run afterwards on the registry the rows make.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError

from referral_desk.domain.errors import Message, MessageTemplate, UserFacingError, validator_said
from referral_desk.domain.excel_csv import restored, write_csv
from referral_desk.domain.partners import Partner
from referral_desk.domain.protocol_terms import TERM_KEYS, with_standard_terms
from referral_desk.domain.registry_document import RegistryDocument
from referral_desk.registry.parsing import EMPTY_FILE, ONE_OF

# Column header → (path in the partner table, kind of cell).
COLUMNS: dict[str, tuple[tuple[str, ...], str]] = {
    "id": (("id",), "text"),
    "naam": (("name",), "text"),
    "soort": (("kind",), "text"),
    "regio": (("region",), "text"),
    "mailbox": (("mailbox",), "text"),
    "telefoon_wachtwoord": (("password_phone",), "text"),
    "meldpunt_datalek": (("breach_contact",), "text"),
    "nis_codes": (("municipalities",), "codes"),
    "postcodes": (("postcodes",), "codes"),
    "wachtwoordmodus": (("password_mode",), "text"),
    "protocol": (("protocol", "reference"), "text"),
    "lokale_teams": (("protocol", "local_teams"), "teams"),
    "in_werking_vanaf": (("protocol", "in_force_from"), "date"),
    "beeindigd_op": (("protocol", "ended_on"), "date"),
    "advies_dpo_op": (("protocol", "dpo_advice_on"), "date"),
    "wissen_na_intrekking": (("protocol", "withdrawal_clause"), "yes_no"),
    "bewaartermijn_jaren": (("protocol", "retention_years"), "number"),
    "toestemming_geldig_dagen": (("protocol", "consent_valid_days"), "number"),
    "ontvangstbevestiging_werkdagen": (("protocol", "acknowledgement_working_days"), "number"),
    "rechtsgrond": (("protocol", "legal_basis"), "text"),
    "doeleinden": (("protocol", "purposes"), "teams"),
    "gedeelde_gegevens": (("protocol", "shared_fields"), "teams"),
    "ontvangers": (("protocol", "recipients"), "teams"),
    "verdere_ontvangers": (("protocol", "onward_recipients"), "teams"),
    "beveiligingsmaatregelen": (("protocol", "security_measures"), "teams"),
    "afspraak_toegang": (("protocol", "access_duty"), "text"),
    "afspraak_foutieve_gegevens": (("protocol", "quality_duty"), "text"),
    "afspraak_gegevenslek": (("protocol", "breach_duty"), "text"),
    "afspraak_bewaren": (("protocol", "retention_duty"), "text"),
    "kanaal_wachtwoord": (("protocol", "password_channel"), "text"),
}
# The protocol's terms: a list without any of these columns (one made before the registry
# held terms) reads as the Opgroeien standard protocol, as a schema version 1 registry does.
TERM_COLUMNS = tuple(
    column for column, (path, _kind) in COLUMNS.items() if path[-1] in TERM_KEYS
)
REQUIRED = (
    "id",
    "naam",
    "soort",
    "regio",
    "mailbox",
    "nis_codes",
    "postcodes",
    "protocol",
    "lokale_teams",
    "in_werking_vanaf",
)
_FIELD_TO_COLUMN = {".".join(path): column for column, (path, _kind) in COLUMNS.items()}
MAX_CSV_BYTES = 1_000_000
_YES_NO = {"ja": True, "nee": False, "true": True, "false": False, "1": True, "0": False}

TOO_LARGE = MessageTemplate("csv.too_large", "te groot voor een partnerlijst (max. 1 MB)")
NOT_TEXT = MessageTemplate("csv.not_text", "geen tekstbestand; bewaar in Excel als CSV")
DATE_EXPECTED = MessageTemplate("csv.date", "verwacht een datum als 2024-02-01 of 1/02/2024")
YES_OR_NO = MessageTemplate("csv.yes_or_no", "ja of nee")
REQUIRED_EMPTY = MessageTemplate("csv.required_empty", "verplicht veld is leeg")
WRONG_FORM = MessageTemplate("csv.wrong_form", "heeft niet de verwachte vorm")
NOT_CSV = MessageTemplate("csv.not_csv", "geen geldige CSV: {error}")
UNKNOWN_COLUMN = MessageTemplate("csv.unknown_column", "onbekende kolom (tikfout?)")
MISSING_COLUMN = MessageTemplate("csv.missing_column", "verplichte kolom ontbreekt")
TOO_MANY_CELLS = MessageTemplate("csv.too_many_cells", "{cells} cellen, maar {columns} kolommen")
NO_PARTNER = MessageTemplate("csv.no_partner", "geen enkele partner in het bestand")
DUPLICATE_ID = MessageTemplate("csv.duplicate_id", "id staat al in rij {row}")


class CellError(ValueError):
    """A cell that cannot be read; *said* says what was expected."""

    def __init__(self, said: Message) -> None:
        super().__init__(said.dutch)
        self.said = said


@dataclass(frozen=True)
class CsvProblem:
    row: int | None  # spreadsheet row number (the header is row 1)
    column: str
    value: str
    reason: Message  # what was expected

    @property
    def expected(self) -> str:
        return self.reason.dutch

    def __str__(self) -> str:
        where = f"rij {self.row}" if self.row else "bestand"
        column = f", kolom {self.column}" if self.column else ""
        value = f" (waarde: {self.value})" if self.value else ""
        return f"{where}{column}: {self.expected}{value}"


class CsvImportError(UserFacingError):
    """Every problem in a CSV partner list; ``message`` lists them, one a line."""

    def __init__(self, problems: Sequence[CsvProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = tuple(problems)


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "teams":
        return " | ".join(value)
    if kind == "codes":
        return ", ".join(value)
    if kind == "yes_no":
        return "ja" if value else "nee"
    if isinstance(value, date):
        return value.isoformat()
    return str(value.value if hasattr(value, "value") else value)


def export_csv(document: RegistryDocument) -> str:
    """Text to write with ``encoding="utf-8-sig"`` (the BOM tells Excel it is UTF-8)."""
    rows: list[list[str]] = [list(COLUMNS)]
    for partner in document.partners:
        data = partner.model_dump()
        row = []
        for path, kind in COLUMNS.values():
            value: Any = data
            for part in path:
                value = value.get(part) if isinstance(value, dict) else None
            row.append(_cell(value, kind))
        rows.append(row)
    return write_csv(rows)


def decode_csv(raw: bytes) -> str:
    if len(raw) > MAX_CSV_BYTES:
        raise CsvImportError([CsvProblem(None, "", "", TOO_LARGE())])
    if b"\x00" in raw:
        raise CsvImportError([CsvProblem(None, "", "", NOT_TEXT())])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # "CSV (gescheiden door lijstscheidingsteken)" in Excel saves Windows-1252.
        return raw.decode("cp1252", errors="replace")


_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def parse_registry_date(text: str) -> date:
    """``2024-02-01``, or day first as Belgian Excel writes it: ``1/02/2024``, ``01-02-2024``."""
    text = text.strip()
    match = _DMY.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise CellError(DATE_EXPECTED()) from None


def _parse_cell(text: str, kind: str) -> Any:
    text = text.strip()
    if not text:
        return None
    if kind == "codes":
        return [part.strip() for part in re.split(r"[,\s]+", text) if part.strip()]
    if kind == "teams":
        return [part.strip() for part in text.split("|") if part.strip()]
    if kind == "date":
        return parse_registry_date(text)
    if kind == "yes_no":
        answer = _YES_NO.get(text.lower())
        if answer is None:
            raise CellError(YES_OR_NO())
        return answer
    if kind == "number" and text.isdecimal() and text.isascii():
        return int(text)
    return text


def _row_problems(row_number: int, error: ValidationError, raw: dict[str, Any]) -> list[CsvProblem]:
    problems = []
    for item in error.errors():
        path = ".".join(str(p) for p in item["loc"] if isinstance(p, str))
        column = _FIELD_TO_COLUMN.get(path, path)
        value = ""
        data: Any = raw
        for part in item["loc"]:
            data = data.get(part) if isinstance(data, dict) else None
        if data is not None:
            value = ", ".join(map(str, data)) if isinstance(data, list) else str(data)
        message = validator_said(item)
        if item["type"] == "missing":
            message = REQUIRED_EMPTY()
        elif item["type"] == "enum":
            message = ONE_OF(expected=str(item.get("ctx", {}).get("expected", "")))
        elif item["type"] == "string_pattern_mismatch":
            message = WRONG_FORM()
        problems.append(CsvProblem(row_number, column, value, message))
    return problems


def import_csv(text: str) -> list[dict[str, Any]]:
    """Partner tables (plain TOML values) from the CSV; raises CsvImportError with every
    problem, per row."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise CsvImportError([CsvProblem(None, "", "", EMPTY_FILE())])
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [[restored(cell) for cell in row] for row in reader]
    except csv.Error as error:
        raise CsvImportError(
            [CsvProblem(reader.line_num, "", "", NOT_CSV(error=str(error)))]
        ) from None
    header = [h.strip().lower() for h in rows[0]]
    problems = [
        CsvProblem(1, column, "", UNKNOWN_COLUMN()) for column in header if column not in COLUMNS
    ]
    problems += [
        CsvProblem(1, column, "", MISSING_COLUMN()) for column in REQUIRED if column not in header
    ]
    if problems:
        raise CsvImportError(problems)
    standard_terms = not any(column in header for column in TERM_COLUMNS)
    partners: list[tuple[int, dict[str, Any]]] = []
    for row_number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            problems.append(
                CsvProblem(row_number, "", "", TOO_MANY_CELLS(cells=len(row), columns=len(header)))
            )
            continue
        raw: dict[str, Any] = {}
        row_ok = True
        for column, cell in zip(header, row, strict=False):
            path, kind = COLUMNS[column]
            try:
                value = _parse_cell(cell, kind)
            except CellError as error:
                problems.append(CsvProblem(row_number, column, cell.strip(), error.said))
                row_ok = False
                continue
            if value is None:
                continue
            target = raw
            for part in path[:-1]:
                target = target.setdefault(part, {})
            target[path[-1]] = value
        if not row_ok:
            continue
        if standard_terms and isinstance(raw.get("protocol"), dict):
            raw["protocol"] = with_standard_terms(raw["protocol"])
        try:
            Partner.model_validate(raw)
        except ValidationError as error:
            problems.extend(_row_problems(row_number, error, raw))
            continue
        partners.append((row_number, raw))
    if problems:
        raise CsvImportError(problems)
    if not partners:
        raise CsvImportError([CsvProblem(None, "", "", NO_PARTNER())])
    seen: dict[str, int] = {}
    for row_number, partner in partners:
        if partner["id"] in seen:
            problems.append(
                CsvProblem(row_number, "id", partner["id"], DUPLICATE_ID(row=seen[partner["id"]]))
            )
        seen.setdefault(partner["id"], row_number)
    if problems:
        raise CsvImportError(problems)
    return [partner for _row, partner in partners]
