"""Drives the real main window the way a team member does: by objectName, key by key."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from referral_desk.lifecycle.recording import CreatedReferral
from referral_desk.ui.main_window import MainWindow
from referral_desk.ui.questions import (
    Answers,
    Choice,
    FolderPath,
    Notice,
    OpenFiles,
    OpenPath,
    Question,
    SavePath,
    TextInput,
)

PROFILE = {
    "referrerName": "Sofie Maes",
    "referrerPhone": "011 34 56 78",
    "referrerEmail": "sofie.maes@kindengezin.be",
}
PROFILE_TEAM = "Kind en Gezin West-Limburg"

CLIENT = {
    "firstName": "Ayşe",
    "lastName": "Van den Bossche",
    "street": "Kerkstraat",
    "houseNumber": "12",
    "box": "",
    "postcode": "3970",
    "phone": "0470 12 34 56",
    "email": "ayse@example.be",
}


# An answer: yes or no to a Question, an option's key (or None: closed) to a Choice, a
# path (or None: cancelled) to a SavePath, OpenPath or FolderPath, a tuple of paths (empty:
# cancelled) to OpenFiles, the text typed (or None: cancelled) to a TextInput.
Answer = bool | str | Path | tuple[Path, ...] | None


class Answering:
    """Stands in for a window's Questions: answers each question, choice, path or text by its
    key, with a fixed answer or the next of a list, and keeps what was asked and told for the
    test to read."""

    def __init__(self, **answers: Answer | list[Answer]) -> None:
        self.answers: dict[str, Answer | Iterator[Answer]] = {}
        self.answer(**answers)
        self.questions: list[Question] = []
        self.choices: list[Choice] = []
        self.save_paths: list[SavePath] = []
        self.open_paths: list[OpenPath] = []
        self.opened_files: list[OpenFiles] = []
        self.folders: list[FolderPath] = []
        self.typed: list[TextInput] = []
        # The texts asked, in order: what the user would have read.
        self.asked: list[str] = []
        self.told: list[Notice] = []

    def answer(self, **answers: Answer | list[Answer]) -> Answering:
        """More answers, or others for keys answered before; a list: one per time asked."""
        self.answers.update(
            (key, iter(value) if isinstance(value, list) else value)
            for key, value in answers.items()
        )
        return self

    def _answer(self, key: str, text: str) -> Answer:
        assert key in self.answers, f"no answer for {key!r}: {text}"
        answer = self.answers[key]
        return next(answer) if isinstance(answer, Iterator) else answer

    def ask(self, parent: object, question: Question) -> bool:
        self.questions.append(question)
        self.asked.append(question.text)
        answer = self._answer(question.key, question.text)
        assert isinstance(answer, bool), f"{question.key!r} is answered yes or no"
        return answer

    def tell(self, parent: object, notice: Notice) -> None:
        self.told.append(notice)

    def choose(self, parent: object, choice: Choice) -> str | None:
        self.choices.append(choice)
        self.asked.append(choice.text)
        answer = self._answer(choice.key, choice.text)
        keys = [option.key for option in choice.options]
        assert answer is None or answer in keys, f"{answer!r} is none of {keys} in {choice.key!r}"
        return answer if isinstance(answer, str) else None

    def save_path(self, parent: object, asked: SavePath) -> Path | None:
        self.save_paths.append(asked)
        answer = self._answer(asked.key, asked.title)
        assert answer is None or isinstance(answer, Path), f"{asked.key!r} is answered a path"
        return answer

    def open_path(self, parent: object, asked: OpenPath) -> Path | None:
        self.open_paths.append(asked)
        answer = self._answer(asked.key, asked.title)
        assert answer is None or isinstance(answer, Path), f"{asked.key!r} is answered a path"
        return answer

    def open_files(self, parent: object, asked: OpenFiles) -> list[Path]:
        self.opened_files.append(asked)
        answer = self._answer(asked.key, asked.title)
        assert isinstance(answer, tuple), f"{asked.key!r} is answered a tuple of paths"
        assert all(isinstance(path, Path) for path in answer), f"{asked.key!r}: paths"
        return list(answer)

    def folder_path(self, parent: object, asked: FolderPath) -> Path | None:
        self.folders.append(asked)
        answer = self._answer(asked.key, asked.title)
        assert answer is None or isinstance(answer, Path), f"{asked.key!r} is answered a path"
        return answer

    def enter_text(self, parent: object, asked: TextInput) -> str | None:
        self.typed.append(asked)
        self.asked.append(asked.label)
        answer = self._answer(asked.key, asked.label)
        assert answer is None or isinstance(answer, str), f"{asked.key!r} is answered a text"
        return answer

    def about(self, key: str) -> list[tuple[str, ...]]:
        asked = [*self.questions, *self.choices, *self.typed]
        return [q.about for q in asked if q.key == key]

    def choice(self, key: str) -> Choice:
        """The last choice asked by that key."""
        found = [choice for choice in self.choices if choice.key == key]
        assert found, f"no choice {key!r} was asked; asked: {self.asked}"
        return found[-1]


class Asking(Protocol):
    questions: Answers


def answering(window: Asking, **answers: Answer | list[Answer]) -> Answering:
    """The window's questions answered so from now on; returns what records them."""
    answered = Answering(**answers)
    window.questions = answered
    return answered


def on_next_modal(act: Callable[[QWidget], None], kind: type = QMessageBox) -> list[QWidget]:
    """The next modal *kind* a real Questions shows (QMessageBox, QFileDialog) is kept and
    handed to *act* once it is up, so the real box is answered as a user would; returns the
    list it is kept in."""
    seen: list[QWidget] = []
    # Never longer: a box that never came must not be answered in a later test.
    until = time.monotonic() + 10

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, kind) or not modal.isVisible():
            if time.monotonic() < until:
                QTimer.singleShot(20, look)
            return
        seen.append(modal)
        act(modal)

    QTimer.singleShot(0, look)
    return seen


def open_main_window(qtbot: QtBot) -> MainWindow:
    """The fully wired window, shown; closing it never asks (tests decide that themselves)."""
    from referral_desk.app import create_main_window

    window = create_main_window()
    qtbot.addWidget(window)
    answering(window, discard=True)
    # Wide enough for both columns side by side, so clicks land without scrolling.
    window.resize(1200, 860)
    window.show()
    # Retention runs in the background after start; tests begin once it is done.
    qtbot.waitUntil(lambda: not window.housekeeping_pending, timeout=10_000)
    return window


def child(window: QWidget, cls: type, name: str) -> QWidget:
    found = window.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name}"
    assert isinstance(found, QWidget)
    return found


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Key by key like a user; QTest's keyClicks only knows ASCII, so others go as text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            # A key event carrying the text: QTest.sendKeyEvent's str overload is taken as a
            # single Latin-1 char by some PySide6 releases (6.9), which garbles "ş".
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(widget, event)


def fill_profile(qtbot: QtBot, window: MainWindow, team: str = PROFILE_TEAM) -> None:
    dialog = window.profile_dialog
    assert dialog is not None and dialog.isVisible()
    for name, text in PROFILE.items():
        edit = child(dialog, QLineEdit, name)
        edit.clear()
        type_text(qtbot, edit, text)
    combo = child(dialog, QComboBox, "referrerTeam")
    assert isinstance(combo, QComboBox)
    combo.setCurrentText(team)
    qtbot.mouseClick(child(dialog, QPushButton, "profileSaveButton"), Qt.MouseButton.LeftButton)
    assert window.profile is not None


def fill_client(qtbot: QtBot, window: MainWindow, values: Mapping[str, str] = CLIENT) -> None:
    for name, text in values.items():
        edit = child(window, QLineEdit, name)
        assert isinstance(edit, QLineEdit)
        edit.clear()
        if text:
            type_text(qtbot, edit, text)
        edit.editingFinished.emit()


def tick_consent(qtbot: QtBot, window: MainWindow) -> None:
    """Both ticks, the day as today (the button) and the sheet handed over."""
    for name in ("informedCheck", "consentCheck"):
        box = child(window, QCheckBox, name)
        assert isinstance(box, QCheckBox)
        if not box.isChecked():
            # On the box itself: a click beyond the label text (wide window) does nothing.
            at = QPoint(box.height() // 2, box.height() // 2)
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=at)
            assert box.isChecked(), name
    if not child(window, QLineEdit, "consentDate").text():
        qtbot.mouseClick(child(window, QPushButton, "consentToday"), Qt.MouseButton.LeftButton)
    given = child(window, QComboBox, "sheetGiven")
    if not given.currentData():
        given.setCurrentIndex(given.findData("overhandigd"))


def every_file(*roots: Path) -> Iterator[Path]:
    seen: set[Path] = set()
    for root in roots:
        if not root.exists():
            continue
        for path in root.rglob("*"):
            if path.is_file() and path.resolve() not in seen:
                seen.add(path.resolve())
                yield path


def create_via_window(
    qtbot: QtBot, window: MainWindow, client: Mapping[str, str] = CLIENT
) -> CreatedReferral:
    """Profile (first time), client, both ticks, the create button: as a team member does."""
    if window.profile is None:
        fill_profile(qtbot, window)
    fill_client(qtbot, window, client)
    tick_consent(qtbot, window)
    button = child(window, QPushButton, "createButton")
    assert button.isEnabled(), window.blocking_reasons()
    click_create(qtbot, window)
    assert window.created is not None
    return window.created


def wait_for_creation(qtbot: QtBot, window: MainWindow) -> None:
    """Creation runs off the GUI thread; wait until its result (or message) is shown."""
    qtbot.waitUntil(lambda: not window.creation.busy, timeout=30_000)


def click_create(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(child(window, QPushButton, "createButton"), Qt.MouseButton.LeftButton)
    wait_for_creation(qtbot, window)
