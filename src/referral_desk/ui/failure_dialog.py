"""No failure unseen: uncaught errors become a Dutch dialog and a data-free log entry.

The windowed Windows build has no stderr, so without these hooks an exception in a slot,
a worker thread or Qt itself vanishes. What the log gets is decided in
:mod:`referral_desk.lifecycle.failure_report`; the dialog shows only the exception's type name.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDir,
    QEventLoop,
    QMessageLogContext,
    QObject,
    Qt,
    QThread,
    QtMsgType,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from referral_desk.lifecycle.failure_report import LOGGER_NAME, log_file_location, log_unexpected

QT_MESSAGE_LIMIT = 200

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]
ThreadingHook = Callable[[threading.ExceptHookArgs], Any]


translate = QCoreApplication.translate


def _log() -> logging.Logger:
    return logging.getLogger(LOGGER_NAME)


@dataclass
class _PreviousHooks:
    excepthook: ExceptHook
    threading_excepthook: ThreadingHook
    qt_handler: object


class _Relay(QObject):
    """Lives in the GUI thread; a failure in another thread reaches the dialog through it."""

    requested = Signal(str, str, object)

    def __init__(self) -> None:
        super().__init__()
        self.requested.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @Slot(str, str, object)
    def _show(self, type_name: str, where: str, outcome: object) -> None:
        _show_dialog(None, type_name, where, outcome if isinstance(outcome, str) else None)


class _State:
    """The one dialog on screen, how many failures it stands for, and what to restore."""

    def __init__(self) -> None:
        self.box: QMessageBox | None = None
        self.building = False
        self.more = 0
        self.outcome: str | None = None
        self.relay: _Relay | None = None
        self.relay_lock = threading.Lock()
        self.previous: _PreviousHooks | None = None


_state = _State()


def report_unexpected_failure(
    parent: QWidget | None, exc: BaseException, *, where: str, outcome: str | None = None
) -> None:
    """Log ``exc`` without its message and tell the user in Dutch; never raises.

    ``outcome`` is the caller's Dutch sentence on whether anything was sent or saved. Never
    blocks: the dialog is application-modal but shown without a local event loop. From a
    thread other than the GUI thread the dialog is queued to the GUI thread.
    """
    log_unexpected(exc, where=where)
    _request_dialog(parent, type(exc).__name__, where, outcome, wait_if_idle=False)


def install_failure_hooks(app: QApplication) -> None:
    """Route uncaught exceptions (any thread) and Qt's own messages to the log and the dialog.

    The previous hooks are kept; :func:`uninstall_failure_hooks` puts them back.
    """
    if _state.previous is not None:
        uninstall_failure_hooks()
    _relay(app)
    previous_excepthook = sys.excepthook
    previous_threading = threading.excepthook
    sys.excepthook = _excepthook
    threading.excepthook = _threading_excepthook
    previous_qt = qInstallMessageHandler(_qt_message)
    _state.previous = _PreviousHooks(previous_excepthook, previous_threading, previous_qt)


def uninstall_failure_hooks() -> None:
    """Put back the hooks that were in place before :func:`install_failure_hooks`."""
    previous = _state.previous
    if previous is None:
        return
    _state.previous = None
    sys.excepthook = previous.excepthook
    threading.excepthook = previous.threading_excepthook
    qInstallMessageHandler(previous.qt_handler)


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    try:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        where = "uncaught exception"
        log_unexpected(exc, where=where)
        _request_dialog(None, exc_type.__name__, where, None, wait_if_idle=True)
    except Exception:
        _log().error("the failure hook itself failed")


def _threading_excepthook(args: threading.ExceptHookArgs) -> None:
    try:
        if issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        where = f"uncaught exception in thread {name}"
        if args.exc_value is not None:
            exc = args.exc_value
            if exc.__traceback__ is None and args.exc_traceback is not None:
                exc = exc.with_traceback(args.exc_traceback)
            log_unexpected(exc, where=where)
        else:
            _log().error("unexpected failure in %s\n%s", where, args.exc_type.__name__)
        _request_dialog(None, args.exc_type.__name__, where, None, wait_if_idle=False)
    except Exception:
        _log().error("the thread failure hook itself failed")


def _qt_message(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's text only, shortened: it may quote a widget's contents."""
    try:
        text = " ".join(str(message).split())
        if len(text) > QT_MESSAGE_LIMIT:
            text = text[:QT_MESSAGE_LIMIT] + "…"
        # PySide6 6.9's stubs lack these attributes, which the object has at run time.
        file, category, line, function = (
            getattr(context, name, None) for name in ("file", "category", "line", "function")
        )
        _log().log(
            _QT_LEVELS.get(msg_type, logging.WARNING),
            "Qt %s [%s] %s:%s %s: %s",
            getattr(msg_type, "name", str(msg_type)),
            category or "default",
            os.path.basename(file) if file else "?",
            line,
            function or "?",
            text,
        )
        if msg_type == QtMsgType.QtFatalMsg:
            for handler in _log().handlers:
                handler.flush()
    except Exception:
        pass


def _relay(app: QCoreApplication) -> _Relay:
    with _state.relay_lock:
        relay = _state.relay
        if relay is None or not shiboken6.isValid(relay):
            relay = _Relay()
            if relay.thread() == app.thread():
                relay.setParent(app)
            else:
                relay.moveToThread(app.thread())
            _state.relay = relay
        return relay


def _request_dialog(
    parent: QWidget | None,
    type_name: str,
    where: str,
    outcome: str | None,
    *,
    wait_if_idle: bool,
) -> None:
    try:
        app = QCoreApplication.instance()
        if not isinstance(app, QApplication):
            return
        if QThread.currentThread() != app.thread():
            _relay(app).requested.emit(type_name, where, outcome)
            return
        box = _show_dialog(parent, type_name, where, outcome)
        # Before app.exec() or after it returned (a failure at start-up or shut-down) nothing
        # would ever paint the dialog, so wait here until it is closed.
        if wait_if_idle and box is not None and app.thread().loopLevel() == 0:
            loop = QEventLoop()
            box.finished.connect(loop.quit)
            if shiboken6.isValid(box) and box.isVisible():
                loop.exec()
    except Exception as error:
        log_unexpected(error, where="failure dialog")


def _show_dialog(
    parent: QWidget | None, type_name: str, where: str, outcome: str | None
) -> QMessageBox | None:
    """At most one dialog at a time; a further failure only updates the one on screen."""
    try:
        current = _state.box
        if current is not None and not (shiboken6.isValid(current) and current.isVisible()):
            _dialog_closed()
            current = None
        if _state.building or current is not None:
            _state.more += 1
            _log().error("a further unexpected failure while the failure dialog is open")
            if current is not None and not _state.building:
                current.setInformativeText(_informative_text(_state.outcome, _state.more))
            return None
        _state.building = True
        try:
            box = _build_box(parent, type_name, where, outcome)
        finally:
            _state.building = False
        _state.box, _state.more, _state.outcome = box, 0, outcome
        box.finished.connect(_dialog_closed)
        box.show()
        box.raise_()
        box.activateWindow()
        return box
    except Exception as error:
        log_unexpected(error, where="failure dialog")
        return None


def _dialog_closed() -> None:
    box = _state.box
    _state.box, _state.more, _state.outcome = None, 0, None
    if box is not None and shiboken6.isValid(box):
        box.deleteLater()


def _build_box(
    parent: QWidget | None, type_name: str, where: str, outcome: str | None
) -> QMessageBox:
    if parent is not None and not shiboken6.isValid(parent):
        parent = None
    box = QMessageBox(parent or QApplication.activeWindow())
    box.setObjectName("failureDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("FailureDialog", "Onverwachte fout"))
    box.setText(translate("FailureDialog", "Er ging onverwacht iets mis in referral-desk."))
    box.setInformativeText(_informative_text(outcome, 0))
    box.setDetailedText(
        translate(
            "FailureDialog", "Technische gegevens voor de helpdesk:\nSoort fout: {0}\nPlaats: {1}"
        ).format(type_name, where)
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    return box


def _informative_text(outcome: str | None, more: int) -> str:
    parts = [
        outcome
        or translate(
            "FailureDialog",
            "Er is niets automatisch per e-mail verstuurd. Wat op het scherm staat, blijft "
            "staan: kijk het na en probeer het opnieuw.",
        )
    ]
    log_file = log_file_location()
    if log_file is not None:
        parts.append(
            translate(
                "FailureDialog", "De technische details staan in het logbestand:\n{0}"
            ).format(QDir.toNativeSeparators(str(log_file)))
        )
        parts.append(
            translate(
                "FailureDialog",
                "Blijft dit gebeuren? Neem contact op met uw IT-dienst of helpdesk en stuur "
                "hen het logbestand. Het logbestand bevat geen gegevens van cliënten; u mag het "
                "dus doorsturen.",
            )
        )
    else:
        parts.append(
            translate(
                "FailureDialog",
                "Er is geen logbestand: de technische details konden niet bewaard worden.",
            )
        )
        parts.append(
            translate(
                "FailureDialog",
                "Blijft dit gebeuren? Neem contact op met uw IT-dienst of helpdesk en vertel "
                "wat u aan het doen was.",
            )
        )
    if more:
        parts.append(
            translate(
                "FailureDialog",
                "Intussen ging nog {0} keer iets onverwacht mis; ook dat staat in het logbestand.",
            ).format(more)
            if log_file is not None
            else translate(
                "FailureDialog", "Intussen ging nog {0} keer iets onverwacht mis."
            ).format(more)
        )
    return "\n\n".join(parts)
