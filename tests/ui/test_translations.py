"""The Qt catalogs: in step with the code, complete in English, loaded at start; no tr() of a
variable; the pseudo-translation loads; the window speaks English when asked."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from referral_desk.domain.referral_record import CHANNEL_LABELS, STATUS_LABELS
from referral_desk.domain.settings import Settings
from referral_desk.i18n import LANGUAGE_ENV, catalog_path, choose_language
from referral_desk.lifecycle.breach import DEADLINE_TEXT, INCIDENT_LABELS
from referral_desk.ui import labels
from referral_desk.ui.language import install_translators

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "update_translations.py"
sys.path.insert(0, str(SCRIPT.parent))
import update_translations  # noqa: E402


@pytest.fixture
def english(qapp: QApplication, compiled_catalogs: None) -> Iterator[None]:
    installed = install_translators(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_the_committed_catalogs_are_up_to_date_and_complete() -> None:
    assert update_translations.check() == []


def test_the_check_finds_an_untranslated_and_a_broken_text(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="en"><context>'
        "<name>C</name>"
        '<message><source>A</source><translation type="unfinished"></translation></message>'
        "<message><source>&amp;Bewaren {0}</source><translation>Save</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    problems = update_translations.translation_problems(ts)
    assert len(problems) == 3, problems  # unfinished; placeholder lost; Alt-key lost


def test_no_tr_of_a_variable_anywhere() -> None:
    """lupdate only extracts literals: tr(label) would stay Dutch in every language.

    The one exception is ui/core_messages.py's translate(CONTEXT, template): the core's
    templates reach the catalog through the generated ui/core_message_texts.py, and
    tests/ui/test_core_messages.py checks that every one of them is there and translated.
    """
    found = []
    for path in update_translations.sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            if path.name == "core_messages.py" and ast.unparse(node).startswith(
                "QCoreApplication.translate(CONTEXT, said.template"
            ):
                continue
            args = node.args[:1] if name == "tr" else node.args[:2] if name == "translate" else []
            for arg in args:
                if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                    found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert not found, "\n".join(found)


def test_the_window_labels_equal_the_cores_dutch_labels() -> None:
    """Untranslated, the literal copies in ui/labels.py say exactly what the core says."""
    assert {s: labels.status_label(s) for s in STATUS_LABELS} == STATUS_LABELS
    assert {c: labels.channel_label(c) for c in CHANNEL_LABELS} == CHANNEL_LABELS
    assert {k: labels.incident_label(k) for k in INCIDENT_LABELS} == INCIDENT_LABELS
    assert labels.deadline_text() == DEADLINE_TEXT


def test_the_main_window_speaks_english_with_the_english_catalog(
    qtbot: QtBot, english: None
) -> None:
    from tests.ui_driver import open_main_window

    window = open_main_window(qtbot)
    button = window.findChild(QPushButton, "createButton")
    assert button is not None and button.text() == "Create &archive and e-mail"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Close"


def test_english_alt_keys_are_unique_per_window(qtbot: QtBot, english: None) -> None:
    from tests.ui.test_mnemonics import _duplicates, _every_window

    _window, windows = _every_window(qtbot)
    problems = [problem for w in windows for problem in _duplicates(w)]
    assert not problems, "\n".join(problems)


def test_the_pseudo_catalog_loads_and_keeps_placeholders(
    qapp: QApplication, compiled_catalogs: None
) -> None:
    from PySide6.QtCore import QCoreApplication

    installed = install_translators(qapp, "xx")
    try:
        assert catalog_path("xx").exists() and installed
        text = QCoreApplication.translate("ClientForm", "&Voornaam")
        assert text.startswith("[&V") and text != "&Voornaam"
        partner = QCoreApplication.translate(
            "PartnerPanel", "Postcode {0} hoort bij {1}. Kies hieronder de gemeente."
        )
        assert "{0}" in partner and "{1}" in partner
        assert len(partner) >= 1.3 * len("Postcode {0} hoort bij {1}. Kies hieronder de gemeente.")
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_pseudo_keeps_tags_entities_and_the_alt_key() -> None:
    assert update_translations.pseudo("<b>Let op</b> &amp; &Bewaren {0} %n").count("<b>") == 1
    pseudo = update_translations.pseudo("<b>Let op</b> &amp; &Bewaren {0} %n")
    for kept in ("</b>", "&amp;", "&B", "{0}", "%n"):
        assert kept in pseudo


def test_dutch_still_installs_qts_own_dutch(qapp: QApplication) -> None:
    installed = install_translators(qapp, "nl")
    try:
        assert installed, "qtbase_nl.qm must ship with the app"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Sluiten"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


@pytest.mark.parametrize(
    ("setting", "ui_languages", "environ", "expected"),
    [
        ("auto", ["nl-BE", "nl-BE"], {}, "nl"),
        ("auto", ["en-US", "en-US"], {}, "en"),
        ("auto", ["en-US", "nl-BE"], {}, "nl"),  # English Windows, Flemish formats
        ("auto", ["en-GB", "en-BE"], {}, "nl"),
        ("auto", ["fr-BE"], {}, "nl"),
        ("auto", [], {}, "nl"),
        ("en", ["nl-BE"], {}, "en"),
        ("nl", ["en-US"], {}, "nl"),
        ("nl", ["nl-BE"], {LANGUAGE_ENV: "xx"}, "xx"),
        ("nl", ["nl-BE"], {LANGUAGE_ENV: "en"}, "en"),
        ("en", ["nl-BE"], {LANGUAGE_ENV: "klingon"}, "en"),
    ],
)
def test_choose_language(
    setting: str, ui_languages: list[str], environ: dict[str, str], expected: str
) -> None:
    assert choose_language(setting, ui_languages, environ) == expected


def test_the_language_setting_defaults_to_auto_and_forgives_unknown_values() -> None:
    assert Settings().language == "auto"
    assert Settings.model_validate({"language": "fr"}).language == "auto"
    assert Settings.model_validate({"language": "en"}).language == "en"


def test_the_settings_dialog_saves_the_language(qtbot: QtBot) -> None:
    from tests.ui_driver import open_main_window

    window = open_main_window(qtbot)
    window.edit_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    combo = dialog.language_combo
    assert combo.accessibleName() and combo.findData("en") >= 0
    combo.setCurrentIndex(combo.findData("en"))
    dialog.try_save()
    assert window.desk.settings.load().language == "en"


def test_the_check_script_passes_on_the_committed_files() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
