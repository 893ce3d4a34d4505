"""Beheer → Partnerregister, driven like a coordinator: search, edit, end, save, warn."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from referral_desk.domain.postcodes import PostcodeTable, Region
from referral_desk.storage.paths import AppPaths
from referral_desk.ui.questions import Choice, Notice
from referral_desk.ui.registry_editor import RegistryEditor
from tests.ui_driver import (
    Answering,
    answering,
    child,
    fill_client,
    fill_profile,
    open_main_window,
    tick_consent,
    type_text,
    wait_for_creation,
)

ROOT = Path(__file__).parents[2]
TABLE = PostcodeTable.load_bundled(ROOT / "resources")
BUNDLED = ROOT / "config" / "partners.toml"
TODAY = date(2026, 11, 23)


def _editor(qtbot: QtBot, path: Path) -> RegistryEditor:
    editor = RegistryEditor(TABLE, path, lambda: TODAY)
    qtbot.addWidget(editor)
    answering(editor, unsaved="discard")
    editor.show()
    return editor


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "partners.toml"
    shutil.copyfile(BUNDLED, path)
    return path


class _Saving(Answering):
    """Every save reviewed, saved to *target*, over the registry in use too; the changes
    reviewed and the problems told kept in *summaries*, in the order they came."""

    def __init__(self, target: Path, summaries: list[str]) -> None:
        super().__init__(
            unsaved="discard", review_changes="save", save_as=target, overwrite_active=True
        )
        self.summaries = summaries

    def choose(self, parent: object, choice: Choice) -> str | None:
        if choice.key == "review_changes":
            self.summaries.extend(choice.about)
        return super().choose(parent, choice)

    def tell(self, parent: object, notice: Notice) -> None:
        super().tell(parent, notice)
        self.summaries.append(f"PROBLEM {notice.title}: {notice.text}")


def _saving_to(editor: RegistryEditor, target: Path, summaries: list[str]) -> _Saving:
    editor.questions = _Saving(target, summaries)
    return editor.questions


def _tab_stop(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _set(qtbot: QtBot, editor: RegistryEditor, name: str, text: str) -> None:
    edit = child(editor, QLineEdit, name)
    assert isinstance(edit, QLineEdit)
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def test_open_and_save_without_changes_is_byte_identical(qtbot: QtBot, tmp_path: Path) -> None:
    source = _copy(tmp_path)
    editor = _editor(qtbot, source)
    table = child(editor, QTableWidget, "partnerTable")
    assert isinstance(table, QTableWidget) and table.rowCount() == 2
    table.selectRow(1)  # looking at a partner changes nothing
    summaries: list[str] = []
    target = tmp_path / "saved.toml"
    _saving_to(editor, target, summaries)
    assert editor.save_as()
    assert target.read_bytes() == source.read_bytes()
    assert summaries == ["Geen verschillen in partners, mailboxen, postcodes of data."]


def test_search_filters_by_municipality_name(qtbot: QtBot, tmp_path: Path) -> None:
    editor = _editor(qtbot, _copy(tmp_path))
    table = child(editor, QTableWidget, "partnerTable")
    assert isinstance(table, QTableWidget)
    qtbot.keyClicks(child(editor, QLineEdit, "registrySearch"), "wervik")
    assert [table.isRowHidden(r) for r in range(2)] == [True, False]
    search = child(editor, QLineEdit, "registrySearch")
    assert isinstance(search, QLineEdit)
    search.clear()
    qtbot.keyClicks(search, "3971")
    assert [table.isRowHidden(r) for r in range(2)] == [False, True]


def test_inline_errors_block_saving_and_nothing_is_written(qtbot: QtBot, tmp_path: Path) -> None:
    source = _copy(tmp_path)
    editor = _editor(qtbot, source)
    editor.partner_table.selectRow(1)
    _set(qtbot, editor, "partnerPostcodes", "8940, 3970")
    form = editor.form
    assert "hoort bij geen van de gemeenten" in form.rows["postcodes"].error.text()
    _set(qtbot, editor, "partnerNisCodes", "33029, 71034")
    assert form.rows["postcodes"].error.isHidden()
    problems = child(editor, QLabel, "registryProblems")
    assert isinstance(problems, QLabel)
    assert "al bediend door OCMW Leopoldsburg" in problems.text()
    _set(qtbot, editor, "partnerMailbox", "kindengezin(at)wervik.be")
    assert "geen geldig e-mailadres" in form.rows["mailbox"].error.text()
    summaries: list[str] = []
    target = tmp_path / "saved.toml"
    _saving_to(editor, target, summaries)
    assert not editor.save_as()
    assert not target.exists()
    assert summaries[0].startswith("PROBLEM Nog niet in orde")
    # Switching partners and back keeps what was typed.
    editor.partner_table.selectRow(0)
    editor.partner_table.selectRow(1)
    mailbox = child(editor, QLineEdit, "partnerMailbox")
    assert isinstance(mailbox, QLineEdit) and mailbox.text() == "kindengezin(at)wervik.be"


def test_mailbox_change_needs_a_new_version_shows_the_diff_and_keeps_comments(
    qtbot: QtBot, tmp_path: Path
) -> None:
    source = _copy(tmp_path)
    editor = _editor(qtbot, source)
    editor.partner_table.selectRow(1)
    _set(qtbot, editor, "partnerMailbox", "sociaal@wervik.be")
    assert "nieuwe versie" in editor.header_rows["version"].error.text()
    assert editor.windowTitle().endswith("*")
    _set(qtbot, editor, "registryVersion", "2026.2")
    _set(qtbot, editor, "registryChangedBy", "Coördinator Menen")
    assert editor.header_errors() == {}
    summaries: list[str] = []
    target = tmp_path / "new.toml"
    _saving_to(editor, target, summaries)
    assert editor.save_as()
    assert (
        "<b>! MAILBOX GEWIJZIGD bij OCMW Wervik (ocmw-wervik): kindengezin@wervik.be → "
        "sociaal@wervik.be</b>" in summaries[0]
    )
    text = target.read_text("utf-8")
    assert 'mailbox = "sociaal@wervik.be"' in text and "# Art. 9: meldpunt" in text
    assert not editor.windowTitle().endswith("*")


def test_end_protocol_and_duplicate_for_a_renewed_protocol(qtbot: QtBot, tmp_path: Path) -> None:
    editor = _editor(qtbot, _copy(tmp_path))
    editor.partner_table.selectRow(1)
    editor.actions_by_name["duplicate"].trigger()
    assert editor.partner_table.rowCount() == 3
    copy = editor.editing.editable.partner(2)
    assert copy["id"] == "ocmw-wervik-nieuw"
    assert copy["protocol"]["in_force_from"] == TODAY
    assert "al bediend door OCMW Wervik" in editor.problems.text()
    _set(qtbot, editor, "protocolReference", "Protocol Wervik, vernieuwd")
    editor.partner_table.selectRow(1)
    answering(editor, unsaved="discard", end_date=TODAY.isoformat())
    editor.actions_by_name["end"].trigger()
    assert editor.editing.editable.partner(1)["protocol"]["ended_on"] == TODAY
    assert editor.problems.isHidden()
    _set(qtbot, editor, "registryVersion", "2026.2")
    document = editor.editing.editable.validate(TABLE)
    assert [p.id for p in document.partners] == [
        "ocmw-leopoldsburg",
        "ocmw-wervik",
        "ocmw-wervik-nieuw",
    ]


def test_add_partner_for_brussels_caw(qtbot: QtBot, tmp_path: Path) -> None:
    editor = _editor(qtbot, _copy(tmp_path))
    editor.actions_by_name["add"].trigger()
    assert editor.current_index() == 2
    assert "Verplicht." in editor.form.rows["mailbox"].error.text()
    _set(qtbot, editor, "partnerId", "caw-brussel")
    _set(qtbot, editor, "partnerName", "CAW Brussel")
    editor.form.editors["kind"].setCurrentIndex(1)  # type: ignore[attr-defined]
    editor.form.editors["region"].setCurrentIndex(1)  # type: ignore[attr-defined]
    _set(qtbot, editor, "partnerMailbox", "doorverwijzing@cawbrussel.be")
    brussels = [
        m
        for postcode in TABLE.all_postcodes()
        for m in TABLE.municipalities_for(postcode)
        if m.region is Region.BRUSSEL
    ]
    brussels = list({m.nis_code: m for m in brussels}.values())
    assert len(brussels) == 19
    _set(qtbot, editor, "partnerNisCodes", ", ".join(m.nis_code for m in brussels))
    postcodes = sorted({p for m in brussels for p in TABLE.postcodes_of(m.nis_code)})
    _set(qtbot, editor, "partnerPostcodes", " ".join(postcodes))
    _set(qtbot, editor, "protocolReference", "Protocol Kind en Gezin Brussel – CAW Brussel")
    teams = child(editor, QPlainTextEdit, "protocolTeams")
    qtbot.keyClicks(teams, "Kind en Gezin Brussel")
    assert editor.form.errors() == {}, editor.form.errors()
    assert "Anderlecht" in child(editor, QLabel, "partnerMunicipalityNames").text()  # type: ignore[attr-defined]
    document = editor.editing.editable.validate(TABLE)
    assert document.partners[-1].kind.value == "CAW"
    assert len(document.partners[-1].municipalities) == 19


def test_unwritable_target_keeps_the_edits(qtbot: QtBot, tmp_path: Path) -> None:
    editor = _editor(qtbot, _copy(tmp_path))
    editor.partner_table.selectRow(1)
    _set(qtbot, editor, "partnerMailbox", "sociaal@wervik.be")
    _set(qtbot, editor, "registryVersion", "2026.2")
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    summaries: list[str] = []
    _saving_to(editor, blocker / "partners.toml", summaries)
    assert not editor.save_as()
    assert summaries[-1].startswith("PROBLEM Niet bewaard")
    assert "Uw wijzigingen staan nog open" in summaries[-1]
    assert editor.is_modified()


def test_every_input_has_a_label_and_accessible_name(qtbot: QtBot, tmp_path: Path) -> None:
    editor = _editor(qtbot, _copy(tmp_path))
    for editor_widget in editor.form.editors.values():
        assert editor_widget.accessibleName(), editor_widget.objectName()
        labels = [label for label in editor.findChildren(QLabel) if label.buddy() is editor_widget]
        assert labels, editor_widget.objectName()
    widget: QWidget = editor.form.editors["id"]
    order = []
    for _ in range(len(editor.form.editors)):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while not _tab_stop(widget) or not widget.objectName():
            widget = widget.nextInFocusChain()
    assert order == [w.objectName() for w in editor.form.editors.values()]


def test_saved_machine_registry_is_reloaded_and_the_mailbox_change_warns(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    machine = AppPaths.from_platform().machine_registry
    machine.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(BUNDLED, machine)
    window = open_main_window(qtbot)
    fill_profile(qtbot, window)
    answering(window, discard=True, mailbox_change=True)
    fill_client(qtbot, window)
    tick_consent(qtbot, window)
    window.start_creation()
    wait_for_creation(qtbot, window)
    assert window.created is not None
    window.new_referral()

    editor = window.open_registry_editor()
    assert editor.path == machine
    editor.partner_table.selectRow(0)
    _set(qtbot, editor, "partnerMailbox", "doorverwijzing@leopoldsburg.be")
    _set(qtbot, editor, "registryVersion", "2026.2")
    _saving_to(editor, machine, [])
    assert editor.save_as()
    assert window.session.registry is not None
    assert window.session.registry.document.registry_version == "2026.2"
    editor.close()

    warnings = answering(window, discard=True, mailbox_change=False)
    fill_client(qtbot, window)
    tick_consent(qtbot, window)
    assert window.blocking_reasons() == []
    window.start_creation()
    wait_for_creation(qtbot, window)
    assert warnings.about("mailbox_change") == [
        (
            "OCMW Leopoldsburg (Leopoldsburg)",
            "socialedienst@leopoldsburg.be",
            "doorverwijzing@leopoldsburg.be",
        )
    ]
    assert window.created is None


def test_an_ocmw_for_brussels_is_refused_in_the_form_and_not_saved(
    qtbot: QtBot, tmp_path: Path
) -> None:
    editor = _editor(qtbot, _copy(tmp_path))
    editor.partner_table.selectRow(1)
    _set(qtbot, editor, "partnerNisCodes", "21004")
    _set(qtbot, editor, "partnerPostcodes", "1000")
    _set(qtbot, editor, "registryVersion", "2026.2")
    assert editor.form.errors()["municipalities"].startswith(
        "Brussel (21004) is een Brusselse gemeente: daar is het CAW de partner"
    )
    summaries: list[str] = []
    target = tmp_path / "saved.toml"
    _saving_to(editor, target, summaries)
    assert not editor.save_as()
    assert not target.exists()
