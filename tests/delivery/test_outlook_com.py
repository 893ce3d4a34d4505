"""Classic Outlook over COM, against a recording fake of Outlook's object model."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import pytest

from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import DraftResult, MailOpenError
from referral_desk.delivery.outlook_com import (
    CO_E_SERVER_EXEC_FAILURE,
    OutlookComOpener,
    com_error_reason,
    hresult_of,
)

Calls = list[tuple[Any, ...]]


class GuardTripped(AssertionError):
    """Reading Body or calling Send would raise Outlook's object-model guard."""


class FakeAttachments:
    def __init__(self, calls: Calls) -> None:
        self.calls = calls

    def Add(self, source: object) -> object:
        self.calls.append(("Attachments.Add", source))
        return object()


class FakeMailItem:
    def __init__(self, calls: Calls, fail_on: str | None) -> None:
        object.__setattr__(self, "calls", calls)
        object.__setattr__(self, "fail_on", fail_on)
        object.__setattr__(self, "_attachments", FakeAttachments(calls))

    def __setattr__(self, name: str, value: object) -> None:
        self.calls.append(("set", name, value))
        if name == self.fail_on:
            raise FakeComError(-2147352567, "Exception occurred.", None, None)

    @property
    def Body(self) -> str:
        raise GuardTripped("Body was read")

    @property
    def Attachments(self) -> FakeAttachments:
        return self._attachments  # type: ignore[no-any-return]

    def Send(self) -> None:
        raise GuardTripped("Send was called")

    def Display(self, *args: object) -> None:
        self.calls.append(("Display", *args))


class FakeOutlook:
    def __init__(self, calls: Calls, fail_on: str | None) -> None:
        self.calls = calls
        self.fail_on = fail_on

    def CreateItem(self, item_type: int) -> FakeMailItem:
        self.calls.append(("CreateItem", item_type))
        return FakeMailItem(self.calls, self.fail_on)


class FakeComError(Exception):
    """Shaped like pywintypes.com_error: (hresult, strerror, excepinfo, argerror)."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.hresult = args[0]


class RecordingDispatch:
    def __init__(self, *, error: Exception | None = None, fail_on: str | None = None) -> None:
        self.calls: Calls = []
        self.error = error
        self.fail_on = fail_on

    def __call__(self, prog_id: str) -> FakeOutlook:
        self.calls.append(("Dispatch", prog_id))
        if self.error is not None:
            raise self.error
        return FakeOutlook(self.calls, self.fail_on)


@pytest.fixture
def draft(tmp_path: Path) -> DraftMessage:
    folder = tmp_path / "outbox" / "KG-2026-7F3K9Q"
    folder.mkdir(parents=True)
    archive = folder / "KG-2026-7F3K9Q.7z"
    archive.write_bytes(b"7z\xbc\xaf\x27\x1c")
    return DraftMessage(
        to="doorverwijzing@ocmw.example.be",
        subject="Doorverwijzing KG-2026-7F3K9Q – lokaal team Kind en Gezin Gent (art. 10/1)",
        body="Geachte collega,\n\nIn bijlage … cliënt.\n",
        attachment=archive,
    )


def test_exact_com_calls_without_reading_body_or_sending(draft: DraftMessage) -> None:
    dispatch = RecordingDispatch()
    result = OutlookComOpener(dispatch=dispatch).open_draft(draft, Path("unused"))
    assert result == DraftResult(opener="outlook-com", eml_path=None, opened=True)
    assert dispatch.calls == [
        ("Dispatch", "Outlook.Application"),
        ("CreateItem", 0),
        ("set", "To", "doorverwijzing@ocmw.example.be"),
        ("set", "Subject", draft.subject),
        ("set", "Body", draft.body),
        ("Attachments.Add", str(draft.attachment)),
        ("Display", False),
    ]
    # The path Outlook gets is absolute and a str (COM cannot take a Path).
    assert Path(dispatch.calls[5][1]).is_absolute()


def test_without_attachment_no_attachment_call(draft: DraftMessage) -> None:
    dispatch = RecordingDispatch()
    bare = draft.model_copy(update={"attachment": None})
    OutlookComOpener(dispatch=dispatch).open_draft(bare, Path("unused"))
    assert [call[0] for call in dispatch.calls] == [
        "Dispatch",
        "CreateItem",
        "set",
        "set",
        "set",
        "Display",
    ]


def test_missing_attachment_fails_before_outlook_starts(draft: DraftMessage) -> None:
    assert draft.attachment is not None
    draft.attachment.unlink()
    dispatch = RecordingDispatch()
    with pytest.raises(MailOpenError, match="bijlage"):
        OutlookComOpener(dispatch=dispatch).open_draft(draft, Path("unused"))
    assert dispatch.calls == []


def test_privilege_mismatch_gets_its_own_hint(draft: DraftMessage) -> None:
    signed = CO_E_SERVER_EXEC_FAILURE - (1 << 32)
    dispatch = RecordingDispatch(error=FakeComError(signed, "Server execution failed", None, None))
    with pytest.raises(MailOpenError) as raised:
        OutlookComOpener(dispatch=dispatch).open_draft(draft, Path("unused"))
    assert "administrator" in raised.value.reason
    assert "0x80080005" in raised.value.reason
    assert "Server execution" not in raised.value.reason


@pytest.mark.parametrize(
    ("hresult", "expected"),
    [
        (0x80040154, "niet geïnstalleerd"),
        (0x800401F3, "niet geïnstalleerd"),
        (0x80010001, "bezig"),
        (0x800706BA, "afgesloten"),
        (0x8004DEAD, "foutcode 0x8004DEAD"),
    ],
)
def test_com_errors_map_to_dutch_reasons(hresult: int, expected: str) -> None:
    error = FakeComError(hresult - (1 << 32), "English text with C:\\Users\\name", None, None)
    reason = com_error_reason(error)
    assert expected in reason
    assert "Users" not in reason


def test_disp_e_exception_uses_the_inner_exception_code() -> None:
    # DISP_E_EXCEPTION carrying E_ACCESSDENIED in its excepinfo, as pywin32 reports it.
    error = FakeComError(
        0x80020009 - (1 << 32),
        "Exception occurred.",
        (4096, "Microsoft Outlook", "Toegang geweigerd", None, 0, 0x80070005 - (1 << 32)),
        None,
    )
    assert hresult_of(error) == 0x80070005
    assert "weigerde de toegang" in com_error_reason(error)


def test_error_while_setting_a_property_is_a_mail_open_error(draft: DraftMessage) -> None:
    dispatch = RecordingDispatch(fail_on="Subject")
    with pytest.raises(MailOpenError, match="0x80020009"):
        OutlookComOpener(dispatch=dispatch).open_draft(draft, Path("unused"))
    assert ("Display", False) not in dispatch.calls


def test_any_exception_from_the_dispatch_layer_is_mapped(draft: DraftMessage) -> None:
    dispatch = RecordingDispatch(error=RuntimeError("boom"))
    with pytest.raises(MailOpenError, match="RuntimeError"):
        OutlookComOpener(dispatch=dispatch).open_draft(draft, Path("unused"))


def test_missing_pywin32_is_a_mail_open_error_on_linux(
    draft: DraftMessage, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "pythoncom", None)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(MailOpenError, match="pywin32"):
        OutlookComOpener().open_draft(draft, Path("unused"))
    assert "ocmw.example.be" not in caplog.text
