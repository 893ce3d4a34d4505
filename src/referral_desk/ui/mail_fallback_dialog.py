"""When no mail client could be driven: everything the user needs to send it by hand."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from referral_desk.lifecycle.mail_drafts import show_folder


class Draft(Protocol):
    """What the dialog shows of a draft: the core's DraftMessage has it all."""

    @property
    def to(self) -> str: ...

    @property
    def subject(self) -> str: ...

    @property
    def body(self) -> str: ...

    @property
    def attachment(self) -> Path | None: ...


class MailFallbackDialog(QDialog):
    """For a referral (with its archive) and for a withdrawal (no attachment)."""

    def __init__(
        self,
        draft: Draft,
        failures: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mailFallbackDialog")
        self.setWindowTitle(self.tr("E-mail zelf opstellen"))
        reasons = "; ".join(reason for _name, reason in failures)
        if draft.attachment is not None:
            text = self.tr(
                "Er kon geen e-mailprogramma geopend worden ({0}). Het versleutelde archief is wel "
                "bewaard. Maak zelf een nieuwe e-mail, voeg het archief toe en kopieer adres, "
                "onderwerp en tekst hieronder. Het wachtwoord blijft in het hoofdvenster staan."
            )
        else:
            text = self.tr(
                "Er kon geen e-mailprogramma geopend worden ({0}). Maak zelf een nieuwe e-mail "
                "en kopieer adres, onderwerp en tekst hieronder."
            )
        intro = QLabel(text.format(reasons), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        grid = QGridLayout()
        self.fields: dict[str, QWidget] = {}
        entries = [
            ("to", self.tr("Aan"), draft.to),
            ("subject", self.tr("Onderwerp"), draft.subject),
        ]
        if draft.attachment is not None:
            entries.insert(0, ("archive", self.tr("Archief"), str(draft.attachment)))
        for row, (key, label_text, value) in enumerate(entries):
            edit = QLineEdit(value, self)
            edit.setReadOnly(True)
            edit.setObjectName(f"fallback_{key}")
            edit.setAccessibleName(label_text)
            label = QLabel(label_text, self)
            label.setBuddy(edit)
            button = QPushButton(self.tr("Kopiëren"), self)
            button.setObjectName(f"copy_{key}")
            button.setAccessibleName(self.tr("{0} kopiëren").format(label_text))
            button.clicked.connect(lambda _=False, v=value: self.copy(v))
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(button, row, 2)
            self.fields[key] = edit
        body = QPlainTextEdit(draft.body, self)
        body.setReadOnly(True)
        body.setObjectName("fallback_body")
        body.setAccessibleName(self.tr("Tekst"))
        body_label = QLabel(self.tr("Tekst"), self)
        body_label.setBuddy(body)
        copy_body = QPushButton(self.tr("Kopiëren"), self)
        copy_body.setObjectName("copy_body")
        copy_body.setAccessibleName(self.tr("Tekst kopiëren"))
        copy_body.clicked.connect(lambda _=False: self.copy(draft.body))
        grid.addWidget(body_label, len(entries), 0)
        grid.addWidget(body, len(entries), 1)
        grid.addWidget(copy_body, len(entries), 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        attachment = draft.attachment
        if attachment is not None:
            show = QPushButton(self.tr("Toon in &map"), self)
            show.setObjectName("showInFolder")
            show.clicked.connect(lambda _=False: show_folder(attachment.parent))
            buttons.addButton(show, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    @staticmethod
    def copy(text: str) -> None:
        QGuiApplication.clipboard().setText(text)
