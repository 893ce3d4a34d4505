"""Every command survives the console IT pipes it through: Windows' ANSI code page, a pipe.

On Windows a redirected stdout gets the ANSI code page (cp1252) and the run below needs no
help; elsewhere ``PYTHONIOENCODING=cp1252`` gives the process the same stream.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from referral_desk.cli.console_output import utf8_everywhere
from referral_desk.storage.paths import bundled_root

REGISTRY = bundled_root() / "config" / "partners.toml"


def run_cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    if sys.platform != "win32":
        env["PYTHONIOENCODING"] = "cp1252"
    env.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-m", "referral_desk", *args],
        env=env,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=180,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("selftest",),
        ("selftest", "--json"),
        ("registry", "validate", str(REGISTRY)),
        ("registry", "diff", str(REGISTRY), str(REGISTRY)),
        ("registry", "nonsense"),
        ("--help",),
    ],
    ids=["selftest", "selftest-json", "validate", "diff", "usage-error", "help"],
)
def test_no_command_crashes_on_an_ansi_pipe(args: tuple[str, ...]) -> None:
    done = run_cli(*args)
    assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
    assert b"UnicodeEncodeError" not in done.stdout + done.stderr
    assert done.returncode in (0, 1, 2)
    # What IT captures is UTF-8, whatever the console's code page.
    done.stdout.decode("utf-8")
    done.stderr.decode("utf-8")
    assert done.stdout or done.stderr


def test_selftest_json_is_ascii_json_on_an_ansi_pipe() -> None:
    done = run_cli("selftest", "--json")
    assert done.stdout.isascii()
    report = json.loads(done.stdout)
    assert {check["name"] for check in report["checks"]} >= {"registry", "archive", "folders"}
    if sys.platform == "win32":
        # The real Credential Manager, Windows paths and mail detection: all of it holds.
        assert done.returncode == 0, done.stdout.decode()
        assert [c["name"] for c in report["checks"] if not c["ok"]] == []


def test_a_dutch_arrow_reaches_a_cp1252_stream_as_utf8() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    utf8_everywhere(stream)
    stream.write("registry → ok, \udcff")
    stream.flush()
    assert raw.getvalue() == "registry → ok, \\udcff".encode()


def test_streams_that_are_not_text_wrappers_are_left_alone(tmp_path: Path) -> None:
    capture = io.StringIO()
    utf8_everywhere(capture, None)
    capture.write("→")
    assert capture.getvalue() == "→"
