"""Classic Outlook through COM automation (pywin32): a new mail item, displayed, never sent.

The exact calls: ``Dispatch("Outlook.Application")``, ``CreateItem(0)`` (olMailItem), set
``To``, ``Subject`` and ``Body``, ``Attachments.Add(path)``, ``Display(False)`` (not modal).
Setting properties and ``Display`` do not trigger Outlook's object-model guard; *reading*
``Body`` (or any address property) or calling ``Send`` would, so this module does neither.

COM fails when referral-desk and Outlook run at different privilege levels (one of them
"as administrator"): ``CO_E_SERVER_EXEC_FAILURE``. The Dispatch function is injectable, so
the tests run on Linux against a recording fake.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import DraftResult, MailOpenError

OUTLOOK_PROG_ID = "Outlook.Application"
OL_MAIL_ITEM = 0

# HRESULTs, unsigned; pywin32 reports them as signed 32-bit integers.
CO_E_SERVER_EXEC_FAILURE = 0x80080005
REGDB_E_CLASSNOTREG = 0x80040154
CO_E_CLASSSTRING = 0x800401F3
RPC_E_CALL_REJECTED = 0x80010001
RPC_E_SERVERCALL_RETRYLATER = 0x8001010A
RPC_S_SERVER_UNAVAILABLE = 0x800706BA
RPC_E_DISCONNECTED = 0x80010108
E_ACCESSDENIED = 0x80070005
DISP_E_EXCEPTION = 0x80020009

PRIVILEGE_HINT = (
    "Outlook en referral-desk draaien met verschillende rechten (een van beide is 'als "
    "administrator' gestart); start beide op dezelfde manier en probeer opnieuw"
)

_REASONS: dict[int, str] = {
    CO_E_SERVER_EXEC_FAILURE: PRIVILEGE_HINT,
    REGDB_E_CLASSNOTREG: "Outlook (klassiek) is niet geïnstalleerd of niet geregistreerd",
    CO_E_CLASSSTRING: "Outlook (klassiek) is niet geïnstalleerd of niet geregistreerd",
    RPC_E_CALL_REJECTED: "Outlook is bezig (staat er een venster of melding open?)",
    RPC_E_SERVERCALL_RETRYLATER: "Outlook is bezig (staat er een venster of melding open?)",
    RPC_S_SERVER_UNAVAILABLE: "Outlook werd afgesloten of reageert niet",
    RPC_E_DISCONNECTED: "Outlook werd afgesloten of reageert niet",
    E_ACCESSDENIED: "Outlook weigerde de toegang",
}

Dispatch = Callable[[str], Any]


def win32_dispatch(prog_id: str) -> Any:
    """``win32com.client.Dispatch``, imported only here (pywin32 exists on Windows only).

    COM is initialised for the calling thread first; a thread that already has it (Qt's GUI
    thread) is left as it is.
    """
    pythoncom: Any = importlib.import_module("pythoncom")
    # Already initialised in another apartment (RPC_E_CHANGED_MODE) is fine as well.
    with contextlib.suppress(Exception):
        pythoncom.CoInitialize()
    client: Any = importlib.import_module("win32com.client")
    return client.Dispatch(prog_id)


def hresult_of(error: BaseException) -> int | None:
    """The HRESULT of a ``pywintypes.com_error`` (or anything shaped like it), unsigned.

    For ``DISP_E_EXCEPTION`` the inner code from the exception info is more telling.
    """
    code = getattr(error, "hresult", None)
    args: tuple[object, ...] = tuple(getattr(error, "args", ()))
    if not isinstance(code, int) and args and isinstance(args[0], int):
        code = args[0]
    if not isinstance(code, int):
        return None
    code &= 0xFFFFFFFF
    if code == DISP_E_EXCEPTION and len(args) > 2 and isinstance(args[2], tuple):
        info = args[2]
        inner = info[5] if len(info) > 5 else None
        if isinstance(inner, int) and inner != 0:
            return inner & 0xFFFFFFFF
    return code


def com_error_reason(error: BaseException) -> str:
    """A Dutch reason with the HRESULT; never the error's own text (it can hold a path)."""
    code = hresult_of(error)
    if code is None:
        return f"Outlook (klassiek) kon niet gestart worden ({type(error).__name__})"
    known = _REASONS.get(code)
    if known is not None:
        return f"{known} (foutcode 0x{code:08X})"
    return f"Outlook (klassiek) gaf foutcode 0x{code:08X}"


class OutlookComOpener:
    name = "outlook-com"
    label = "Outlook (klassiek)"

    def __init__(self, dispatch: Dispatch = win32_dispatch) -> None:
        self.dispatch = dispatch

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        attachment = draft.attachment.absolute() if draft.attachment is not None else None
        if attachment is not None and not attachment.is_file():
            raise MailOpenError("de bijlage is niet gevonden")
        try:
            outlook = self.dispatch(OUTLOOK_PROG_ID)
            mail = outlook.CreateItem(OL_MAIL_ITEM)
            mail.To = draft.to
            mail.Subject = draft.subject
            mail.Body = draft.body
            if attachment is not None:
                mail.Attachments.Add(str(attachment))
            mail.Display(False)
        except ImportError as error:
            raise MailOpenError("de Outlook-koppeling (pywin32) ontbreekt") from error
        except Exception as error:  # pywintypes.com_error and whatever else COM raises
            raise MailOpenError(com_error_reason(error)) from error
        return DraftResult(opener=self.name, eml_path=None, opened=True)
