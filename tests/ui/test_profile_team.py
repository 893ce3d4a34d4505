"""The profile's local team is one the partner registry names, checked by the core."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from referral_desk.domain.fields import (
    NO_REGISTRY_TEAMS,
    FieldError,
    closest_team,
    validate_known_team,
)
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.ui.profile_dialog import ProfileDialog
from tests.lifecycle_fixtures import registry

TEAMS = registry().local_teams()
MENEN = "Kind en Gezin Menen"


def test_the_bundled_registry_names_the_teams_the_tests_use() -> None:
    assert MENEN in TEAMS and "Kind en Gezin West-Limburg" in TEAMS


def test_a_registry_team_is_accepted_as_written() -> None:
    assert validate_known_team(f"  {MENEN} ", TEAMS) == MENEN


@pytest.mark.parametrize("typed", ["Kind & Gezin Menen", "kind en gezin menen", "Menen", "Menem"])
def test_a_near_miss_is_refused_with_the_closest_team(typed: str) -> None:
    with pytest.raises(FieldError) as caught:
        validate_known_team(typed, TEAMS)
    assert f"Bedoelt u “{MENEN}”?" in caught.value.message


@pytest.mark.parametrize("typed", ["Kind en Gezin Gent", "Kind en Gezin", "xyz"])
def test_an_unknown_team_gets_no_false_suggestion(typed: str) -> None:
    with pytest.raises(FieldError) as caught:
        validate_known_team(typed, TEAMS)
    assert caught.value.message == (
        "Dit team staat niet in het partnerregister. Kies uw team uit de lijst."
    )


def test_without_registry_teams_any_team_is_accepted() -> None:
    assert validate_known_team("Kind & Gezin Menen", ()) == "Kind & Gezin Menen"
    with pytest.raises(FieldError, match="verplicht"):
        validate_known_team("  ", ())


@given(text=st.text(max_size=80))
def test_only_registry_teams_pass(text: str) -> None:
    try:
        value = validate_known_team(text, TEAMS)
    except FieldError as error:
        assert error.message
    else:
        assert value in TEAMS


@given(
    team=st.sampled_from(TEAMS),
    upper=st.booleans(),
    ampersand=st.booleans(),
    spaces=st.sampled_from([" ", "  ", " - "]),
)
def test_every_respelling_of_a_team_suggests_that_team(
    team: str, upper: bool, ampersand: bool, spaces: str
) -> None:
    typed = team.upper() if upper else team
    typed = typed.replace(" en ", " & ").replace(" EN ", " & ") if ampersand else typed
    typed = typed.replace(" ", spaces)
    assert closest_team(typed, TEAMS) == team


# --- the dialog shows it ------------------------------------------------------------------------


def _dialog(qtbot: QtBot, teams: tuple[str, ...]) -> tuple[ProfileDialog, list[object]]:
    dialog = ProfileDialog(None, teams)
    qtbot.addWidget(dialog)
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    dialog.findChild(QLineEdit, "referrerName").setText("Sofie Maes")
    dialog.findChild(QLineEdit, "referrerPhone").setText("011 34 56 78")
    dialog.findChild(QLineEdit, "referrerEmail").setText("sofie.maes@kindengezin.example.be")
    dialog.show()
    return dialog, saved


def _save(qtbot: QtBot, dialog: ProfileDialog) -> None:
    button = dialog.findChild(QPushButton, "profileSaveButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_dialog_refuses_a_team_the_registry_does_not_name(qtbot: QtBot) -> None:
    dialog, saved = _dialog(qtbot, TEAMS)
    combo = dialog.findChild(QComboBox, "referrerTeam")
    assert [combo.itemText(i) for i in range(combo.count())] == list(TEAMS)
    assert not dialog.findChild(QLabel, "referrerTeamNote").isVisibleTo(dialog)
    combo.setCurrentText("Kind & Gezin Menen")
    _save(qtbot, dialog)
    assert saved == [] and dialog.isVisible()
    assert f"Bedoelt u “{MENEN}”?" in dialog.rows["team"].error.text()
    combo.setCurrentIndex(combo.findText(MENEN))
    combo.activated.emit(combo.currentIndex())
    assert dialog.rows["team"].error.text() == ""
    _save(qtbot, dialog)
    [profile] = saved
    assert isinstance(profile, ReferrerProfile) and profile.team == MENEN


def test_leaving_the_team_field_shows_the_error_at_once(qtbot: QtBot) -> None:
    dialog, saved = _dialog(qtbot, TEAMS)
    combo = dialog.findChild(QComboBox, "referrerTeam")
    combo.setCurrentText("Kind & Gezin Menen")
    combo.lineEdit().editingFinished.emit()
    assert "partnerregister" in dialog.rows["team"].error.text()
    assert saved == []


def test_without_registry_teams_the_dialog_says_so_and_accepts(qtbot: QtBot) -> None:
    dialog, saved = _dialog(qtbot, ())
    note = dialog.findChild(QLabel, "referrerTeamNote")
    assert note.isVisibleTo(dialog) and note.text() == NO_REGISTRY_TEAMS
    dialog.findChild(QComboBox, "referrerTeam").setCurrentText("Kind & Gezin Menen")
    _save(qtbot, dialog)
    [profile] = saved
    assert isinstance(profile, ReferrerProfile) and profile.team == "Kind & Gezin Menen"
