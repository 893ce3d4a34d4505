"""Messages are data: a code, a Dutch template and values (no display needed).

The Dutch (``message``, for the CLI and the logs) reads exactly as before; the values hold
labels, numbers and at most the one character a field refuses, never what the user typed.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_desk.domain import fields
from referral_desk.domain.errors import (
    Message,
    MessageTemplate,
    MessageValue,
    UserFacingError,
    registered_templates,
)
from referral_desk.domain.field_messages import FIRST_NAME_LABEL, REQUIRED, TOO_LONG
from referral_desk.domain.fields import FieldError
from referral_desk.domain.referral import (
    REACHABLE,
    FormErrors,
    field_error,
    field_message,
    form_errors,
    form_messages,
    parse_client_form,
)

VALIDATORS: tuple[Callable[[str], object], ...] = (
    fields.validate_name,
    fields.validate_street,
    fields.validate_house_number,
    fields.validate_box,
    fields.validate_postcode_syntax,
    fields.validate_municipality,
    fields.validate_phone,
    fields.validate_email_address,
    fields.validate_sendable_address,
    fields.validate_team,
    lambda text: fields.validate_known_team(text, ("Kind en Gezin Menen",)),
)


def test_a_message_reads_its_dutch_with_labels_worded() -> None:
    message = TOO_LONG(label=FIRST_NAME_LABEL(), maximum=60)
    assert message.code == "field.too_long"
    assert message.dutch == str(message) == "Voornaam is te lang (maximaal 60 tekens)."
    assert message.values["maximum"] == 60


def test_a_template_takes_exactly_its_fields() -> None:
    with pytest.raises(TypeError):
        REQUIRED()
    with pytest.raises(TypeError):
        REQUIRED(label="Straat", extra=1)


def test_two_templates_cannot_share_a_code_or_a_dutch_text() -> None:
    with pytest.raises(ValueError, match="clashes"):
        MessageTemplate("field.required", "Iets anders.")
    with pytest.raises(ValueError, match="clashes"):
        MessageTemplate("test.other_code", REQUIRED.text)
    assert MessageTemplate(REQUIRED.code, REQUIRED.text) == REQUIRED


def test_every_registered_template_has_a_code_and_its_own_text() -> None:
    templates = registered_templates()
    assert len({t.code for t in templates}) == len({t.text for t in templates}) == len(templates)
    assert all(t.code and "." in t.code for t in templates)


def test_a_plain_string_is_a_message_without_a_code() -> None:
    error = UserFacingError("Het archief is niet bewaard.")
    assert error.message == str(error) == "Het archief is niet bewaard."
    assert error.said == Message.plain("Het archief is niet bewaard.")
    assert error.said.code == "" and error.said.dutch == error.message


def test_a_field_error_carries_its_message_and_its_dutch() -> None:
    with pytest.raises(FieldError) as caught:
        fields.validate_street("")
    assert caught.value.said == REQUIRED(label=fields.STREET_LABEL())
    assert caught.value.message == "Straat is verplicht."


def test_the_form_gives_messages_and_the_same_dutch() -> None:
    raw = {"first_name": "", "last_name": "X1", "house_number": "??"}
    messages = form_messages(raw)
    assert form_errors(raw) == {name: m.dutch for name, m in messages.items()}
    assert field_message("first_name", "") == REQUIRED(label=FIRST_NAME_LABEL())
    assert field_error("first_name", "") == "Voornaam is verplicht."
    assert messages["email"] == REACHABLE()


def test_form_errors_keep_dutch_errors_and_add_messages() -> None:
    with pytest.raises(FormErrors) as caught:
        parse_client_form({"first_name": "", "nickname": "x"})
    assert caught.value.errors == {"": "Onbekende velden: nickname"}
    assert caught.value.messages[""].code == "form.unknown_fields"
    plain = FormErrors({"phone": "Iets."})
    assert plain.errors == {"phone": "Iets."} and plain.messages["phone"].code == ""


def _strings(value: MessageValue) -> list[str]:
    if isinstance(value, Message):
        return [s for inner in value.values.values() for s in _strings(inner)]
    return [value] if isinstance(value, str) else []


@given(st.text(max_size=80))
def test_no_message_holds_what_the_user_typed(text: str) -> None:
    """Besides labels and numbers a value is at most the one character refused, or a
    phone prefix (at most four digits)."""
    for validator in VALIDATORS:
        try:
            validator(text)
        except FieldError as error:
            for value in _strings(error.said):
                assert (
                    len(value) <= 1
                    or value not in text
                    or (value.isdigit() and len(value) <= 4)
                    or value in ("Kind en Gezin Menen",)
                ), (error.said.code, value)


def test_a_field_error_survives_pickling_with_its_message() -> None:
    """An error may cross a process boundary (a worker's failure report) whole."""
    with pytest.raises(FieldError) as caught:
        fields.validate_name("", label=FIRST_NAME_LABEL())
    copy = pickle.loads(pickle.dumps(caught.value))
    assert copy.message == "Voornaam is verplicht." and copy.said == caught.value.said
