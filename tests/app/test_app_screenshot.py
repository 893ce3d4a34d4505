"""`referral-desk --screenshot FILE`: IT's check that an installation draws its window, with no
screen (offscreen), no client data, and letters rather than boxes on Windows too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from referral_desk.app import use_bundled_fonts_offscreen
from referral_desk.storage.paths import AppPaths


def test_the_window_is_saved_as_a_png_and_the_app_ends(tmp_path: Path) -> None:
    picture = tmp_path / "venster.png"
    done = subprocess.run(
        [sys.executable, "-m", "referral_desk", "--screenshot", str(picture)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"QRunnable" not in done.stderr
    image = QImage(str(picture))
    assert image.width() >= 600 and image.height() >= 400
    # Text, not an empty or one-colour picture: many distinct colours from anti-aliased letters.
    colours = {image.pixel(x, y) for x in range(0, 400, 2) for y in range(0, 120, 2)}
    assert len(colours) > 20


def test_an_unwritable_target_exits_1(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "referral_desk", "--screenshot", str(blocker / "venster.png")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 1


def test_offscreen_on_windows_gets_the_bundled_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = AppPaths.from_platform()
    monkeypatch.setattr(sys, "platform", "win32")
    environ: dict[str, str] = {}
    use_bundled_fonts_offscreen(paths, environ)
    assert environ == {"QT_QPA_FONTDIR": str(paths.fonts_dir)}
    assert (paths.fonts_dir / "DejaVuSans.ttf").is_file()
    chosen = {"QT_QPA_FONTDIR": "C:\\Fonts"}
    use_bundled_fonts_offscreen(paths, chosen)
    assert chosen == {"QT_QPA_FONTDIR": "C:\\Fonts"}
    monkeypatch.setattr(sys, "platform", "linux")
    untouched: dict[str, str] = {}
    use_bundled_fonts_offscreen(paths, untouched)
    assert untouched == {}
