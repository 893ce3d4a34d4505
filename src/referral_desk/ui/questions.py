"""The one way a window asks the user a yes-or-no question or tells them something they
must acknowledge (a modal box), so a test can answer instead.

A window holds a :class:`Questions` and asks it a :class:`Question` or tells it a
:class:`Notice`; a test puts an object with the same ``ask`` and ``tell`` in its place and
answers by the ``key``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from referral_desk.ui.plain_message import ask, tell


@dataclass(frozen=True)
class Question:
    """*key* names what is asked ("discard", "mailbox_change"), for tests and logs."""

    key: str
    title: str
    text: str
    # The accepting button's text; None: Ja and Nee. The other answer is always the default.
    accept: str | None = None
    cancel: str | None = None
    # Markup the window built itself, every value in it escaped.
    rich: bool = False
    # The values the question is about (a partner, an old and a new address), as typed.
    about: tuple[str, ...] = ()


@dataclass(frozen=True)
class Notice:
    """A modal message with only "OK"; *key* names it ("wait", "profile_not_saved")."""

    key: str
    title: str
    text: str
    warning: bool = False


class Answers(Protocol):
    def ask(self, parent: QWidget | None, question: Question) -> bool: ...

    def tell(self, parent: QWidget | None, notice: Notice) -> None: ...


class Questions:
    """Asks in a modal box with the answer that keeps things as the default."""

    def ask(self, parent: QWidget | None, question: Question) -> bool:
        if question.accept is None:
            answer = ask(parent, question.title, question.text)
            return answer == QMessageBox.StandardButton.Yes
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(question.title)
        box.setTextFormat(Qt.TextFormat.RichText if question.rich else Qt.TextFormat.PlainText)
        box.setText(question.text)
        accept = box.addButton(question.accept, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(
            question.cancel or QCoreApplication.translate("MainWindow", "Annuleren"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is accept

    def tell(self, parent: QWidget | None, notice: Notice) -> None:
        icon = QMessageBox.Icon.Warning if notice.warning else QMessageBox.Icon.Information
        tell(parent, notice.title, notice.text, icon)
