"""Run in a subprocess by test_window_layout.py: one screen size and scale factor per run.

Opens the main window the way the app does, fills the form with a sample client (not a real
person), makes the referral and opens the recall dialog, and prints as JSON every text that
does not fit: a window larger than the screen's free area, a label or button smaller than
its text, or a text cut by a scroll area's sides.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import keyring
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QWidget,
)

from tests.memory_keyring import MemoryKeyring

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"
SAMPLE = {
    "first_name": "Ayşe",
    "last_name": "Van den Bossche",
    "street": "Kerkstraat",
    "house_number": "12",
    "postcode": "3970",
    "phone": "0470 12 34 56",
    "email": "ayse@voorbeeld.be",
}


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton):
        return widget.text()
    return ""


def cut_texts(window: QWidget, where: str) -> list[str]:
    """Every visible label and button of *window* whose text is not wholly shown."""
    problems: list[str] = []
    screen = window.screen().availableGeometry()
    if not screen.contains(window.frameGeometry()):
        problems.append(
            f"{where}: window {window.frameGeometry().getRect()} outside {screen.getRect()}"
        )
    for widget in window.findChildren(QWidget):
        text = _text(widget)
        if not text or not widget.isVisibleTo(window):
            continue
        name = f"{where}: {type(widget).__name__} {widget.objectName()!r} {text[:30]!r}"
        hint = widget.sizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            need_width, need_height = 0, widget.heightForWidth(widget.width())
        else:
            need_width, need_height = hint.width(), hint.height()
        if widget.width() < need_width or widget.height() < need_height:
            problems.append(
                f"{name} is {widget.width()}x{widget.height()}, needs {need_width}x{need_height}"
            )
            continue
        problems.extend(_clipped_by_ancestors(widget, window, name))
    return problems


def _clipped_by_ancestors(widget: QWidget, window: QWidget, name: str) -> list[str]:
    """Sideways a text must be whole; up and down only a scroll area may hide it."""
    parent = widget.parentWidget()
    top_left = widget.mapTo(window, QPoint(0, 0))
    own = QRect(top_left, widget.size())
    scrolled = False  # past a scroll area, up and down are the user's to choose
    while parent is not None and parent is not window:
        area = parent.parentWidget()
        scrolled = (
            scrolled
            or isinstance(parent, QAbstractScrollArea)
            or (isinstance(area, QAbstractScrollArea) and area.viewport() is parent)
        )
        box = QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        where = f"{type(parent).__name__} {parent.objectName()!r}"
        if own.left() < box.left() or own.right() > box.right():
            return [f"{name} cut at the sides by {where}"]
        if not scrolled and (own.top() < box.top() or own.bottom() > box.bottom()):
            return [f"{name} cut at the top or bottom by {where}"]
        parent = parent.parentWidget()
    return []


def main() -> int:
    keyring.set_keyring(MemoryKeyring())
    if sys.platform == "win32":
        # Offscreen Qt on Windows reads fonts from a folder (QT_QPA_FONTDIR), never Windows'
        # own, and PySide6 ships none: every letter would be measured as a 12 px box. DejaVu
        # Sans, the app's PDF font and offscreen Qt's on Linux, is wider than Segoe UI.
        os.environ.setdefault("QT_QPA_FONTDIR", str(FONTS))
        # And the style Windows 11 draws the app in, where offscreen Qt would take Fusion.
        os.environ.setdefault("QT_STYLE_OVERRIDE", "windows11")
    app = QApplication(sys.argv[:1])
    from referral_desk.app import create_main_window, prepare_application, show_main_window
    from referral_desk.storage.paths import AppPaths

    print(prepare_application(app, AppPaths.from_platform()), file=sys.stderr)
    window = create_main_window()
    show_main_window(window)
    settle(app)
    dialog = window.profile_dialog
    if dialog is not None:
        dialog.name.setText("Sofie Maes")
        dialog.team.setCurrentText("Kind en Gezin West-Limburg")
        dialog.phone.setText("011 34 56 78")
        dialog.email.setText("sofie.maes@kindengezin.be")
        dialog.try_save()
        settle(app)
    problems = cut_texts(window, "main window, empty")
    for name, text in SAMPLE.items():
        window.form.edits[name].setText(text)
        window.form.edits[name].editingFinished.emit()
    window.informed.setChecked(True)
    window.consent.setChecked(True)
    window.consent_panel.today_button.click()
    window.consent_panel.sheet_given.setCurrentIndex(1)
    settle(app)
    problems += cut_texts(window, "main window, filled in")
    window.start_creation()
    deadline = time.monotonic() + 90
    while window.creation.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    settle(app)
    problems += cut_texts(window, "main window, after creating")
    log_window = window.open_referral_log_window()
    settle(app)
    log_window.table.selectRow(0)
    log_window.buttons["recall"].click()
    settle(app)
    recall = log_window.recall_dialog
    assert recall is not None
    recall.panel.spell_button.setChecked(True)
    settle(app)
    problems += cut_texts(recall, "recall dialog")
    recall.close()
    problems += tools(app, window, log_window)
    print(json.dumps(problems))
    return 0


def tools(app: QApplication, window: QWidget, log_window: QWidget) -> list[str]:
    """The windows around the form, as they open from it."""
    problems = cut_texts(log_window, "sent-referrals window")
    evaluation = log_window.open_evaluation()  # type: ignore[attr-defined]
    settle(app)
    problems += cut_texts(evaluation, "evaluation window")
    evaluation.close()
    log_window.close()
    window.edit_settings()  # type: ignore[attr-defined]
    settle(app)
    dialog = window.settings_dialog  # type: ignore[attr-defined]
    problems += cut_texts(dialog, "settings dialog")
    dialog.close()
    editor = window.open_registry_editor()  # type: ignore[attr-defined]
    settle(app)
    problems += cut_texts(editor, "registry editor")
    editor.add_partner()
    settle(app)
    problems += cut_texts(editor, "registry editor, partner added")
    return problems


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    raise SystemExit(main())
