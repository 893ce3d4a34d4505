"""The registry being edited, without a window: what a search finds, what a partner's row
and form show, when a change is dated, where a save is proposed, what may be saved and what
writing it leaves behind. The editor window only shows these answers."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.lifecycle.registry_editing import COLUMNS, RegistryEditing, same_file
from referral_desk.lifecycle.registry_partner_entry import PartnerEntry
from referral_desk.lifecycle.registry_signing import NotWritten

ROOT = Path(__file__).parents[2]
TABLE = PostcodeTable.load_bundled(ROOT / "resources")
BUNDLED = ROOT / "config" / "partners.toml"
TODAY = date(2026, 11, 23)


def _editing(tmp_path: Path) -> RegistryEditing:
    active = tmp_path / "machine" / "partners.toml"
    active.parent.mkdir(parents=True)
    shutil.copyfile(BUNDLED, active)
    documents = tmp_path / "Documenten"
    documents.mkdir()
    editing = RegistryEditing(TABLE, active, lambda: TODAY, documents)
    editing.open(active)
    return editing


def _change_a_mailbox(editing: RegistryEditing, index: int = 1) -> None:
    values = editing.partner(index)
    values["mailbox"] = "sociaal@wervik.be"
    editing.replace_partner(index, values)


def test_opening_shows_the_header_as_written_and_nothing_is_changed(tmp_path: Path) -> None:
    editing = _editing(tmp_path)
    assert editing.header.version == "2026.1"
    assert editing.header.date_text == "2026-11-22"
    assert editing.header.changed_by.startswith("referral-desk ontwikkelteam")
    assert not editing.is_modified()
    assert editing.problems() == ()
    assert editing.header_errors() == {}


def test_a_file_that_is_no_registry_is_refused_and_the_open_one_is_kept(tmp_path: Path) -> None:
    editing = _editing(tmp_path)
    broken = tmp_path / "kapot.toml"
    broken.write_text("dit is [geen toml", "utf-8")
    with pytest.raises(RegistryError):
        editing.open(broken)
    assert editing.path == editing.active_path
    assert editing.header.version == "2026.1"
    assert [raw["id"] for raw in editing.partners()] == ["ocmw-leopoldsburg", "ocmw-wervik"]


def test_a_registry_with_problems_still_opens_to_be_fixed(tmp_path: Path) -> None:
    text = BUNDLED.read_text("utf-8").replace("kindengezin@wervik.be", "geen-adres")
    file = tmp_path / "fout.toml"
    file.write_text(text, "utf-8")
    editing = _editing(tmp_path)
    editing.open(file)
    assert editing.path == file
    assert any("mailbox" in problem.field for problem in editing.problems())


def test_a_search_finds_by_municipality_name_code_and_mailbox_in_any_case(
    tmp_path: Path,
) -> None:
    editing = _editing(tmp_path)
    names = [str(raw["name"]) for raw in editing.partners()]
    wervik = names.index("OCMW Wervik")
    leopoldsburg = names.index("OCMW Leopoldsburg")
    assert editing.found("") == [True] * len(names)
    assert editing.found("   ") == [True] * len(names)
    assert editing.found("3971") == [i == leopoldsburg for i in range(len(names))]
    assert editing.found("KINDENGEZIN@wervik") == [i == wervik for i in range(len(names))]
    # The municipality's name is not in the file, only its NIS code.
    assert "Leopoldsburg" not in str(editing.partner(leopoldsburg)["municipalities"])
    assert editing.found(" leopoldsburg ")[leopoldsburg]
    assert not any(editing.found("gemeente-die-niet-bestaat"))


def test_a_partner_row_has_one_cell_per_column(tmp_path: Path) -> None:
    editing = _editing(tmp_path)
    row = editing.row(0)
    assert len(row) == len(COLUMNS)
    assert row[:4] == ("ocmw-leopoldsburg", "OCMW Leopoldsburg", "OCMW", row[3])
    assert row[3] == "socialedienst@leopoldsburg.be"
    assert row[4] == "3970, 3971"
    assert row[5] == "2024-02-01"
    assert row[6] == ""
    editing.end_protocol(0, "2027-01-31")
    assert editing.row(0)[6] == "2027-01-31"


def test_ending_a_protocol_takes_a_typed_day_and_refuses_what_is_no_date(
    tmp_path: Path,
) -> None:
    editing = _editing(tmp_path)
    with pytest.raises(UserFacingError) as refused:
        editing.end_protocol(1, "eind januari")
    assert refused.value.message
    assert "ended_on" not in editing.partner(1)["protocol"]
    assert not editing.is_modified()
    editing.end_protocol(1, "1/02/2027")  # day first, as Belgians write it
    assert editing.partner(1)["protocol"]["ended_on"] == date(2027, 2, 1)
    assert editing.is_modified()


def test_new_and_renewed_partners_start_today(tmp_path: Path) -> None:
    editing = _editing(tmp_path)
    added = editing.add_new_partner()
    assert editing.partner(added)["protocol"]["in_force_from"] == TODAY
    assert editing.partner_name(added) == "Nieuwe partner"
    renewed = editing.add_renewal(1)
    copy = editing.partner(renewed)
    assert copy["id"] == "ocmw-wervik-nieuw"
    assert copy["protocol"]["in_force_from"] == TODAY
    editing.remove_partner(added)
    assert [raw["id"] for raw in editing.partners()][-1] == "ocmw-wervik-nieuw"


def test_a_change_is_dated_today_unless_someone_typed_a_date(tmp_path: Path) -> None:
    editing = _editing(tmp_path)
    assert editing.date_the_changes() is None  # nothing changed: the date stays
    _change_a_mailbox(editing)
    assert editing.date_the_changes() == TODAY.isoformat()
    assert editing.header.date_text == TODAY.isoformat()
    assert editing.editable.header()["registry_date"] == TODAY

    typed = _editing(tmp_path / "getypt")
    _change_a_mailbox(typed)
    typed.type_header("2026.2", "2026-12-01", typed.header.changed_by)
    assert typed.date_the_changes() is None
    assert typed.header.date_text == "2026-12-01"


def test_a_half_typed_header_keeps_the_last_good_value_and_names_the_field(
    tmp_path: Path,
) -> None:
    editing = _editing(tmp_path)
    editing.type_header("2026.2", "2026-1", "")
    errors = editing.header_errors()
    assert set(errors) == {"date", "changed_by"}
    assert editing.editable.header()["registry_version"] == "2026.2"
    assert editing.editable.header()["registry_date"] == date(2026, 11, 22)


def test_a_changed_registry_needs_a_new_version_before_it_may_be_saved(tmp_path: Path) -> None:
    editing = _editing(tmp_path)
    _change_a_mailbox(editing)
    assert "version" in editing.header_errors()
    with pytest.raises(UserFacingError) as refused:
        editing.review_save()
    assert "2026.1" in refused.value.message
    editing.type_header("2026.2", editing.header.date_text, "Coördinator Menen")
    review = editing.review_save()
    (change,) = review.changes
    assert change.emphasised and change.said.values["new"] == "sociaal@wervik.be"
    assert "sociaal@wervik.be" in change.said.dutch and "<b>" not in change.said.dutch
    assert review.text == editing.editable.to_text()
    assert review.document.registry_version == "2026.2"


def test_the_proposed_save_is_a_new_file_in_documents_never_the_registry_in_use(
    tmp_path: Path,
) -> None:
    editing = _editing(tmp_path)
    proposed = editing.proposed_save_path()
    assert proposed == editing.documents / "partners-2026-11-23.toml"
    proposed.write_text("", "utf-8")
    assert editing.proposed_save_path() == editing.documents / "partners-2026-11-23-2.toml"
    # Documents that is the machine's folder: the registry in use is skipped as well.
    active = editing.documents / "partners-2026-11-23-2.toml"
    shutil.copyfile(BUNDLED, active)
    in_use = RegistryEditing(TABLE, active, lambda: TODAY, editing.documents)
    assert in_use.proposed_save_path() == editing.documents / "partners-2026-11-23-3.toml"


def test_the_registry_in_use_is_recognised_through_another_path(tmp_path: Path) -> None:
    editing = _editing(tmp_path)
    roundabout = editing.active_path.parent / ".." / "machine" / "partners.toml"
    assert editing.is_active(roundabout)
    assert same_file(roundabout, editing.active_path)
    assert not editing.is_active(tmp_path / "elders.toml")


def test_writing_makes_the_saved_registry_the_new_base(tmp_path: Path) -> None:
    editing = _editing(tmp_path)
    _change_a_mailbox(editing)
    editing.type_header("2026.2", editing.header.date_text, "Coördinator Menen")
    review = editing.review_save()
    target = editing.documents / "partners-nieuw.toml"
    written = editing.write(target, review)
    assert target.read_text("utf-8") == review.text
    assert not written.signed and not written.stale_signature
    assert editing.path == target and not editing.is_modified()
    # The next change is measured against what was saved: the version must move again.
    _change_a_mailbox(editing, 0)
    assert "version" in editing.header_errors()


def test_a_registry_that_cannot_be_written_keeps_every_change_open(tmp_path: Path) -> None:
    editing = _editing(tmp_path)
    _change_a_mailbox(editing)
    editing.type_header("2026.2", editing.header.date_text, "Coördinator Menen")
    review = editing.review_save()
    not_a_folder = tmp_path / "een-bestand"
    not_a_folder.write_text("", "utf-8")
    target = not_a_folder / "partners.toml"
    with pytest.raises(NotWritten) as refused:
        editing.write(target, review)
    assert refused.value.path == target and refused.value.reason
    assert not target.exists()
    assert editing.path == editing.active_path and editing.is_modified()


def test_the_partner_form_texts_and_back(tmp_path: Path) -> None:
    entry = PartnerEntry(TABLE)
    raw = _editing(tmp_path).partner(0)
    texts = entry.texts(raw)
    assert set(texts) == set(entry.fields)
    assert texts["postcodes"] == "3970, 3971"
    assert texts["municipalities"] == "71034"
    assert texts["protocol.local_teams"] == "Kind en Gezin West-Limburg"
    assert texts["protocol.withdrawal_clause"] == "false"
    assert texts["protocol.ended_on"] == ""
    assert texts["protocol.in_force_from"] == "2024-02-01"
    again = entry.read(texts)
    assert again["postcodes"] == ["3970", "3971"]
    assert again["protocol"]["in_force_from"] == date(2024, 2, 1)
    assert entry.problems(again) == {}
    assert entry.municipality_names(again) == ["Leopoldsburg"]


def test_several_local_teams_are_one_per_line_and_bad_input_is_named(tmp_path: Path) -> None:
    entry = PartnerEntry(TABLE)
    texts = entry.texts(_editing(tmp_path).partner(0))
    texts["protocol.local_teams"] = "Team Noord\n\n  Team Zuid  "
    texts["postcodes"] = "3970; 99999"
    texts["protocol.in_force_from"] = "ooit"
    raw = entry.read(texts)
    assert raw["protocol"]["local_teams"] == ["Team Noord", "Team Zuid"]
    assert entry.texts(raw)["protocol.local_teams"] == "Team Noord\nTeam Zuid"
    assert raw["protocol"]["in_force_from"] == "ooit"  # what was typed is kept, and named
    problems = entry.problems(raw)
    assert {"postcodes", "protocol.in_force_from"} <= set(problems)
    assert entry.municipality_names({"municipalities": ["00000", "71034"]}) == ["Leopoldsburg"]
