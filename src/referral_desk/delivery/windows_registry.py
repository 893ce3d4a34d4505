"""Which mail programs a Windows machine has, read from the registry; no side effects.

Everything goes through a :class:`RegistryReader`, so the tests (and Linux) use a fake; the
real :class:`WinregReader` imports ``winreg`` only when it reads.

What is read (each ``HKCU`` before ``HKLM``, so a per-user choice wins):

* ``Software\\Clients\\Mail`` (default value): the default mail program for Simple MAPI, for
  example ``Microsoft Outlook``, ``Mozilla Thunderbird`` or ``eM Client``; under
  ``Software\\Clients\\Mail\\<name>`` the MAPI DLL it registered (``DLLPathEx``, then
  ``DLLPath``).
* ``HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\Preferences\\UseNewOutlook``: DWORD 1
  when the user turned the *new Outlook* toggle on.
* ``Software\\Microsoft\\Windows\\CurrentVersion\\App Paths\\olk.exe``: new Outlook's
  executable (NAPS2 reads the ``HKCU`` one).
* ``Software\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE``: classic Outlook.

A path only counts when the file exists (the *exists* callable, ``os.path.exists`` for real).
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable
from typing import Any, Literal, Protocol

from pydantic import BaseModel

from referral_desk.delivery.openers import EmlFileOpener

log = logging.getLogger("referral_desk.delivery")

Hive = Literal["HKCU", "HKLM"]
RegistryValue = str | int | None

CLIENTS_MAIL = r"Software\Clients\Mail"
NEW_OUTLOOK_PREFERENCES = r"Software\Microsoft\Office\16.0\Outlook\Preferences"
USE_NEW_OUTLOOK = "UseNewOutlook"
APP_PATHS = r"Software\Microsoft\Windows\CurrentVersion\App Paths"
OLK_EXE = "olk.exe"
OUTLOOK_EXE = "OUTLOOK.EXE"
CLASSIC_OUTLOOK_CLIENT = "Microsoft Outlook"
# 64-bit MAPI DLL first: referral-desk ships as a 64-bit program.
MAPI_DLL_VALUES = ("DLLPathEx", "DLLPath")

NEW_OUTLOOK = "new-outlook"
OUTLOOK_COM = "outlook-com"
MAPI = "mapi"
EML = EmlFileOpener.name

_HIVE_ROOTS = {"HKCU": "HKEY_CURRENT_USER", "HKLM": "HKEY_LOCAL_MACHINE"}


class RegistryReader(Protocol):
    def read_value(self, hive: Hive, key: str, name: str) -> RegistryValue:
        """The value *name* ("" = the key's default value) of *key*, or None when the key or
        value is missing, unreadable or of another type than text or number. Never raises."""
        ...


class WinregReader:
    """The real registry. ``HKLM`` is read in the 64-bit view, then the 32-bit one, because a
    32-bit Office or Thunderbird registers itself under ``WOW6432Node``."""

    def _winreg(self) -> Any:
        return importlib.import_module("winreg")

    def read_value(self, hive: Hive, key: str, name: str) -> RegistryValue:
        winreg = self._winreg()
        root = getattr(winreg, _HIVE_ROOTS[hive])
        views = [winreg.KEY_WOW64_64KEY, winreg.KEY_WOW64_32KEY] if hive == "HKLM" else [0]
        for view in views:
            try:
                with winreg.OpenKey(root, key, 0, winreg.KEY_READ | view) as handle:
                    value, kind = winreg.QueryValueEx(handle, name)
            except OSError:
                continue
            return _convert(winreg, value, kind)
        return None


def _convert(winreg: Any, value: object, kind: int) -> RegistryValue:
    if kind == winreg.REG_SZ and isinstance(value, str):
        return value
    if kind == winreg.REG_EXPAND_SZ and isinstance(value, str):
        expanded: str = winreg.ExpandEnvironmentStrings(value)
        return expanded
    if kind in (winreg.REG_DWORD, winreg.REG_QWORD) and isinstance(value, int):
        return value
    return None


class WindowsMailInfo(BaseModel, frozen=True, extra="forbid"):
    # The Simple MAPI default mail program's registry name, e.g. "Microsoft Outlook".
    default_client: str | None = None
    # OUTLOOK.EXE is registered and present.
    classic_outlook: bool = False
    outlook_path: str | None = None
    # The "new Outlook" toggle is on (UseNewOutlook = 1).
    new_outlook_enabled: bool = False
    # olk.exe is registered and present.
    olk_path: str | None = None
    # The default client registered a MAPI DLL that is present.
    mapi_available: bool = False
    mapi_dll: str | None = None

    @property
    def default_is_classic_outlook(self) -> bool:
        return (self.default_client or "").casefold() == CLASSIC_OUTLOOK_CLIENT.casefold()


def _text(value: RegistryValue) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = value.strip().strip('"').strip()
    return cleaned or None


def _first_text(reader: RegistryReader, key: str, name: str) -> str | None:
    for hive in ("HKCU", "HKLM"):
        found = _text(reader.read_value(hive, key, name))
        if found is not None:
            return found
    return None


def _existing(
    reader: RegistryReader, key: str, names: tuple[str, ...], exists: Callable[[str], bool]
) -> str | None:
    for hive in ("HKCU", "HKLM"):
        for name in names:
            text = _text(reader.read_value(hive, key, name))
            # Installers write "/" or ".." into these values too; the path we use is Windows'.
            path = os.path.normpath(text) if text is not None else None
            if path is not None and exists(path):
                return path
    return None


def _is_one(value: RegistryValue) -> bool:
    return value == 1 or (isinstance(value, str) and value.strip() == "1")


def detect_windows_mail(reader: RegistryReader, exists: Callable[[str], bool]) -> WindowsMailInfo:
    default_client = _first_text(reader, CLIENTS_MAIL, "")
    olk_path = _existing(reader, rf"{APP_PATHS}\{OLK_EXE}", ("",), exists)
    outlook_path = _existing(reader, rf"{APP_PATHS}\{OUTLOOK_EXE}", ("",), exists)
    new_outlook = _is_one(reader.read_value("HKCU", NEW_OUTLOOK_PREFERENCES, USE_NEW_OUTLOOK))
    mapi_dll = None
    if default_client is not None and "\\" not in default_client:
        mapi_dll = _existing(reader, rf"{CLIENTS_MAIL}\{default_client}", MAPI_DLL_VALUES, exists)
    info = WindowsMailInfo(
        default_client=default_client,
        classic_outlook=outlook_path is not None,
        outlook_path=outlook_path,
        new_outlook_enabled=new_outlook,
        olk_path=olk_path,
        mapi_available=mapi_dll is not None,
        mapi_dll=mapi_dll,
    )
    # Which programs, never whose: no paths (they hold the user name).
    log.info(
        "windows mail: default=%s classic=%s new=%s/%s mapi=%s",
        default_client,
        info.classic_outlook,
        new_outlook,
        olk_path is not None,
        info.mapi_available,
    )
    return info


def windows_adapter_order(info: WindowsMailInfo) -> list[str]:
    """The adapters to try, best first; the ``.eml`` opener is always last.

    1. **new-outlook** when ``olk.exe`` is present and either the *new Outlook* toggle is on
       or classic Outlook is not installed (then new Outlook is the only Outlook there is).
       New Outlook has no COM and no MAPI, so nothing else would reach it.
    2. **outlook-com** when ``OUTLOOK.EXE`` is present and the default mail program is
       Microsoft Outlook or not set at all. A user whose default is another program
       (Thunderbird …) does not get a possibly unconfigured Outlook started; they can still
       pick it under Instellingen → E-mail.
    3. **mapi** when the default mail program registered a MAPI DLL that exists: first for
       Thunderbird, eM Client and the like; after COM for Outlook (its MAPI is a fallback).
    4. **eml-default-app** always, last.
    """
    order: list[str] = []
    if info.olk_path is not None and (info.new_outlook_enabled or not info.classic_outlook):
        order.append(NEW_OUTLOOK)
    if info.classic_outlook and (info.default_client is None or info.default_is_classic_outlook):
        order.append(OUTLOOK_COM)
    if info.mapi_available:
        order.append(MAPI)
    order.append(EML)
    return order
