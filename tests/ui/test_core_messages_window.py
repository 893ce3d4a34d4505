"""An English main window is English throughout: what still stands in the way of a referral,
the registry's notice and where the registry came from, the question before discarding and a
partner's refused mailbox, all worded from the core's messages."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from referral_desk.storage.paths import AppPaths
from referral_desk.ui.core_messages import worded
from referral_desk.ui.language import install_translators
from referral_desk.ui.main_window import MainWindow
from tests.registry.test_validator_messages import BUNDLED, _problems
from tests.ui.test_flow_end_to_end import CANARY_CLIENT
from tests.ui_driver import (
    child,
    create_via_window,
    fill_client,
    fill_profile,
    open_main_window,
)

DUTCH_WORDS = ("Nog niet klaar", "vul ", "vink ", "verbeter", " en ", "geen partner")


@pytest.fixture
def english(qapp: QApplication, compiled_catalogs: None) -> Iterator[None]:
    installed = install_translators(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture
def window(english: None, qtbot: QtBot) -> MainWindow:
    win = open_main_window(qtbot)
    fill_profile(qtbot, win)
    return win


def test_the_blockers_are_english(qtbot: QtBot, window: MainWindow) -> None:
    blockers = child(window, QLabel, "createBlockers")
    assert isinstance(blockers, QLabel)
    text = blockers.text()
    assert text.startswith("Not ready yet: fill in first name, last name, street, house number")
    assert "give a phone number or an e-mail address" in text
    assert "no partner for this address" in text
    assert "tick that the client was informed; tick that the client gives consent" in text
    for dutch in DUTCH_WORDS:
        assert dutch not in text
    button = child(window, QPushButton, "createButton")
    assert button.accessibleDescription() == text
    assert "choose how the client got the information sheet" in text
    assert window.blocking_reasons()[-1] == "fill in the date of the consent"


def test_a_wrong_optional_field_is_english(qtbot: QtBot, window: MainWindow) -> None:
    fill_client(qtbot, window, {"postcode": "3970", "firstName": "Jan", "box": "!!"})
    text = child(window, QLabel, "createBlockers").text()
    assert "fill in last name, street and house number" in text
    assert "box is not in order (correct or clear it)" in text


def test_the_registry_notice_and_its_source_are_english(qapp: QApplication, qtbot: QtBot) -> None:
    config = AppPaths.from_platform().machine_config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    missing = config.parent / "nergens"
    config.write_text(f"[machine]\nregistry_source = '{missing}'\n", "utf-8")
    installed = install_translators(qapp, "en")
    try:
        window = open_main_window(qtbot)
        banner = child(window, QLabel, "registryBanner")
        assert banner.isVisible()
        text = banner.text()
        assert text.startswith("<b>Partner registry:</b> source folder ")
        assert "not used: no (readable) trusted keys are configured" in text
        assert "so the bundled partner registry is used. Referring works as usual." in text
        assert "niet gebruikt" not in text and "meegeleverde" not in text
        about = window.about_text()
        assert "Partner registry: bundled partner registry, " in about
        assert "<br>Note: source folder " in about and "niet" not in about
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_the_dutch_window_keeps_the_dutch(qtbot: QtBot) -> None:
    window = open_main_window(qtbot)
    fill_profile(qtbot, window)
    text = child(window, QLabel, "createBlockers").text()
    assert text.startswith("Nog niet klaar: vul voornaam, achternaam, straat, huisnummer")
    assert text == window.session.readiness().sentence


def test_the_discard_question_is_english(qtbot: QtBot, window: MainWindow) -> None:
    fill_client(qtbot, window, {"firstName": "Jan"})
    assert window._discard_question(closing=True) == (
        "The form is filled in. The data and the consent will be lost. Close anyway?"
    )
    assert window._discard_question() == (
        "The form is filled in. The data and the consent will be lost. Start a new referral anyway?"
    )


def test_a_partners_wrong_mailbox_is_english(english: None) -> None:
    [problem] = _problems(BUNDLED.replace('"kindengezin@wervik.be"', '"kindengezin@wervik"'))
    assert worded(problem.said) == (
        "OCMW Wervik, mailbox: not a valid e-mail address: 'kindengezin@wervik' "
        "(value: kindengezin@wervik)"
    )


def test_without_a_keyring_the_result_and_the_recall_refusal_are_english(
    english: None, qtbot: QtBot
) -> None:
    keyring.set_keyring(fail.Keyring())
    window = open_main_window(qtbot)
    referral_id = create_via_window(qtbot, window, CANARY_CLIENT).referral_id
    status = child(window, QLabel, "resultStatus").text()
    assert (
        "The password cannot be shown again later: no keyring (Windows Credential Manager or "
        "Secret Service) is available. Pass it on now" in status
    )
    assert "sleutelbos" not in status
    log_window = window.open_referral_log_window()
    qtbot.addWidget(log_window)
    log_window.select(referral_id)
    log_window.buttons["recall"].click()
    assert log_window.message.text() == (
        "The password cannot be shown: no keyring (Windows Credential Manager or Secret "
        "Service) is available."
    )


def test_unreadable_settings_are_told_in_english(english: None, qtbot: QtBot) -> None:
    settings = AppPaths.from_platform().settings_file
    settings.mkdir(parents=True)  # a folder where the file should be: it cannot be read
    window = open_main_window(qtbot)
    banner = child(window, QLabel, "registryBanner")
    assert banner.isVisible()
    assert banner.text().startswith(f"The settings in {settings} cannot be read (")
    assert "kunnen niet" not in banner.text()


def test_a_postcode_without_a_protocol_is_english(qtbot: QtBot, window: MainWindow) -> None:
    fill_client(qtbot, window, {"postcode": "9000"})
    text = child(window, QLabel, "partnerInfo").text()
    assert text.startswith("There is no protocol with the OCMW of Gent. ")
    assert "geen protocol" not in text


def test_the_wrong_clock_is_said_in_english(english: None, qtbot: QtBot) -> None:
    """Retention found the clock implausible against the newest referral: nothing removed."""
    from datetime import UTC, datetime, timedelta

    from referral_desk.app import create_main_window
    from referral_desk.storage.referral_log import ReferralLog
    from tests.storage.test_referral_log import entry

    referral_log = ReferralLog.open(AppPaths.from_platform().referral_log_file)
    referral_log.add(entry("KG-2027-AAAAAA", datetime.now(UTC) + timedelta(days=400)))
    referral_log.close()
    window = create_main_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.housekeeping_pending, timeout=10_000)
    clock = window.clock_banner.text()
    assert "This computer's clock looks wrong" in clock and "nothing was cleared up" in clock
    assert "it is before the last referral of" in clock


def test_a_broken_referral_log_is_said_in_english(english: None, qtbot: QtBot) -> None:
    from referral_desk.app import create_main_window

    log_file = AppPaths.from_platform().referral_log_file
    log_file.parent.mkdir(parents=True, exist_ok=True)
    log_file.write_bytes(b"not a database" * 100)
    window = create_main_window()
    qtbot.addWidget(window)
    banner = child(window, QLabel, "registryBanner").text()
    assert "referral log" in banner.lower()
    assert "beschadigd" not in banner


def test_an_invalid_registry_is_said_in_english_with_its_file_and_line(
    english: None, qtbot: QtBot
) -> None:
    path = AppPaths.from_platform().machine_registry
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BUNDLED.replace('"kindengezin@wervik.be"', '"kindengezin@wervik"'), "utf-8")
    window = open_main_window(qtbot)
    banner = child(window, QLabel, "registryBanner")
    assert banner.isVisible()
    text = banner.text()
    assert "The partner registry is invalid" in text
    assert "OCMW Wervik, mailbox: not a valid e-mail address" in text
    lines = BUNDLED.splitlines()
    line = next(n for n, x in enumerate(lines, 1) if '"kindengezin@wervik.be"' in x)
    assert f"partners.toml:{line}: partners[2].mailbox" in text
    assert "ongeldig" not in text and "geen geldig" not in text
