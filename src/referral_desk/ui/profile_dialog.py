"""The referrer profile: who sends, printed on the document and named in the mail."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.errors import validator_said
from referral_desk.domain.fields import (
    NO_REGISTRY_TEAMS,
    FieldError,
    format_phone_national,
    validate_known_team,
    validate_name,
    validate_phone,
    validate_sendable_address,
)
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.ui.client_form import FieldRow
from referral_desk.ui.core_messages import worded


class ProfileDialog(QDialog):
    """*teams* are the partner registry's local teams: the team is chosen from them (or
    typed, and checked against them by the core)."""

    saved = Signal(object)

    def __init__(
        self, profile: ReferrerProfile | None, teams: tuple[str, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Profiel van de aanmelder"))
        self.name = QLineEdit(self)
        self.name.setObjectName("referrerName")
        self.team = QComboBox(self)
        self.team.setObjectName("referrerTeam")
        self.teams = teams
        self.team.setEditable(True)
        self.team.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.team.addItems(list(teams))
        self.team.setCurrentIndex(-1)
        completer = QCompleter(list(teams), self.team)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.team.setCompleter(completer)
        self.team.setPlaceholderText(self.tr("Kies uw team uit de lijst"))
        self.team.activated.connect(lambda _index: self.check_team())
        line_edit = self.team.lineEdit()
        if line_edit is not None:
            line_edit.editingFinished.connect(self.check_team)
        self.phone = QLineEdit(self)
        self.phone.setObjectName("referrerPhone")
        self.email = QLineEdit(self)
        self.email.setObjectName("referrerEmail")
        self.rows = {
            "name": FieldRow(self.name, self),
            "team": FieldRow(self.team, self),
            "phone": FieldRow(self.phone, self),
            "email": FieldRow(self.email, self),
        }
        intro = QLabel(
            self.tr(
                "Deze gegevens komen op elke doorverwijzing, zodat het OCMW weet wie het "
                "wachtwoord doorbelt. Ze blijven op deze computer."
            ),
            self,
        )
        intro.setWordWrap(True)
        # The core's own sentence, as text: no tr() of a value that is not a literal.
        self.team_note = QLabel(NO_REGISTRY_TEAMS, self)
        self.team_note.setObjectName("referrerTeamNote")
        self.team_note.setWordWrap(True)
        self.team_note.setVisible(not teams)
        team_layout = self.rows["team"].layout()
        if team_layout is not None:
            team_layout.addWidget(self.team_note)
        form = QFormLayout()
        for key, text in (
            ("name", self.tr("&Naam")),
            ("team", self.tr("&Lokaal team")),
            ("phone", self.tr("&Telefoon")),
            ("email", self.tr("&E-mail")),
        ):
            label = QLabel(text, self)
            label.setBuddy(self.rows[key].editor)
            self.rows[key].editor.setAccessibleName(text.replace("&", ""))
            form.addRow(label, self.rows[key])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("profileSaveButton")
        self.save_button.setText(self.tr("&Bewaren"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if profile is not None:
            self.name.setText(profile.name)
            self.team.setCurrentText(profile.team)
            self.phone.setText(format_phone_national(profile.phone))
            self.email.setText(profile.email)
        QWidget.setTabOrder(self.name, self.team)
        QWidget.setTabOrder(self.team, self.phone)
        QWidget.setTabOrder(self.phone, self.email)
        QWidget.setTabOrder(self.email, self.save_button)

    def try_save(self) -> None:
        checks: dict[str, Callable[[], object]] = {
            "name": lambda: validate_name(self.name.text(), label=self.tr("Naam")),
            "team": lambda: validate_known_team(self.team.currentText(), self.teams),
            "phone": lambda: validate_phone(self.phone.text()),
            "email": lambda: validate_sendable_address(self.email.text()),
        }
        ok = True
        for key, check in checks.items():
            try:
                check()
                self.rows[key].show_error(None)
            except FieldError as error:
                self.rows[key].show_error(worded(error))
                ok = False
        if not ok:
            return
        try:
            profile = ReferrerProfile(
                name=self.name.text(),
                team=self.team.currentText(),
                phone=self.phone.text(),
                email=self.email.text(),
            )
        except ValidationError as error:
            self.rows["team"].show_error(worded(validator_said(error.errors()[0])))
            return
        self.saved.emit(profile)
        self.accept()

    def check_team(self) -> None:
        """The team's inline error as soon as the user leaves or picks, not only at saving."""
        if not self.team.currentText().strip():
            self.rows["team"].show_error(None)
            return
        try:
            validate_known_team(self.team.currentText(), self.teams)
        except FieldError as error:
            self.rows["team"].show_error(worded(error))
        else:
            self.rows["team"].show_error(None)
