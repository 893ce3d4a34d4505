"""Simple MAPI (``MAPISendMailW``) for Thunderbird, eM Client and other default mail programs.

The Unicode structs below follow ``mapi.h`` (Microsoft Learn: MapiMessageW, MapiRecipDescW,
MapiFileDescW) field for field. ``ULONG`` is 32 bits on every Windows (LLP64), so it is
``c_uint32`` here and not ``c_ulong`` (64 bits on Linux, where the tests run the same code
against a small C library); strings are ``c_wchar_p`` (UTF-16 on Windows, UTF-32 on Linux,
``wchar_t`` on both).

A library without ``MAPISendMailW`` (Windows 7's ``mapi32.dll``, which predates it, or a mail
program's own DLL named directly) gets the same message through the ANSI ``MAPISendMail``
and its structs (MapiMessage …): the text in the ANSI code page, each character that code
page lacks replaced — never a failure — and the attachment under a path it holds (the short
8.3 form when the long one does not fit).

``MAPI_DIALOG`` blocks the calling thread until the compose window closes, so the call runs
in a helper process (``python -m referral_desk.delivery.mapi_helper``, or the frozen
program with ``--mapi-helper``) that reads ONE :class:`MapiRequest` as JSON on stdin and
writes ONE :class:`MapiResponse` on stdout. :class:`MapiOpener` waits a short grace period:
a helper that ends within it with a MAPI error is a failure (the chain falls through to the
``.eml``); one still running is the user composing — success.

Not handled: a 32-bit-only MAPI client under the 64-bit program (NAPS2 retries with a 32-bit
helper); that user gets the ``.eml``.
"""

from __future__ import annotations

import codecs
import ctypes
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from ctypes import POINTER, Structure, c_char_p, c_size_t, c_uint32, c_void_p, c_wchar_p
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from referral_desk.delivery.launch import ExchangeOutcome, Exchanger, exchange
from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import DraftResult, MailOpenError

log = logging.getLogger("referral_desk.delivery")

# --- mapi.h -------------------------------------------------------------------------------------

ULONG = c_uint32
FLAGS = c_uint32
ULONG_PTR = c_size_t  # also LHANDLE

MAPI_LOGON_UI = 0x00000001
MAPI_NEW_SESSION = 0x00000002
MAPI_DIALOG = 0x00000008
# mapi.h: (0x00000004 | MAPI_DIALOG); the modeless bit alone is 0x4. Only newer Outlook
# honours it, so the default is the blocking MAPI_DIALOG in a helper process.
MAPI_DIALOG_MODELESS_BIT = 0x00000004
MAPI_DIALOG_MODELESS = MAPI_DIALOG_MODELESS_BIT | MAPI_DIALOG
MAPI_FORCE_UNICODE = 0x00040000
DEFAULT_FLAGS = MAPI_LOGON_UI | MAPI_DIALOG

MAPI_ORIG = 0
MAPI_TO = 1
NO_POSITION = 0xFFFFFFFF  # nPosition -1: the client shows the attachment its own way

SUCCESS_SUCCESS = 0
MAPI_USER_ABORT = 1
MAPI_E_FAILURE = 2
MAPI_E_LOGIN_FAILURE = 3
MAPI_E_DISK_FULL = 4
MAPI_E_INSUFFICIENT_MEMORY = 5
MAPI_E_ACCESS_DENIED = 6
MAPI_E_TOO_MANY_SESSIONS = 8
MAPI_E_TOO_MANY_FILES = 9
MAPI_E_TOO_MANY_RECIPIENTS = 10
MAPI_E_ATTACHMENT_NOT_FOUND = 11
MAPI_E_ATTACHMENT_OPEN_FAILURE = 12
MAPI_E_ATTACHMENT_WRITE_FAILURE = 13
MAPI_E_UNKNOWN_RECIPIENT = 14
MAPI_E_BAD_RECIPTYPE = 15
MAPI_E_INVALID_MESSAGE = 17
MAPI_E_TEXT_TOO_LARGE = 18
MAPI_E_INVALID_SESSION = 19
MAPI_E_TYPE_NOT_SUPPORTED = 20
MAPI_E_AMBIGUOUS_RECIPIENT = 21
MAPI_E_MESSAGE_IN_USE = 22
MAPI_E_NETWORK_FAILURE = 23
MAPI_E_INVALID_EDITFIELDS = 24
MAPI_E_INVALID_RECIPS = 25
MAPI_E_NOT_SUPPORTED = 26
MAPI_E_UNICODE_NOT_SUPPORTED = 27
MAPI_E_ATTACHMENT_TOO_LARGE = 28

# The helper's own outcomes, outside MAPI's range.
HELPER_LIBRARY_NOT_LOADED = 1001
HELPER_BAD_REQUEST = 1002
HELPER_MISSING_FUNCTION = 1003
HELPER_CRASHED = 1004
HELPER_PATH_NOT_ANSI = 1005

MAPI_REASONS: dict[int, str] = {
    SUCCESS_SUCCESS: "het concept is geopend",
    MAPI_USER_ABORT: "het opstellen of aanmelden werd afgebroken",
    MAPI_E_FAILURE: "het e-mailprogramma meldde een algemene MAPI-fout",
    MAPI_E_LOGIN_FAILURE: "aanmelden bij het e-mailprogramma is mislukt (is er een account?)",
    MAPI_E_DISK_FULL: "de schijf is vol",
    MAPI_E_INSUFFICIENT_MEMORY: "er is onvoldoende geheugen",
    MAPI_E_ACCESS_DENIED: "het e-mailprogramma weigerde de toegang",
    MAPI_E_TOO_MANY_SESSIONS: "er zijn te veel MAPI-sessies open",
    MAPI_E_TOO_MANY_FILES: "er zijn te veel bijlagen",
    MAPI_E_TOO_MANY_RECIPIENTS: "er zijn te veel ontvangers",
    MAPI_E_ATTACHMENT_NOT_FOUND: "de bijlage is niet gevonden",
    MAPI_E_ATTACHMENT_OPEN_FAILURE: "de bijlage kon niet geopend worden",
    MAPI_E_ATTACHMENT_WRITE_FAILURE: "de bijlage kon niet weggeschreven worden",
    MAPI_E_UNKNOWN_RECIPIENT: "de ontvanger is onbekend",
    MAPI_E_BAD_RECIPTYPE: "het soort ontvanger is ongeldig",
    MAPI_E_INVALID_MESSAGE: "het bericht is ongeldig",
    MAPI_E_TEXT_TOO_LARGE: "de tekst is te lang",
    MAPI_E_INVALID_SESSION: "de MAPI-sessie is ongeldig",
    MAPI_E_TYPE_NOT_SUPPORTED: "dit soort bericht wordt niet ondersteund",
    MAPI_E_AMBIGUOUS_RECIPIENT: "het adres van de ontvanger is niet eenduidig",
    MAPI_E_MESSAGE_IN_USE: "het bericht is in gebruik",
    MAPI_E_NETWORK_FAILURE: "er is een netwerkfout",
    MAPI_E_INVALID_EDITFIELDS: "de invoervelden zijn ongeldig",
    MAPI_E_INVALID_RECIPS: "het adres van de ontvanger is ongeldig",
    MAPI_E_NOT_SUPPORTED: "het e-mailprogramma ondersteunt dit niet via MAPI",
    MAPI_E_UNICODE_NOT_SUPPORTED: "het e-mailprogramma ondersteunt geen Unicode via MAPI",
    MAPI_E_ATTACHMENT_TOO_LARGE: "de bijlage is te groot",
    HELPER_LIBRARY_NOT_LOADED: "de MAPI-bibliotheek kon niet geladen worden "
    "(is er een standaard e-mailprogramma ingesteld?)",
    HELPER_BAD_REQUEST: "het MAPI-hulpprogramma kreeg een ongeldige opdracht",
    HELPER_MISSING_FUNCTION: "de MAPI-bibliotheek kent MAPISendMailW noch MAPISendMail",
    HELPER_CRASHED: "het MAPI-hulpprogramma liep vast",
    HELPER_PATH_NOT_ANSI: "het e-mailprogramma kent alleen ANSI-tekst, en het pad naar de "
    "bijlage bevat tekens die daarin niet bestaan",
}


def mapi_reason(code: int) -> str:
    return MAPI_REASONS.get(code, f"onbekende MAPI-foutcode {code}")


class MapiRecipDescW(Structure):
    _fields_ = [
        ("ulReserved", ULONG),
        ("ulRecipClass", ULONG),
        ("lpszName", c_wchar_p),
        ("lpszAddress", c_wchar_p),
        ("ulEIDSize", ULONG),
        ("lpEntryID", c_void_p),
    ]


class MapiFileDescW(Structure):
    _fields_ = [
        ("ulReserved", ULONG),
        ("flFlags", ULONG),
        ("nPosition", ULONG),
        ("lpszPathName", c_wchar_p),
        ("lpszFileName", c_wchar_p),
        ("lpFileType", c_void_p),
    ]


class MapiMessageW(Structure):
    _fields_ = [
        ("ulReserved", ULONG),
        ("lpszSubject", c_wchar_p),
        ("lpszNoteText", c_wchar_p),
        ("lpszMessageType", c_wchar_p),
        ("lpszDateReceived", c_wchar_p),
        ("lpszConversationID", c_wchar_p),
        ("flFlags", FLAGS),
        ("lpOriginator", POINTER(MapiRecipDescW)),
        ("nRecipCount", ULONG),
        ("lpRecips", POINTER(MapiRecipDescW)),
        ("nFileCount", ULONG),
        ("lpFiles", POINTER(MapiFileDescW)),
    ]


# The ANSI twins, for a library without MAPISendMailW: the same layout, 8-bit strings.
class MapiRecipDesc(Structure):
    _fields_ = [
        ("ulReserved", ULONG),
        ("ulRecipClass", ULONG),
        ("lpszName", c_char_p),
        ("lpszAddress", c_char_p),
        ("ulEIDSize", ULONG),
        ("lpEntryID", c_void_p),
    ]


class MapiFileDesc(Structure):
    _fields_ = [
        ("ulReserved", ULONG),
        ("flFlags", ULONG),
        ("nPosition", ULONG),
        ("lpszPathName", c_char_p),
        ("lpszFileName", c_char_p),
        ("lpFileType", c_void_p),
    ]


class MapiMessage(Structure):
    _fields_ = [
        ("ulReserved", ULONG),
        ("lpszSubject", c_char_p),
        ("lpszNoteText", c_char_p),
        ("lpszMessageType", c_char_p),
        ("lpszDateReceived", c_char_p),
        ("lpszConversationID", c_char_p),
        ("flFlags", FLAGS),
        ("lpOriginator", POINTER(MapiRecipDesc)),
        ("nRecipCount", ULONG),
        ("lpRecips", POINTER(MapiRecipDesc)),
        ("nFileCount", ULONG),
        ("lpFiles", POINTER(MapiFileDesc)),
    ]


# --- the ANSI code page ---------------------------------------------------------------------------

# Where there is no ANSI code page (the tests on Linux): Western European Windows'.
STAND_IN_CODE_PAGE = 1252


def ansi_code_page() -> int:
    """Windows' ANSI code page (``GetACP``), the one ``MAPISendMail`` reads its text in."""
    if sys.platform == "win32":
        return int(ctypes.WinDLL("kernel32").GetACP())
    return STAND_IN_CODE_PAGE


def _codec(code_page: int) -> str:
    name = f"cp{code_page}"
    try:
        codecs.lookup(name)
    except LookupError:
        # A code page Python has no table for: Windows' own conversion (CP_ACP).
        return "mbcs" if sys.platform == "win32" else f"cp{STAND_IN_CODE_PAGE}"
    return name


def ansi_text(text: str, code_page: int) -> bytes:
    """*text* in the ANSI code page; each character it lacks becomes ``?``, never an error."""
    return text.encode(_codec(code_page), errors="replace")


def _encodes(text: str, code_page: int) -> bool:
    try:
        text.encode(_codec(code_page))
    except UnicodeEncodeError:
        return False
    return True


def short_path(path: str) -> str | None:
    """Windows' short (8.3) form of an existing *path*, or None (no such form here)."""
    if sys.platform != "win32":
        return None
    function = ctypes.WinDLL("kernel32").GetShortPathNameW
    function.argtypes = [c_wchar_p, c_wchar_p, c_uint32]
    function.restype = c_uint32
    size = int(function(path, None, 0))
    if size == 0:
        return None
    buffer = ctypes.create_unicode_buffer(size)
    written = int(function(path, buffer, size))
    return buffer.value if 0 < written < size else None


def ansi_path(path: str, code_page: int) -> str | None:
    """*path*, or its short form, when the ANSI code page holds every character of it: the
    name an ANSI mail program can open. None when neither fits."""
    if _encodes(path, code_page):
        return path
    short = short_path(path)
    if short is not None and _encodes(short, code_page):
        return short
    return None


class AnsiPathError(ValueError):
    """The attachment's path cannot be written in the ANSI code page, not even in short."""


# --- the helper protocol ------------------------------------------------------------------------

DEFAULT_LIBRARY = "mapi32.dll"


class MapiRequest(BaseModel, frozen=True, extra="forbid", hide_input_in_errors=True):
    """What the helper is asked to send to MAPISendMailW; one JSON object on its stdin."""

    to: str
    subject: str
    body: str
    attachment_path: str | None = None
    # The name the recipient sees; the file's own name when None.
    attachment_name: str | None = None
    library: str = DEFAULT_LIBRARY
    flags: int = DEFAULT_FLAGS


class MapiResponse(BaseModel, frozen=True, extra="forbid"):
    """The helper's answer: MAPI's return code (or a HELPER_* code) and the Dutch reason."""

    code: int
    reason: str

    @classmethod
    def for_code(cls, code: int) -> MapiResponse:
        return cls(code=code, reason=mapi_reason(code))


class MarshalledMessage:
    """A MapiMessageW and every buffer it points to, kept alive together for the call.

    The attachment's path is its short form when the long one has characters outside the
    ANSI code page: Windows' ``mapi32.dll`` hands the message to a mail program without
    ``MAPISendMailW`` converted to ANSI, and that program must still find the file.
    """

    def __init__(self, request: MapiRequest) -> None:
        self._buffers: list[ctypes.Array[ctypes.c_wchar]] = []
        self.recipients = (MapiRecipDescW * 1)()
        recipient = self.recipients[0]
        recipient.ulRecipClass = MAPI_TO
        recipient.lpszName = self._text(request.to)
        recipient.lpszAddress = self._text(f"SMTP:{request.to}")
        self.files = (MapiFileDescW * 1)()
        message = MapiMessageW()
        message.lpszSubject = self._text(request.subject)
        message.lpszNoteText = self._text(request.body)
        message.nRecipCount = 1
        message.lpRecips = ctypes.cast(self.recipients, POINTER(MapiRecipDescW))
        if request.attachment_path is not None:
            attachment = self.files[0]
            attachment.nPosition = NO_POSITION
            path = request.attachment_path
            attachment.lpszPathName = self._text(ansi_path(path, ansi_code_page()) or path)
            name = request.attachment_name or Path(request.attachment_path).name
            attachment.lpszFileName = self._text(name)
            message.nFileCount = 1
            message.lpFiles = ctypes.cast(self.files, POINTER(MapiFileDescW))
        self.message = message

    def _text(self, value: str) -> c_wchar_p:
        buffer = ctypes.create_unicode_buffer(value)
        self._buffers.append(buffer)
        return ctypes.cast(buffer, c_wchar_p)


class MarshalledAnsiMessage:
    """The same message as a MapiMessage for ``MAPISendMail``: every text in the ANSI code
    page with the characters it lacks replaced; the attachment under a path that code page
    holds (see :func:`ansi_path`), else :class:`AnsiPathError`."""

    def __init__(self, request: MapiRequest, code_page: int) -> None:
        self._buffers: list[ctypes.Array[ctypes.c_char]] = []
        self.code_page = code_page
        self.recipients = (MapiRecipDesc * 1)()
        recipient = self.recipients[0]
        recipient.ulRecipClass = MAPI_TO
        recipient.lpszName = self._text(request.to)
        recipient.lpszAddress = self._text(f"SMTP:{request.to}")
        self.files = (MapiFileDesc * 1)()
        message = MapiMessage()
        message.lpszSubject = self._text(request.subject)
        message.lpszNoteText = self._text(request.body)
        message.nRecipCount = 1
        message.lpRecips = ctypes.cast(self.recipients, POINTER(MapiRecipDesc))
        if request.attachment_path is not None:
            path = ansi_path(request.attachment_path, code_page)
            if path is None:
                raise AnsiPathError("attachment path outside the ANSI code page")
            attachment = self.files[0]
            attachment.nPosition = NO_POSITION
            attachment.lpszPathName = self._text(path)
            name = request.attachment_name or Path(request.attachment_path).name
            attachment.lpszFileName = self._text(name)
            message.nFileCount = 1
            message.lpFiles = ctypes.cast(self.files, POINTER(MapiFileDesc))
        self.message = message

    def _text(self, value: str) -> c_char_p:
        buffer = ctypes.create_string_buffer(ansi_text(value, self.code_page))
        self._buffers.append(buffer)
        return ctypes.cast(buffer, c_char_p)


Loader = Callable[[str], Any]


def default_loader(name: str) -> Any:
    """``WinDLL`` (stdcall) on Windows, with a bare name taken from System32 only (no DLL
    planting from the working folder); ``CDLL`` elsewhere, for the tests' fake library."""
    if sys.platform == "win32":
        if os.path.dirname(name) == "":
            name = os.path.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), "System32", name)
        return ctypes.WinDLL(name)
    return ctypes.CDLL(name)


def send_mail_w(
    library: str | Any, request: MapiRequest, *, loader: Loader = default_loader
) -> int:
    """Call ``MAPISendMailW`` in *library* (a path or name, or a loaded library) and return
    its code. Raises OSError when the library cannot be loaded, AttributeError when it does
    not export the function."""
    handle = loader(library) if isinstance(library, str) else library
    function = handle.MAPISendMailW
    function.argtypes = [ULONG_PTR, ULONG_PTR, POINTER(MapiMessageW), FLAGS, ULONG]
    function.restype = ULONG
    marshalled = MarshalledMessage(request)
    # Session 0: MAPI logs on for this call only; UI parameter 0: no parent window.
    return int(function(0, 0, ctypes.byref(marshalled.message), request.flags, 0))


def send_mail_a(
    library: str | Any,
    request: MapiRequest,
    *,
    loader: Loader = default_loader,
    code_page: int | None = None,
) -> int:
    """Call the ANSI ``MAPISendMail`` in *library* with the text in *code_page* (default: the
    ANSI code page). Raises OSError and AttributeError as :func:`send_mail_w` does, and
    AnsiPathError when the attachment's path does not fit that code page."""
    handle = loader(library) if isinstance(library, str) else library
    function = handle.MAPISendMail
    function.argtypes = [ULONG_PTR, ULONG_PTR, POINTER(MapiMessage), FLAGS, ULONG]
    function.restype = ULONG
    if request.flags & MAPI_FORCE_UNICODE:
        return MAPI_E_UNICODE_NOT_SUPPORTED  # what mapi32.dll answers in this case too
    page = ansi_code_page() if code_page is None else code_page
    marshalled = MarshalledAnsiMessage(request, page)
    return int(function(0, 0, ctypes.byref(marshalled.message), request.flags, 0))


def send_mail(library: str | Any, request: MapiRequest, *, loader: Loader = default_loader) -> int:
    """``MAPISendMailW`` when *library* exports it, else ``MAPISendMail`` (ANSI). Raises
    OSError when the library cannot be loaded, AttributeError when it exports neither,
    AnsiPathError when only ANSI is left and the attachment's path does not fit it."""
    handle = loader(library) if isinstance(library, str) else library
    if _exports(handle, "MAPISendMailW"):
        return send_mail_w(handle, request)
    return send_mail_a(handle, request)


def _exports(handle: Any, name: str) -> bool:
    try:
        getattr(handle, name)
    except AttributeError:
        return False
    return True


def handle_request(data: bytes, *, loader: Loader = default_loader) -> MapiResponse:
    """The helper process's whole job, for one request."""
    try:
        request = MapiRequest.model_validate_json(data)
    except ValidationError:
        return MapiResponse.for_code(HELPER_BAD_REQUEST)
    try:
        code = send_mail(request.library, request, loader=loader)
    except OSError:
        return MapiResponse.for_code(HELPER_LIBRARY_NOT_LOADED)
    except AttributeError:
        return MapiResponse.for_code(HELPER_MISSING_FUNCTION)
    except AnsiPathError:
        return MapiResponse.for_code(HELPER_PATH_NOT_ANSI)
    return MapiResponse.for_code(code)


def parse_response(data: bytes) -> MapiResponse | None:
    try:
        return MapiResponse.model_validate_json(data.strip() or b"null")
    except ValidationError:
        return None


# --- the opener ---------------------------------------------------------------------------------

MAPI_HELPER_MODULE = "referral_desk.delivery.mapi_helper"
MAPI_HELPER_ARGUMENT = "--mapi-helper"
# Python start-up plus loading the MAPI library: a failure (no default client, no account)
# comes back well within this; a compose window keeps the helper running.
MAPI_GRACE_SECONDS = 3.0


def helper_command() -> list[str]:
    """How to start the helper: the frozen program with an argument, else this Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable, MAPI_HELPER_ARGUMENT]
    return [sys.executable, "-m", MAPI_HELPER_MODULE]


# The helper's answer (returncode None: still running, the compose window is open), and what
# gets it; tests pass their own runner.
HelperOutcome = ExchangeOutcome
HelperRunner = Exchanger


def _log_late_answer(_status: int, out: bytes) -> None:
    response = parse_response(out)
    # The code only: it says how the compose window ended, nothing about the referral.
    log.info("mapi helper ended later with code %s", response.code if response else "?")


def run_helper(argv: Sequence[str], request: bytes, grace: float) -> HelperOutcome:
    """Start the helper, hand it *request*, and wait at most *grace* seconds for its answer.

    Raises OSError when it cannot be started.
    """
    return exchange(argv, request, grace, on_late_answer=_log_late_answer)


def _windows_lines(text: str) -> str:
    return re.sub(r"\r?\n", "\r\n", text)


class MapiOpener:
    name = "mapi"
    label = "Standaard e-mailprogramma via MAPI"

    def __init__(
        self,
        library: str = DEFAULT_LIBRARY,
        *,
        helper: Sequence[str] | None = None,
        run: HelperRunner = run_helper,
        grace: float = MAPI_GRACE_SECONDS,
        flags: int = DEFAULT_FLAGS,
    ) -> None:
        self.library = library
        self.helper = list(helper) if helper is not None else helper_command()
        self.run = run
        self.grace = grace
        self.flags = flags

    def request_for(self, draft: DraftMessage) -> MapiRequest:
        attachment = draft.attachment.absolute() if draft.attachment is not None else None
        if attachment is not None and not attachment.is_file():
            raise MailOpenError(mapi_reason(MAPI_E_ATTACHMENT_NOT_FOUND))
        return MapiRequest(
            to=draft.to,
            subject=draft.subject,
            # Windows mail programs expect CRLF in lpszNoteText.
            body=_windows_lines(draft.body),
            attachment_path=str(attachment) if attachment is not None else None,
            attachment_name=attachment.name if attachment is not None else None,
            library=self.library,
            flags=self.flags,
        )

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        request = self.request_for(draft)
        try:
            outcome = self.run(self.helper, request.model_dump_json().encode("utf-8"), self.grace)
        except OSError as error:
            raise MailOpenError(
                f"het MAPI-hulpprogramma kon niet starten: {error.strerror or type(error).__name__}"
            ) from error
        if outcome.returncode is None:
            return DraftResult(opener=self.name, eml_path=None, opened=True)
        response = parse_response(outcome.stdout)
        if response is None:
            raise MailOpenError(f"{mapi_reason(HELPER_CRASHED)} (afsluitcode {outcome.returncode})")
        if response.code == SUCCESS_SUCCESS:
            # A client that returns at once (modeless compose window) is fine as well.
            return DraftResult(opener=self.name, eml_path=None, opened=True)
        raise MailOpenError(f"MAPI: {response.reason} (code {response.code})")
