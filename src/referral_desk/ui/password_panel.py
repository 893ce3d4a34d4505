"""The result of a referral: its ID and the password to read out, large and copyable."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

CLIPBOARD_CLEAR_MS = 30_000


class PasswordPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Wachtwoord voor de partner"))
        self.referral_id = QLabel(self)
        self.referral_id.setObjectName("referralId")
        self.referral_id.setAccessibleName(self.tr("Doorverwijzings-ID"))
        self.password = QLabel(self)
        self.password.setObjectName("passwordDisplay")
        self.password.setAccessibleName(self.tr("Wachtwoord"))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(22)
        font.setWeight(QFont.Weight.Bold)
        self.password.setFont(font)
        self.password.setTextInteractionFlags(
            self.password.textInteractionFlags().TextSelectableByMouse
        )
        self.copy_button = QPushButton(self.tr("&Kopiëren"), self)
        self.copy_button.setObjectName("copyPasswordButton")
        self.copy_button.setAccessibleName(self.tr("Wachtwoord kopiëren"))
        self.copy_button.clicked.connect(self.copy_password)
        self.instructions = QLabel(self)
        self.instructions.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.referral_id)
        layout.addLayout(row)
        layout.addWidget(self.instructions)
        layout.addWidget(self.status)
        self._copied: str | None = None
        self._clear_timer = QTimer(self)
        self._clear_timer.setSingleShot(True)
        self._clear_timer.setInterval(CLIPBOARD_CLEAR_MS)
        self._clear_timer.timeout.connect(self._clear_clipboard)
        self.reset()

    def show_password(self, referral_id: str, password: str, phone_hint: str) -> None:
        self.referral_id.setText(self.tr("Doorverwijzing {0}").format(referral_id))
        self.password.setText(password)
        self.instructions.setText(
            self.tr(
                "Bel dit wachtwoord door naar de partner ({0}) of stuur het per sms. "
                "Nooit in dezelfde e-mail als het archief."
            ).format(phone_hint)
        )
        self.copy_button.setEnabled(True)
        self.setVisible(True)

    def reset(self) -> None:
        self._clear_clipboard()
        self.referral_id.clear()
        self.password.clear()
        self.instructions.clear()
        self.status.clear()
        self.copy_button.setEnabled(False)
        self.setVisible(False)

    def copy_password(self) -> None:
        text = self.password.text()
        if not text:
            return
        QGuiApplication.clipboard().setText(text)
        self._copied = text
        self._clear_timer.start()
        self.status.setText(self.tr("Gekopieerd. Het klembord wordt over 30 seconden gewist."))

    def _clear_clipboard(self) -> None:
        """Only clear what we put there: the user may have copied something else since."""
        copied = self._copied
        if copied and QGuiApplication.clipboard().text() == copied:
            QGuiApplication.clipboard().clear()
        self._copied = None
        self._clear_timer.stop()
