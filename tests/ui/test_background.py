"""BackgroundRunner: the call runs on a pool thread, the answer arrives on the GUI thread as a
value, one job at a time; and the garbage collector that only runs on the GUI thread."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from referral_desk.ui.background import BackgroundRunner
from referral_desk.ui.gui_collector import GuiThreadCollector, install_gui_thread_collector


@pytest.fixture
def collector(qapp: QApplication) -> Iterator[GuiThreadCollector]:
    was_enabled = gc.isenabled()
    existing = qapp.findChild(GuiThreadCollector, "guiThreadCollector")
    made = install_gui_thread_collector(qapp)
    yield made
    if existing is None:
        shiboken6.delete(made)
        if was_enabled:
            gc.enable()


class Answers:
    def __init__(self) -> None:
        self.results: list[object] = []
        self.errors: list[BaseException] = []
        self.threads: list[threading.Thread] = []

    def success(self, result: object) -> None:
        self.threads.append(threading.current_thread())
        self.results.append(result)

    def failure(self, error: BaseException) -> None:
        self.threads.append(threading.current_thread())
        self.errors.append(error)


def test_the_result_arrives_on_the_gui_thread_and_the_work_ran_in_the_pool(
    qtbot: QtBot,
) -> None:
    runner = BackgroundRunner()
    answers = Answers()
    ran_on: list[threading.Thread] = []

    def work() -> dict[str, int]:
        ran_on.append(threading.current_thread())
        return {"archives": 1}

    assert runner.start(work, answers.success, answers.failure)
    assert runner.busy
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert answers.results == [{"archives": 1}] and answers.errors == []
    assert answers.threads == [threading.main_thread()]
    assert ran_on and ran_on[0] is not threading.main_thread()


def test_an_error_in_the_work_arrives_as_the_failure_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = BackgroundRunner()
    answers = Answers()

    def work() -> None:
        raise OSError(28, "No space left on device")

    assert runner.start(work, answers.success, answers.failure)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert answers.results == []
    assert len(answers.errors) == 1 and isinstance(answers.errors[0], OSError)
    assert answers.errors[0].errno == 28
    assert answers.threads == [threading.main_thread()]


def test_a_second_start_while_busy_starts_nothing(qtbot: QtBot) -> None:
    runner = BackgroundRunner()
    answers = Answers()
    release = threading.Event()
    calls: list[str] = []

    def slow() -> str:
        calls.append("slow")
        release.wait(10)
        return "first"

    def second() -> str:
        calls.append("second")
        return "second"

    assert runner.start(slow, answers.success, answers.failure)
    assert not runner.start(second, answers.success, answers.failure)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert calls == ["slow"] and answers.results == ["first"]
    assert runner.start(second, answers.success, answers.failure)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert answers.results == ["first", "second"]


def test_what_the_work_made_is_let_go_of_on_the_gui_thread(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    """The last reference to the call, its result and its error is dropped on the GUI thread,
    and what is left in cycles the GUI thread's collector frees: nothing the GUI owns can be
    finalised on a pool thread."""
    freed_on: list[threading.Thread] = []

    class Traced:
        def __del__(self) -> None:
            freed_on.append(threading.current_thread())

    runner = BackgroundRunner()
    answers = Answers()
    def make_work() -> Callable[[], Traced]:
        captured = Traced()

        def work() -> Traced:
            assert captured is not None
            return Traced()

        return work

    work = make_work()

    def failing() -> None:
        error = ValueError("no")
        error.held = Traced()  # type: ignore[attr-defined]
        raise error

    assert runner.start(work, lambda _r: None, answers.failure)
    del work
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    QThreadPool.globalInstance().waitForDone()
    assert runner.start(failing, answers.success, lambda _e: None)
    del failing
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    QThreadPool.globalInstance().waitForDone()
    gc.collect()  # the error and its traceback's frames are a cycle
    assert len(freed_on) == 3 and answers.errors == []
    assert all(thread is threading.main_thread() for thread in freed_on), freed_on


def test_a_runner_whose_window_is_gone_gets_no_callback(qtbot: QtBot) -> None:
    owner = QObject()
    runner = BackgroundRunner(owner)
    answers = Answers()
    release = threading.Event()
    assert runner.start(lambda: release.wait(10), answers.success, answers.failure)
    shiboken6.delete(owner)  # the window closed and deleted while the work ran
    release.set()
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(50)
    assert answers.results == [] and answers.errors == []


def test_the_collector_turns_automatic_collection_off_once(
    qapp: QApplication, collector: GuiThreadCollector
) -> None:
    assert not gc.isenabled()
    assert collector.timer.isActive()
    assert install_gui_thread_collector(qapp) is collector


def test_the_collector_collects_on_the_gui_thread_when_a_threshold_is_passed(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    seen: list[tuple[threading.Thread, int]] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append((threading.current_thread(), info["generation"]))

    gc.collect()
    gc.callbacks.append(record)
    try:
        for _ in range(gc.get_threshold()[0] * 3):
            cycle: list[object] = []
            cycle.append(cycle)  # only a collection frees it
        del cycle
        assert gc.get_count()[0] > gc.get_threshold()[0]  # nothing collected by itself
        qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    finally:
        gc.callbacks.remove(record)
    assert all(thread is threading.main_thread() for thread, _generation in seen)
    assert collector.check() == -1  # just collected: nothing due
