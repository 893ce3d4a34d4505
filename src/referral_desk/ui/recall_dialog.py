"""A password shown again from the sent-referrals window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from referral_desk.domain.referral_record import ReferralLogEntry
from referral_desk.ui.password_panel import PasswordPanel


class RecallDialog(QDialog):
    """A recalled password, with the same read-out help as right after creating it.
    *on_channel* gets the channel the user says the password went by."""

    def __init__(
        self,
        row: ReferralLogEntry,
        password: str,
        on_channel: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recallDialog")
        self.setWindowTitle(self.tr("Wachtwoord van {0}").format(row.referral_id))
        self.panel = PasswordPanel(self)
        self.panel.show_password(row.referral_id, password, row.partner_name)
        self.panel.set_channel(row.password_channel.value)
        self.panel.sent_button.setVisible(False)
        # For right after creating; on a recall the ID is in the family's file already.
        self.panel.file_reminder.setVisible(False)
        self.panel.copy_id_button.setVisible(False)
        self.panel.channelChosen.connect(on_channel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _r: self.panel.reset())
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
        # The spelling adds five lines: grow for them, and stay on the screen.
        self.panel.spell_button.toggled.connect(lambda _on: QTimer.singleShot(0, self._refit))

    def _refit(self) -> None:
        self.adjustSize()
        area = self.screen().availableGeometry()
        frame = self.frameGeometry()
        self.move(
            max(area.left(), min(frame.left(), area.right() - frame.width() + 1)),
            max(area.top(), min(frame.top(), area.bottom() - frame.height() + 1)),
        )
