"""The real programs that judge what the app made, found the same way by every test.

On CI (``CI`` set) a missing judge fails the test instead of skipping it. On Windows the
archive judge is stock 7-Zip for Windows (``7za.exe``), which ``scripts/windows-env.sh``
puts beside the Windows CPython and names in ``REFERRAL_DESK_7ZIP``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest


def required_tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} (Debian package {package}) is required on CI")
        pytest.skip(f"{name} not installed")
    return found


def seven_zip() -> str:
    """Stock 7-Zip: Debian's ``7zz``, or on Windows the ``7za.exe`` the test environment has."""
    if sys.platform == "win32":
        found = os.environ.get("REFERRAL_DESK_7ZIP", "")
        if found and os.path.isfile(found):
            return found
        if os.environ.get("CI"):
            pytest.fail("7-Zip for Windows (REFERRAL_DESK_7ZIP) is required on CI")
        pytest.skip("7-Zip for Windows not found (run scripts/windows-tests.sh)")
    return required_tool("7zz", "7zip")


def run_7zz(*args: str) -> subprocess.CompletedProcess[str]:
    """Stock 7-Zip, never waiting on a prompt."""
    return subprocess.run(
        [seven_zip(), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
