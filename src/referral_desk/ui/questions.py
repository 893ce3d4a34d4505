"""The one way a window asks the user something modal: a yes-or-no question, a notice to
acknowledge, a choice among named buttons, a file to save to or open, several files or a
folder to read, a line to type; so a test can answer instead.

A window holds an :class:`Answers` (the real :class:`Questions` unless a test gives its own)
and asks it a :class:`Question`, :class:`Choice`, :class:`SavePath`, :class:`OpenPath`,
:class:`OpenFiles`, :class:`FolderPath` or :class:`TextInput`, or tells it a :class:`Notice`;
a test puts an object with the same methods in its place and answers by the ``key``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from referral_desk.ui.plain_message import ask, tell

Role = QMessageBox.ButtonRole
Standard = QMessageBox.StandardButton


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


@dataclass(frozen=True)
class Option:
    """One button of a :class:`Choice`; choosing it answers its *key*."""

    key: str
    label: str = ""
    role: QMessageBox.ButtonRole = Role.AcceptRole
    # One of Qt's own buttons (Verwerpen, Annuleren), worded by Qt in the user's language;
    # *label* and *role* are then Qt's.
    standard: QMessageBox.StandardButton = Standard.NoButton
    # The button's objectName, for the keyboard and accessibility tests.
    name: str = ""


@dataclass(frozen=True)
class Choice:
    """A modal box with several named buttons; *key* names what is asked ("withdrawal")."""

    key: str
    title: str
    text: str
    options: tuple[Option, ...]
    # The option Enter and Escape choose: the one that changes nothing. None: Qt's own pick.
    default: str | None = None
    icon: QMessageBox.Icon = QMessageBox.Icon.Question
    # Markup the window built itself, every value in it escaped.
    rich: bool = False
    # The box's objectName.
    name: str = ""
    # What the choice is about (the changes to review), as the window showed it.
    about: tuple[str, ...] = ()

    def option(self, key: str) -> Option:
        return next(option for option in self.options if option.key == key)


@dataclass(frozen=True)
class SavePath:
    """Where to save a file; *suggested* is the path the dialog starts with."""

    key: str
    title: str
    suggested: Path
    filter: str


@dataclass(frozen=True)
class OpenPath:
    """Which existing file to open; the dialog starts in the folder *start*."""

    key: str
    title: str
    start: Path
    filter: str


@dataclass(frozen=True)
class OpenFiles:
    """Which existing files to read, one or more; the dialog starts in the folder *start*."""

    key: str
    title: str
    start: Path
    filter: str


@dataclass(frozen=True)
class FolderPath:
    """Which existing folder to read; the dialog starts in the folder *start*."""

    key: str
    title: str
    start: Path


@dataclass(frozen=True)
class TextInput:
    """A line to type (a date, a key's password); *secret*: never shown as typed."""

    key: str
    title: str
    label: str
    text: str = ""
    secret: bool = False
    # The values the question is about (a partner, a key file), as typed.
    about: tuple[str, ...] = ()


class Answers(Protocol):
    def ask(self, parent: QWidget | None, question: Question) -> bool: ...

    def tell(self, parent: QWidget | None, notice: Notice) -> None: ...

    def choose(self, parent: QWidget | None, choice: Choice) -> str | None: ...

    def save_path(self, parent: QWidget | None, asked: SavePath) -> Path | None: ...

    def open_path(self, parent: QWidget | None, asked: OpenPath) -> Path | None: ...

    def open_files(self, parent: QWidget | None, asked: OpenFiles) -> list[Path]: ...

    def folder_path(self, parent: QWidget | None, asked: FolderPath) -> Path | None: ...

    def enter_text(self, parent: QWidget | None, asked: TextInput) -> str | None: ...


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

    def choose(self, parent: QWidget | None, choice: Choice) -> str | None:
        """The chosen option's key; None when the box closed without a button."""
        box = QMessageBox(parent)
        if choice.name:
            box.setObjectName(choice.name)
        box.setIcon(choice.icon)
        box.setWindowTitle(choice.title)
        box.setTextFormat(Qt.TextFormat.RichText if choice.rich else Qt.TextFormat.PlainText)
        box.setText(choice.text)
        keys: dict[QAbstractButton, str] = {}
        for option in choice.options:
            if option.standard != Standard.NoButton:
                button = box.addButton(option.standard)
            else:
                button = box.addButton(option.label, option.role)
            if option.name:
                button.setObjectName(option.name)
            keys[button] = option.key
            if option.key == choice.default:
                box.setDefaultButton(button)
                box.setEscapeButton(button)
        box.exec()
        clicked = box.clickedButton()
        return keys.get(clicked) if clicked is not None else None

    def save_path(self, parent: QWidget | None, asked: SavePath) -> Path | None:
        """None when cancelled."""
        name, _filter = QFileDialog.getSaveFileName(
            parent, asked.title, str(asked.suggested), asked.filter
        )
        return Path(name) if name else None

    def open_path(self, parent: QWidget | None, asked: OpenPath) -> Path | None:
        """None when cancelled."""
        name, _filter = QFileDialog.getOpenFileName(
            parent, asked.title, str(asked.start), asked.filter
        )
        return Path(name) if name else None

    def open_files(self, parent: QWidget | None, asked: OpenFiles) -> list[Path]:
        """In the order chosen; none when cancelled."""
        names, _filter = QFileDialog.getOpenFileNames(
            parent, asked.title, str(asked.start), asked.filter
        )
        return [Path(name) for name in names]

    def folder_path(self, parent: QWidget | None, asked: FolderPath) -> Path | None:
        """None when cancelled."""
        name = QFileDialog.getExistingDirectory(parent, asked.title, str(asked.start))
        return Path(name) if name else None

    def enter_text(self, parent: QWidget | None, asked: TextInput) -> str | None:
        """None when cancelled. The label is plain text: a partner name is never markup. The
        dialog goes once answered, so a password typed lives no longer than its answer."""
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(asked.title)
        dialog.setLabelText(asked.label)
        dialog.setTextValue(asked.text)
        echo = QLineEdit.EchoMode.Password if asked.secret else QLineEdit.EchoMode.Normal
        dialog.setTextEchoMode(echo)
        for label in dialog.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
        answer = dialog.textValue() if accepted else None
        dialog.deleteLater()
        return answer
