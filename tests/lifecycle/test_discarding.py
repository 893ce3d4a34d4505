"""'Nieuwe doorverwijzing' and closing never wipe typed data or an unpassed password unasked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from referral_desk.domain.referral_record import PasswordChannel
from referral_desk.lifecycle.discarding import WindowContents, discard_warning
from referral_desk.ui.main_window import MainWindow
from referral_desk.ui.questions import Questions
from tests.ui_driver import (
    CLIENT,
    answering,
    child,
    click_create,
    fill_client,
    fill_profile,
    open_main_window,
    tick_consent,
)

# --- the core's decision --------------------------------------------------------------------


def test_an_empty_window_is_never_asked_about() -> None:
    assert discard_warning(WindowContents(form_has_input=False)) is None
    assert discard_warning(WindowContents(form_has_input=False), closing=True) is None


@pytest.mark.parametrize("closing", [False, True])
def test_typed_data_is_asked_about(closing: bool) -> None:
    question = discard_warning(WindowContents(form_has_input=True), closing=closing)
    assert question is not None and "toestemming" in question
    assert question.endswith("afsluiten?" if closing else "beginnen?")


def test_a_password_not_passed_on_is_asked_about_and_says_if_it_is_the_only_copy() -> None:
    only_copy = discard_warning(WindowContents(form_has_input=True, created=True))
    assert only_copy is not None and "niet openen" in only_copy
    recallable = discard_warning(
        WindowContents(form_has_input=True, created=True, recall_kept=True)
    )
    assert recallable is not None and "opnieuw tonen" in recallable


def test_after_creation_nothing_is_lost_once_the_password_is_passed_on_or_preshared() -> None:
    passed = WindowContents(form_has_input=True, created=True, password_passed_on=True)
    assert discard_warning(passed) is None
    assert discard_warning(passed, closing=True) is None
    preshared = WindowContents(form_has_input=True, created=True, preshared=True)
    assert discard_warning(preshared) is None


# --- the window asks ------------------------------------------------------------------------


def _recording(window: MainWindow, answer: bool) -> list[str]:
    return answering(window, discard=answer).asked


def _new_action(window: MainWindow) -> QAction:
    for action in window.findChildren(QAction):
        if action.shortcut() == QKeySequence(QKeySequence.StandardKey.New):
            return action
    raise AssertionError("no Ctrl+N action")


def test_ctrl_n_on_a_filled_form_asks_and_no_keeps_everything(qtbot: QtBot) -> None:
    window = open_main_window(qtbot)
    fill_profile(qtbot, window)
    fill_client(qtbot, window)
    tick_consent(qtbot, window)
    asked = _recording(window, answer=False)
    _new_action(window).trigger()
    assert len(asked) == 1 and "toestemming" in asked[0]
    for name, text in CLIENT.items():
        edit = child(window, QLineEdit, name)
        assert isinstance(edit, QLineEdit) and edit.text() == text
    assert window.consent.isChecked() and window.informed.isChecked()

    _recording(window, answer=True)
    _new_action(window).trigger()
    assert not window.form.has_input() and not window.consent.isChecked()


def test_one_space_on_the_new_button_does_not_wipe_the_form(qtbot: QtBot) -> None:
    """The real question box: 'Nee' is its default, so a second Space keeps the form too."""
    window = open_main_window(qtbot)
    fill_profile(qtbot, window)
    fill_client(qtbot, window)
    tick_consent(qtbot, window)
    window.questions = Questions()  # the real dialog, not the driver's stand-in
    seen: list[QMessageBox.StandardButton] = []

    def answer_with_space() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer_with_space)
            return
        seen.append(box.standardButton(box.defaultButton()))
        default = box.defaultButton()
        default.setFocus()
        qtbot.keyClick(default, Qt.Key.Key_Space)

    QTimer.singleShot(0, answer_with_space)
    window.new_button.setFocus()
    qtbot.keyClick(window.new_button, Qt.Key.Key_Space)
    assert seen == [QMessageBox.StandardButton.No]
    assert window.form.has_input()
    assert child(window, QCheckBox, "consentCheck").isChecked()
    answering(window, discard=True)


def test_after_creation_asked_until_the_password_is_marked_as_passed_on(qtbot: QtBot) -> None:
    window = open_main_window(qtbot)
    fill_profile(qtbot, window)
    fill_client(qtbot, window)
    tick_consent(qtbot, window)
    click_create(qtbot, window)
    assert window.created is not None
    asked = _recording(window, answer=False)
    window.new_button.click()
    assert len(asked) == 1 and "nog niet als doorgegeven" in asked[0]
    assert window.created is not None and window.password_panel.password.text()

    channel = child(window, QComboBox, "passwordChannel")
    assert isinstance(channel, QComboBox)
    channel.setCurrentIndex(channel.findData(PasswordChannel.PHONE.value))
    channel.activated.emit(channel.currentIndex())
    asked.clear()
    window.new_button.click()
    assert asked == []
    assert window.created is None and not window.form.has_input()


def test_closing_after_a_passed_on_password_does_not_ask(qtbot: QtBot) -> None:
    window = open_main_window(qtbot)
    fill_profile(qtbot, window)
    fill_client(qtbot, window)
    tick_consent(qtbot, window)
    click_create(qtbot, window)
    asked = _recording(window, answer=False)
    window.close()
    assert asked and window.isVisible()
    window.password_panel.set_channel(PasswordChannel.SMS.value)
    asked.clear()
    window.close()
    assert asked == [] and not window.isVisible()
