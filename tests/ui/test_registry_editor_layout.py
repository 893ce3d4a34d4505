"""Beheer → Partnerregister on a small screen and by keyboard: what a coordinator reads,
where a save goes, and the date it carries."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_problems import RegistryProblem
from referral_desk.ui.registry_editor import RegistryEditor
from tests.ui_driver import answering, type_text

ROOT = Path(__file__).parents[2]
TABLE = PostcodeTable.load_bundled(ROOT / "resources")
BUNDLED = ROOT / "config" / "partners.toml"
TODAY = date(2026, 11, 23)
# The smallest screen the editor is made for: 1024×768 at 125 %, less taskbar and title bar.
SMALL_SCREEN = (1024 * 4 // 5, 768 * 4 // 5 - 40)


def _editor(qtbot: QtBot, tmp_path: Path, **kwargs: object) -> RegistryEditor:
    path = tmp_path / "partners.toml"
    shutil.copyfile(BUNDLED, path)
    editor = RegistryEditor(TABLE, path, lambda: TODAY, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(editor)
    answering(editor, unsaved="discard")
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def _retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def test_partner_buttons_follow_the_list_in_the_tab_order_and_their_alt_keys_work(
    qtbot: QtBot, tmp_path: Path
) -> None:
    editor = _editor(qtbot, tmp_path)
    editor.partner_table.selectRow(1)
    editor.partner_table.setFocus()
    for name in ("add", "duplicate", "end", "remove"):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is editor.buttons_by_name[name], name

    qtbot.keyClick(editor, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: editor.partner_table.rowCount() == 3)
    assert editor.current_index() == 2
    qtbot.keyClick(editor, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: editor.partner_table.rowCount() == 4)
    answering(editor, unsaved="discard", end_date=TODAY.isoformat())
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: editor.editing.editable.partner(3)["protocol"].get("ended_on") == TODAY)
    answers = answering(editor, unsaved="discard", remove_partner=True)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: editor.partner_table.rowCount() == 3)
    assert [q.key for q in answers.questions] == ["remove_partner"]


def test_every_ampersand_key_in_the_window_is_a_different_letter(
    qtbot: QtBot, tmp_path: Path
) -> None:
    editor = _editor(qtbot, tmp_path)
    texts = [label.text() for label in editor.findChildren(QLabel) if label.buddy() is not None]
    texts += [button.text() for button in editor.findChildren(QAbstractButton)]
    texts += [action.text() for action in editor.findChildren(QAction)]
    letters = [m.lower() for text in texts for m in re.findall(r"&([^&\s])", text)]
    assert len(letters) >= 20  # the form's fields, the header, the partner buttons
    duplicates = sorted({letter for letter in letters if letters.count(letter) > 1})
    assert duplicates == [], [t for t in texts if any(f"&{d}" in t.lower() for d in duplicates)]


def test_after_adding_a_partner_the_window_still_fits_a_small_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    editor = _editor(qtbot, tmp_path)
    free = editor.screen().availableGeometry()
    assert editor.height() <= free.height() and editor.width() <= free.width()
    before = editor.size()
    editor.actions_by_name["add"].trigger()
    qtbot.wait(50)
    assert len(editor.form.errors()) >= 4  # every required field says so: the form is tall
    assert editor.size() == before
    needed = editor.minimumSizeHint()
    assert needed.width() <= SMALL_SCREEN[0] and needed.height() <= SMALL_SCREEN[1], needed
    # Sized to that screen, the problems and the last fields can still be seen.
    editor.resize(*SMALL_SCREEN)
    qtbot.wait(50)
    assert not editor.problems.visibleRegion().isEmpty()
    dpo = editor.form.editors["protocol.dpo_advice_on"]
    editor.form_area.ensureWidgetVisible(dpo)
    qtbot.wait(50)
    assert not dpo.visibleRegion().isEmpty()


def _in_form(widget: QLabel | QLineEdit, editor: RegistryEditor) -> QRect:
    return QRect(widget.mapTo(editor.form, QPoint(0, 0)), widget.size())


def test_municipality_names_stay_clear_of_the_nis_codes(qtbot: QtBot, tmp_path: Path) -> None:
    editor = _editor(qtbot, tmp_path)
    editor.resize(*SMALL_SCREEN)
    editor.actions_by_name["add"].trigger()
    nis = editor.form.editors["municipalities"]
    assert isinstance(nis, QLineEdit)
    codes = "33029 33011 33016 33021 33037 34002 34003 34009 34013 34022 34023 34025 34027"
    _retype(qtbot, nis, codes)
    qtbot.wait(50)
    names = editor.form.municipality_names
    assert "Zonnebeke" in names.text()
    row = editor.form.rows["municipalities"]
    assert not _in_form(row, editor).intersects(_in_form(names, editor))  # type: ignore[arg-type]
    postcodes = editor.form.rows["postcodes"]
    assert not _in_form(names, editor).intersects(_in_form(postcodes, editor))  # type: ignore[arg-type]
    assert names.height() >= names.heightForWidth(names.width())


def test_problems_name_the_partner_and_the_field_with_the_line_as_a_detail(
    qtbot: QtBot, tmp_path: Path
) -> None:
    editor = _editor(qtbot, tmp_path)
    editor.partner_table.selectRow(1)
    nis = editor.form.editors["municipalities"]
    assert isinstance(nis, QLineEdit)
    nis.setFocus()
    nis.selectAll()
    qtbot.keyClick(nis, Qt.Key.Key_Delete)
    text = editor.problems.text()
    assert "OCMW Wervik: gemeenten ontbreken" in text
    assert "regel 76 · partners[2].municipalities" in text
    assert "verplicht veld ontbreekt" not in text and "partners.toml:" not in text
    assert f"{editor.path}:76: partners[2].municipalities" in editor.problems.toolTip()


@pytest.mark.parametrize(
    ("problem", "sentence"),
    [
        (
            RegistryProblem(
                "p.toml", 9, "partners[3].protocol.local_teams", "", "verplicht veld ontbreekt"
            ),
            "Partner 3: lokale teams ontbreken",
        ),
        (
            RegistryProblem("p.toml", 4, "changed_by", "", "verplicht veld ontbreekt"),
            "Partnerregister: gewijzigd door ontbreekt",
        ),
        (
            RegistryProblem(
                "p.toml",
                9,
                "partners[2].mailbox",
                "x(at)y",
                "geen geldig e-mailadres",
                "OCMW Wervik",
            ),
            "OCMW Wervik, mailbox: geen geldig e-mailadres (waarde: x(at)y)",
        ),
        (
            RegistryProblem("/a/p.toml", None, "(bestand)", "", "het bestand is leeg"),
            "p.toml: het bestand is leeg",
        ),
    ],
)
def test_problem_sentences(problem: RegistryProblem, sentence: str) -> None:
    assert problem.sentence == sentence


def test_save_as_proposes_a_new_file_in_the_documents_folder(
    qtbot: QtBot, tmp_path: Path
) -> None:
    documents = tmp_path / "Documenten"
    documents.mkdir()
    editor = _editor(qtbot, tmp_path, documents=documents)
    answers = answering(editor, unsaved="discard", save_as=None)
    assert editor.choose_save_path() is None
    (documents / "partners-2026-11-23.toml").write_text("bestaat al")
    editor.choose_save_path()
    offered = [str(asked.suggested) for asked in answers.save_paths]
    assert offered == [
        str(documents / "partners-2026-11-23.toml"),
        str(documents / "partners-2026-11-23-2.toml"),
    ]
    assert str(editor.active_path) not in offered


def _changed(qtbot: QtBot, editor: RegistryEditor) -> None:
    editor.partner_table.selectRow(1)
    mailbox = editor.form.editors["mailbox"]
    assert isinstance(mailbox, QLineEdit)
    _retype(qtbot, mailbox, "sociaal@wervik.be")
    _retype(qtbot, editor.version_edit, "2026.2")


def test_saving_over_the_registry_in_use_asks_and_no_is_the_default(
    qtbot: QtBot, tmp_path: Path
) -> None:
    editor = _editor(qtbot, tmp_path)
    active = editor.active_path
    original = active.read_bytes()
    _changed(qtbot, editor)
    saving = {"unsaved": "discard", "review_changes": "save", "save_as": active}
    answers = answering(editor, **saving, overwrite_active=False)
    assert not editor.save_as()
    assert active.read_bytes() == original
    [asked] = answers.questions
    # Ja and Nee, Nee the default button (tests/ui/test_questions.py: the real box).
    assert asked.key == "overwrite_active" and asked.accept is None
    assert "nu gebruikt" in asked.text
    answering(editor, **saving, overwrite_active=True)
    assert editor.save_as()
    assert "sociaal@wervik.be" in active.read_text("utf-8")


def test_a_changed_registry_is_dated_the_day_it_is_saved(qtbot: QtBot, tmp_path: Path) -> None:
    editor = _editor(qtbot, tmp_path)
    assert editor.date_edit.text() != TODAY.isoformat()
    _changed(qtbot, editor)
    target = tmp_path / "nieuw.toml"
    answering(editor, unsaved="discard", review_changes="save", save_as=target)
    assert editor.save_as()
    assert "registry_date = 2026-11-23" in target.read_text("utf-8")
    assert editor.date_edit.text() == "2026-11-23"


def test_a_date_the_coordinator_typed_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    editor = _editor(qtbot, tmp_path)
    _changed(qtbot, editor)
    _retype(qtbot, editor.date_edit, "2026-12-01")
    target = tmp_path / "nieuw.toml"
    answering(editor, unsaved="discard", review_changes="save", save_as=target)
    assert editor.save_as()
    assert "registry_date = 2026-12-01" in target.read_text("utf-8")
