"""The password panel offers only the channels the core allows for the partner's number."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from referral_desk.domain.referral_record import PasswordChannel
from referral_desk.lifecycle.after_sending import offered_password_channels
from referral_desk.ui.password_panel import PasswordPanel


def _offered(panel: PasswordPanel) -> list[str]:
    combo = panel.findChild(QComboBox, "passwordChannel")
    assert combo is not None
    return [str(combo.itemData(i)) for i in range(combo.count())]


def test_sms_only_for_a_mobile_password_phone(qtbot: QtBot) -> None:
    panel = PasswordPanel()
    qtbot.addWidget(panel)
    panel.show_password(
        "KG-2026-7F3K9Q",
        "Tafel-Regen-Wolk-4827",
        "OCMW Bree, 011 34 56 78",
        offered_password_channels("+3211345678"),
    )
    assert PasswordChannel.SMS.value not in _offered(panel)
    assert "sms" not in panel.instructions.text()

    panel.show_password(
        "KG-2026-7F3K9Q",
        "Tafel-Regen-Wolk-4827",
        "OCMW Bree, 0470 12 34 56",
        offered_password_channels("+32470123456"),
    )
    assert _offered(panel) == ["nog_niet", "telefoon", "sms", "ander"]
    assert "per sms" in panel.instructions.text()


def test_a_recorded_sms_is_shown_even_when_not_offered(qtbot: QtBot) -> None:
    """A recall of an entry noted as sms shows what was recorded, not 'nog niet'."""
    panel = PasswordPanel()
    qtbot.addWidget(panel)
    panel.show_password("KG-2026-7F3K9Q", "Tafel-Regen-Wolk-4827", "OCMW Bree")
    assert PasswordChannel.SMS.value not in _offered(panel)
    panel.set_channel(PasswordChannel.SMS.value)
    assert panel.channel.currentData() == PasswordChannel.SMS.value
