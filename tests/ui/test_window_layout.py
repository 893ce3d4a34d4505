"""At common laptop screens and Windows scale factors every text is whole and the window
fits, before and after creating a referral, in the recall dialog, and in the tools opened
from the window (sent referrals, evaluation, settings, registry editor).

Each size runs in its own process: Qt takes the screen and scale factor at start-up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCREENS = [
    (1024, 768, "1"),
    (1024, 768, "1.25"),
    (1366, 768, "1"),
    (1366, 768, "1.25"),
    (1920, 1080, "1.5"),
]


def probe(tmp_path: Path, width: int, height: int, scale: str, **extra: str) -> list[str]:
    # A taskbar of 40 px, as on Windows.
    screen = {
        "screens": [
            {
                "name": "laptop",
                "x": 0,
                "y": 0,
                "width": width,
                "height": height,
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
        ]
    }
    (tmp_path / "screen.json").write_text(json.dumps(screen), encoding="utf-8")
    # Qt splits the platform's arguments at every ":", a Windows drive's too (C:\Users): the
    # file is named relative to the probe's working folder, and this checkout is on its path.
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen:configfile=screen.json",
        "QT_SCALE_FACTOR": scale,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
        **extra,
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.layout_probe"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize(("width", "height", "scale"), SCREENS)
def test_every_text_is_whole_and_the_window_fits(
    tmp_path: Path, width: int, height: int, scale: str
) -> None:
    assert probe(tmp_path, width, height, scale, REFERRAL_DESK_LANG="nl") == []


@pytest.mark.parametrize(("width", "height", "scale"), [(1024, 768, "1.25"), (1366, 768, "1")])
def test_a_longer_translation_still_fits(
    tmp_path: Path, width: int, height: int, scale: str, compiled_catalogs: None
) -> None:
    """The pseudo-translation is about 40 % longer and accented, as German or French would be:
    every window still shows every text whole."""
    assert probe(tmp_path, width, height, scale, REFERRAL_DESK_LANG="xx") == []


def test_the_english_windows_fit_a_small_screen_too(
    tmp_path: Path, compiled_catalogs: None
) -> None:
    """English, for IT and the helpdesk: every window, tools included, at 1024x768 at 125 %."""
    assert probe(tmp_path, 1024, 768, "1.25", REFERRAL_DESK_LANG="en") == []
