"""Uncaught failures reach a Dutch dialog and the log file, and the canary reaches neither.

pytest-qt's own exception capture would take ``sys.excepthook`` away from the hooks under
test, so these tests switch it off; the Qt message handler is swapped for ours and put back.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError
from PySide6.QtCore import QEventLoop, QTimer, qCritical, qWarning
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from referral_desk.domain.referral import ClientDetails
from referral_desk.storage import app_log
from referral_desk.storage.app_log import configure_logging
from referral_desk.ui import failure_dialog
from referral_desk.ui.failure_dialog import (
    install_failure_hooks,
    report_unexpected_failure,
    uninstall_failure_hooks,
)
from tests.lifecycle.test_failure_report import CANARY_FIELDS
from tests.ui.test_flow_end_to_end import CANARY, _needles_in
from tests.ui_driver import every_file

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    logger = logging.getLogger("referral_desk")
    handlers, level = list(logger.handlers), logger.level
    monkeypatch.setattr(app_log, "_current_log_file", app_log.current_log_file())
    path = configure_logging(tmp_path / "logs")
    assert path is not None
    yield path
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        if handler not in handlers:
            handler.close()
    for handler in handlers:
        logger.addHandler(handler)
    logger.setLevel(level)


@pytest.fixture
def hooks(qapp: QApplication, log_file: Path) -> Iterator[Path]:
    before = (sys.excepthook, threading.excepthook)
    install_failure_hooks(qapp)
    yield log_file
    for box in _failure_boxes():
        box.done(0)
    QApplication.processEvents()
    uninstall_failure_hooks()
    assert (sys.excepthook, threading.excepthook) == before


def _failure_boxes() -> list[QMessageBox]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QMessageBox)
        and widget.objectName() == "failureDialog"
        and widget.isVisible()
    ]


def _fail_with_every_field() -> None:
    """A validation failure of the canary client, re-raised with the client in the message."""
    try:
        ClientDetails.model_validate({**CANARY_FIELDS, "phone": None, "email": None})
    except ValidationError as error:
        raise RuntimeError(f"niet bewaard: {CANARY_FIELDS}", CANARY_FIELDS) from error


def _assert_no_canary_anywhere(root: Path, log_file: Path) -> None:
    for handler in logging.getLogger("referral_desk").handlers:
        handler.flush()
    assert log_file.is_file()
    leaks = {str(f): hits for f in every_file(root) if (hits := _needles_in(f.read_bytes()))}
    assert leaks == {}


def _run_in_event_loop(action: Callable[[], None]) -> None:
    """``action`` as a slot of a running event loop, as in the app after ``app.exec()``."""
    loop = QEventLoop()

    def slot() -> None:
        QTimer.singleShot(0, loop.quit)
        action()

    QTimer.singleShot(0, slot)
    QTimer.singleShot(5000, loop.quit)
    loop.exec()


def _assert_dutch_dialog(box: QMessageBox, log_file: Path) -> None:
    assert box.windowTitle() == "Onverwachte fout"
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.isModal()
    info = box.informativeText()
    assert str(log_file) in info
    assert "IT-dienst of helpdesk" in info
    assert "geen gegevens van cliënten" in info
    assert "niets automatisch per e-mail verstuurd" in info
    assert "RuntimeError" in box.detailedText()


def test_an_exception_in_a_slot_shows_the_dialog_and_logs_no_client_data(
    qtbot: QtBot, hooks: Path, tmp_path: Path
) -> None:
    _run_in_event_loop(_fail_with_every_field)
    qtbot.waitUntil(lambda: len(_failure_boxes()) == 1)
    box = _failure_boxes()[0]
    _assert_dutch_dialog(box, hooks)
    assert not _needles_in(
        (box.text() + box.informativeText() + box.detailedText()).encode("utf-8")
    )
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not _failure_boxes())
    written = hooks.read_text("utf-8")
    assert "unexpected failure in uncaught exception" in written
    assert "_fail_with_every_field" in written
    assert "model ClientDetails" in written
    _assert_no_canary_anywhere(tmp_path, hooks)


def test_a_failure_before_the_event_loop_runs_waits_for_the_dialog(
    qtbot: QtBot, hooks: Path, tmp_path: Path
) -> None:
    seen: list[str] = []

    def close_when_shown() -> None:
        boxes = _failure_boxes()
        if not boxes:
            QTimer.singleShot(20, close_when_shown)
            return
        seen.append(boxes[0].informativeText())
        boxes[0].button(QMessageBox.StandardButton.Ok).click()

    QTimer.singleShot(0, close_when_shown)
    try:
        _fail_with_every_field()
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert len(seen) == 1 and str(hooks) in seen[0]
    assert not _failure_boxes()
    _assert_no_canary_anywhere(tmp_path, hooks)


def test_a_failing_thread_is_logged_there_and_shown_on_the_gui_thread(
    qtbot: QtBot, hooks: Path, tmp_path: Path
) -> None:
    worker = threading.Thread(target=_fail_with_every_field, name="seal-worker")
    worker.start()
    worker.join(5)
    for handler in logging.getLogger("referral_desk").handlers:
        handler.flush()
    assert "unexpected failure in uncaught exception in thread seal-worker" in hooks.read_text(
        "utf-8"
    )
    qtbot.waitUntil(lambda: len(_failure_boxes()) == 1)
    box = _failure_boxes()[0]
    _assert_dutch_dialog(box, hooks)
    box.done(0)
    qtbot.waitUntil(lambda: not _failure_boxes())
    _assert_no_canary_anywhere(tmp_path, hooks)


def test_a_second_failure_updates_the_open_dialog_instead_of_stacking(
    qtbot: QtBot, hooks: Path, tmp_path: Path
) -> None:
    outcome = "De doorverwijzing is niet verstuurd en er is geen archief bewaard."
    for _ in range(3):
        try:
            _fail_with_every_field()
        except RuntimeError as error:
            report_unexpected_failure(None, error, where="referral creation", outcome=outcome)
    boxes = _failure_boxes()
    assert len(boxes) == 1
    assert outcome in boxes[0].informativeText()
    assert "nog 2 keer iets onverwacht mis" in boxes[0].informativeText()
    boxes[0].done(0)
    qtbot.waitUntil(lambda: not _failure_boxes())
    assert hooks.read_text("utf-8").count("unexpected failure in referral creation") == 3
    _assert_no_canary_anywhere(tmp_path, hooks)


def test_reporting_never_raises_even_with_a_deleted_parent(qtbot: QtBot, hooks: Path) -> None:
    parent = QWidget()
    parent.deleteLater()
    QApplication.processEvents()
    report_unexpected_failure(parent, ValueError(CANARY), where="after the parent went away")
    qtbot.waitUntil(lambda: len(_failure_boxes()) == 1)
    _failure_boxes()[0].done(0)


def test_without_a_log_file_the_dialog_says_so(
    qtbot: QtBot, hooks: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(failure_dialog, "log_file_location", lambda: None)
    report_unexpected_failure(None, ValueError(CANARY), where="somewhere")
    qtbot.waitUntil(lambda: len(_failure_boxes()) == 1)
    info = _failure_boxes()[0].informativeText()
    assert "Er is geen logbestand" in info and "IT-dienst of helpdesk" in info
    _failure_boxes()[0].done(0)


def test_qt_warnings_and_criticals_reach_the_log_shortened(hooks: Path, tmp_path: Path) -> None:
    qWarning("referral-desk test warning")
    qCritical("referral-desk test critical " + "x" * 300 + CANARY)
    for handler in logging.getLogger("referral_desk").handlers:
        handler.flush()
    written = hooks.read_text("utf-8")
    assert "WARNING referral_desk: Qt QtWarningMsg" in written
    assert "referral-desk test warning" in written
    assert "ERROR referral_desk: Qt QtCriticalMsg" in written
    assert "referral-desk test critical" in written and "x…" in written
    _assert_no_canary_anywhere(tmp_path, hooks)


def test_uninstalling_puts_the_previous_hooks_back(qapp: QApplication, log_file: Path) -> None:
    before = (sys.excepthook, threading.excepthook)
    install_failure_hooks(qapp)
    install_failure_hooks(qapp)
    assert sys.excepthook is not before[0] and threading.excepthook is not before[1]
    uninstall_failure_hooks()
    assert (sys.excepthook, threading.excepthook) == before
    uninstall_failure_hooks()
    assert (sys.excepthook, threading.excepthook) == before
