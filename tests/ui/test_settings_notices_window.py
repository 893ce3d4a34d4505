"""The window's notice bar at start says what is wrong with a settings file, in Dutch and in
English: a misplaced key in IT's config.toml, an unknown key in the user's settings."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from referral_desk.storage.paths import AppPaths
from referral_desk.ui.language import install_translators
from tests.ui_driver import child, open_main_window


@pytest.fixture
def english(qapp: QApplication, compiled_catalogs: None) -> Iterator[None]:
    installed = install_translators(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def _misplaced_registry_source() -> AppPaths:
    paths = AppPaths.from_platform()
    paths.machine_config_file.parent.mkdir(parents=True, exist_ok=True)
    share = paths.machine_config_file.parent / "share"
    paths.machine_config_file.write_text(f"registry_source = '{share}'\n[machine]\n", "utf-8")
    return paths


def _unknown_setting() -> AppPaths:
    paths = AppPaths.from_platform()
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text(
        json.dumps({"language": "auto", "colour": "blauw"}, indent=2), "utf-8"
    )
    return paths


def _banner(qtbot: QtBot) -> str:
    banner = child(open_main_window(qtbot), QLabel, "registryBanner")
    assert banner.isVisible()
    return html.unescape(banner.text())


def test_a_misplaced_registry_source_is_in_the_notice_bar(qtbot: QtBot) -> None:
    paths = _misplaced_registry_source()
    text = _banner(qtbot)
    assert text.startswith(
        "<b>Partnerregister:</b> config.toml, regel 1: 'registry_source' hoort onder [machine] "
        f"({paths.machine_config_file} wordt niet gebruikt tot de IT-dienst het verbetert)"
    )
    assert "het meegeleverde partnerregister wordt gebruikt. Doorverwijzen kan gewoon." in text


def test_a_misplaced_registry_source_is_in_the_english_notice_bar(
    english: None, qtbot: QtBot
) -> None:
    paths = _misplaced_registry_source()
    text = _banner(qtbot)
    assert text.startswith(
        "<b>Partner registry:</b> config.toml, line 1: 'registry_source' belongs under "
        f"[machine] ({paths.machine_config_file} is not used until IT corrects it)"
    )
    assert "so the bundled partner registry is used. Referring works as usual." in text


def test_an_unknown_user_setting_is_in_the_notice_bar(qtbot: QtBot) -> None:
    paths = _unknown_setting()
    text = _banner(qtbot)
    assert text.startswith(
        "Niet alles in uw instellingen kon gebruikt worden: settings.json, regel 3: "
        "onbekende instelling 'colour'."
    )
    assert str(paths.settings_file.with_suffix(".kept.json")) in text


def test_an_unknown_user_setting_is_in_the_english_notice_bar(english: None, qtbot: QtBot) -> None:
    paths = _unknown_setting()
    text = _banner(qtbot)
    assert text.startswith(
        "Not all of your settings could be used: settings.json, line 3: unknown setting 'colour'."
    )
    assert f"kept unchanged as {paths.settings_file.with_suffix('.kept.json')}" in text
