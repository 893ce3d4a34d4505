"""The password never lands in X11's PRIMARY selection, and never stays there."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from referral_desk.ui.password_panel import PasswordPanel
from tests.platforms import posix_only

MOUSE_SELECTION = (
    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
)


def _panel(qtbot: QtBot) -> PasswordPanel:
    panel = PasswordPanel()
    qtbot.addWidget(panel)
    panel.show_password("KG-2026-7F3K", "Tafel-Regen-Wolk-4827", "OCMW Bree, 089 84 85 00")
    return panel


def test_the_password_label_cannot_be_selected(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    label = panel.findChild(QLabel, "passwordDisplay")
    assert isinstance(label, QLabel)
    assert not label.textInteractionFlags() & MOUSE_SELECTION
    assert not label.hasSelectedText()


_ON_X11 = """
import sys
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication
from referral_desk.ui.password_panel import PasswordPanel

app = QApplication(sys.argv[:1])
clipboard = app.clipboard()
assert clipboard.supportsSelection(), "xcb without PRIMARY"
panel = PasswordPanel()
panel.show_password("KG-2026-7F3K", "Tafel-Regen-Wolk-4827", "OCMW Bree, 089 84 85 00")
panel.show()
clipboard.setText(panel.password.text(), QClipboard.Mode.Selection)
app.processEvents()
before = clipboard.text(QClipboard.Mode.Selection)
panel.reset()
app.processEvents()
print("before=" + before)
print("after=" + clipboard.text(QClipboard.Mode.Selection))
"""


@pytest.mark.slow
@posix_only("X11's primary selection, on Xvfb")
def test_primary_is_cleared_with_the_panel_on_a_real_x_server(tmp_path: Path) -> None:
    """Offscreen Qt has no PRIMARY, so this runs on Xvfb with the xcb platform."""
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        if os.environ.get("CI"):
            pytest.fail("xvfb-run is missing (Debian package xvfb)")
        pytest.skip("xvfb-run is not installed")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [xvfb_run, "-a", sys.executable, "-c", _ON_X11],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "before=Tafel-Regen-Wolk-4827" in result.stdout
    assert "after=Tafel-Regen-Wolk-4827" not in result.stdout
