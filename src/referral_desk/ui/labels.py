"""The core's Dutch labels (statuses, channels, incident kinds) as literals lupdate can read.

The core keeps its labels Qt-free for the CLI and the mails; the window shows them through
these functions, so each one is a translatable string. tests/ui/test_translations.py checks that,
untranslated, every one equals the core's label, so the two cannot drift apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from referral_desk.domain.referral_record import PasswordChannel, ReferralStatus
    from referral_desk.lifecycle.breach import IncidentKind

translate = QCoreApplication.translate


def status_label(status: ReferralStatus) -> str:
    # Each function imports its enum: the main window is laid out before the core loads.
    from referral_desk.domain.referral_record import ReferralStatus

    return {
        ReferralStatus.DRAFT_OPENED: translate("Labels", "concept gemaakt"),
        ReferralStatus.SENT: translate("Labels", "verstuurd"),
        ReferralStatus.WITHDRAWN: translate("Labels", "toestemming ingetrokken"),
        ReferralStatus.CORRECTED: translate("Labels", "gecorrigeerd"),
        ReferralStatus.CANCELLED: translate("Labels", "geannuleerd (nooit verstuurd)"),
    }[status]


def channel_label(channel: PasswordChannel) -> str:
    from referral_desk.domain.referral_record import PasswordChannel

    return {
        PasswordChannel.PHONE: translate("Labels", "telefoon"),
        PasswordChannel.SMS: translate("Labels", "sms"),
        PasswordChannel.OTHER: translate("Labels", "ander kanaal"),
        PasswordChannel.NOT_YET: translate("Labels", "nog niet doorgegeven"),
    }[channel]


def incident_label(kind: IncidentKind) -> str:
    from referral_desk.lifecycle.breach import IncidentKind

    return {
        IncidentKind.WRONG_RECIPIENT: translate("Labels", "naar een verkeerde ontvanger gestuurd"),
        IncidentKind.LOST: translate("Labels", "archief of toestel verloren of gestolen"),
        IncidentKind.PASSWORD_EXPOSED: translate(
            "Labels", "wachtwoord afgeluisterd of samen met het archief verstuurd"
        ),
        IncidentKind.OTHER: translate("Labels", "ander incident"),
    }[kind]


def deadline_text() -> str:
    return translate(
        "Labels",
        "Een gegevenslek moet onverwijld gemeld worden: de verwerkingsverantwoordelijke heeft "
        "72 uur om het aan de toezichthouder te melden (AVG art. 33).",
    )
