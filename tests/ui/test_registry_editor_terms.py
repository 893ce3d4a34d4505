"""The protocol's terms in the registry editor: each field labelled and named for a screen
reader, lists one item a line, a missing term shown under its field."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.protocol_terms import TERM_KEYS
from referral_desk.ui.registry_editor import RegistryEditor
from tests.registry.test_protocol_terms import version_1
from tests.ui_driver import answering, child

ROOT = Path(__file__).parents[2]
TABLE = PostcodeTable.load_bundled(ROOT / "resources")
TODAY = date(2026, 11, 23)


def _editor(qtbot: QtBot, path: Path) -> RegistryEditor:
    editor = RegistryEditor(TABLE, path, lambda: TODAY)
    qtbot.addWidget(editor)
    answering(editor, unsaved="discard")
    editor.show()
    return editor


def test_every_term_has_a_label_and_an_accessible_name(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    shutil.copyfile(ROOT / "config" / "partners.toml", path)
    editor = _editor(qtbot, path)
    editor.partner_table.selectRow(0)
    for key in (*TERM_KEYS, "acknowledgement_working_days"):
        field = editor.form.editors[f"protocol.{key}"]
        assert field.accessibleName(), key
        labels = [label for label in editor.form.findChildren(QLabel) if label.buddy() is field]
        assert [label.text() for label in labels] == [field.accessibleName()], key
    measures = child(editor, QPlainTextEdit, "protocolSecurityMeasures")
    assert measures.toPlainText().splitlines()[0].startswith("verzending naar de mailbox")
    assert len(measures.toPlainText().splitlines()) == 4


def test_a_term_left_empty_is_named_under_its_field(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    shutil.copyfile(ROOT / "config" / "partners.toml", path)
    editor = _editor(qtbot, path)
    editor.partner_table.selectRow(1)
    duty = child(editor, QPlainTextEdit, "protocolBreachDuty")
    duty.setFocus()
    duty.selectAll()
    duty.clear()
    row = editor.form.rows["protocol.breach_duty"]
    assert row.error.isVisible() and row.error.text() == "Verplicht."
    assert duty.accessibleDescription() == "Verplicht."
    assert "OCMW Wervik: afspraak over gegevenslekken ontbreekt" in editor.problems.text()
    qtbot.keyClicks(duty, "Art. 9: meld een lek aan {meldpunt}.")
    assert not row.error.isVisible()
    document = editor.editing.editable.validate(TABLE)
    assert document.partners[1].protocol.breach_duty == "Art. 9: meld een lek aan {meldpunt}."


def test_a_version_1_file_opens_with_the_standard_terms(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "oud.toml"
    path.write_text(version_1(), "utf-8")
    editor = _editor(qtbot, path)
    editor.partner_table.selectRow(0)
    assert child(editor, QPlainTextEdit, "protocolAccessDuty").toPlainText().startswith("Art. 4")
    assert editor.form.errors() == {}
