"""The start in two phases (app.main): the main window is shown and takes input before the
core has loaded; the session, loaded off the GUI thread, is attached after, and what was
typed meanwhile is kept, checked and looked up then."""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from referral_desk.app import open_session
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.domain.settings import Settings
from referral_desk.lifecycle.session import ReferralSession
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.settings import SettingsStore
from referral_desk.ui.main_window import MainWindow
from tests.ui_driver import answering, child

TODAY = date(2026, 3, 2)


def _saved_profile() -> None:
    profile = ReferrerProfile(
        name="Sofie Maes",
        team="Kind en Gezin West-Limburg",
        phone="+3211345678",
        email="sofie.maes@kindengezin.be",
    )
    SettingsStore(AppPaths.from_platform().settings_file).save(Settings(referrer=profile))


def _loading_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(None, today=TODAY)
    qtbot.addWidget(window)
    answering(window, discard=True)
    window.resize(1200, 860)
    window.show()
    return window


def _type(qtbot: QtBot, window: MainWindow, name: str, text: str) -> QLineEdit:
    edit = child(window, QLineEdit, name)
    assert isinstance(edit, QLineEdit)
    qtbot.keyClicks(edit, text)
    edit.editingFinished.emit()
    return edit


def _text(window: MainWindow, name: str) -> str:
    label = child(window, QLabel, name)
    assert isinstance(label, QLabel)
    return label.text()


def test_the_form_takes_input_while_what_needs_the_core_waits(qtbot: QtBot) -> None:
    _saved_profile()
    window = _loading_window(qtbot)
    assert not window.attached
    assert not child(window, QPushButton, "createButton").isEnabled()
    assert not child(window, QPushButton, "newButton").isEnabled()
    assert not child(window, QPushButton, "leafletButton").isEnabled()
    assert "laden" in _text(window, "createBlockers")
    assert "geladen" in _text(window, "partnerInfo")
    assert window.core_actions and not any(a.isEnabled() for a in window.core_actions)

    first = _type(qtbot, window, "firstName", "Jan")
    postcode = _type(qtbot, window, "postcode", "3971")
    email = _type(qtbot, window, "email", "geen-adres")
    # Nothing is checked or looked up without the core: no verdict before it is there.
    assert not window.form.rows["email"].error.isVisible()
    assert "geladen" in _text(window, "partnerInfo")

    window.attach(open_session())
    assert (first.text(), postcode.text(), email.text()) == ("Jan", "3971", "geen-adres")
    assert "OCMW Leopoldsburg" in _text(window, "partnerInfo")
    assert window.form.rows["email"].error.isVisible()
    assert all(action.isEnabled() for action in window.core_actions)
    assert child(window, QPushButton, "newButton").isEnabled()
    assert "laden" not in _text(window, "createBlockers")
    qtbot.waitUntil(lambda: not window.housekeeping_pending, timeout=10_000)


def test_the_core_loads_off_the_gui_thread_and_is_attached(qtbot: QtBot) -> None:
    _saved_profile()
    window = _loading_window(qtbot)
    threads: list[threading.Thread] = []

    def work() -> ReferralSession:
        threads.append(threading.current_thread())
        return open_session()

    with qtbot.waitSignal(window.coreAttached, timeout=30_000):
        window.load_core(work)
    assert threads and threads[0] is not threading.main_thread()
    assert window.attached and window.profile is not None
    qtbot.waitUntil(lambda: not window.housekeeping_pending, timeout=10_000)


def test_a_core_that_fails_to_load_is_reported_and_what_was_typed_stays(qtbot: QtBot) -> None:
    window = _loading_window(qtbot)
    first = _type(qtbot, window, "firstName", "Jan")

    def work() -> ReferralSession:
        raise RuntimeError("kapot")

    with qtbot.waitSignal(window.coreFailed, timeout=30_000):
        window.load_core(work)
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "failureDialog"]
    assert boxes and isinstance(boxes[0], QMessageBox) and boxes[0].isVisible()
    assert "Wat u typte staat nog in het venster" in boxes[0].informativeText()
    assert first.text() == "Jan"
    assert not child(window, QPushButton, "createButton").isEnabled()
    _type(qtbot, window, "lastName", "Peeters")
    assert "kon niet laden" in _text(window, "createBlockers")
    boxes[0].close()


def test_closing_while_loading_asks_before_what_was_typed_is_lost(qtbot: QtBot) -> None:
    window = _loading_window(qtbot)
    answers = answering(window, discard=False)
    window.close()
    assert not answers.asked and not window.isVisible()
    window.show()
    _type(qtbot, window, "firstName", "Jan")
    window.close()
    assert window.isVisible() and "gaan verloren" in answers.asked[-1]
    answers.answer(discard=True)
    window.close()
    assert not window.isVisible()
