"""The window words the core's messages in its language: English with the English catalog,
the Dutch without; every template the core registers is in the catalog, translated whole."""

from __future__ import annotations

import string
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from referral_desk.domain.errors import Message, UserFacingError
from referral_desk.domain.field_messages import FIRST_NAME_LABEL
from referral_desk.domain.fields import FieldError, validate_name, validate_phone
from referral_desk.domain.partners import no_protocol
from referral_desk.domain.postcodes import Municipality, Region
from referral_desk.domain.referral import FormErrors, parse_client_form
from referral_desk.ui.core_messages import CONTEXT, worded
from referral_desk.ui.language import install_translators

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))
import update_translations  # noqa: E402


@pytest.fixture
def english(qapp: QApplication, compiled_catalogs: None) -> Iterator[None]:
    installed = install_translators(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def _error(check: object) -> FieldError:
    assert callable(check)
    with pytest.raises(FieldError) as caught:
        check()
    return caught.value


def test_a_field_error_is_worded_in_english(english: None) -> None:
    error = _error(lambda: validate_name("", label=FIRST_NAME_LABEL()))
    assert error.message == "Voornaam is verplicht."
    assert worded(error) == "First name is required."
    refused = _error(lambda: validate_name("Jan3", label=FIRST_NAME_LABEL()))
    assert worded(refused) == (
        "First name may contain only letters, spaces, hyphens and apostrophes (not: “3”)."
    )


def test_a_phone_hint_keeps_its_numbers_in_english(english: None) -> None:
    error = _error(lambda: validate_phone("0470 12 34 5"))
    assert worded(error) == (
        "This phone number is too short: a mobile number has 10 digits (04xx xx xx xx), "
        "this one 9."
    )


def test_the_form_errors_are_worded_in_english(english: None) -> None:
    with pytest.raises(FormErrors) as caught:
        parse_client_form({"first_name": "", "last_name": "Peeters"})
    errors = caught.value
    assert errors.errors["first_name"] == "Voornaam is verplicht."
    assert worded(errors.messages["first_name"]) == "First name is required."
    assert worded(errors.messages["phone"]) == (
        "Give at least a phone number or an e-mail address."
    )
    assert worded(errors.messages["street"]) == "Street is required."


def test_no_protocol_is_worded_in_english(english: None) -> None:
    gent = Municipality(nis_code="44021", name_nl="Gent", name_fr="Gand", region=Region.VLAANDEREN)
    assert worded(no_protocol(gent)) == "There is no protocol with the OCMW of Gent."


def test_without_a_catalog_the_window_shows_the_cores_dutch(qapp: QApplication) -> None:
    for check in (
        lambda: validate_name("", label=FIRST_NAME_LABEL()),
        lambda: validate_phone("02 12 34 56"),
        lambda: validate_name("a" * 61),
    ):
        error = _error(check)
        assert worded(error) == error.message == worded(error.said)


def test_a_plain_sentence_is_shown_as_it_is(english: None) -> None:
    error = UserFacingError("Naam {niet} vertaald.")
    assert error.said.code == "" and worded(error) == "Naam {niet} vertaald."
    assert worded("Straat") == "Straat"
    assert worded(Message.plain("Straat")) == "Straat"


def test_a_label_the_window_already_worded_is_kept(english: None) -> None:
    error = _error(lambda: validate_name("", label="Name"))
    assert worded(error) == "Name is required."


def _english_catalog() -> dict[str, ET.Element]:
    root = ET.parse(update_translations.ENGLISH).getroot()
    return {
        message.findtext("source") or "": message
        for context in root.iter("context")
        if context.findtext("name") == CONTEXT
        for message in context.iter("message")
    }


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_every_core_template_has_a_finished_english_translation() -> None:
    templates = update_translations.core_templates()
    assert len(templates) >= 40
    catalog = _english_catalog()
    problems = []
    for code, text in templates:
        message = catalog.get(text)
        translation = None if message is None else message.find("translation")
        if translation is None or translation.get("type") or not translation.text:
            problems.append(f"{code}: not translated")
        elif _fields(translation.text) != _fields(text):
            problems.append(f"{code}: placeholders differ in {translation.text!r}")
    assert not problems, "\n".join(problems)


def test_the_generated_module_lists_every_core_template() -> None:
    text = update_translations.CORE_TEXTS.read_text(encoding="utf-8")
    assert text == update_translations.core_texts_module()
    for code, _ in update_translations.core_templates():
        assert f"  # {code}\n" in text


def test_the_check_fails_on_a_stale_generated_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / "core_message_texts.py"
    lines = update_translations.core_texts_module().splitlines(keepends=True)
    stale.write_text(
        "".join(line for line in lines if not line.endswith("# field.required\n")),
        encoding="utf-8",
    )
    monkeypatch.setattr(update_translations, "CORE_TEXTS", stale)
    assert any("is stale" in problem for problem in update_translations.check())
