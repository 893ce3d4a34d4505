"""The result of a referral: its ID and the password to read out, large and copyable."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.spelling_alphabet import spelled_groups
from referral_desk.ui.labels import channel_label
from referral_desk.ui.password_text import PasswordText

if TYPE_CHECKING:
    from referral_desk.domain.referral_record import PasswordChannel

CLIPBOARD_CLEAR_MS = 30_000


class PasswordPanel(QGroupBox):
    """Also used to show a recalled password from the referral log window."""

    channelChosen = Signal(str)
    sentConfirmed = Signal()

    def __init__(self, parent: QWidget | None = None, *, channels_now: bool = True) -> None:
        """*channels_now* False: the channels are offered by :meth:`offer_channels` once the
        core has loaded (the main window is shown before it)."""
        super().__init__(parent)
        self.setTitle(self.tr("Wachtwoord voor de partner"))
        self.referral_id = QLabel(self)
        self.referral_id.setObjectName("referralId")
        self.referral_id.setAccessibleName(self.tr("Doorverwijzings-ID"))
        # Every letter of "Kopieer ID" is another Alt-key in the main window; Y is free.
        self.copy_id_button = QPushButton(self.tr("Kopieer ID (&Y)"), self)
        self.copy_id_button.setObjectName("copyReferralIdButton")
        self.copy_id_button.setAccessibleName(self.tr("Doorverwijzings-ID kopiëren"))
        self.copy_id_button.clicked.connect(self.copy_referral_id)
        self.file_reminder = QLabel(
            self.tr(
                "Noteer het doorverwijzingsnummer in het dossier van het gezin (Kind en "
                "Gezin-dossier): een latere intrekking of correctie vindt de doorverwijzing "
                "daarmee terug."
            ),
            self,
        )
        self.file_reminder.setObjectName("referralIdReminder")
        self.file_reminder.setWordWrap(True)
        self.password = PasswordText(self)
        self.password.setObjectName("passwordDisplay")
        self.password.setAccessibleName(self.tr("Wachtwoord"))
        # Not selectable: a mouse selection lands in X11's PRIMARY, which nothing clears.
        self.password.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.copy_button = QPushButton(self.tr("&Kopiëren"), self)
        self.copy_button.setObjectName("copyPasswordButton")
        self.copy_button.setAccessibleName(self.tr("Wachtwoord kopiëren"))
        self.copy_button.clicked.connect(self.copy_password)
        self.spell_button = QPushButton(self.tr("Spelle&n"), self)
        self.spell_button.setObjectName("spellPasswordButton")
        self.spell_button.setAccessibleName(self.tr("Wachtwoord spellen"))
        self.spell_button.setCheckable(True)
        self.spell_button.toggled.connect(self._show_spelling)
        self.spelling = QLabel(self)
        self.spelling.setObjectName("passwordSpelling")
        # One group a line and never wrapped: a wrapped label would not make a dialog taller.
        self.spelling.setVisible(False)
        self.instructions = QLabel(self)
        self.instructions.setWordWrap(True)
        self.channel = QComboBox(self)
        self.channel.setObjectName("passwordChannel")
        if channels_now:
            self.offer_channels()
        self.channel.setAccessibleName(self.tr("Wachtwoord doorgegeven via"))
        self.channel.activated.connect(
            lambda _i: self.channelChosen.emit(str(self.channel.currentData()))
        )
        channel_label = QLabel(self.tr("&Doorgegeven via"), self)
        channel_label.setBuddy(self.channel)
        self.sent_button = QPushButton(self.tr("E-mail &is verstuurd"), self)
        self.sent_button.setObjectName("confirmSentButton")
        self.sent_button.setToolTip(
            self.tr("Bevestig dat u de e-mail verstuurd hebt; dat komt in het logboek.")
        )
        self.sent_button.clicked.connect(self.sentConfirmed.emit)
        self.status = QLabel(self)
        self.status.setObjectName("passwordStatus")
        self.status.setWordWrap(True)
        # Partner names and messages from the core are shown as typed, never as markup.
        for label in (
            self.referral_id,
            self.file_reminder,
            self.password,
            self.spelling,
            self.instructions,
            self.status,
        ):
            label.setTextFormat(Qt.TextFormat.PlainText)

        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.spell_button)
        row.addStretch(1)
        follow = QHBoxLayout()
        follow.addWidget(channel_label)
        follow.addWidget(self.channel)
        follow.addStretch(1)
        follow.addWidget(self.sent_button)
        id_row = QHBoxLayout()
        id_row.addWidget(self.referral_id, 1)
        id_row.addWidget(self.copy_id_button)
        layout = QVBoxLayout(self)
        layout.addLayout(id_row)
        layout.addWidget(self.file_reminder)
        layout.addWidget(self.password)
        layout.addLayout(row)
        layout.addWidget(self.spelling)
        layout.addWidget(self.instructions)
        layout.addLayout(follow)
        layout.addWidget(self.status)
        self._copied: str | None = None
        self._id = ""
        self._clear_timer = QTimer(self)
        self._clear_timer.setSingleShot(True)
        self._clear_timer.setInterval(CLIPBOARD_CLEAR_MS)
        self._clear_timer.timeout.connect(self._clipboard_time_up)
        self.reset()

    def offer_channels(self) -> None:
        """The channels offered while the partner's number is not known."""
        from referral_desk.lifecycle.after_sending import offered_password_channels

        self._offer_channels(offered_password_channels(None))

    def _offer_channels(self, channels: Sequence[PasswordChannel]) -> None:
        from referral_desk.domain.referral_record import PasswordChannel

        self.channel.clear()
        for channel in (PasswordChannel.NOT_YET, *channels):
            self.channel.addItem(channel_label(channel), channel.value)

    def show_password(
        self,
        referral_id: str,
        password: str,
        phone_hint: str,
        channels: Sequence[PasswordChannel] | None = None,
    ) -> None:
        """``channels``: as the core offers them for the partner's password phone
        (``offered_password_channels``); None when that number is not known here."""
        from referral_desk.domain.referral_record import PasswordChannel
        from referral_desk.lifecycle.after_sending import offered_password_channels

        offered = tuple(channels) if channels is not None else offered_password_channels(None)
        self._offer_channels(offered)
        self._show_id(referral_id)
        self.password.setText(password)
        if PasswordChannel.SMS in offered:
            instruction = self.tr(
                "Bel dit wachtwoord door naar de partner ({0}) of stuur het per sms. "
                "Nooit in dezelfde e-mail als het archief."
            )
        else:
            instruction = self.tr(
                "Bel dit wachtwoord door naar de partner ({0}). "
                "Nooit in dezelfde e-mail als het archief."
            )
        self.instructions.setText(instruction.format(phone_hint))
        self.copy_button.setEnabled(True)
        self.spell_button.setEnabled(True)
        self.setVisible(True)

    def show_preshared(self, referral_id: str, partner_name: str) -> None:
        """The partner already knows the password; nothing to read out, nothing to copy."""
        self._show_id(referral_id)
        self.password.setText(self.tr("afgesproken wachtwoord"))
        self.instructions.setText(
            self.tr(
                "Versleuteld met het wachtwoord dat met {0} is afgesproken; u hoeft het niet "
                "door te geven."
            ).format(partner_name)
        )
        self.copy_button.setEnabled(False)
        self.spell_button.setEnabled(False)
        self.setVisible(True)

    def _show_id(self, referral_id: str) -> None:
        self._id = referral_id
        self.referral_id.setText(self.tr("Doorverwijzing {0}").format(referral_id))
        self.copy_id_button.setEnabled(True)

    def copy_referral_id(self) -> None:
        """The ID only (random, no client data): for the family's file, kept on the clipboard."""
        if not self._id:
            return
        QGuiApplication.clipboard().setText(self._id)
        self.status.setText(
            self.tr("{0} gekopieerd: plak het in het dossier van het gezin.").format(self._id)
        )

    def set_channel(self, channel: str) -> None:
        """A channel recorded earlier is shown as recorded, even one not offered now."""
        from referral_desk.domain.referral_record import PasswordChannel

        index = self.channel.findData(channel)
        if index < 0 and channel in {c.value for c in PasswordChannel}:
            recorded = PasswordChannel(channel)
            self.channel.addItem(channel_label(recorded), recorded.value)
            index = self.channel.count() - 1
        self.channel.setCurrentIndex(max(index, 0))

    def _show_spelling(self, on: bool) -> None:
        text = self.password.text() if self.copy_button.isEnabled() else ""
        self.spelling.setText("\n".join(spelled_groups(text)) if on and text else "")
        self.spelling.setVisible(on and bool(text))

    def reset(self) -> None:
        self._clear_clipboard()
        self.referral_id.clear()
        self._id = ""
        self.copy_id_button.setEnabled(False)
        self.password.clear()
        self.instructions.clear()
        self.status.clear()
        self.spell_button.setChecked(False)
        self.spelling.clear()
        self.spelling.setVisible(False)
        self.channel.setCurrentIndex(0)
        self.copy_button.setEnabled(False)
        self.spell_button.setEnabled(False)
        self.sent_button.setEnabled(True)
        self.setVisible(False)

    def copy_password(self) -> None:
        text = self.password.text()
        if not text:
            return
        QGuiApplication.clipboard().setText(text)
        self._copied = text
        self._clear_timer.start()
        self.status.setText(self._copied_notice())

    def _copied_notice(self) -> str:
        return self.tr("Gekopieerd. Het klembord wordt over 30 seconden gewist.")

    def _clipboard_time_up(self) -> None:
        """The promise "wordt over 30 seconden gewist" is kept, then no longer announced."""
        clipboard = QGuiApplication.clipboard()
        ours = self._copied is not None and clipboard.text() == self._copied
        announced = self.status.text() == self._copied_notice()
        self._clear_clipboard()
        if not announced:
            return
        self.status.setText(
            self.tr("Het klembord is gewist.")
            if ours
            else self.tr("Het wachtwoord staat niet meer op het klembord.")
        )

    def _clear_clipboard(self) -> None:
        """Only clear what we put there: the user may have copied something else since.

        PRIMARY (X11's selection) is cleared too if it holds the password by any route.
        """
        clipboard = QGuiApplication.clipboard()
        copied = self._copied
        if copied and clipboard.text() == copied:
            clipboard.clear()
        shown = self.password.text() if self.copy_button.isEnabled() else ""
        if clipboard.supportsSelection():
            selected = clipboard.text(QClipboard.Mode.Selection)
            if selected and selected in {copied, shown}:
                clipboard.clear(QClipboard.Mode.Selection)
        self._copied = None
        self._clear_timer.stop()
