"""With the English catalog the registry editor shows the registry's messages in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.registry.diff import change_lines, diff_registries
from referral_desk.registry.parsing import load_registry_text
from referral_desk.ui.core_messages import worded
from referral_desk.ui.language import install_translators
from referral_desk.ui.registry_editor import RegistryEditor
from referral_desk.ui.registry_problem_list import RegistryProblemList

ROOT = Path(__file__).parents[2]
TABLE = PostcodeTable.load_bundled(ROOT / "resources")
BUNDLED = (ROOT / "config" / "partners.toml").read_text("utf-8")


@pytest.fixture
def english(qapp: QApplication, compiled_catalogs: None) -> Iterator[None]:
    installed = install_translators(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def _problems(text: str) -> RegistryError:
    with pytest.raises(RegistryError) as refused:
        load_registry_text(text, TABLE, file="partners.toml")
    return refused.value


def test_a_registry_problem_shows_in_english(english: None, qtbot: QtBot) -> None:
    error = _problems(
        BUNDLED.replace('municipalities = ["33029"]', 'municipalities = ["33029", "99999"]', 1)
    )
    (problem,) = [p for p in error.problems if p.value == "99999"]
    assert problem.sentence == "OCMW Wervik, gemeenten: onbekende NIS-code (waarde: 99999)"
    assert worded(problem.said) == "OCMW Wervik, municipalities: unknown NIS code (value: 99999)"
    listed = RegistryProblemList()
    qtbot.addWidget(listed)
    listed.show_problems(error.problems)
    shown = listed.label.text()
    assert "OCMW Wervik, municipalities: unknown NIS code (value: 99999)" in shown
    assert "onbekende" not in shown


def test_a_missing_field_and_a_file_problem_show_in_english(english: None) -> None:
    error = _problems(BUNDLED.replace('municipalities = ["33029"]', "municipalities = []", 1))
    assert [worded(p.said) for p in error.problems] == ["OCMW Wervik: municipalities are missing"]
    (empty,) = _problems("").problems
    assert worded(empty.said) == "partners.toml: the file is empty"


def test_the_editor_words_form_errors_and_the_change_summary_in_english(
    english: None, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "partners.toml"
    path.write_text(BUNDLED, "utf-8")
    editor = RegistryEditor(TABLE, path, lambda: date(2026, 11, 23))
    qtbot.addWidget(editor)
    editor.editing.type_header("", "2026-11-22", "")
    assert editor.header_errors()["version"] == "Give the version of the partner registry."
    assert editor.header_errors()["changed_by"] == "Who changed the partner registry?"
    before = load_registry_text(BUNDLED, TABLE, file="a.toml")
    after = load_registry_text(
        BUNDLED.replace("kindengezin@wervik.be", "sociaal@wervik.be"), TABLE, file="b.toml"
    )
    summary = editor.change_summary(change_lines(diff_registries(before, after)))
    assert summary == (
        "<b>! MAILBOX CHANGED for OCMW Wervik (ocmw-wervik): "
        "kindengezin@wervik.be → sociaal@wervik.be</b>"
    )


def test_the_choices_pydantic_lists_are_joined_in_english(english: None) -> None:
    error = _problems(BUNDLED.replace('kind = "OCMW"', 'kind = "OCMV"', 1))
    (problem,) = [p for p in error.problems if p.value == "OCMV"]
    assert problem.expected == "verwacht een van: 'OCMW' of 'CAW'"
    assert worded(problem.said).endswith("kind: expects one of: 'OCMW' or 'CAW' (value: OCMV)")
