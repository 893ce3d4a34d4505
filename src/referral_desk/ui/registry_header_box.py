"""The registry's header (version, date, who changed it) and the key a save is signed with."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from referral_desk.ui.client_form import FieldRow


class RegistryHeaderBox(QGroupBox):
    """Emits ``edited`` after a person changes a header field, ``choose_key`` and
    ``forget_key`` when they ask to sign with another key or without one."""

    edited = Signal()
    choose_key = Signal()
    forget_key = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Partnerregister"))
        self.version_edit = QLineEdit(self)
        self.version_edit.setObjectName("registryVersion")
        self.date_edit = QLineEdit(self)
        self.date_edit.setObjectName("registryDate")
        self.date_edit.setPlaceholderText(self.tr("JJJJ-MM-DD"))
        self.date_edit.setToolTip(
            self.tr("Wordt bij het opslaan van een gewijzigd register de dag van vandaag.")
        )
        self.changed_by_edit = QLineEdit(self)
        self.changed_by_edit.setObjectName("registryChangedBy")
        self.rows: dict[str, FieldRow] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # Every & in the editor is a different letter; the partner's are in PartnerForm.
        for key, text, edit in (
            ("version", self.tr("Ve&rsie"), self.version_edit),
            ("date", self.tr("Datu&m"), self.date_edit),
            ("changed_by", self.tr("Gewi&jzigd door"), self.changed_by_edit),
        ):
            row = FieldRow(edit, self)
            self.rows[key] = row
            label = QLabel(text, self)
            label.setBuddy(edit)
            edit.setAccessibleName(text.replace("&", ""))
            edit.textEdited.connect(lambda _t: self.edited.emit())
            form.addRow(label, row)
        form.addRow(self._build_signing_row())

    def _build_signing_row(self) -> QWidget:
        row = QWidget(self)
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        key_row, key_buttons = QHBoxLayout(), QHBoxLayout()
        layout.addLayout(key_row)
        layout.addLayout(key_buttons)
        self.key_label = QLabel(row)
        self.key_label.setObjectName("signingKey")
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.key_label.setAccessibleName(self.tr("Sleutel om te ondertekenen"))
        self.choose_key_button = QPushButton(self.tr("Kies sle&utel…"), row)
        self.choose_key_button.setObjectName("chooseSigningKey")
        self.choose_key_button.setAccessibleName(self.tr("Sleutel om te ondertekenen kiezen"))
        self.choose_key_button.clicked.connect(lambda: self.choose_key.emit())
        # No & key: H belongs to the partner's "Telefoon voor het wachtwoord"; Tab reaches it.
        self.no_key_button = QPushButton(self.tr("Zonder handtekening"), row)
        self.no_key_button.setObjectName("forgetSigningKey")
        self.no_key_button.setAccessibleName(self.tr("Voortaan zonder handtekening opslaan"))
        self.no_key_button.clicked.connect(lambda: self.forget_key.emit())
        caption = QLabel(self.tr("Ondertekenen met sleutel:"), row)
        caption.setBuddy(self.choose_key_button)
        key_row.addWidget(caption)
        key_row.addWidget(self.key_label, 1)
        key_buttons.addWidget(self.choose_key_button)
        key_buttons.addWidget(self.no_key_button)
        key_buttons.addStretch(1)
        self.show_key(None)
        return row

    def texts(self) -> tuple[str, str, str]:
        """Version, date and who changed it, as typed."""
        return self.version_edit.text(), self.date_edit.text(), self.changed_by_edit.text()

    def show_header(self, version: str, date_text: str, changed_by: str) -> None:
        for edit, text in (
            (self.version_edit, version),
            (self.date_edit, date_text),
            (self.changed_by_edit, changed_by),
        ):
            edit.setText(text)
            edit.setCursorPosition(0)

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, row in self.rows.items():
            row.show_error(errors.get(key))

    def show_key(self, key: Path | None) -> None:
        self.key_label.setText(
            str(key) if key is not None else self.tr("geen (opslaan zonder handtekening)")
        )
        self.no_key_button.setEnabled(key is not None)
