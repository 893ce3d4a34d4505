"""The Windows adapters for real, on Windows CPython under Wine (``scripts/windows-tests.sh``).

* **Simple MAPI** through Windows' own ``mapi32.dll`` (Wine's): a recording mail program's
  MAPI DLL (``tests/recording_mapi_provider.c``) is registered as the default mail program,
  the way Thunderbird registers its own (``HKLM\\Software\\Clients\\Mail`` = name, and
  ``...\\Clients\\Mail\\<name>\\DLLPath``); Wine's ``mapi32.dll`` reads exactly that when it
  loads and hands ``MAPISendMailW`` to the DLL, or converts the message to ANSI for a DLL with
  only ``MAPISendMail`` (dlls/mapi32/util.c ``load_mapi_providers``, dlls/mapi32/sendmail.c).
  The DLL writes down what it received and copies the attachment; the copy is the archive,
  byte for byte, and 7-Zip for Windows opens it with the password.
* **Mail detection** from the keys real installers write (classic Outlook, new Outlook,
  Thunderbird), read by the real ``WinregReader``.
* **The Credential Manager** keeping the recall copy of a password, through keyring's
  ``WinVaultKeyring``, until the referral's retention ends.
* **Settings and outbox** against another process holding the settings lock or the archive.

The registry and the Credential Manager of the Wine prefix are shared and persistent: every
test puts back what it changed, uses names of its own, and tests that change the one default
mail program wait for each other across processes (a named mutex).

The DLLs cannot be built here (this Python cannot start the Linux compiler):
``scripts/windows-tests.sh`` builds them and names them in ``REFERRAL_DESK_RECORDING_MAPI_DLL``
and ``REFERRAL_DESK_RECORDING_MAPI_ANSI_DLL``; on CI a missing one fails the run.
"""

from __future__ import annotations

import ctypes
import functools
import importlib
import os
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest

from referral_desk.delivery.detection import detect_mail_clients, make_opener, probe_windows
from referral_desk.delivery.mapi import MapiOpener
from referral_desk.delivery.mapi_helper import handle_request
from referral_desk.delivery.mapi_protocol import DEFAULT_LIBRARY, MapiRequest
from referral_desk.delivery.mapi_structs import (
    DEFAULT_FLAGS,
    HELPER_PATH_NOT_ANSI,
    MAPI_E_LOGIN_FAILURE,
    MAPI_TO,
    mapi_reason,
)
from referral_desk.delivery.message import DraftMessage, referral_body
from referral_desk.delivery.openers import DraftResult, MailOpenError
from referral_desk.delivery.windows_registry import (
    APP_PATHS,
    CLIENTS_MAIL,
    NEW_OUTLOOK_PREFERENCES,
    USE_NEW_OUTLOOK,
    WinregReader,
    detect_windows_mail,
    windows_adapter_order,
)
from referral_desk.domain.settings import Settings
from referral_desk.lifecycle.retention import RetentionPolicy, apply_retention, keep_password_until
from referral_desk.sealing.archive import build_encrypted_archive
from referral_desk.sealing.password import generate_password
from referral_desk.storage import atomic_file
from referral_desk.storage import password_vault as password_vault_module
from referral_desk.storage import settings as settings_module
from referral_desk.storage.outbox import Outbox, OutboxError
from referral_desk.storage.password_vault import INDEX_KEY, PasswordVault
from referral_desk.storage.referral_log import ReferralLog
from referral_desk.storage.settings import SettingsError, SettingsStore
from tests.judges import run_7zz
from tests.storage.test_atomic_file import another_process_reads
from tests.storage.test_referral_log import entry

pytestmark = pytest.mark.skipif(
    sys.platform != "win32", reason="runs on Windows CPython (scripts/windows-tests.sh)"
)

RECORDING_MAPI_DLL_ENV = "REFERRAL_DESK_RECORDING_MAPI_DLL"
RECORDING_MAPI_ANSI_DLL_ENV = "REFERRAL_DESK_RECORDING_MAPI_ANSI_DLL"
# Read by the recording DLL (tests/recording_mapi_provider.c).
RECORD_ENV = "REFERRAL_DESK_MAPI_RECORD"
RESULT_ENV = "REFERRAL_DESK_MAPI_RESULT"

REFERRAL_ID = "KG-2026-7F3K9Q"
TO = "doorverwijzing@ocmw-sinttruiden.example.be"
SUBJECT = "Doorverwijzing naar OCMW Sint-Truiden: één cliënt"
# A referrer whose name the Western code page lacks one letter of (Ł).
BODY = referral_body(REFERRAL_ID, "Kind en Gezin Sint-Truiden", "Łukasz Dupré", "011 12 34 56")
# The body as Windows mail programs get it (MapiOpener writes CRLF).
BODY_CRLF = BODY.replace("\n", "\r\n")
# The user profile of someone called Łukasz: not a name the Western ANSI code page holds.
NON_ANSI_FOLDER = "Łukasz Dupré"


def _winreg() -> Any:
    return importlib.import_module("winreg")


def _prebuilt_dll(variable: str) -> Path:
    named = os.environ.get(variable, "")
    if named and Path(named).is_file():
        return Path(named)
    if os.environ.get("CI"):
        pytest.fail(f"the recording MAPI DLL ({variable}) is required on CI")
    pytest.skip(
        f"no recording MAPI DLL: run scripts/windows-tests.sh, which names it in {variable}"
    )


# --- the shared Wine prefix: one test at a time changes the default mail program -------------


@contextmanager
def _named_mutex(name: str, timeout_seconds: float = 600) -> Iterator[None]:
    """A mutex every process of this Wine prefix sees (another run of these tests too)."""
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_wchar_p]
    kernel32.CreateMutexW.restype = ctypes.c_void_p
    kernel32.WaitForSingleObject.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
    kernel32.WaitForSingleObject.restype = ctypes.c_uint32
    kernel32.ReleaseMutex.argtypes = [ctypes.c_void_p]
    kernel32.CloseHandle.argtypes = [ctypes.c_void_p]
    handle = kernel32.CreateMutexW(None, 0, name)
    assert handle, ctypes.get_last_error()
    try:
        waited = kernel32.WaitForSingleObject(handle, int(timeout_seconds * 1000))
        assert waited in (0, 0x80), f"mutex {name}: wait result {waited:#x}"  # taken, abandoned
        try:
            yield
        finally:
            kernel32.ReleaseMutex(handle)
    finally:
        kernel32.CloseHandle(handle)


@dataclass
class RegistryEdits:
    """Registry values written for one test and put back afterwards: a key the test made goes
    with everything under it; a value changed or removed in a key that was there gets its old
    value back (or goes again)."""

    undo: list[Callable[[], None]] = field(default_factory=list)

    @staticmethod
    def _exists(root: int, key: str, view: int) -> bool:
        winreg = _winreg()
        try:
            winreg.CloseKey(winreg.OpenKey(root, key, 0, winreg.KEY_READ | view))
        except OSError:
            return False
        return True

    @staticmethod
    def _read(root: int, key: str, name: str, view: int) -> tuple[Any, int] | None:
        winreg = _winreg()
        try:
            with winreg.OpenKey(root, key, 0, winreg.KEY_READ | view) as handle:
                value, kind = winreg.QueryValueEx(handle, name)
        except OSError:
            return None
        return value, kind

    @staticmethod
    def _put_back(root: int, key: str, name: str, old: tuple[Any, int] | None, view: int) -> None:
        winreg = _winreg()
        try:
            handle = winreg.OpenKey(root, key, 0, winreg.KEY_SET_VALUE | view)
        except FileNotFoundError:
            return
        with handle:
            if old is None:
                with suppress(FileNotFoundError):
                    winreg.DeleteValue(handle, name)
            else:
                winreg.SetValueEx(handle, name, 0, old[1], old[0])

    @classmethod
    def _delete_tree(cls, root: int, key: str, view: int) -> None:
        winreg = _winreg()
        try:
            handle = winreg.OpenKey(root, key, 0, winreg.KEY_ALL_ACCESS | view)
        except FileNotFoundError:
            return
        with handle:
            children = []
            while True:
                try:
                    children.append(winreg.EnumKey(handle, len(children)))
                except OSError:
                    break
        for child in children:
            cls._delete_tree(root, rf"{key}\{child}", view)
        winreg.DeleteKeyEx(root, key, view, 0)

    def _remember(self, root: int, key: str, name: str, view: int) -> None:
        parts = key.split("\\")
        for depth in range(1, len(parts) + 1):
            prefix = "\\".join(parts[:depth])
            if not self._exists(root, prefix, view):
                self.undo.append(functools.partial(self._delete_tree, root, prefix, view))
                return
        old = self._read(root, key, name, view)
        self.undo.append(lambda: self._put_back(root, key, name, old, view))

    def set(
        self, root: int, key: str, name: str, value: Any, kind: int | None = None, *, view: int = 0
    ) -> None:
        winreg = _winreg()
        if kind is None:
            kind = winreg.REG_DWORD if isinstance(value, int) else winreg.REG_SZ
        self._remember(root, key, name, view)
        with winreg.CreateKeyEx(root, key, 0, winreg.KEY_WRITE | view) as handle:
            winreg.SetValueEx(handle, name, 0, kind, value)

    def remove(self, root: int, key: str, name: str, *, view: int = 0) -> None:
        if self._read(root, key, name, view) is None:
            return
        self._remember(root, key, name, view)
        self._put_back(root, key, name, None, view)

    def put_back(self) -> None:
        while self.undo:
            self.undo.pop()()


@pytest.fixture
def mail_registry() -> Iterator[RegistryEdits]:
    """The registry as detection reads it, with no mail program registered at all (put back
    afterwards); other runs' tests that change it wait meanwhile."""
    winreg = _winreg()
    edits = RegistryEdits()
    with _named_mutex("referral-desk-tests-default-mail-program"):
        try:
            hklm_views = (winreg.KEY_WOW64_64KEY, winreg.KEY_WOW64_32KEY)
            for view in hklm_views:
                edits.remove(winreg.HKEY_LOCAL_MACHINE, CLIENTS_MAIL, "", view=view)
                for program in ("olk.exe", "OUTLOOK.EXE"):
                    edits.remove(
                        winreg.HKEY_LOCAL_MACHINE, rf"{APP_PATHS}\{program}", "", view=view
                    )
            edits.remove(winreg.HKEY_CURRENT_USER, CLIENTS_MAIL, "")
            for program in ("olk.exe", "OUTLOOK.EXE"):
                edits.remove(winreg.HKEY_CURRENT_USER, rf"{APP_PATHS}\{program}", "")
            edits.remove(winreg.HKEY_CURRENT_USER, NEW_OUTLOOK_PREFERENCES, USE_NEW_OUTLOOK)
            yield edits
        finally:
            edits.put_back()


# --- the recording MAPI DLL as the default mail program ----------------------------------------


def register_mail_program(edits: RegistryEdits, dll: Path) -> str:
    """Registers *dll* as the default mail program's Simple MAPI DLL, the way Thunderbird's
    installer does (``SetClientsMail``: the program's key with its name and ``DLLPath``; the
    default in ``Software\\Clients\\Mail``). A name of its own, so nothing else's key is hit."""
    winreg = _winreg()
    name = f"referral-desk test mail {uuid.uuid4().hex[:12]}"
    key = rf"{CLIENTS_MAIL}\{name}"
    edits.set(winreg.HKEY_LOCAL_MACHINE, key, "", name)
    edits.set(winreg.HKEY_LOCAL_MACHINE, key, "DLLPath", str(dll))
    edits.set(winreg.HKEY_LOCAL_MACHINE, CLIENTS_MAIL, "", name)
    return name


@dataclass(frozen=True)
class Record:
    """What the recording DLL wrote: each key's values in order."""

    values: dict[str, list[str]]

    @classmethod
    def read(cls, path: Path) -> Record:
        values: dict[str, list[str]] = {}
        for line in path.read_text(encoding="ascii").splitlines():
            key, _, value = line.partition("=")
            values.setdefault(key, []).append(value)
        return cls(values)

    def number(self, key: str) -> int:
        (value,) = self.values[key]
        return int(value)

    def raw(self, key: str) -> bytes | str | None:
        """A text as received: ``str`` from a Unicode call, ``bytes`` from an ANSI one."""
        (value,) = self.values[key]
        if value == "NULL":
            return None
        kind, _, digits = value.partition(":")
        if kind == "w":
            units = b"".join(
                int(digits[i : i + 4], 16).to_bytes(2, "little") for i in range(0, len(digits), 4)
            )
            return units.decode("utf-16-le")  # strict: an unpaired surrogate fails
        assert kind == "a", value
        return bytes.fromhex(digits)

    def text(self, key: str) -> str:
        value = self.raw(key)
        assert isinstance(value, str), (key, value)
        return value

    def ansi(self, key: str) -> bytes:
        value = self.raw(key)
        assert isinstance(value, bytes), (key, value)
        return value


@dataclass(frozen=True)
class Recorder:
    record: Path

    def wait(self, seconds: float = 120) -> Record:
        deadline = time.monotonic() + seconds
        while not self.record.exists():
            assert time.monotonic() < deadline, "the mail program's MAPI DLL was never called"
            time.sleep(0.1)
        return Record.read(self.record)

    def copy(self, index: int = 0) -> Path:
        return self.record.with_name(f"{self.record.name}.file{index}")


@pytest.fixture
def recorder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Recorder:
    """Where the DLL (in the MAPI helper process, which inherits this environment) writes."""
    folder = tmp_path / "mail-program"
    folder.mkdir()
    record = folder / "record.txt"
    monkeypatch.setenv(RECORD_ENV, str(record))
    monkeypatch.delenv(RESULT_ENV, raising=False)
    return Recorder(record)


@dataclass(frozen=True)
class Sealed:
    path: Path
    data: bytes
    password: str


def seal_into_outbox(outbox_root: Path) -> Sealed:
    password = generate_password()
    data = build_encrypted_archive(
        {"doorverwijzing.json": b'{"referral_id": "KG-2026-7F3K9Q"}\n'}, password
    )
    path = Outbox(outbox_root).save_archive(REFERRAL_ID, data)
    return Sealed(path, data, password)


def draft_for(sealed: Sealed) -> DraftMessage:
    return DraftMessage(to=TO, subject=SUBJECT, body=BODY, attachment=sealed.path)


def windows_ansi(text: str) -> bytes:
    """*text* as Windows itself converts it to the ANSI code page (``WideCharToMultiByte``
    with ``CP_ACP``, as ``mapi32.dll`` does for an ANSI-only mail program)."""
    kernel32 = ctypes.WinDLL("kernel32")
    convert = kernel32.WideCharToMultiByte
    convert.argtypes = [
        ctypes.c_uint32,
        ctypes.c_uint32,
        ctypes.c_wchar_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_void_p,
        ctypes.c_void_p,
    ]
    convert.restype = ctypes.c_int
    size = convert(0, 0, text, len(text), None, 0, None, None)
    buffer = ctypes.create_string_buffer(size)
    assert convert(0, 0, text, len(text), buffer, size, None, None) == size
    return buffer.raw


def assert_opens_with_password(path: Path, password: str) -> None:
    """7-Zip for Windows tests the copy with the password, and refuses it without."""
    tested = run_7zz("t", "-t7z", f"-p{password}", str(path))
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "Everything is Ok" in tested.stdout
    refused = run_7zz("t", "-t7z", "-pnot-the-password", str(path))
    assert refused.returncode != 0


def assert_same_file(recorded: str | bytes, expected: Path, code_page: int = 0) -> None:
    """The path the mail program got (ANSI: in *code_page*) names the archive."""
    path = recorded.decode(f"cp{code_page}") if isinstance(recorded, bytes) else recorded
    assert os.path.exists(path), path
    assert os.path.samefile(path, expected), (path, expected)


def _module_name(path: str) -> str:
    return path.replace("/", "\\").rsplit("\\", 1)[-1].lower()


# --- 1. Simple MAPI through Wine's mapi32.dll ---------------------------------------------------


def test_mapi_goes_through_windows_mapi32_to_the_default_mail_program(
    mail_registry: RegistryEdits, recorder: Recorder, tmp_path: Path
) -> None:
    dll = _prebuilt_dll(RECORDING_MAPI_DLL_ENV)
    register_mail_program(mail_registry, dll)
    sealed = seal_into_outbox(tmp_path / "outbox")
    opener = MapiOpener(grace=120)
    assert opener.library == DEFAULT_LIBRARY == "mapi32.dll"  # never the DLL by its own path

    result = opener.open_draft(draft_for(sealed), tmp_path)

    assert result == DraftResult(opener="mapi", eml_path=None, opened=True)
    got = recorder.wait()
    assert got.values["api"] == ["W"]
    # Windows' mapi32.dll was in the helper process and handed the call to the registered DLL.
    assert got.text("mapi32").lower().endswith("\\system32\\mapi32.dll")
    assert os.path.samefile(got.text("provider"), dll)
    assert got.text("subject") == SUBJECT
    assert got.text("body") == BODY_CRLF
    assert "Łukasz Dupré" in got.text("body")
    assert got.number("recip.count") == 1
    assert got.number("recip.class") == MAPI_TO
    assert got.text("recip.name") == TO
    assert got.text("recip.address") == f"SMTP:{TO}"
    assert got.number("file.count") == 1
    assert got.text("file.name") == f"{REFERRAL_ID}.7z"
    assert_same_file(got.text("file.path"), sealed.path)
    assert got.number("file.position") == 0xFFFFFFFF
    assert got.number("flags") == DEFAULT_FLAGS
    assert (got.number("session"), got.number("uiparam"), got.number("reserved")) == (0, 0, 0)
    assert got.number("file.copied") == 1
    assert recorder.copy().read_bytes() == sealed.data
    assert_opens_with_password(recorder.copy(), sealed.password)


def test_detection_offers_the_registered_mail_program_and_its_mapi_opens_the_draft(
    mail_registry: RegistryEdits, recorder: Recorder, tmp_path: Path
) -> None:
    """What the window does: detect, build the first adapter, open the draft (default grace:
    the helper may still be starting when the opener returns)."""
    dll = _prebuilt_dll(RECORDING_MAPI_DLL_ENV)
    name = register_mail_program(mail_registry, dll)
    sealed = seal_into_outbox(tmp_path / "outbox")

    detection = detect_mail_clients("win32", {})

    assert detection.default_client == name
    assert detection.usable == ("mapi", "eml-default-app")
    opener = make_opener(detection.usable[0], detection, {})
    assert isinstance(opener, MapiOpener)
    assert opener.open_draft(draft_for(sealed), tmp_path).opened
    got = recorder.wait()
    assert got.text("subject") == SUBJECT
    assert recorder.copy().read_bytes() == sealed.data


def test_a_mapi_error_from_the_mail_program_comes_back_in_dutch(
    mail_registry: RegistryEdits,
    recorder: Recorder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register_mail_program(mail_registry, _prebuilt_dll(RECORDING_MAPI_DLL_ENV))
    monkeypatch.setenv(RESULT_ENV, str(MAPI_E_LOGIN_FAILURE))
    sealed = seal_into_outbox(tmp_path / "outbox")

    with pytest.raises(MailOpenError) as raised:
        MapiOpener(grace=120).open_draft(draft_for(sealed), tmp_path)

    assert raised.value.reason == f"MAPI: {mapi_reason(MAPI_E_LOGIN_FAILURE)} (code 3)"
    assert TO not in raised.value.reason and REFERRAL_ID not in raised.value.reason


def test_an_ansi_only_mail_program_gets_the_text_as_windows_converts_it(
    mail_registry: RegistryEdits, recorder: Recorder, tmp_path: Path
) -> None:
    """Its DLL has no MAPISendMailW: Windows' mapi32.dll converts the message to the ANSI
    code page itself and calls MAPISendMail. The archive lies under a folder whose name that
    code page cannot hold: the path goes in its short form, so the program still opens it."""
    dll = _prebuilt_dll(RECORDING_MAPI_ANSI_DLL_ENV)
    register_mail_program(mail_registry, dll)
    sealed = seal_into_outbox(tmp_path / NON_ANSI_FOLDER / "outbox")
    with pytest.raises(UnicodeEncodeError):
        str(sealed.path).encode("mbcs", "strict")  # the long path is not ANSI

    result = MapiOpener(grace=120).open_draft(draft_for(sealed), tmp_path)

    assert result.opened
    got = recorder.wait()
    assert got.values["api"] == ["A"]
    assert _module_name(got.text("caller")) == "mapi32.dll"  # converted by Windows, not by us
    code_page = got.number("acp")
    assert got.ansi("subject") == windows_ansi(SUBJECT)
    assert got.ansi("body") == windows_ansi(BODY_CRLF)
    if code_page == 1252:  # the Western European ANSI code page holds every accent here
        assert got.ansi("subject").decode("cp1252") == SUBJECT
        assert "Dupré" in got.ansi("body").decode("cp1252")
    assert got.ansi("recip.address") == f"SMTP:{TO}".encode("ascii")
    assert got.ansi("file.name") == f"{REFERRAL_ID}.7z".encode("ascii")
    assert got.number("file.copied") == 1, "the program could not open the path it got"
    assert_same_file(got.ansi("file.path"), sealed.path, code_page)
    assert recorder.copy().read_bytes() == sealed.data
    assert_opens_with_password(recorder.copy(), sealed.password)


def test_a_mapi_library_without_mapisendmailw_gets_ansi_from_the_helper(
    recorder: Recorder, tmp_path: Path
) -> None:
    """A ``mapi32.dll`` that predates MAPISendMailW (Windows 7), or a mail program's DLL named
    directly: the helper falls back to MAPISendMail, in the ANSI code page, each character
    the code page lacks replaced, and the attachment under its short path."""
    dll = _prebuilt_dll(RECORDING_MAPI_ANSI_DLL_ENV)
    sealed = seal_into_outbox(tmp_path / NON_ANSI_FOLDER / "outbox")
    body = BODY + "Baby 👶 welkom.\n"  # outside every ANSI code page
    draft = DraftMessage(to=TO, subject=SUBJECT, body=body, attachment=sealed.path)

    result = MapiOpener(str(dll), grace=120).open_draft(draft, tmp_path)

    assert result.opened
    got = recorder.wait()
    assert got.values["api"] == ["A"]
    assert _module_name(got.text("caller")) != "mapi32.dll"  # the helper called it itself
    code_page = got.number("acp")
    codec = f"cp{code_page}"
    assert got.ansi("subject") == SUBJECT.encode(codec)  # every character of it fits
    assert got.ansi("body") == body.replace("\n", "\r\n").encode(codec, errors="replace")
    if code_page == 1252:
        assert got.ansi("subject") == "Doorverwijzing naar OCMW Sint-Truiden: één cliënt".encode(
            "cp1252"
        )
        assert b"?ukasz Dupr\xe9" in got.ansi("body")
        assert b"Baby ? welkom." in got.ansi("body")
    assert got.ansi("recip.name") == TO.encode("ascii")
    assert got.ansi("recip.address") == f"SMTP:{TO}".encode("ascii")
    assert got.ansi("file.name") == f"{REFERRAL_ID}.7z".encode("ascii")
    path = got.ansi("file.path")
    assert path.isascii()  # the short form of a path the code page cannot hold
    assert got.number("file.copied") == 1
    assert_same_file(path, sealed.path, code_page)
    assert recorder.copy().read_bytes() == sealed.data
    assert_opens_with_password(recorder.copy(), sealed.password)


def test_an_attachment_path_outside_the_ansi_code_page_is_refused_before_the_call(
    recorder: Recorder, tmp_path: Path
) -> None:
    """Only ANSI, and a path neither long nor short in it (here: not there, so no short
    form): the helper says so in Dutch instead of handing the program a wrong name."""
    dll = _prebuilt_dll(RECORDING_MAPI_ANSI_DLL_ENV)
    missing = tmp_path / NON_ANSI_FOLDER / "Ł" / f"{REFERRAL_ID}.7z"
    request = MapiRequest(
        to=TO,
        subject=SUBJECT,
        body=BODY_CRLF,
        attachment_path=str(missing),
        attachment_name=missing.name,
        library=str(dll),
    )

    response = handle_request(request.model_dump_json().encode("utf-8"))

    assert response.code == HELPER_PATH_NOT_ANSI
    assert response.reason == mapi_reason(HELPER_PATH_NOT_ANSI)
    assert "ANSI" in response.reason and str(missing) not in response.reason
    assert not recorder.record.exists()  # the mail program was never called


# --- 2. mail detection from what installers write ---------------------------------------------


@dataclass(frozen=True)
class Installed:
    """Files where the real programs put them, under tmp_path."""

    outlook: Path
    olmapi: Path
    olk: Path
    thunderbird: Path
    thunderbird_mapi: Path


@pytest.fixture
def installed(tmp_path: Path) -> Installed:
    office = tmp_path / "Program Files" / "Microsoft Office" / "root" / "Office16"
    apps = tmp_path / "AppData" / "Local" / "Microsoft" / "WindowsApps"
    mozilla = tmp_path / "Program Files" / "Mozilla Thunderbird"
    files = Installed(
        outlook=office / "OUTLOOK.EXE",
        olmapi=office / "OLMAPI32.DLL",
        olk=apps / "olk.exe",
        thunderbird=mozilla / "thunderbird.exe",
        thunderbird_mapi=mozilla / "mozMapi32_InUse.dll",
    )
    for path in (files.outlook, files.olmapi, files.olk, files.thunderbird, files.thunderbird_mapi):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"MZ")
    return files


def install_classic_outlook(
    edits: RegistryEdits, files: Installed, *, view: int = 0, default: bool = True
) -> None:
    """What Microsoft 365's classic Outlook writes: its App Paths entry, its mail-program key
    (Simple MAPI through the system stub: ``DLLPath`` names mapi32.dll itself; its MAPI DLL in
    ``DLLPathEx``), and itself as the default mail program."""
    winreg = _winreg()
    hklm = winreg.HKEY_LOCAL_MACHINE
    app = rf"{APP_PATHS}\OUTLOOK.EXE"
    edits.set(hklm, app, "", str(files.outlook), view=view)
    edits.set(hklm, app, "Path", str(files.outlook.parent) + "\\", view=view)
    key = rf"{CLIENTS_MAIL}\Microsoft Outlook"
    edits.set(hklm, key, "", "Microsoft Outlook", view=view)
    edits.set(hklm, key, "DLLPath", "mapi32.dll", view=view)
    edits.set(hklm, key, "DLLPathEx", str(files.olmapi), view=view)
    if default:
        edits.set(hklm, CLIENTS_MAIL, "", "Microsoft Outlook", view=view)


def install_new_outlook(edits: RegistryEdits, files: Installed, *, toggle: int | None) -> None:
    """New Outlook (a Store app): its per-user App Paths entry, and the *new Outlook* toggle
    as classic Outlook's switch leaves it (1 on, 0 off)."""
    winreg = _winreg()
    hkcu = winreg.HKEY_CURRENT_USER
    edits.set(hkcu, rf"{APP_PATHS}\olk.exe", "", str(files.olk))
    if toggle is not None:
        edits.set(hkcu, NEW_OUTLOOK_PREFERENCES, USE_NEW_OUTLOOK, toggle, winreg.REG_DWORD)


def install_thunderbird(
    edits: RegistryEdits, files: Installed, *, per_user: bool = False, default: bool = True
) -> None:
    """What Thunderbird's installer writes (``SetClientsMail``): its mail-program key with
    ``DLLPath`` = mozMapi32_InUse.dll and its open command; HKCU for a per-user install."""
    winreg = _winreg()
    root = winreg.HKEY_CURRENT_USER if per_user else winreg.HKEY_LOCAL_MACHINE
    key = rf"{CLIENTS_MAIL}\Mozilla Thunderbird"
    edits.set(root, key, "", "Mozilla Thunderbird")
    edits.set(root, rf"{key}\DefaultIcon", "", f"{files.thunderbird},0")
    edits.set(root, key, "DLLPath", str(files.thunderbird_mapi))
    edits.set(root, rf"{key}\shell\open\command", "", f'"{files.thunderbird}" -mail')
    if default:
        edits.set(root, CLIENTS_MAIL, "", "Mozilla Thunderbird")


def _detected(expected_order: tuple[str, ...]) -> tuple[str, ...]:
    info = detect_windows_mail(WinregReader(), os.path.exists)
    order = tuple(windows_adapter_order(info))
    assert order == expected_order, info
    return order


def test_classic_outlook_as_the_default_gets_com_then_its_mapi(
    mail_registry: RegistryEdits, installed: Installed
) -> None:
    install_classic_outlook(mail_registry, installed)

    info = detect_windows_mail(WinregReader(), os.path.exists)
    detection = detect_mail_clients("win32", {})

    assert info.default_client == "Microsoft Outlook"
    assert info.outlook_path is not None and os.path.samefile(info.outlook_path, installed.outlook)
    assert info.mapi_dll is not None and os.path.samefile(info.mapi_dll, installed.olmapi)
    assert detection.usable == ("outlook-com", "mapi", "eml-default-app")
    assert detection.default_client == "Microsoft Outlook"
    assert "new-outlook" in detection.unusable


def test_new_outlook_switched_on_comes_first_before_classic(
    mail_registry: RegistryEdits, installed: Installed
) -> None:
    install_classic_outlook(mail_registry, installed)
    install_new_outlook(mail_registry, installed, toggle=1)

    detection = detect_mail_clients("win32", {})

    assert detection.usable == ("new-outlook", "outlook-com", "mapi", "eml-default-app")
    assert detection.olk_path is not None and os.path.samefile(detection.olk_path, installed.olk)
    assert probe_windows().olk_path == detection.olk_path


def test_new_outlook_switched_off_is_not_offered_while_classic_is_there(
    mail_registry: RegistryEdits, installed: Installed
) -> None:
    install_classic_outlook(mail_registry, installed)
    install_new_outlook(mail_registry, installed, toggle=0)

    assert detect_mail_clients("win32", {}).usable == ("outlook-com", "mapi", "eml-default-app")


def test_new_outlook_alone_is_offered_without_the_toggle(
    mail_registry: RegistryEdits, installed: Installed
) -> None:
    install_new_outlook(mail_registry, installed, toggle=None)

    detection = detect_mail_clients("win32", {})

    assert detection.usable == ("new-outlook", "eml-default-app")
    assert detection.default_client is None


def test_thunderbird_as_the_default_gets_mapi_and_no_unconfigured_outlook(
    mail_registry: RegistryEdits, installed: Installed
) -> None:
    install_classic_outlook(mail_registry, installed, default=False)
    install_thunderbird(mail_registry, installed)

    info = detect_windows_mail(WinregReader(), os.path.exists)
    detection = detect_mail_clients("win32", {})

    assert info.default_client == "Mozilla Thunderbird"
    assert info.mapi_dll is not None
    assert os.path.samefile(info.mapi_dll, installed.thunderbird_mapi)
    assert detection.usable == ("mapi", "eml-default-app")
    assert detection.default_client == "Mozilla Thunderbird"


def test_a_per_user_thunderbird_default_wins_over_the_machine_wide_outlook(
    mail_registry: RegistryEdits, installed: Installed
) -> None:
    install_classic_outlook(mail_registry, installed)  # HKLM default: Outlook
    install_thunderbird(mail_registry, installed, per_user=True)  # HKCU default: Thunderbird

    detection = detect_mail_clients("win32", {})

    assert detection.default_client == "Mozilla Thunderbird"
    assert detection.usable == ("mapi", "eml-default-app")


def test_a_32_bit_office_is_found_in_the_32_bit_registry_view(
    mail_registry: RegistryEdits, installed: Installed
) -> None:
    install_classic_outlook(mail_registry, installed, view=_winreg().KEY_WOW64_32KEY)

    _detected(("outlook-com", "mapi", "eml-default-app"))


def test_keys_left_behind_by_an_uninstalled_program_are_not_offered(
    mail_registry: RegistryEdits, installed: Installed
) -> None:
    install_classic_outlook(mail_registry, installed)
    install_new_outlook(mail_registry, installed, toggle=1)
    for path in (installed.outlook, installed.olmapi, installed.olk):
        path.unlink()

    detection = detect_mail_clients("win32", {})

    assert detection.usable == ("eml-default-app",)
    assert detection.default_client == "Microsoft Outlook"  # still named, offered nothing


# --- 3. the Credential Manager ------------------------------------------------------------------


def _credentials(service: str) -> dict[str, bytes]:
    """What the Credential Manager itself holds for *service* (keyring's targets: the service
    name, or ``user@service``), by user name."""
    win32cred: Any = importlib.import_module("win32cred")
    pywintypes: Any = importlib.import_module("pywintypes")
    try:
        found = win32cred.CredEnumerate(None, 0)
    except pywintypes.error as error:
        if error.winerror == 1168:  # ERROR_NOT_FOUND: none at all
            return {}
        raise
    held: dict[str, bytes] = {}
    for credential in found:
        target = credential["TargetName"]
        if target == service or target.endswith(f"@{service}"):
            held[credential["UserName"]] = bytes(credential["CredentialBlob"])
    return held


def _forget_service(service: str) -> None:
    win32cred: Any = importlib.import_module("win32cred")
    pywintypes: Any = importlib.import_module("pywintypes")
    try:
        found = win32cred.CredEnumerate(None, 0)
    except pywintypes.error:
        return
    for credential in found:
        target = credential["TargetName"]
        if target == service or target.endswith(f"@{service}"):
            win32cred.CredDelete(target, win32cred.CRED_TYPE_GENERIC)


@pytest.fixture
def credential_manager(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """keyring's real Windows backend, under a service name of this test's own (removed from
    the Credential Manager afterwards); the in-memory keyring comes back after."""
    from keyring.backends.Windows import WinVaultKeyring

    service = f"referral-desk-test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setattr(password_vault_module, "SERVICE", service)
    previous = keyring.get_keyring()
    keyring.set_keyring(WinVaultKeyring())
    try:
        yield service
    finally:
        keyring.set_keyring(previous)
        _forget_service(service)


def test_the_credential_manager_keeps_the_recall_copy_until_retention_ends(
    credential_manager: str, tmp_path: Path
) -> None:
    service = credential_manager
    made = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    now = [made]
    policy = RetentionPolicy(password_days=30)
    referral_log = ReferralLog.open(tmp_path / "referral-log.sqlite3")
    referral_log.add(entry(REFERRAL_ID, made))
    outbox = Outbox(tmp_path / "outbox")
    vault = PasswordVault(clock=lambda: now[0])  # the keyring the keyring package chose
    assert vault.status().available
    assert "WinVaultKeyring" in vault.status().backend_name
    password = generate_password()
    other = "KG-2026-ACDEFG"

    vault.remember(REFERRAL_ID, password, keep_password_until(made, policy))
    vault.remember(other, "KEEP-ME-LONGER", made + timedelta(days=60))
    vault.set_preshared("ocmw-sint-truiden", "Afgesproken wachtwoord 2026!")

    held = _credentials(service)
    assert held[REFERRAL_ID].decode("utf-16-le") == password  # in the Credential Manager itself
    assert REFERRAL_ID in held[INDEX_KEY].decode("utf-16-le")
    assert PasswordVault(clock=lambda: now[0]).recall(REFERRAL_ID) == password  # a new start

    now[0] = made + timedelta(days=29)
    report = apply_retention(now[0], policy, referral_log, vault, outbox)
    assert (report.passwords_removed, report.problems) == (0, ())
    assert vault.recall(REFERRAL_ID) == password

    now[0] = made + timedelta(days=30, minutes=1)
    report = apply_retention(now[0], policy, referral_log, vault, outbox)
    assert (report.passwords_removed, report.problems, report.clock_notice) == (1, (), None)
    assert vault.recall(REFERRAL_ID) is None
    held = _credentials(service)
    assert REFERRAL_ID not in held  # gone from the Credential Manager, not only the index
    assert REFERRAL_ID not in held[INDEX_KEY].decode("utf-16-le")
    assert vault.recall(other) == "KEEP-ME-LONGER"
    assert vault.preshared("ocmw-sint-truiden") == "Afgesproken wachtwoord 2026!"
    referral_log.close()


# What Windows keeps in one Credential Manager entry at most (CRED_MAX_CREDENTIAL_BLOB_SIZE,
# wincred.h: 5 * 512 bytes); keyring writes text there as UTF-16. Windows refuses a larger
# entry; Wine takes it, so the test measures what was written.
CRED_MAX_CREDENTIAL_BLOB_SIZE = 5 * 512
_ID_LETTERS = "ACDEFGHJKLMNPQRTUVWXY34679"


def _referral_id(number: int) -> str:
    letters = "".join(
        _ID_LETTERS[(number // len(_ID_LETTERS) ** k) % len(_ID_LETTERS)] for k in range(6)
    )
    return f"KG-2026-{letters}"


def test_a_year_of_recall_copies_fits_the_credential_manager(
    credential_manager: str, tmp_path: Path
) -> None:
    """Kept for a year (the longest the settings allow), a referral a week or so: every entry,
    the index of expiry dates too, stays within what Windows keeps in one credential."""
    service = credential_manager
    start = datetime(2026, 1, 5, 9, 0, 0, 123456, tzinfo=UTC)
    now = [start]
    policy = RetentionPolicy(password_days=365)
    vault = PasswordVault(clock=lambda: now[0])
    made = {
        _referral_id(number): start + timedelta(days=6 * number, seconds=number, microseconds=7)
        for number in range(60)
    }
    for referral_id, moment in made.items():
        now[0] = moment
        vault.remember(referral_id, f"PW-{referral_id}", keep_password_until(moment, policy))

    held = _credentials(service)
    sizes = {user: len(blob) for user, blob in held.items()}
    assert max(sizes.values()) <= CRED_MAX_CREDENTIAL_BLOB_SIZE, sizes
    assert all(vault.recall(referral_id) == f"PW-{referral_id}" for referral_id in made)

    first_half = list(made)[:30]  # the 30 made first
    now[0] = max(made[referral_id] for referral_id in first_half) + timedelta(days=365, minutes=1)
    earliest_left = min(made[rid] for rid in made if rid not in first_half)
    assert now[0] < earliest_left + timedelta(days=365)
    report = apply_retention(now[0], policy, None, vault, Outbox(tmp_path / "outbox"))
    assert (report.passwords_removed, report.problems) == (30, ())
    assert all(vault.recall(referral_id) is None for referral_id in first_half)
    assert all(
        vault.recall(referral_id) == f"PW-{referral_id}"
        for referral_id in made
        if referral_id not in first_half
    )
    held = _credentials(service)
    assert max(len(blob) for blob in held.values()) <= CRED_MAX_CREDENTIAL_BLOB_SIZE
    assert not set(first_half) & set(held)

    now[0] = max(made.values()) + timedelta(days=366)
    report = apply_retention(now[0], policy, None, vault, Outbox(tmp_path / "outbox"))
    assert report.passwords_removed == 30
    assert {user: blob.decode("utf-16-le") for user, blob in _credentials(service).items()} == {
        INDEX_KEY: "{}"
    }


# --- 4. another process holding the settings lock or the archive ------------------------------

_HOLD_SETTINGS_LOCK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from referral_desk.storage import settings

    with settings._file_lock(Path(sys.argv[1])):
        print("held", flush=True)
        sys.stdin.readline()  # until the test lets go (or closes the pipe)
    """
)


@contextmanager
def _another_process_holds_the_settings_lock(store: SettingsStore) -> Iterator[Callable[[], None]]:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_SETTINGS_LOCK, str(store.lock_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"

    def let_go() -> None:
        if holder.stdin is not None and not holder.stdin.closed:
            holder.stdin.write("\n")
            holder.stdin.close()

    try:
        yield let_go
    finally:
        let_go()
        assert holder.wait(timeout=60) == 0


def test_an_update_waits_while_another_process_holds_the_settings_lock(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(recall_days=12))
    with _another_process_holds_the_settings_lock(store) as let_go:
        timer = threading.Timer(1.5, let_go)
        timer.start()
        started = time.monotonic()
        try:
            saved = store.update({"mail_adapter": "thunderbird"})
        finally:
            timer.cancel()
        assert time.monotonic() - started >= 1.0  # it waited for the other process
    assert store.load() == saved
    assert (saved.mail_adapter, saved.recall_days) == ("thunderbird", 12)


def test_a_lock_another_process_keeps_is_said_in_dutch_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings_module, "LOCK_TIMEOUT_SECONDS", 0.5)
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(recall_days=12))
    before = store.path.read_bytes()
    with (
        _another_process_holds_the_settings_lock(store),
        pytest.raises(SettingsError, match="ander venster van referral-desk"),
    ):
        store.update({"mail_adapter": "thunderbird"})
    assert store.path.read_bytes() == before


@contextmanager
def _mail_program_reads(path: Path, seconds: float) -> Iterator[None]:
    """A mail program reading the attachment, until the block ends."""
    reader = another_process_reads(path, seconds)
    try:
        yield
    finally:
        reader.kill()
        reader.wait(timeout=60)


def test_the_outbox_replaces_an_archive_a_mail_program_reads_once_it_lets_go(
    tmp_path: Path,
) -> None:
    outbox = Outbox(tmp_path / "outbox")
    first = outbox.save_archive(REFERRAL_ID, b"7z first")
    with _mail_program_reads(first, 0.8):
        again = outbox.save_archive(REFERRAL_ID, b"7z second")
    assert again == first
    assert first.read_bytes() == b"7z second"
    assert [p.name for p in first.parent.iterdir()] == [first.name]


def test_the_outbox_says_in_dutch_when_a_mail_program_keeps_the_archive_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic_file, "REPLACE_RETRY_SECONDS", 0.3)
    outbox = Outbox(tmp_path / "outbox")
    first = outbox.save_archive(REFERRAL_ID, b"7z first")
    with (
        _mail_program_reads(first, 30),
        pytest.raises(OutboxError, match="Het versleutelde archief kon niet bewaard worden"),
    ):
        outbox.save_archive(REFERRAL_ID, b"7z second")
    assert first.read_bytes() == b"7z first"  # whole, the one the mail program has
    assert [p.name for p in first.parent.iterdir()] == [first.name]  # no temp file left
