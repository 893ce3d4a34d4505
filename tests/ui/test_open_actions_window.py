"""The open actions in the windows, offscreen, with a fake clock: the list with the one step
that settles each (recorded with its date), the partner's reports in the sent-referrals
window, and the main window's count at start; in Dutch and in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from referral_desk.domain.referral_record import (
    DataFieldKind,
    OpenActionKind,
    PartnerReport,
    PartnerReportKind,
    PasswordChannel,
    ReferralStatus,
    ReplyChannel,
    WithdrawalChannel,
)
from referral_desk.lifecycle.recording import FollowUpServices
from referral_desk.storage.outbox import Outbox
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import ReferralLog
from referral_desk.ui.evaluation_window import EvaluationWindow
from referral_desk.ui.language import install_translators
from referral_desk.ui.open_actions_window import OpenActionsWindow
from referral_desk.ui.referral_log_window import ReferralLogWindow
from tests.lifecycle.test_open_actions import FIRST, SECOND, Clock
from tests.lifecycle_fixtures import RecordingMail, registry
from tests.storage.test_referral_log import entry
from tests.ui_driver import answering, child, open_main_window


@pytest.fixture
def english(qapp: QApplication, compiled_catalogs: None) -> Iterator[None]:
    installed = install_translators(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def services(tmp_path: Path, clock: Clock) -> Iterator[FollowUpServices]:
    log = ReferralLog.open(tmp_path / "log.sqlite3", clock=clock)
    yield FollowUpServices(
        referral_log=log, vault=None, clock=clock, outbox=Outbox(tmp_path / "outbox"),
        mail=RecordingMail(),
    )  # fmt: skip
    log.close()


def log_of(services: FollowUpServices) -> ReferralLog:
    assert services.referral_log is not None
    return services.referral_log


def list_window(qtbot: QtBot, services: FollowUpServices, clock: Clock) -> OpenActionsWindow:
    window = OpenActionsWindow(services, registry, lambda: clock().date())
    qtbot.addWidget(window)
    window.show()
    return window


def cells(table: QTableWidget, column: int) -> list[str]:
    texts = []
    for row in range(table.rowCount()):
        item = table.item(row, column)
        texts.append(item.text() if item is not None else "")
    return texts


def seeded(services: FollowUpServices, clock: Clock) -> None:
    """FIRST sent on Monday with no password told; SECOND a draft never marked sent."""
    log = log_of(services)
    log.add(entry(FIRST, clock()))
    log.mark_sent(FIRST, clock())
    log.add(entry(SECOND, clock() + timedelta(hours=1)))


def test_each_action_appears_when_owed_and_settles_in_one_step(
    qtbot: QtBot, services: FollowUpServices, clock: Clock
) -> None:
    seeded(services, clock)
    window = list_window(qtbot, services, clock)
    table = window.table
    assert cells(table, 2) == ["Wachtwoord nog niet doorgegeven aan de partner"]
    assert window.settle_button.isEnabled() and window.focusWidget() is table
    answers = answering(window, settle_password=PasswordChannel.PHONE.value)
    # Enter on the row is the step: the channel is asked, today's date recorded.
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert [c.key for c in answers.choices] == ["settle_password"]
    assert answers.choices[0].default == "cancel"
    row = log_of(services).get(FIRST)
    assert row is not None and row.password_channel is PasswordChannel.PHONE
    assert table.rowCount() == 0 and "niets meer open" in window.message.text()

    clock.days(3)
    window.recompute()
    assert cells(table, 0) == [SECOND]
    assert cells(table, 2) == ["Concept gemaakt maar niet als verstuurd genoteerd"]
    assert cells(table, 3) == ["02-03-2026"]
    answers.answer(settle=True)
    qtbot.mouseClick(window.settle_button, Qt.MouseButton.LeftButton)
    assert "05-03-2026" in answers.asked[-1]
    second = log_of(services).get(SECOND)
    assert second is not None and second.status is ReferralStatus.SENT
    assert second.sent_at is not None and second.sent_at.date() == date(2026, 3, 5)

    clock.working_days(10)
    window.recompute()
    assert cells(table, 2) == [
        "Geen ontvangstbevestiging van de partner na 5 werkdagen",
        "Wachtwoord nog niet doorgegeven aan de partner",
        "Geen ontvangstbevestiging van de partner na 5 werkdagen",
    ]
    answers.answer(settle_receipt=ReplyChannel.MAIL.value)
    qtbot.mouseClick(window.settle_button, Qt.MouseButton.LeftButton)
    reports = log_of(services).partner_reports(FIRST)[FIRST]
    assert [(r.kind, r.reported_on) for r in reports] == [
        (PartnerReportKind.RECEIVED, date(2026, 3, 16))
    ]
    assert table.rowCount() == 2


def test_cancelling_the_step_records_nothing(
    qtbot: QtBot, services: FollowUpServices, clock: Clock
) -> None:
    seeded(services, clock)
    window = list_window(qtbot, services, clock)
    answering(window, settle_password="cancel")
    qtbot.mouseClick(window.settle_button, Qt.MouseButton.LeftButton)
    row = log_of(services).get(FIRST)
    assert row is not None and row.password_channel is PasswordChannel.NOT_YET
    assert window.table.rowCount() == 1


def test_the_sent_referrals_window_records_and_shows_the_partners_reports(
    qtbot: QtBot, services: FollowUpServices, clock: Clock
) -> None:
    seeded(services, clock)
    clock.days(3)
    window = ReferralLogWindow(
        services, None, lambda: None, lambda: clock().date(), registry=registry
    )
    qtbot.addWidget(window)
    window.show()
    answers = answering(
        window,
        report_channel=[ReplyChannel.MAIL.value, ReplyChannel.PHONE.value],
        report_day=["04-03-2026", "05-03-2026"],
        partner_report="incorrect_data",
        incorrect_field=[DataFieldKind.ADDRESS.value, DataFieldKind.PHONE.value, "done"],
    )
    window.select(SECOND)
    assert not window.buttons["receipt"].isEnabled()  # never sent: nothing to confirm
    window.select(FIRST)
    assert window.buttons["receipt"].isEnabled()
    qtbot.mouseClick(window.buttons["receipt"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.buttons["partner_report"], Qt.MouseButton.LeftButton)
    assert answers.typed[0].text == "05-03-2026"  # today offered
    reports = log_of(services).partner_reports(FIRST)[FIRST]
    assert [(r.kind, r.reported_on, r.fields) for r in reports] == [
        (PartnerReportKind.RECEIVED, date(2026, 3, 4), ()),
        (
            PartnerReportKind.INCORRECT_DATA,
            date(2026, 3, 5),
            (DataFieldKind.ADDRESS, DataFieldKind.PHONE),
        ),
    ]
    column = window.table.columnCount() - 1
    texts = {window.table.item(r, 0).text(): window.table.item(r, column).text() for r in (0, 1)}
    assert texts[FIRST] == (
        "ontvangen 04-03-2026 (antwoord per e-mail); onjuist (art. 7) 05-03-2026: adres, telefoon"
    )
    # The art. 7 report is now an open action in the list the window opens.
    listed = window.open_open_actions()
    assert isinstance(listed, OpenActionsWindow)
    assert "Correctie na de melding van onjuiste gegevens (art. 7)" in cells(listed.table, 2)


def test_the_evaluation_window_counts_the_partners_reports(
    qtbot: QtBot, services: FollowUpServices, clock: Clock
) -> None:
    seeded(services, clock)
    log = log_of(services)
    log.record_partner_report(
        FIRST, PartnerReport(
            at=clock(), kind=PartnerReportKind.RECEIVED, reported_on=clock().date(),
            channel=ReplyChannel.MAIL,
        )
    )
    log.record_partner_report(
        FIRST,
        PartnerReport(
            at=clock(),
            kind=PartnerReportKind.INCORRECT_DATA,
            reported_on=clock().date(),
            channel=ReplyChannel.PHONE,
            fields=(DataFieldKind.PHONE,),
        ),
    )
    evaluation = EvaluationWindow(log, lambda: clock().date())
    qtbot.addWidget(evaluation)
    table = evaluation.table
    titles = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    total = table.rowCount() - 1
    shown = {title: table.item(total, c).text() for c, title in enumerate(titles)}
    assert shown["Verstuurd"] == "1" and shown["Ontvangst bevestigd"] == "1"
    assert shown["Kon niet openen"] == "0" and shown["Foutieve gegevens (art. 7)"] == "1"
    assert "1 met ontvangst bevestigd" in evaluation.message.text()
    assert "1 melding van foutieve gegevens" in evaluation.message.text()


def test_a_day_after_today_is_refused_in_the_window(
    qtbot: QtBot, services: FollowUpServices, clock: Clock
) -> None:
    seeded(services, clock)
    window = ReferralLogWindow(
        services, None, lambda: None, lambda: clock().date(), registry=registry
    )
    qtbot.addWidget(window)
    window.show()
    answering(window, report_channel=ReplyChannel.PHONE.value, report_day="09-03-2026")
    window.select(FIRST)
    qtbot.mouseClick(window.buttons["receipt"], Qt.MouseButton.LeftButton)
    assert "ligt na vandaag" in window.message.text()
    assert log_of(services).partner_reports() == {}


def test_the_list_in_english(
    qtbot: QtBot, english: None, services: FollowUpServices, clock: Clock
) -> None:
    seeded(services, clock)
    clock.working_days(10)
    window = list_window(qtbot, services, clock)
    assert window.windowTitle() == "Open actions"
    assert cells(window.table, 2) == [
        "Password not yet passed on to the partner",
        "No confirmation of receipt from the partner after 5 working days",
        "Draft made but not marked as sent",
    ]
    assert cells(window.table, 4)[2] == "Mark as sent"
    assert window.settle_button.text() == "&Settle…"


def test_the_list_fits_1366_by_768_and_grabs(
    qtbot: QtBot, services: FollowUpServices, clock: Clock, tmp_path: Path
) -> None:
    seeded(services, clock)
    clock.working_days(10)
    log_of(services).mark_withdrawn(FIRST, WithdrawalChannel.PHONE, clock())
    window = list_window(qtbot, services, clock)
    window.resize(1366, 768)
    assert window.grab().save(str(tmp_path / "open-actions-1366x768.png"))
    assert OpenActionKind.DELETION_OWED in [a.kind for a in window.listed]


def _seed_home_log(days_ago: int) -> None:
    made = datetime.now(UTC) - timedelta(days=days_ago)
    log = ReferralLog.open(AppPaths.from_platform().referral_log_file)
    log.add(entry(FIRST, made))
    log.close()


def test_the_main_window_counts_at_start_and_opens_the_list(qtbot: QtBot) -> None:
    _seed_home_log(10)
    window = open_main_window(qtbot)
    notice = window.open_actions_notice
    qtbot.waitUntil(lambda: notice.isVisible(), timeout=5000)
    button = child(window, QPushButton, "openActionsButton")
    assert button.text() == "Eén open actie – bekijken"
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    listed = notice.window_
    assert isinstance(listed, OpenActionsWindow) and listed.isVisible()
    answering(listed, settle=True, settle_password=PasswordChannel.PHONE.value)
    qtbot.keyClick(listed.table, Qt.Key.Key_Return)
    # Sent now: the password is owed next, and the count follows the list.
    assert cells(listed.table, 2) == ["Wachtwoord nog niet doorgegeven aan de partner"]
    assert notice.count == 1 and notice.isVisible()
    qtbot.keyClick(listed.table, Qt.Key.Key_Return)
    assert listed.table.rowCount() == 0
    assert not notice.isVisible() and notice.count == 0


def test_the_count_follows_steps_taken_elsewhere_when_the_window_is_active_again(
    qtbot: QtBot,
) -> None:
    _seed_home_log(10)
    window = open_main_window(qtbot)
    notice = window.open_actions_notice
    qtbot.waitUntil(lambda: notice.isVisible(), timeout=5000)
    # As the sent-referrals window would: marked sent, and the password told.
    log = ReferralLog.open(AppPaths.from_platform().referral_log_file)
    log.mark_sent(FIRST)
    log.set_password_channel(FIRST, PasswordChannel.PHONE)
    log.close()
    assert notice.count == 1
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    assert notice.count == 0 and not notice.isVisible()


def test_the_main_window_count_in_english(qtbot: QtBot, english: None) -> None:
    _seed_home_log(10)
    window = open_main_window(qtbot)
    qtbot.waitUntil(lambda: window.open_actions_notice.isVisible(), timeout=5000)
    assert window.open_actions_notice.button.text() == "One open action – view"


def test_nothing_open_shows_no_line(qtbot: QtBot) -> None:
    window = open_main_window(qtbot)
    qtbot.wait(50)
    assert not window.open_actions_notice.isVisible()
