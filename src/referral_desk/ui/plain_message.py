"""Message boxes that show their text as typed: partner names and core messages are never markup.

QMessageBox's static helpers guess rich text from the text itself, so an `<img>` in a partner
name would be drawn; these set plain text and otherwise behave the same.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def plain_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Yes | Button.No,
    default: Button = Button.No,
) -> Button:
    """Like QMessageBox.question, with plain text; the default is the answer that keeps things."""
    box = plain_box(parent, QMessageBox.Icon.Question, title, text, buttons, default)
    box.exec()
    clicked = box.clickedButton()
    return Button(box.standardButton(clicked)) if clicked is not None else Button.NoButton


def tell(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
) -> None:
    plain_box(parent, icon, title, text).exec()
