"""The sent-referrals and evaluation windows by keyboard: Tab through the reading order, out of
the table; Escape and *Sluiten* close; dates as the table shows them; a reopened window
without the last visit's messages; an export that keeps the summary."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import ReferralLog
from referral_desk.ui.evaluation_window import EvaluationWindow
from referral_desk.ui.main_window import MainWindow
from referral_desk.ui.referral_log_window import ReferralLogWindow
from tests.storage.test_referral_log import entry
from tests.ui_driver import answering, child, open_main_window

NOW = datetime.now(UTC)


def _add_rows(*referral_ids: str) -> None:
    log = ReferralLog.open(AppPaths.from_platform().referral_log_file)
    try:
        for days, referral_id in enumerate(referral_ids, start=1):
            log.add(entry(referral_id, NOW - timedelta(days=days)))
    finally:
        log.close()


def _log_window(qtbot: QtBot, *referral_ids: str) -> tuple[MainWindow, ReferralLogWindow]:
    window = open_main_window(qtbot)
    _add_rows(*referral_ids)
    log_window = window.open_referral_log_window()
    qtbot.addWidget(log_window)
    log_window.activateWindow()
    qtbot.waitUntil(log_window.isActiveWindow)
    return window, log_window


def _tab_from(qtbot: QtBot, start: QWidget, steps: int) -> list[QWidget | None]:
    start.setFocus()
    seen: list[QWidget | None] = [QApplication.focusWidget()]
    for _ in range(steps):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_leaves_the_table_and_follows_the_reading_order(qtbot: QtBot) -> None:
    _window, log_window = _log_window(qtbot, "KG-2026-AAAAAA", "KG-2026-CCCCCC")
    log_window.table.selectRow(0)
    enabled = [b for b in log_window.buttons.values() if b.isEnabled()]
    close = log_window.close_buttons.button(QDialogButtonBox.StandardButton.Close)
    expected = [
        log_window.search,
        log_window.date_from,
        log_window.date_to,
        log_window.partner,
        log_window.status,
        log_window.table,
        *enabled,
        close,
    ]
    assert _tab_from(qtbot, log_window.search, len(expected) - 1) == expected

    # From the table one Tab is enough to reach the actions, not eight cells per row.
    assert _tab_from(qtbot, log_window.table, 1)[-1] is enabled[0]


def test_the_arrow_keys_still_walk_the_rows(qtbot: QtBot) -> None:
    _window, log_window = _log_window(qtbot, "KG-2026-AAAAAA", "KG-2026-CCCCCC")
    log_window.table.setFocus()
    log_window.table.setCurrentCell(0, 0)
    qtbot.keyClick(log_window.table, Qt.Key.Key_Down)
    assert log_window.selected() is not None
    assert log_window.selected().referral_id == "KG-2026-CCCCCC"  # type: ignore[union-attr]


def test_escape_and_the_close_button_close_the_log_window(qtbot: QtBot) -> None:
    window, log_window = _log_window(qtbot, "KG-2026-AAAAAA")
    log_window.table.setFocus()
    qtbot.keyClick(log_window.table, Qt.Key.Key_Escape)
    assert not log_window.isVisible()

    assert window.open_referral_log_window() is log_window and log_window.isVisible()
    qtbot.keyClick(log_window.date_from, Qt.Key.Key_Escape)
    assert not log_window.isVisible()

    window.open_referral_log_window()
    close = log_window.close_buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None and close.isVisible()
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not log_window.isVisible()


def test_escape_and_the_close_button_close_the_evaluation_window(qtbot: QtBot) -> None:
    _window, log_window = _log_window(qtbot, "KG-2026-AAAAAA")
    evaluation = log_window.open_evaluation()
    qtbot.addWidget(evaluation)
    qtbot.keyClick(evaluation.date_from, Qt.Key.Key_Escape)
    assert not evaluation.isVisible()

    log_window.open_evaluation()
    assert evaluation.isVisible()
    close = evaluation.close_buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None and close.isVisible()
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not evaluation.isVisible()


def test_the_date_filter_takes_the_table_form_and_says_a_wrong_date(qtbot: QtBot) -> None:
    _window, log_window = _log_window(qtbot, "KG-2026-AAAAAA", "KG-2026-CCCCCC")
    yesterday = (NOW - timedelta(days=1)).date()
    assert log_window.date_from.placeholderText() == "DD-MM-JJJJ"
    for typed in (
        numeric_date(yesterday),
        yesterday.isoformat(),
        f"{yesterday.day}-{yesterday.month}-{yesterday.year}",
    ):
        log_window.date_from.clear()
        qtbot.keyClicks(log_window.date_from, typed)
        assert [r.referral_id for r in log_window.shown] == ["KG-2026-AAAAAA"], typed

    log_window.date_from.clear()
    qtbot.keyClicks(log_window.date_to, "31-02-2026")
    assert log_window.shown == []
    assert log_window.message.text() == "Tot: geen datum. Geef ze als 31-01-2026 of 2026-01-31."
    assert log_window.date_to.styleSheet()
    # Corrected: the message goes, the rows come back.
    log_window.date_to.clear()
    assert log_window.message.text() == "" and not log_window.date_to.styleSheet()
    assert len(log_window.shown) == 2


def test_a_reopened_window_shows_the_log_now_without_old_messages(qtbot: QtBot) -> None:
    _window, log_window = _log_window(qtbot, "KG-2026-AAAAAA")
    log_window.say("Een oude fout.", error=True)
    log_window.close()
    _add_rows("KG-2026-CCCCCC")
    # Shown again by whoever holds it, with or without a refresh first.
    log_window.show()
    assert log_window.message.text() == ""
    assert not log_window.message.styleSheet()
    assert log_window.table.rowCount() == 2


def test_a_log_problem_that_still_holds_is_said_again(qtbot: QtBot) -> None:
    problem = "Het logboek kon niet geopend worden."
    log_window = ReferralLogWindow(None, problem, lambda: None, date.today)
    qtbot.addWidget(log_window)
    log_window.show()
    log_window.say("Iets anders.", error=True)
    log_window.close()
    log_window.show()
    assert log_window.message.text() == problem


def test_sent_has_one_name_in_both_windows(qtbot: QtBot) -> None:
    window, log_window = _log_window(qtbot, "KG-2026-AAAAAA")
    panel_button = child(window, QPushButton, "confirmSentButton")
    assert isinstance(panel_button, QPushButton)
    assert log_window.buttons["sent"].text() == panel_button.text() == "E-mail &is verstuurd"


def test_an_export_keeps_the_summary_and_says_where_it_went(qtbot: QtBot, tmp_path: Path) -> None:
    log = ReferralLog.open(tmp_path / "referral-log.sqlite3")
    log.add(entry("KG-2026-AAAAAA", NOW - timedelta(days=1)))
    evaluation = EvaluationWindow(log, lambda: NOW.date())
    qtbot.addWidget(evaluation)
    evaluation.show()
    summary = evaluation.message.text()
    assert "in deze periode" in summary
    assert not evaluation.saved.isVisible()

    target = tmp_path / "evaluatie.csv"
    (tmp_path / "een-bestand").write_text("geen map")
    missing = tmp_path / "een-bestand" / "evaluatie.png"
    answering(evaluation, export=[target, missing])
    evaluation.csv_button.click()
    assert target.exists()
    assert evaluation.message.text() == summary
    assert evaluation.saved.isVisible() and evaluation.saved.text() == f"Bewaard: {target}"

    evaluation.png_button.click()
    assert evaluation.message.text() == summary
    assert evaluation.saved.text().startswith(f"{missing} kon niet geschreven worden")
    assert evaluation.saved.styleSheet()
    log.close()
