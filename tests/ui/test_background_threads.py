"""Windows that made referrals and were closed leave nothing that kills the process later:
many rounds in one child process, with the fault handler on, so a segmentation fault fails
this test instead of ending the whole run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_many_windows_with_several_referrals_each_in_one_process(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "src"), str(ROOT), *filter(None, [env.get("PYTHONPATH")])]
    )
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    run = subprocess.run(
        [
            sys.executable,
            "-X",
            "faulthandler",
            "-m",
            "pytest",
            str(ROOT / "tests" / "background_rounds.py"),
            "-q",
            "-x",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(ROOT),
            "--basetemp",
            str(tmp_path / "rounds"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    output = (run.stdout + run.stderr)[-12_000:]
    assert run.returncode == 0, f"child pytest ended with {run.returncode}:\n{output}"
