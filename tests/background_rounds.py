"""Run by tests/ui/test_background_threads.py in a child process (a segfault must not kill the
parent pytest): several referrals per window, the window closed, new windows, many rounds.
The last test checks that Python's garbage collector never ran on a pool thread, where it
would destroy the Qt objects of closed windows."""

from __future__ import annotations

import gc
import os
import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from referral_desk.ui.gui_collector import install_gui_thread_collector
from tests.ui_driver import create_via_window, open_main_window

REFERRALS = int(os.environ.get("BACKGROUND_ROUNDS_REFERRALS", "3"))
ROUNDS = int(os.environ.get("BACKGROUND_ROUNDS", "8"))
PANELS = int(os.environ.get("BACKGROUND_ROUNDS_PANELS", "400"))

collections_off_the_gui_thread: list[tuple[str, int]] = []


def _record(phase: str, info: dict[str, Any]) -> None:
    if phase == "start" and threading.current_thread() is not threading.main_thread():
        collections_off_the_gui_thread.append(
            (threading.current_thread().name, info["generation"])
        )


@pytest.fixture(scope="module", autouse=True)
def gui_thread_collector(qapp: QApplication) -> Iterator[None]:
    """As the application's start does."""
    install_gui_thread_collector(qapp)
    gc.callbacks.append(_record)
    yield
    gc.callbacks.remove(_record)


def _referrals_then_close(qtbot: QtBot, count: int) -> None:
    window = open_main_window(qtbot)
    for n in range(count):
        if n:
            window.new_button.click()  # "Nieuwe doorverwijzing", answered yes by the driver
            assert window.created is None
        create_via_window(qtbot, window)
    window.close()


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_round(qtbot: QtBot, round_: int) -> None:
    _referrals_then_close(qtbot, REFERRALS)


def test_one_more_window_after_all_rounds(qtbot: QtBot) -> None:
    _referrals_then_close(qtbot, 1)


class _ClosedPanel(QWidget):
    """A top-level window that was shown, closed and let go of, but sits in a cycle."""


def test_windows_left_in_cycles_while_pool_jobs_allocate(qtbot: QtBot, qapp: QApplication) -> None:
    """Without the GUI-thread collector an allocation in the job collects these cycles on the
    pool thread: the widget's destructor runs there, and the process hangs or segfaults."""
    qapp.setQuitOnLastWindowClosed(False)
    pool = QThreadPool.globalInstance()

    def allocate() -> None:
        junk: list[list[object]] = []
        for _ in range(3000):
            junk.append([])

    for _ in range(PANELS):
        panel = _ClosedPanel()
        for n in range(5):
            QLabel(f"veld {n}", panel)
        panel.cycle = panel  # type: ignore[attr-defined]
        panel.show()
        panel.close()
        del panel
        pool.start(allocate)
        qtbot.wait(1)
    pool.waitForDone()


def test_the_garbage_collector_never_ran_on_a_pool_thread() -> None:
    by_generation = Counter(generation for _thread, generation in collections_off_the_gui_thread)
    assert not collections_off_the_gui_thread, (
        f"collections on pool threads, by generation: {dict(by_generation)}; "
        f"first: {collections_off_the_gui_thread[:3]}"
    )
