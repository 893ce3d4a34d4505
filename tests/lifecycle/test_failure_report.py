"""What an unexpected failure writes to the log: frames and types, never the canary."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from referral_desk.delivery.message import DraftMessage
from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.referral import ClientDetails, FormErrors, Referral, parse_client_form
from referral_desk.domain.referral_record import NewReferralLogEntry
from referral_desk.lifecycle.failure_report import (
    log_file_location,
    log_unexpected,
    safe_traceback,
)
from referral_desk.storage import app_log
from referral_desk.storage.app_log import LOG_FILE_NAME, configure_logging
from tests.ui.test_flow_end_to_end import CANARY, CANARY_CLIENT, _needles_in

CANARY_FIELDS = {
    "first_name": CANARY_CLIENT["firstName"],
    "last_name": CANARY_CLIENT["lastName"],
    "street": CANARY_CLIENT["street"],
    "house_number": CANARY_CLIENT["houseNumber"],
    "box": CANARY_CLIENT["box"],
    "postcode": CANARY_CLIENT["postcode"],
    "municipality": "Leopoldsburg",
    "phone": CANARY_CLIENT["phone"],
    "email": CANARY_CLIENT["email"],
}


@pytest.fixture(autouse=True)
def restored_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``configure_logging`` replaces the package logger's handlers; put the old ones back."""
    logger = logging.getLogger("referral_desk")
    handlers, level = list(logger.handlers), logger.level
    monkeypatch.setattr(app_log, "_current_log_file", app_log.current_log_file())
    yield
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        if handler not in handlers:
            handler.close()
    for handler in handlers:
        logger.addHandler(handler)
    logger.setLevel(level)


def _assert_clean(text: str) -> None:
    assert _needles_in(text.encode("utf-8")) == []


def _raised(make: Any) -> BaseException:
    try:
        make()
    except BaseException as error:
        return error
    raise AssertionError("nothing was raised")


def _fail_with_client_data() -> None:
    raise ValueError(f"kon {CANARY_FIELDS} niet verwerken", CANARY_FIELDS, CANARY)


def test_the_message_and_arguments_never_appear_but_the_frames_do() -> None:
    error = _raised(_fail_with_client_data)
    text = safe_traceback(error)
    _assert_clean(text)
    assert "Traceback (most recent call last):" in text
    assert "_fail_with_client_data" in text
    assert "test_failure_report.py" in text
    assert "ValueError (message withheld" in text


def test_every_exception_type_of_the_chain_appears() -> None:
    def chained() -> None:
        empty: dict[str, str] = {}
        try:
            try:
                empty[CANARY]
            except KeyError as missing:
                raise OSError(f"{CANARY}straat") from missing
        except OSError:
            raise RuntimeError(CANARY_CLIENT["phone"]) from None

    def with_context() -> None:
        try:
            chained()
        except RuntimeError:
            raise LookupError(CANARY_CLIENT["email"])  # noqa: B904

    text = safe_traceback(_raised(with_context))
    _assert_clean(text)
    assert "KeyError" in text and "OSError" in text
    assert "RuntimeError" in text and "LookupError" in text
    assert "The above exception was the direct cause of the following exception:" in text
    assert "During handling of the above exception, another exception occurred:" in text
    assert "(hidden with 'from None')" in text
    assert text.index("RuntimeError") < text.index("LookupError")


def test_a_user_facing_message_is_kept_because_it_never_holds_client_data() -> None:
    text = safe_traceback(_raised(lambda: _raise(UserFacingError("Het archief is niet bewaard."))))
    assert "referral_desk.domain.errors.UserFacingError: Het archief is niet bewaard." in text


def test_an_exception_group_lists_its_members_without_their_messages() -> None:
    group = ExceptionGroup(CANARY, [ValueError(CANARY), TypeError(CANARY_CLIENT["street"])])
    text = safe_traceback(_raised(lambda: _raise(group)))
    _assert_clean(text)
    assert "ExceptionGroup" in text and "ValueError" in text and "TypeError" in text


def test_frames_in_the_package_are_relative_and_the_home_folder_stays_out(
    tmp_path: Path,
) -> None:
    error = _raised(lambda: parse_client_form({**_form(), "street": "<" + CANARY}))
    assert isinstance(error, FormErrors)
    text = safe_traceback(error)
    _assert_clean(text)
    assert 'File "referral_desk/domain/referral.py"' in text
    script = tmp_path / "Users" / "jan.peeters" / "script.py"
    code = compile("raise ValueError('x')", str(script), "exec")
    elsewhere = safe_traceback(_raised(lambda: exec(code, {})))
    assert 'File "script.py"' in elsewhere and "jan.peeters" not in elsewhere


def _form() -> dict[str, str]:
    return {
        "first_name": CANARY_FIELDS["first_name"],
        "last_name": CANARY_FIELDS["last_name"],
        "house_number": CANARY_FIELDS["house_number"],
        "postcode": CANARY_FIELDS["postcode"],
        "municipality": CANARY_FIELDS["municipality"],
        "phone": CANARY_FIELDS["phone"],
    }


def _raise(error: BaseException) -> None:
    raise error


def _no_contact() -> dict[str, Any]:
    return {**CANARY_FIELDS, "phone": None, "email": None}


def _bad_contact() -> dict[str, Any]:
    return {**CANARY_FIELDS, "phone": f"{CANARY} 0470", "email": f"{CANARY}@"}


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (ClientDetails, _no_contact()),
        (ClientDetails, _bad_contact()),
        (Referral, {"referral_id": CANARY, "client": _no_contact()}),
        (
            NewReferralLogEntry,
            {"referral_id": CANARY, "initials": CANARY, "postcode": CANARY, "mailbox": CANARY},
        ),
        (DraftMessage, {"to": f"{CANARY} <{CANARY}@x.be>", "subject": CANARY, "body": CANARY}),
    ],
    ids=["client-reachable", "client-fields", "referral", "referral-log-entry", "draft"],
)
def test_client_data_models_hide_their_input_in_errors(
    model: type[BaseModel], data: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    error = caught.value
    _assert_clean(str(error))
    _assert_clean(repr(error))
    text = safe_traceback(error)
    _assert_clean(text)
    assert f"model {model.__name__}" in text


def test_the_log_gets_the_where_and_the_traceback_and_no_client_data(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    log_file = configure_logging(tmp_path / "logs")
    assert log_file == tmp_path / "logs" / LOG_FILE_NAME
    assert log_file_location() == log_file
    caplog.set_level(logging.ERROR, logger="referral_desk")
    log_unexpected(_raised(_fail_with_client_data), where="referral creation")
    for handler in logging.getLogger("referral_desk").handlers:
        handler.flush()
    written = log_file.read_text("utf-8")
    assert "ERROR referral_desk: unexpected failure in referral creation" in written
    assert "_fail_with_client_data" in written
    _assert_clean(written)
    _assert_clean(caplog.text)


def test_no_log_file_when_the_folder_is_not_writable(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", "utf-8")
    assert configure_logging(blocker / "logs") is None
    assert log_file_location() is None
