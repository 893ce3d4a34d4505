"""The main window's line about open actions: how many there are at start, as a button that
opens the list (ui.open_actions_window); hidden when nothing is open."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

if TYPE_CHECKING:
    from referral_desk.lifecycle.desk import Desk
    from referral_desk.lifecycle.session import ReferralSession
    from referral_desk.ui.questions import Answers

_AMBER = "background: #fff4e5; color: #663c00; padding: 6px; border: 1px solid #ffd8a8;"


class NoticeHost(Protocol):
    """The main window as the line sees it."""

    attached: bool
    desk: Desk
    session: ReferralSession
    questions: Answers


class OpenActionsNotice(QWidget):
    """Counts once the window's core is attached (the log is read then), again whenever the
    list changes something, and each time the main window becomes active: a step taken in the
    sent-referrals window, or a referral just made, shows in the count when the user is back.
    Until the core is attached there is nothing to count with, and the line stays hidden."""

    def __init__(self, host: NoticeHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.window_: QWidget | None = None
        self.setObjectName("openActionsNotice")
        self.button = QPushButton(self)
        self.button.setObjectName("openActionsButton")
        self.button.setStyleSheet(_AMBER)
        self.button.clicked.connect(self.open_list)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.count = 0
        self.setVisible(False)
        if isinstance(host, QObject):
            host.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            self.recount()
        return False

    def recount(self) -> None:
        if not self.host.attached:
            return
        from referral_desk.domain.errors import UserFacingError
        from referral_desk.lifecycle.open_actions import open_actions_of

        try:
            found = open_actions_of(
                self.host.desk.follow_up, self.host.session.partners, self.host.desk.today()
            )
        except UserFacingError:
            return  # the log's own problem is said where the log is shown
        self.show_count(len(found))

    def show_count(self, count: int) -> None:
        self.count = count
        self.button.setText(
            self.tr("Open acties: {0} – bekijken").format(count)
            if count != 1
            else self.tr("Eén open actie – bekijken")
        )
        self.setVisible(count > 0)

    def open_list(self) -> QWidget:
        from referral_desk.ui.open_actions_window import show_open_actions

        first = self.window_ is None
        window = show_open_actions(
            self.window(),
            self.window_,
            self.host.desk.follow_up,
            lambda: self.host.session.partners,
            self.host.desk.today,
            self.host.questions,
        )
        if first:
            window.counted.connect(self.show_count)
        self.window_ = window
        return window
