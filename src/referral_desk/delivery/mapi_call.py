"""The call itself: a :class:`MapiRequest` marshalled into mapi.h's structs and handed to
``MAPISendMailW``, or to the ANSI ``MAPISendMail`` when the library lacks the former.

A library without ``MAPISendMailW`` (Windows 7's ``mapi32.dll``, which predates it, or a mail
program's own DLL named directly) gets the same message through ``MAPISendMail``: the text
in the ANSI code page, each character that code page lacks replaced — never a failure — and
the attachment under a path it holds (the short 8.3 form when the long one does not fit).
This runs in the helper process, where ``MAPI_DIALOG`` may block until the compose window
closes.
"""

from __future__ import annotations

import codecs
import ctypes
import os
import sys
from collections.abc import Callable
from ctypes import POINTER, c_char_p, c_uint32, c_wchar_p
from pathlib import Path
from typing import Any

from referral_desk.delivery.mapi_protocol import MapiRequest
from referral_desk.delivery.mapi_structs import (
    FLAGS,
    MAPI_E_UNICODE_NOT_SUPPORTED,
    MAPI_FORCE_UNICODE,
    MAPI_TO,
    NO_POSITION,
    ULONG,
    ULONG_PTR,
    MapiFileDesc,
    MapiFileDescW,
    MapiMessage,
    MapiMessageW,
    MapiRecipDesc,
    MapiRecipDescW,
)

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
