"""What the follow-up flows (withdrawal, deletion request, breach) ask of the sent-referrals
window: the selected row, the services, its questions, a line said, the table
refreshed. The flows word and ask; the lifecycle functions they call decide."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QWidget

from referral_desk.domain.partners import PartnerRegistry
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.domain.referral_record import ReferralLogEntry
from referral_desk.lifecycle.recording import FollowUpServices
from referral_desk.ui.background import BackgroundRunner
from referral_desk.ui.breach_dialog import BreachDialog
from referral_desk.ui.mail_fallback_dialog import MailFallbackDialog
from referral_desk.ui.questions import Answers, Choice, Option


class FollowUpHost(Protocol):
    """The sent-referrals window as the flows see it."""

    services: FollowUpServices | None
    profile: Callable[[], ReferrerProfile | None]
    registry: Callable[[], PartnerRegistry | None]
    fallback_dialog: MailFallbackDialog | None
    breach_dialog: BreachDialog | None
    withdrawal: BackgroundRunner
    deletion: BackgroundRunner
    breach: BackgroundRunner
    questions: Answers

    def as_parent(self) -> QWidget: ...

    def selected(self) -> ReferralLogEntry | None: ...

    def select(self, referral_id: str) -> None: ...

    def refresh(self) -> None: ...

    def update_actions(self) -> None: ...

    def say(self, text: str, *, error: bool = False) -> None: ...

    def safe_choice(
        self, key: str, title: str, text: str, *options: Option, cancel: str | None = None
    ) -> Choice: ...

    def follow_up_failed(self, error: BaseException, *, where: str, outcome: str) -> None: ...
