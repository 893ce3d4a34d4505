"""Running slow core calls off the GUI thread and getting the answer back onto it.

One owner per thread: the pool thread owns only the call while it runs, the GUI thread owns
everything else. The pool thread hands the call, its result or its error to the GUI thread
through a locked queue, drops its own references, and only then emits a ticket number
through one emitter that lives on the GUI thread for the whole process. So no QObject of a
window is ever touched from the pool, and the last reference to anything the call made is
released on the GUI thread.
"""

from __future__ import annotations

import atexit
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal


@dataclass
class _Outcome:
    work: Callable[[], Any] | None
    result: Any = None
    error: BaseException | None = None


class _Mailbox(QObject):
    """The GUI thread's inbox. Made once, on the GUI thread, and never deleted before the
    pool is done: the only QObject a pool thread signals through."""

    arrived = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._outcomes: dict[int, _Outcome] = {}
        self._runners: dict[int, BackgroundRunner] = {}
        self._tickets = itertools.count(1)
        self.arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def post(self, runner: BackgroundRunner, work: Callable[[], Any]) -> None:
        ticket = next(self._tickets)
        self._runners[ticket] = runner
        QThreadPool.globalInstance().start(_Job(ticket, work, self))

    def put(self, ticket: int, outcome: _Outcome) -> None:
        """Pool thread: the outcome goes into the queue; the caller then drops its refs."""
        with self._lock:
            self._outcomes[ticket] = outcome

    def _deliver(self, ticket: int) -> None:
        with self._lock:
            outcome = self._outcomes.pop(ticket)
        runner = self._runners.pop(ticket)
        if shiboken6.isValid(runner):  # its window may be gone: then so is the answer
            runner._deliver(outcome)


class _Job:
    """What the pool runs: holds the call until it starts, then nothing of the GUI's."""

    def __init__(self, ticket: int, work: Callable[[], Any], mailbox: _Mailbox) -> None:
        self._ticket = ticket
        self._work: Callable[[], Any] | None = work
        self._mailbox = mailbox

    def __call__(self) -> None:
        work, self._work = self._work, None
        assert work is not None
        outcome = _Outcome(work)
        del work
        try:
            outcome.result = outcome.work() if outcome.work is not None else None
        except BaseException as error:  # handed to the GUI thread, never lost in the pool
            outcome.error = error
        self._mailbox.put(self._ticket, outcome)
        del outcome
        self._mailbox.arrived.emit(self._ticket)


_mailbox: _Mailbox | None = None


def _the_mailbox() -> _Mailbox:
    global _mailbox
    if _mailbox is None:
        _mailbox = _Mailbox()
        # Before the interpreter tears down the mailbox, no job may still be about to use it.
        atexit.register(QThreadPool.globalInstance().waitForDone)
    return _mailbox


class BackgroundRunner(QObject):
    """Runs one job at a time; ``busy`` is true from :meth:`start` until a callback ran."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.busy = False
        self._callbacks: (
            tuple[Callable[[Any], None], Callable[[BaseException], None]] | None
        ) = None

    def start(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> bool:
        """False (and nothing started) while a job runs: a second click starts nothing."""
        if self.busy:
            return False
        self.busy = True
        self._callbacks = (on_success, on_failure)
        _the_mailbox().post(self, work)
        return True

    def _deliver(self, outcome: _Outcome) -> None:
        assert self._callbacks is not None
        on_success, on_failure = self._callbacks
        self._callbacks = None
        self.busy = False
        if outcome.error is not None:
            on_failure(outcome.error)
        else:
            on_success(outcome.result)


__all__ = ["BackgroundRunner"]
