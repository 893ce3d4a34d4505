"""Whether a file is private, in the platform's own terms.

POSIX: mode 0600. Windows, where a mode only carries a read-only flag: the file's access list
lets in the current user and nobody else (the operating system's own SYSTEM account aside,
which Wine adds to every list it reports); a missing (NULL) list would let everyone in.
"""

from __future__ import annotations

import importlib
import stat
import sys
from pathlib import Path
from typing import Any

SYSTEM_SID = "S-1-5-18"


def _windows_readers(path: Path) -> tuple[str, set[str]]:
    """The current user's SID and every SID an access-allowed entry of *path* names."""
    win32api: Any = importlib.import_module("win32api")
    win32security: Any = importlib.import_module("win32security")
    ntsecuritycon: Any = importlib.import_module("ntsecuritycon")
    token = win32security.OpenProcessToken(win32api.GetCurrentProcess(), ntsecuritycon.TOKEN_QUERY)
    me = win32security.ConvertSidToStringSid(
        win32security.GetTokenInformation(token, win32security.TokenUser)[0]
    )
    descriptor = win32security.GetFileSecurity(str(path), win32security.DACL_SECURITY_INFORMATION)
    dacl = descriptor.GetSecurityDescriptorDacl()
    assert dacl is not None, f"{path.name} has a NULL DACL: everyone may open it"
    allowed = set()
    for index in range(dacl.GetAceCount()):
        (ace_type, _flags), _mask, sid = dacl.GetAce(index)
        if ace_type == ntsecuritycon.ACCESS_ALLOWED_ACE_TYPE:
            allowed.add(win32security.ConvertSidToStringSid(sid))
    return me, allowed


def assert_private(path: Path) -> None:
    """Only the current user may read *path*."""
    if sys.platform == "win32":
        me, allowed = _windows_readers(path)
        assert me in allowed, (path.name, allowed)
        assert allowed <= {me, SYSTEM_SID}, (path.name, allowed)
    else:
        assert oct(stat.S_IMODE(path.stat().st_mode)) == oct(0o600), path.name


def assert_not_private(path: Path) -> None:
    """Others may read *path* too (a file written to share, e.g. mode 0644)."""
    if sys.platform == "win32":
        me, allowed = _windows_readers(path)
        assert allowed - {me, SYSTEM_SID}, (path.name, allowed)
    else:
        assert stat.S_IMODE(path.stat().st_mode) & 0o044, path.name
