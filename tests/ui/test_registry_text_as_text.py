"""Registry text is shown as text: an `<img>` in a partner name is never drawn as an image.

Every label and message box that shows it is either plain text, or rich text with the value
escaped; and nothing shows an escape (`&lt;`) literally.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import keyring
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from referral_desk.storage.paths import AppPaths
from referral_desk.ui.main_window import MainWindow
from referral_desk.ui.questions import Questions
from tests.ui_driver import (
    click_create,
    create_via_window,
    fill_client,
    fill_profile,
    open_main_window,
    tick_consent,
)

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = (ROOT / "config" / "partners.toml").read_text("utf-8")
TAG = "<img src=x><b>X</b>"
HOSTILE = BUNDLED.replace("OCMW Leopoldsburg", f"OCMW {TAG} Leopoldsburg")
PRESHARED = "Afgesproken-Leopoldsburg-2026"


def _machine_registry(text: str) -> None:
    path = AppPaths.from_platform().machine_registry
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def _shown_as_text(text: str, text_format: Qt.TextFormat, where: str) -> list[str]:
    if "img" not in text.lower():
        return []
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtGui_Qt.mightBeRichText(text)
    )
    if rich and "<img" in text.lower():
        return [f"{where}: drawn as rich text: {text!r}"]
    if not rich and "&lt;" in text:
        return [f"{where}: shows an escape literally: {text!r}"]
    return []


def _label_problems(root: QWidget) -> list[str]:
    labels = root.findChildren(QLabel)
    if isinstance(root, QLabel):
        labels.append(root)
    problems = []
    for label in labels:
        where = f"{root.objectName() or type(root).__name__}/{label.objectName() or 'QLabel'}"
        problems += _shown_as_text(label.text(), label.textFormat(), where)
    return problems


def _seen_labels(labels: list[QLabel]) -> str:
    return " ".join(label.text() for label in labels)


def _catch_box(boxes: list[tuple[str, Qt.TextFormat]]) -> None:
    """Records the next modal message box and closes it, so a modal call returns."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        boxes.append((box.text(), box.textFormat()))
        box.reject()

    QTimer.singleShot(0, look)


def _modal_problems(call: Callable[[], object]) -> tuple[list[str], str]:
    boxes: list[tuple[str, Qt.TextFormat]] = []
    _catch_box(boxes)
    call()
    assert boxes, "no message box was shown"
    text, text_format = boxes[0]
    return _shown_as_text(text, text_format, "QMessageBox"), text


def test_a_one_time_referral_shows_the_partner_name_as_text_everywhere(qtbot: QtBot) -> None:
    _machine_registry(HOSTILE)
    window = open_main_window(qtbot)
    create_via_window(qtbot, window)
    problems = _label_problems(window)
    instructions = window.password_panel.instructions
    assert TAG in instructions.text() or "&lt;img" in instructions.text()

    log_window = window.open_referral_log_window()
    qtbot.addWidget(log_window)
    log_window.table.selectRow(0)
    log_window.recall_password()
    recall = log_window.recall_dialog
    assert recall is not None and TAG in recall.panel.instructions.text()
    problems += _label_problems(log_window) + _label_problems(recall)
    recall.reject()

    editor = window.open_registry_editor()
    # The real boxes: what they show is the point; the one asked is answered No.
    editor.questions = Questions()
    problems += _label_problems(editor)
    box_problems, text = _modal_problems(editor.remove_partner)
    assert not editor.is_modified()
    assert "img" in text
    problems += box_problems
    assert not problems, "\n".join(problems)


def _preshared_window(qtbot: QtBot, password: str) -> MainWindow:
    _machine_registry(
        HOSTILE.replace('password_mode = "one-time"', 'password_mode = "pre-shared"', 1)
    )
    keyring.set_password("referral-desk", "preshared:ocmw-leopoldsburg", password)
    return open_main_window(qtbot)


def test_the_preshared_warning_and_settings_show_the_partner_name_as_text(qtbot: QtBot) -> None:
    window = _preshared_window(qtbot, PRESHARED)
    create_via_window(qtbot, window)
    assert "img" in window.password_panel.instructions.text()
    problems = _label_problems(window)

    window.edit_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    page = dialog.retention_page
    # The real boxes: what they show is the point; the one asked is answered No.
    page.questions = Questions()
    assert "img" in _seen_labels(page.findChildren(QLabel))
    problems += _label_problems(dialog)
    partner = next(iter(page.rows.values())).partner
    for call in (lambda: page.show_preshared(partner), lambda: page.delete_preshared(partner)):
        box_problems, text = _modal_problems(call)
        assert "img" in text
        problems += box_problems
    dialog.reject()
    assert not problems, "\n".join(problems)


def test_a_core_message_naming_the_partner_is_shown_as_text(qtbot: QtBot) -> None:
    """A blank pre-shared password: the core's refusal names the partner."""
    window = _preshared_window(qtbot, "   ")
    fill_profile(qtbot, window)
    fill_client(qtbot, window)
    tick_consent(qtbot, window)
    click_create(qtbot, window)
    box = window.findChild(QMessageBox, "problemMessage")
    assert box is not None and window.created is None
    assert "img" in box.text()
    problems = _shown_as_text(box.text(), box.textFormat(), "problemMessage")
    problems += _label_problems(window)
    box.close()
    assert not problems, "\n".join(problems)
