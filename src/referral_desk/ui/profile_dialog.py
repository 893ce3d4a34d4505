"""The referrer profile: who sends, printed on the document and named in the mail."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.fields import (
    FieldError,
    format_phone_national,
    validate_name,
    validate_phone,
    validate_sendable_address,
    validate_team,
)
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.ui.client_form import FieldRow


class ProfileDialog(QDialog):
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
        self.team.setEditable(True)
        self.team.addItems(list(teams))
        self.team.setCurrentIndex(-1)
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
            "team": lambda: validate_team(self.team.currentText()),
            "phone": lambda: validate_phone(self.phone.text()),
            "email": lambda: validate_sendable_address(self.email.text()),
        }
        ok = True
        for key, check in checks.items():
            try:
                check()
                self.rows[key].show_error(None)
            except FieldError as error:
                self.rows[key].show_error(error.message)
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
            self.rows["team"].show_error(str(error.errors()[0]["msg"]))
            return
        self.saved.emit(profile)
        self.accept()
