"""Editing keeps what coordinators wrote: byte-identical round trips, comments, line endings."""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

import pytest

from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.registry.diff import diff_registries, render_diff
from referral_desk.registry.editing import EditableRegistry
from referral_desk.registry.parsing import load_registry_text

ROOT = Path(__file__).parents[2]
TABLE = PostcodeTable.load_bundled(ROOT / "resources")
BUNDLED = (ROOT / "config" / "partners.toml").read_text("utf-8")


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_open_and_save_without_changes_is_byte_identical(newline: str) -> None:
    text = BUNDLED.replace("\n", newline)
    editable = EditableRegistry.from_text(text)
    for index, values in enumerate(editable.partners()):
        editable.replace_partner(index, values)
    header = editable.header()
    editable.set_header(
        version=header["registry_version"],
        on=header["registry_date"],
        changed_by=header["changed_by"],
    )
    assert editable.to_text() == text


def test_mailbox_change_rewrites_one_line_and_keeps_the_comments() -> None:
    editable = EditableRegistry.from_text(BUNDLED)
    values = editable.partner(0)
    values["mailbox"] = "doorverwijzing@leopoldsburg.be"
    editable.replace_partner(0, values)
    after = editable.to_text()
    assert _changed_lines(BUNDLED, after) == [
        '-mailbox = "socialedienst@leopoldsburg.be"',
        '+mailbox = "doorverwijzing@leopoldsburg.be"',
    ]
    assert "# Art. 6 van het protocol" in after
    diff = diff_registries(load_registry_text(BUNDLED, TABLE, file="a"), editable.validate(TABLE))
    assert "MAILBOX GEWIJZIGD bij OCMW Leopoldsburg" in render_diff(diff)


def test_end_protocol_and_duplicate_for_the_renewed_protocol() -> None:
    editable = EditableRegistry.from_text(BUNDLED)
    index = editable.index_of("ocmw-wervik")
    assert index == 1
    renewed = editable.partner(index)
    renewed["id"] = "ocmw-wervik-2027"
    renewed["protocol"]["in_force_from"] = date(2027, 1, 1)
    editable.add_partner(renewed)
    with pytest.raises(RegistryError, match="al bediend door OCMW Wervik"):
        editable.validate(TABLE)
    editable.end_protocol(index, date(2027, 1, 1))
    document = editable.validate(TABLE)
    assert [p.id for p in document.partners][-1] == "ocmw-wervik-2027"
    text = editable.to_text()
    assert text.startswith(BUNDLED.rstrip("\n"))  # existing lines untouched, only appended to
    assert 'ended_on = 2027-01-01\n\n[[partners]]\nid = "ocmw-wervik-2027"' in text


def test_removing_an_optional_value_drops_the_key() -> None:
    editable = EditableRegistry.from_text(BUNDLED)
    values = editable.partner(0)
    del values["breach_contact"]
    editable.replace_partner(0, values)
    assert "socialedienst@ocmwleopoldsburg.be" not in editable.to_text()
    assert editable.to_text().count("breach_contact =") == 1  # Wervik's stays
    editable.validate(TABLE)


def test_set_partners_updates_in_place_adds_and_removes() -> None:
    editable = EditableRegistry.from_text(BUNDLED)
    leopoldsburg = editable.partner(0)
    editable.set_partners([leopoldsburg])
    assert [p["id"] for p in editable.partners()] == ["ocmw-leopoldsburg"]
    assert "# Art. 9: meldpunt gegevenslekken" in editable.to_text()


def test_syntax_error_is_a_registry_error_with_the_line() -> None:
    with pytest.raises(RegistryError) as error:
        EditableRegistry.from_text('schema_version = 1\nname = "x\n')
    assert error.value.problems[0].line == 2


def test_new_registry_validates_once_it_has_a_partner() -> None:
    editable = EditableRegistry.new(version="1", on=date(2026, 11, 23), changed_by="Coördinator")
    with pytest.raises(RegistryError, match="partners"):
        editable.validate(TABLE)
    editable.add_partner(EditableRegistry.from_text(BUNDLED).partner(1))
    assert editable.validate(TABLE).partners[0].id == "ocmw-wervik"
