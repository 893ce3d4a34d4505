"""Python's cyclic garbage collector, run only on the GUI thread.

An automatic collection runs on whichever thread happens to allocate when a threshold is
crossed: often a pool thread building a referral. Unreachable cycles that hold a live
Python-owned Qt widget are then destroyed on that thread, and ``QWidget``'s destructor
waits for and races with the GUI thread. So automatic collection is switched off and a
timer on the GUI thread collects with the same thresholds (pyqtgraph does the same).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

CHECK_INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    """Owns the timer; :meth:`check` collects the oldest generation whose count is due."""

    def __init__(self, app: QCoreApplication, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(app)
        self.setObjectName("guiThreadCollector")
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        gc.disable()
        self.timer.start()

    def check(self) -> int:
        """The generation collected (-1 for none), as the interpreter would have chosen it."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return generation
        return -1


def install_gui_thread_collector(app: QCoreApplication) -> GuiThreadCollector:
    """Once per application, from the GUI thread; a second call returns the first collector."""
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("the garbage collector must be installed from the GUI thread")
    existing = app.findChild(GuiThreadCollector, "guiThreadCollector")
    if isinstance(existing, GuiThreadCollector):
        return existing
    return GuiThreadCollector(app)


__all__ = ["GuiThreadCollector", "install_gui_thread_collector"]
