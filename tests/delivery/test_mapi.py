"""Simple MAPI: the structs against the documented layout and against a real C library.

A tiny C library, ``tests/fake_mapi.c``, exports ``MAPISendMailW`` with mapi.h's struct
definitions (``ULONG`` as 32 bits, as on Windows; ``wchar_t`` strings), records everything it
received into the file named by ``MAPI_FAKE_RECORD`` and returns ``MAPI_FAKE_RESULT``; with
``MAPI_FAKE_SLEEP_MS`` it blocks like a compose window. The helper process is run for real.

On Linux the tests compile it with ``cc``. The Windows Python cannot start the Linux compiler,
so there it is a DLL built beforehand and named in ``REFERRAL_DESK_FAKE_MAPI_DLL``::

    x86_64-w64-mingw32-gcc -O2 -shared -s -Wall -Werror -o fakemapi.dll tests/fake_mapi.c
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from referral_desk.delivery.mapi import (
    MAPI_HELPER_ARGUMENT,
    HelperOutcome,
    MapiOpener,
    helper_command,
)
from referral_desk.delivery.mapi_call import MarshalledMessage, send_mail_w
from referral_desk.delivery.mapi_helper import handle_request
from referral_desk.delivery.mapi_protocol import MapiRequest, MapiResponse
from referral_desk.delivery.mapi_structs import (
    DEFAULT_FLAGS,
    HELPER_BAD_REQUEST,
    HELPER_LIBRARY_NOT_LOADED,
    HELPER_MISSING_FUNCTION,
    MAPI_DIALOG,
    MAPI_DIALOG_MODELESS,
    MAPI_E_ATTACHMENT_NOT_FOUND,
    MAPI_LOGON_UI,
    MAPI_TO,
    MAPI_USER_ABORT,
    NO_POSITION,
    MapiFileDescW,
    MapiMessageW,
    MapiRecipDescW,
    mapi_reason,
)
from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import DraftResult, MailOpenError

SUBJECT = "Doorverwijzing KG-2026-7F3K9Q – cliënt Œuvre 👶 (art. 10/1)"
BODY = "Geachte collega,\r\n\r\nIn bijlage … cliënt “Zoë”.\r\nŁódź 𝄞\r\n"
TO = "doorverwijzing@ocmw.example.be"

FAKE_MAPI_SOURCE = Path(__file__).parents[1].joinpath("fake_mapi.c")
FAKE_MAPI_DLL_ENV = "REFERRAL_DESK_FAKE_MAPI_DLL"


def _compiler() -> str | None:
    return shutil.which("cc") or shutil.which("gcc")


def _prebuilt_dll() -> Path:
    """Windows: the DLL built from tests/fake_mapi.c outside this Python (see the top)."""
    named = os.environ.get(FAKE_MAPI_DLL_ENV, "")
    if named and Path(named).is_file():
        return Path(named)
    if os.environ.get("CI"):
        pytest.fail(f"the fake MAPI DLL ({FAKE_MAPI_DLL_ENV}) is required on CI")
    pytest.skip(f"no fake MAPI DLL: build tests/fake_mapi.c and name it in {FAKE_MAPI_DLL_ENV}")


@pytest.fixture(scope="module")
def fake_mapi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if sys.platform == "win32":
        return _prebuilt_dll()
    compiler = _compiler()
    if compiler is None:
        if os.environ.get("CI"):
            pytest.fail("no C compiler on CI: the MAPI marshalling test cannot run")
        pytest.skip("no C compiler (cc) to build the fake MAPI library")
    library = tmp_path_factory.mktemp("fake-mapi") / "libfakemapi.so"
    source = str(FAKE_MAPI_SOURCE)
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-Wall", "-Werror", "-o", str(library), source],
        check=True,
        capture_output=True,
    )
    return library


@pytest.fixture
def record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "mapi-record.txt"
    monkeypatch.setenv("MAPI_FAKE_RECORD", str(path))
    monkeypatch.delenv("MAPI_FAKE_RESULT", raising=False)
    monkeypatch.delenv("MAPI_FAKE_SLEEP_MS", raising=False)
    return path


def _wide_text(units: str) -> str:
    """The ``wchar_t`` code units the C side wrote in hex: UTF-32 on Linux, UTF-16 (with
    surrogate pairs) on Windows; an unpaired surrogate fails the decoding."""
    text = "".join(chr(int(unit, 16)) for unit in units.split())
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")


def read_record(path: Path) -> tuple[dict[str, int], dict[str, str | None]]:
    """(numbers, texts) as the C side wrote them; one recipient and one file at most."""
    numbers: dict[str, int] = {}
    texts: dict[str, str | None] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        key, _, value = line.partition("=")
        if key in {
            "subject",
            "body",
            "messagetype",
            "datereceived",
            "conversationid",
            "recip.name",
            "recip.address",
            "file.path",
            "file.name",
        }:
            texts[key] = None if value == "NULL" else _wide_text(value)
        else:
            numbers[key] = int(value)
    return numbers, texts


@pytest.fixture
def attachment(tmp_path: Path) -> Path:
    folder = tmp_path / "outbox" / "KG-2026-7F3K9Q"
    folder.mkdir(parents=True)
    path = folder / "KG-2026-7F3K9Q.7z"
    path.write_bytes(b"7z\xbc\xaf\x27\x1c" + bytes(100))
    return path


def request_for(attachment: Path | None, **changes: object) -> MapiRequest:
    values: dict[str, object] = {
        "to": TO,
        "subject": SUBJECT,
        "body": BODY,
        "attachment_path": str(attachment) if attachment is not None else None,
        "attachment_name": "doorverwijzing.7z" if attachment is not None else None,
    }
    values.update(changes)
    return MapiRequest.model_validate(values)


# --- layout ---------------------------------------------------------------------------------------

P = ctypes.sizeof(ctypes.c_void_p)
# Offsets per mapi.h with natural alignment: ULONG is 4 bytes, pointers P bytes.
DOCUMENTED: dict[type[ctypes.Structure], tuple[int, dict[str, int]]] = {
    MapiRecipDescW: (
        24 if P == 4 else 40,
        {
            "ulReserved": 0,
            "ulRecipClass": 4,
            "lpszName": 8,
            "lpszAddress": 8 + P,
            "ulEIDSize": 8 + 2 * P,
            "lpEntryID": 8 + 3 * P,
        },
    ),
    MapiFileDescW: (
        24 if P == 4 else 40,
        {
            "ulReserved": 0,
            "flFlags": 4,
            "nPosition": 8,
            "lpszPathName": 12 if P == 4 else 16,
            "lpszFileName": 16 if P == 4 else 24,
            "lpFileType": 20 if P == 4 else 32,
        },
    ),
    MapiMessageW: (
        12 * P,
        {
            name: index * P
            for index, name in enumerate(
                [
                    "ulReserved",
                    "lpszSubject",
                    "lpszNoteText",
                    "lpszMessageType",
                    "lpszDateReceived",
                    "lpszConversationID",
                    "flFlags",
                    "lpOriginator",
                    "nRecipCount",
                    "lpRecips",
                    "nFileCount",
                    "lpFiles",
                ]
            )
        },
    ),
}


def test_struct_layout_matches_the_documented_one() -> None:
    assert P in (4, 8)
    for struct, (size, offsets) in DOCUMENTED.items():
        assert ctypes.sizeof(struct) == size, struct.__name__
        assert [name for name, *_ in struct._fields_] == list(offsets), struct.__name__
        for name, offset in offsets.items():
            field = getattr(struct, name)
            assert field.offset == offset, f"{struct.__name__}.{name}"
            expected_size = P if name.startswith("lp") else 4
            assert field.size == expected_size, f"{struct.__name__}.{name}"
    assert ctypes.sizeof(ctypes.c_wchar) == (2 if sys.platform == "win32" else 4)


def test_flags_and_constants() -> None:
    assert (MAPI_LOGON_UI, MAPI_DIALOG, MAPI_DIALOG_MODELESS) == (0x1, 0x8, 0xC)
    assert DEFAULT_FLAGS == 0x9
    assert MAPI_TO == 1
    assert NO_POSITION == 0xFFFFFFFF


def test_marshalled_message_reads_back_in_python(attachment: Path) -> None:
    marshalled = MarshalledMessage(request_for(attachment))
    message = marshalled.message
    assert message.lpszSubject == SUBJECT
    assert message.lpszNoteText == BODY
    assert message.nRecipCount == 1
    assert message.lpRecips[0].lpszAddress == f"SMTP:{TO}"
    assert message.lpFiles[0].lpszFileName == "doorverwijzing.7z"
    bare = MarshalledMessage(request_for(None)).message
    assert bare.nFileCount == 0
    assert not bare.lpFiles  # NULL, as the docs require without attachments


# --- the real C library, in process ------------------------------------------------------------


def test_c_library_sees_the_same_layout(fake_mapi: Path, record: Path, attachment: Path) -> None:
    assert send_mail_w(str(fake_mapi), request_for(attachment), loader=ctypes.CDLL) == 0
    numbers, _ = read_record(record)
    for struct, (size, offsets) in DOCUMENTED.items():
        assert numbers[f"layout.{struct.__name__}.size"] == ctypes.sizeof(struct) == size
        for name in offsets:
            assert numbers[f"layout.{struct.__name__}.{name}"] == getattr(struct, name).offset


def test_round_trip_through_the_c_library(fake_mapi: Path, record: Path, attachment: Path) -> None:
    code = send_mail_w(str(fake_mapi), request_for(attachment), loader=ctypes.CDLL)
    assert code == 0
    numbers, texts = read_record(record)
    assert texts["subject"] == SUBJECT
    assert texts["body"] == BODY
    assert texts["messagetype"] is None
    assert texts["datereceived"] is None
    assert texts["conversationid"] is None
    assert texts["recip.name"] == TO
    assert texts["recip.address"] == f"SMTP:{TO}"
    assert texts["file.path"] == str(attachment)
    assert texts["file.name"] == "doorverwijzing.7z"
    assert numbers["session"] == 0
    assert numbers["uiparam"] == 0
    assert numbers["flags"] == MAPI_LOGON_UI | MAPI_DIALOG
    assert numbers["reserved"] == 0
    assert numbers["message.ulReserved"] == 0
    assert numbers["message.flFlags"] == 0
    assert numbers["originator_null"] == 1
    assert numbers["recip.count"] == 1
    assert numbers["recip.class"] == MAPI_TO
    assert numbers["recip.reserved"] == 0
    assert numbers["recip.eidsize"] == 0
    assert numbers["recip.entryid_null"] == 1
    assert numbers["file.count"] == 1
    assert numbers["file.reserved"] == 0
    assert numbers["file.flags"] == 0
    assert numbers["file.position"] == NO_POSITION
    assert numbers["file.type_null"] == 1


def test_without_attachment_no_files(fake_mapi: Path, record: Path) -> None:
    library = ctypes.CDLL(str(fake_mapi))
    assert send_mail_w(library, request_for(None, flags=MAPI_DIALOG_MODELESS)) == 0
    numbers, _ = read_record(record)
    assert numbers["file.count"] == 0
    assert numbers["files_null"] == 1
    assert numbers["flags"] == 0xC


def test_user_abort_code_and_its_dutch_reason(
    fake_mapi: Path, record: Path, attachment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPI_FAKE_RESULT", str(MAPI_USER_ABORT))
    assert send_mail_w(str(fake_mapi), request_for(attachment), loader=ctypes.CDLL) == 1
    assert "afgebroken" in mapi_reason(MAPI_USER_ABORT)
    assert "bijlage" in mapi_reason(MAPI_E_ATTACHMENT_NOT_FOUND)
    assert mapi_reason(9999) == "onbekende MAPI-foutcode 9999"


def test_handle_request_maps_load_problems(fake_mapi: Path, tmp_path: Path) -> None:
    missing = request_for(None, library=str(tmp_path / "nope.so"))
    response = handle_request(missing.model_dump_json().encode(), loader=ctypes.CDLL)
    assert response.code == HELPER_LIBRARY_NOT_LOADED
    # A library that loads but has no MAPISendMailW.
    other = "kernel32.dll" if sys.platform == "win32" else "libc.so.6"
    unrelated = request_for(None, library=other)
    response = handle_request(unrelated.model_dump_json().encode(), loader=ctypes.CDLL)
    assert response.code == HELPER_MISSING_FUNCTION
    assert handle_request(b"{not json").code == HELPER_BAD_REQUEST
    assert handle_request(b'{"to": "x"}').code == HELPER_BAD_REQUEST


# --- the helper process, for real ---------------------------------------------------------------


def run_helper_process(request: bytes) -> tuple[int, MapiResponse]:
    completed = subprocess.run(
        helper_command(), input=request, capture_output=True, timeout=60, check=False
    )
    assert completed.stdout.count(b"\n") == 1, completed.stderr
    return completed.returncode, MapiResponse.model_validate_json(completed.stdout)


def test_helper_process_protocol(fake_mapi: Path, record: Path, attachment: Path) -> None:
    request = request_for(attachment, library=str(fake_mapi))
    status, response = run_helper_process(request.model_dump_json().encode("utf-8"))
    assert (status, response.code) == (0, 0)
    _, texts = read_record(record)
    assert texts["subject"] == SUBJECT
    assert texts["body"] == BODY
    assert texts["file.name"] == "doorverwijzing.7z"


def test_helper_process_reports_the_mapi_code(
    fake_mapi: Path, record: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPI_FAKE_RESULT", "3")
    request = request_for(None, library=str(fake_mapi))
    status, response = run_helper_process(request.model_dump_json().encode("utf-8"))
    assert status == 1
    assert response == MapiResponse(code=3, reason=mapi_reason(3))
    assert "aanmelden" in response.reason


def test_helper_process_with_bad_input_or_library(tmp_path: Path) -> None:
    status, response = run_helper_process(b"garbage")
    assert (status, response.code) == (1, HELPER_BAD_REQUEST)
    request = request_for(None, library=str(tmp_path / "missing.so"))
    status, response = run_helper_process(request.model_dump_json().encode("utf-8"))
    assert (status, response.code) == (1, HELPER_LIBRARY_NOT_LOADED)


# --- the opener: real helper, real fake library --------------------------------------------------


@pytest.fixture
def draft(attachment: Path) -> DraftMessage:
    return DraftMessage(
        to=TO,
        subject=SUBJECT,
        body="Geachte collega,\n\nIn bijlage … cliënt “Zoë”.\n",
        attachment=attachment,
    )


def test_opener_quick_failure_falls_through(
    fake_mapi: Path, record: Path, draft: DraftMessage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPI_FAKE_RESULT", "3")
    opener = MapiOpener(str(fake_mapi), grace=30.0)
    with pytest.raises(MailOpenError) as raised:
        opener.open_draft(draft, Path("unused"))
    assert raised.value.reason.startswith("MAPI: aanmelden")
    assert "(code 3)" in raised.value.reason
    assert TO not in raised.value.reason


def test_opener_quick_success(fake_mapi: Path, record: Path, draft: DraftMessage) -> None:
    result = MapiOpener(str(fake_mapi), grace=30.0).open_draft(draft, Path("unused"))
    assert result == DraftResult(opener="mapi", eml_path=None, opened=True)
    numbers, texts = read_record(record)
    # CRLF for Windows mail programs; the attachment under its own name.
    assert texts["body"] == "Geachte collega,\r\n\r\nIn bijlage … cliënt “Zoë”.\r\n"
    assert texts["file.path"] == str(draft.attachment)
    assert texts["file.name"] == "KG-2026-7F3K9Q.7z"
    assert numbers["flags"] == DEFAULT_FLAGS


def test_opener_returns_while_the_compose_window_is_open(
    fake_mapi: Path, record: Path, draft: DraftMessage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPI_FAKE_SLEEP_MS", "4000")
    monkeypatch.setenv("MAPI_FAKE_RESULT", "1")  # the user closes it without sending, later
    started = time.monotonic()
    result = MapiOpener(str(fake_mapi), grace=1.5).open_draft(draft, Path("unused"))
    elapsed = time.monotonic() - started
    assert result.opened
    assert elapsed < 3.5
    deadline = time.monotonic() + 30
    while not record.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    _, texts = read_record(record)
    assert texts["subject"] == SUBJECT


def test_opener_missing_attachment_never_starts_the_helper(
    draft: DraftMessage,
) -> None:
    assert draft.attachment is not None
    draft.attachment.unlink()
    calls: list[object] = []

    def run(argv: Sequence[str], request: bytes, grace: float) -> HelperOutcome:
        calls.append(argv)
        return HelperOutcome(0, b"")

    with pytest.raises(MailOpenError, match="bijlage is niet gevonden"):
        MapiOpener(run=run).open_draft(draft, Path("unused"))
    assert calls == []


def test_opener_protocol_against_a_fake_runner(draft: DraftMessage) -> None:
    seen: list[tuple[list[str], MapiRequest, float]] = []

    def run(argv: Sequence[str], request: bytes, grace: float) -> HelperOutcome:
        seen.append((list(argv), MapiRequest.model_validate_json(request), grace))
        return HelperOutcome(1, b"")  # crashed without an answer

    with pytest.raises(MailOpenError, match="vast"):
        MapiOpener(helper=["helper.exe", "--mapi-helper"], run=run, grace=2.0).open_draft(
            draft, Path("unused")
        )
    argv, request, grace = seen[0]
    assert argv == ["helper.exe", "--mapi-helper"]
    assert grace == 2.0
    assert request.library == "mapi32.dll"
    assert request.to == TO
    assert json.loads(request.model_dump_json())["attachment_name"] == "KG-2026-7F3K9Q.7z"


def test_opener_helper_that_cannot_start(draft: DraftMessage) -> None:
    def run(argv: Sequence[str], request: bytes, grace: float) -> HelperOutcome:
        raise FileNotFoundError(2, "No such file or directory", argv[0])

    with pytest.raises(MailOpenError, match="kon niet starten: No such file"):
        MapiOpener(run=run).open_draft(draft, Path("unused"))


def test_helper_command_frozen_and_not(monkeypatch: pytest.MonkeyPatch) -> None:
    assert helper_command() == [sys.executable, "-m", "referral_desk.delivery.mapi_helper"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert helper_command() == [sys.executable, MAPI_HELPER_ARGUMENT]


def test_frozen_entry_point_serves_the_mapi_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    """The packaged app has one executable: ``referral-desk --mapi-helper`` must reach it."""
    from referral_desk import cli
    from referral_desk.delivery import mapi_helper

    monkeypatch.setattr(sys, "argv", ["referral-desk", "--mapi-helper"])
    monkeypatch.setattr(mapi_helper, "main", lambda: 7)
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 7
