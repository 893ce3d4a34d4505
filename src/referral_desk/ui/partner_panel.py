"""Shows who will receive the referral, or in plain Dutch why nobody can."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.domain.fields import format_phone_national
from referral_desk.ui.core_messages import worded

if TYPE_CHECKING:
    from referral_desk.domain.partners import LookupResult

translate = QCoreApplication.translate


def describe(result: LookupResult | None) -> tuple[bool, str]:
    """(can create, rich text) for a lookup outcome; None means no postcode yet."""
    if result is None:
        return False, translate(
            "PartnerPanel", "Vul de postcode van de cliënt in om de partner te zien."
        )
    # Here, not at the top: the panel is shown before the registry's models load.
    from referral_desk.domain.partners import (
        ChooseMunicipality,
        NoProtocol,
        PartnerFound,
        ProtocolEnded,
        ProtocolNotYetInForce,
        TeamNotParty,
        UnknownPostcode,
        no_protocol,
    )

    if isinstance(result, UnknownPostcode):
        return False, translate(
            "PartnerPanel", "Postcode {0} bestaat niet in België. Controleer de postcode."
        ).format(escape(result.postcode))
    if isinstance(result, ChooseMunicipality):
        names = translate("PartnerPanel", " of ").join(escape(m.name_nl) for m in result.options)
        return False, translate(
            "PartnerPanel", "Postcode {0} hoort bij {1}. Kies hieronder de gemeente."
        ).format(escape(result.postcode), names)
    if isinstance(result, NoProtocol):
        return False, translate(
            "PartnerPanel", "{0} Doorverwijzen kan niet via deze app; vraag uw coördinator."
        ).format(escape(worded(no_protocol(result.municipality))))
    if isinstance(result, ProtocolNotYetInForce):
        return False, translate(
            "PartnerPanel", "Het protocol met {0} is nog niet van kracht: het geldt vanaf {1}."
        ).format(escape(result.partner.name), numeric_date(result.partner.protocol.in_force_from))
    if isinstance(result, ProtocolEnded):
        ended = result.partner.protocol.ended_on
        return False, translate(
            "PartnerPanel",
            "Het protocol met {0} is beëindigd op {1}. Doorverwijzen kan niet meer; "
            "vraag uw coördinator.",
        ).format(escape(result.partner.name), numeric_date(ended) if ended else "?")
    if isinstance(result, TeamNotParty):
        teams = ", ".join(escape(t) for t in result.partner.protocol.local_teams)
        return False, translate(
            "PartnerPanel",
            "Het protocol met {0} is gesloten door {1}, niet door uw team ({2}). "
            "Controleer uw profiel of vraag uw coördinator.",
        ).format(escape(result.partner.name), teams, escape(result.team))
    assert isinstance(result, PartnerFound)
    partner = result.partner
    phone = (
        format_phone_national(partner.password_phone)
        if partner.password_phone
        else translate("PartnerPanel", "niet in het partnerregister (vraag het aan uw coördinator)")
    )
    rows = [
        (
            translate("PartnerPanel", "Partner"),
            f"<b>{escape(partner.name)}</b> ({escape(partner.kind.value)})",
        ),
        (translate("PartnerPanel", "Gemeente"), escape(result.municipality.name_nl)),
        (translate("PartnerPanel", "Mailbox"), f"<b>{escape(partner.mailbox)}</b>"),
        (
            translate("PartnerPanel", "Protocol van kracht sinds"),
            numeric_date(partner.protocol.in_force_from),
        ),
        (translate("PartnerPanel", "Wachtwoord doorbellen naar"), escape(phone)),
    ]
    body = "".join(f"<tr><td>{k}:&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
    return True, f"<table>{body}</table>"


def _is_a_choice(result: LookupResult) -> bool:
    from referral_desk.domain.partners import ChooseMunicipality

    return isinstance(result, ChooseMunicipality)


class PartnerPanel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerInfo")
        self.setAccessibleName(translate("PartnerPanel", "Partner"))
        self.setWordWrap(True)
        self.setTextFormat(self.textFormat().RichText)
        self.setFrameShape(QLabel.Shape.StyledPanel)
        self.setMargin(8)
        # Read-only text in the Tab order: keyboard and screen-reader users reach the mailbox.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Room for the five rows of a found partner, so the panel does not jump while typing.
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 7 + 16)
        self.show_result(None)

    def show_loading(self) -> None:
        """Until the partner registry is read: typing can start, the partner comes after."""
        self.setText(translate("PartnerPanel", "Het partnerregister wordt geladen…"))
        self.setStyleSheet("")

    def show_result(self, result: LookupResult | None) -> bool:
        ok, text = describe(result)
        self.setText(text)
        # Choosing among a shared postcode's municipalities is a normal step, not an error.
        normal = ok or result is None or _is_a_choice(result)
        self.setStyleSheet("" if normal else "color: #b00020;")
        return ok
