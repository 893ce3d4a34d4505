"""Running slow core calls off the GUI thread and getting the answer back onto it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Bridge(QObject):
    """Lives on the GUI thread: signals emitted from the pool arrive there, queued."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], bridge: _Bridge) -> None:
        super().__init__()
        self.work = work
        self.bridge = bridge

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as error:  # handed to the GUI thread, never lost in the pool
            self.bridge.failed.emit(error)
        else:
            self.bridge.succeeded.emit(result)


class BackgroundRunner(QObject):
    """Runs one job at a time; ``busy`` is true from :meth:`start` until a callback ran."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.busy = False
        self._bridge: _Bridge | None = None

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
        bridge = _Bridge(self)

        def succeeded(result: object) -> None:
            self._finish(bridge)
            on_success(result)

        def failed(error: object) -> None:
            self._finish(bridge)
            assert isinstance(error, BaseException)
            on_failure(error)

        bridge.succeeded.connect(succeeded)
        bridge.failed.connect(failed)
        self._bridge = bridge
        QThreadPool.globalInstance().start(_Job(work, bridge))
        return True

    def _finish(self, bridge: _Bridge) -> None:
        self.busy = False
        self._bridge = None
        bridge.deleteLater()
