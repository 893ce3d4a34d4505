"""The one CSV writer: nothing a spreadsheet would run, and the registry reads back its own."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_desk.domain import excel_csv
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.lifecycle.evaluation import evaluate, to_csv, to_csv_bytes
from referral_desk.registry.csv_table import decode_csv, export_csv, import_csv
from referral_desk.registry.editing import EditableRegistry
from referral_desk.registry.parsing import load_registry_text
from tests.lifecycle.test_evaluation import YEAR, at, row

ROOT = Path(__file__).parents[2]
TABLE = PostcodeTable.load_bundled(ROOT / "resources")
BUNDLED = (ROOT / "config" / "partners.toml").read_text("utf-8")

RUNNABLE = [
    "=cmd|' /C calc'!A0",
    '+HYPERLINK("http://x")',
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


@pytest.mark.parametrize("text", RUNNABLE)
def test_every_formula_start_is_marked_as_text(text: str) -> None:
    [[cell]] = _cells(excel_csv.write_csv([[text]]))
    assert cell == "'" + text
    assert excel_csv.restored(cell) == text


def test_numbers_and_plain_text_are_left_alone() -> None:
    assert _cells(excel_csv.write_csv([["OCMW Gent", 3, -1, "2026-01"]])) == [
        ["OCMW Gent", "3", "-1", "2026-01"]
    ]


@given(text=st.text(max_size=40))
def test_a_cell_reads_back_as_written(text: str) -> None:
    [[cell]] = _cells(excel_csv.write_csv([[text]])) or [[""]]
    assert excel_csv.restored(cell) == text
    assert cell[:1] not in excel_csv.FORMULA_STARTS


@given(text=st.text(alphabet=st.sampled_from("'=+-@\t\rab"), max_size=8))
def test_apostrophes_before_a_formula_start_round_trip_too(text: str) -> None:
    assert excel_csv.restored(excel_csv.neutralised(text)) == text


@pytest.mark.parametrize("name", RUNNABLE)
def test_the_evaluation_csv_marks_every_formula_start(name: str) -> None:
    entry = row("KG-2026-AAAAAA", at(2)).model_copy(update={"partner_name": name})
    parsed = _cells(to_csv(evaluate([entry], YEAR)))
    assert parsed[1][0] == "'" + name
    assert to_csv_bytes(evaluate([entry], YEAR)).startswith(b"\xef\xbb\xbf")


def _registry_with(name: str, phone: str) -> str:
    return BUNDLED.replace('name = "OCMW Leopoldsburg"', f'name = "{name}"', 1).replace(
        "# password_phone: nog niet", f'password_phone = "{phone}"\n# nog niet', 1
    )


@pytest.mark.parametrize("name", ["=cmd|' /C calc'!A0", "+HYPERLINK(1)", "@SUM(1+1)", "-OCMW"])
def test_registry_export_marks_formulas_and_phones_and_import_takes_it_off(name: str) -> None:
    text = _registry_with(name.replace('"', '\\"'), "+3211345678")
    exported = export_csv(load_registry_text(text, TABLE, file="p"))
    first = _cells(exported)[1]
    assert "'" + name in first
    assert "'+3211345678" in first
    partners = import_csv(decode_csv(exported.encode("utf-8-sig")))
    assert partners[0]["name"] == name
    assert partners[0]["password_phone"] == "+3211345678"
    editable = EditableRegistry.from_text(text)
    editable.set_partners(partners)
    assert editable.to_text() == text
