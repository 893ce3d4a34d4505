"""Crash-safe, private file writes: a reader sees the old file or the whole new one.

Private means what the platform can enforce: on POSIX the file's mode (0600 unless the caller
asks for a shared mode such as 0644); on Windows, where modes only carry a read-only flag, an
access list of its own that lets only the current user in, set when the file is created, so a
private file stays private in a folder others may read (an export on a shared drive).

Windows refuses to replace a file another process has open (a second window reading the
settings, a virus scanner or the search indexer looking at a new file): the rename is tried
again for a moment before the error is passed on.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# How long a replace waits for another process to let go of the target (Windows only).
REPLACE_RETRY_SECONDS = 2.0
_REPLACE_RETRY_PAUSE = 0.05


def _is_private(mode: int) -> bool:
    return mode & 0o077 == 0


def _windows_private_security() -> Any:
    """SECURITY_ATTRIBUTES whose protected DACL grants the current user alone full access:
    nothing is inherited from the folder, so nobody else may open the file."""
    win32api: Any = importlib.import_module("win32api")
    win32security: Any = importlib.import_module("win32security")
    ntsecuritycon: Any = importlib.import_module("ntsecuritycon")
    token = win32security.OpenProcessToken(win32api.GetCurrentProcess(), ntsecuritycon.TOKEN_QUERY)
    user = win32security.GetTokenInformation(token, win32security.TokenUser)[0]
    dacl = win32security.ACL()
    dacl.AddAccessAllowedAce(win32security.ACL_REVISION, ntsecuritycon.FILE_ALL_ACCESS, user)
    descriptor = win32security.SECURITY_DESCRIPTOR()
    descriptor.SetSecurityDescriptorDacl(1, dacl, 0)
    descriptor.SetSecurityDescriptorControl(
        win32security.SE_DACL_PROTECTED, win32security.SE_DACL_PROTECTED
    )
    attributes = win32security.SECURITY_ATTRIBUTES()
    attributes.SECURITY_DESCRIPTOR = descriptor
    attributes.bInheritHandle = False
    return attributes


def _windows_private_temp(folder: Path) -> tuple[int, str]:
    """A new empty temp file in *folder* that only the current user can open, from the moment
    it exists (the DACL is given to CreateFile, not set afterwards); its descriptor and name."""
    msvcrt: Any = importlib.import_module("msvcrt")
    win32file: Any = importlib.import_module("win32file")
    winerror: Any = importlib.import_module("winerror")
    pywintypes: Any = importlib.import_module("pywintypes")
    security = _windows_private_security()
    for _attempt in range(100):
        name = str(folder / f".tmp-{secrets.token_hex(8)}")
        try:
            handle = win32file.CreateFile(
                name,
                win32file.GENERIC_WRITE,
                0,
                security,
                win32file.CREATE_NEW,
                win32file.FILE_ATTRIBUTE_NORMAL,
                None,
            )
        except pywintypes.error as error:
            if error.winerror in (winerror.ERROR_FILE_EXISTS, winerror.ERROR_ALREADY_EXISTS):
                continue
            raise OSError(0, error.strerror, name, error.winerror) from None
        return msvcrt.open_osfhandle(handle.Detach(), 0), name
    raise FileExistsError(f"no free temporary name in {folder}")


def _replace(source: str, target: Path) -> None:
    """os.replace, tried again while Windows says another process holds the target."""
    deadline = time.monotonic() + REPLACE_RETRY_SECONDS
    while True:
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if sys.platform != "win32" or time.monotonic() >= deadline:
                raise
        time.sleep(_REPLACE_RETRY_PAUSE)


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = 0o600) -> Path:
    """Write to a temp file beside ``path``, fsync, then rename over it.

    The temp file is private from the start when *mode* is (the default), so the data is
    never readable by others, not even for a moment.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32" and _is_private(mode):
        fd, tmp_name = _windows_private_temp(path.parent)
    else:
        fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return path
