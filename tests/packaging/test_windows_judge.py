"""A referral made through the window on Windows CPython opens in Linux's 7zz, and holds what
the same referral made here holds.

The Windows half is the end-to-end window test run by ``scripts/windows-tests.sh`` under Wine;
it hands its archive and the password it showed over through a folder.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.judges import required_tool, run_7zz
from tests.platforms import posix_only
from tests.ui.test_flow_end_to_end import CANARY_CLIENT
from tests.ui_driver import create_via_window, open_main_window

ROOT = Path(__file__).parents[2]
WINDOWS_TEST = (
    "tests/ui/test_flow_end_to_end.py::test_archive_opens_in_stock_7zip_with_the_displayed_password"
)
# The environment before conftest points HOME into tmp_path: the Windows environment is
# cached under the real one.
OUTER_ENVIRONMENT = dict(os.environ)
VOLATILE = re.compile(r"KG-\d{4}-[A-Z0-9]{6}|\b\d{1,2}[:.]\d{2}\b")


def _extract(archive: Path, password: str, out: Path) -> dict[str, bytes]:
    result = run_7zz("x", f"-p{password}", f"-o{out}", "-y", str(archive))
    assert result.returncode == 0, result.stdout + result.stderr
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def _json_without_moments(raw: bytes) -> dict[str, object]:
    data = json.loads(raw)
    assert isinstance(data, dict)
    for key in ("referral_id", "created_at"):
        data.pop(key)
    return data


def _pdf_text(raw: bytes, folder: Path) -> str:
    folder.mkdir()
    pdf = folder / "doorverwijzing.pdf"
    pdf.write_bytes(raw)
    text = subprocess.run(
        [required_tool("pdftotext", "poppler-utils"), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    # The moments differ, and with them the width -layout gives their line.
    return " ".join(VOLATILE.sub("…", text).split())


@pytest.mark.slow
@pytest.mark.timeout(900)
@posix_only("drives the Windows judge under Wine from Linux")
def test_a_referral_made_on_windows_opens_in_linux_7zz(qtbot: QtBot, tmp_path: Path) -> None:
    if sys.platform != "linux" or not Path("/usr/bin/wine").exists():
        if os.environ.get("CI"):
            pytest.fail("wine (Debian packages wine, wine64) is required on CI")
        pytest.skip("wine not installed")
    handoff = tmp_path / "handoff"
    handoff.mkdir()
    windows = subprocess.run(
        [str(ROOT / "scripts" / "windows-tests.sh"), "-q", WINDOWS_TEST],
        env={**OUTER_ENVIRONMENT, "REFERRAL_DESK_TEST_HANDOFF": "Z:" + str(handoff)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=840,
        check=False,
    )
    assert windows.returncode == 0, windows.stdout[-3000:] + windows.stderr[-3000:]
    assert "1 passed" in windows.stdout.splitlines()[-1]
    (archive,) = handoff.glob("KG-*.7z")
    from_windows = _extract(
        archive, (handoff / "password.txt").read_text("utf-8"), tmp_path / "windows"
    )

    created = create_via_window(qtbot, open_main_window(qtbot), CANARY_CLIENT)
    from_linux = _extract(created.archive_path, created.password, tmp_path / "linux")

    assert sorted(from_windows) == sorted(from_linux) == [
        "doorverwijzing.json",
        "doorverwijzing.pdf",
    ]
    assert _json_without_moments(from_windows["doorverwijzing.json"]) == _json_without_moments(
        from_linux["doorverwijzing.json"]
    )
    assert _pdf_text(from_windows["doorverwijzing.pdf"], tmp_path / "w") == _pdf_text(
        from_linux["doorverwijzing.pdf"], tmp_path / "l"
    )
